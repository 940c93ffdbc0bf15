import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/index';
import { exportDocx, type ExportOptions } from '../../src/docx/export';
import {
  attribute,
  attributeOf,
  eastAsiaFont,
  element,
  elements,
  halfPoints,
  isBold,
  openDocx,
  paragraphs,
  type OpenedDocx,
  type XmlParagraph,
} from './docx-xml';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/docx');
const SUMMARY_FILE = path.join(FIXTURES, 'summary.md');

/** 1 mm = 1440 / 25.4 twips; the standard's millimetres, rounded as Word stores them. */
const A4_TWIPS = { width: 11906, height: 16838 };
const MARGINS_TWIPS = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
/** (16838 − 2098 − 1984) / 22 = 579.8 → 579 twips = 28.95 pt, so 22 lines fit. */
const LINE_PITCH = 579;
/** (11906 − 1587 − 1474) / 28 = 315.9 twips = 15.79 pt a character; (15.79 − 16) × 4096 → −842. */
const CHAR_SPACE = -842;

async function exportSummary(options?: ExportOptions): Promise<OpenedDocx> {
  const text = readFileSync(SUMMARY_FILE, 'utf8');
  const { document } = analyze(text, { fileName: SUMMARY_FILE });
  return openDocx(await exportDocx(document, options));
}

function paragraphStarting(all: XmlParagraph[], start: string): XmlParagraph {
  const found = all.find((paragraph) => paragraph.text.startsWith(start));
  assert.ok(found, `no paragraph starts with ${start}; paragraphs: ${all.map((p) => p.text.slice(0, 12)).join(' | ')}`);
  return found;
}

function lineSpacing(paragraph: XmlParagraph): { line?: string; rule?: string; before?: string; after?: string } {
  const tag = element(paragraph.properties, 'w:spacing') ?? '';
  return {
    line: attribute(tag, 'w:line'),
    rule: attribute(tag, 'w:lineRule'),
    before: attribute(tag, 'w:before'),
    after: attribute(tag, 'w:after'),
  };
}

function paragraphWithText(all: XmlParagraph[], text: string): XmlParagraph {
  const found = all.find((paragraph) => paragraph.text === text);
  assert.ok(found, `no paragraph reads ${text}`);
  return found;
}

function alignment(paragraph: XmlParagraph): string | undefined {
  return attributeOf(paragraph.properties, 'w:jc', 'w:val');
}

function firstLineIndent(paragraph: XmlParagraph): { chars?: string; twips?: string } {
  const tag = element(paragraph.properties, 'w:ind') ?? '';
  return { chars: attribute(tag, 'w:firstLineChars'), twips: attribute(tag, 'w:firstLine') };
}

describe('docx export (GB/T 9704-2012 layout)', () => {
  let docx: OpenedDocx;
  let body: XmlParagraph[];
  before(async () => {
    docx = await exportSummary();
    body = paragraphs(docx.document);
  });

  it('sets up an A4 page with the standard margins and a 22 × 28 document grid', () => {
    const size = element(docx.document, 'w:pgSz')!;
    assert.equal(Number(attribute(size, 'w:w')), A4_TWIPS.width);
    assert.equal(Number(attribute(size, 'w:h')), A4_TWIPS.height);
    const margins = element(docx.document, 'w:pgMar')!;
    assert.equal(Number(attribute(margins, 'w:top')), MARGINS_TWIPS.top);
    assert.equal(Number(attribute(margins, 'w:bottom')), MARGINS_TWIPS.bottom);
    assert.equal(Number(attribute(margins, 'w:left')), MARGINS_TWIPS.left);
    assert.equal(Number(attribute(margins, 'w:right')), MARGINS_TWIPS.right);
    // The page number's dash 7 mm below the text block: 35 − 7 − 3.5 (half its 20 pt line) = 24.5 mm.
    assert.equal(Number(attribute(margins, 'w:footer')), Math.round((24.5 * 1440) / 25.4));
    const grid = element(docx.document, 'w:docGrid')!;
    assert.equal(attribute(grid, 'w:type'), 'linesAndChars');
    assert.equal(Number(attribute(grid, 'w:linePitch')), LINE_PITCH);
    assert.equal(Number(attribute(grid, 'w:charSpace')), CHAR_SPACE);
    // The grid really holds 22 lines and 28 characters.
    const textHeight = A4_TWIPS.height - MARGINS_TWIPS.top - MARGINS_TWIPS.bottom;
    assert.equal(Math.floor(textHeight / LINE_PITCH), 22);
    const textWidth = A4_TWIPS.width - MARGINS_TWIPS.left - MARGINS_TWIPS.right;
    const pitchTwips = (16 + CHAR_SPACE / 4096) * 20;
    assert.equal(Math.floor(textWidth / pitchTwips), 28);
  });

  it('makes 仿宋_GB2312 三号 with exact 28.95 pt lines the document default', () => {
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/u.exec(docx.styles)?.[1] ?? '';
    assert.equal(eastAsiaFont(defaults), '仿宋_GB2312');
    assert.equal(halfPoints(defaults), 32);
    assert.equal(attributeOf(defaults, 'w:spacing', 'w:line'), String(LINE_PITCH));
    assert.equal(attributeOf(defaults, 'w:spacing', 'w:lineRule'), 'exact');
    assert.equal(attributeOf(defaults, 'w:lang', 'w:eastAsia'), 'zh-CN');
  });

  it('sets the title in 二号 方正小标宋简体, centred, with a blank line after it', () => {
    const title = body[0]!;
    assert.equal(title.text, '某某市某某局2024年工作总结', 'the Markdown # is stripped');
    assert.equal(alignment(title), 'center');
    for (const run of title.runs) {
      assert.equal(eastAsiaFont(run.properties), '方正小标宋简体');
      assert.equal(attributeOf(run.properties, 'w:rFonts', 'w:ascii'), '方正小标宋简体');
      assert.equal(halfPoints(run.properties), 44);
    }
    assert.deepEqual(lineSpacing(title), { line: String(LINE_PITCH), rule: 'exact', before: '0', after: String(LINE_PITCH) });
  });

  it('sets body paragraphs in 三号 仿宋_GB2312 with a two-character first-line indent and exact spacing', () => {
    const opening = paragraphStarting(body, '2024年，我局');
    assert.deepEqual(firstLineIndent(opening), { chars: '200', twips: '640' });
    assert.deepEqual(lineSpacing(opening), { line: String(LINE_PITCH), rule: 'exact', before: '0', after: '0' });
    assert.equal(alignment(opening), undefined, 'justified by default, not centred or right-aligned');
    assert.equal(attributeOf(opening.properties, 'w:widowControl', 'w:val'), 'false', '22 lines on every page');
    for (const run of opening.runs) {
      assert.equal(eastAsiaFont(run.properties), '仿宋_GB2312');
      assert.equal(halfPoints(run.properties), 32);
      assert.equal(isBold(run.properties), false);
    }
  });

  it('sets the 主送机关 (addressee) flush left', () => {
    const addressee = paragraphStarting(body, '市政府：');
    assert.equal(addressee.text, '市政府：');
    assert.deepEqual(firstLineIndent(addressee), { chars: undefined, twips: undefined });
    assert.equal(alignment(addressee), undefined);
  });

  it('sets a level-one heading on its own line in 黑体, with an outline level for the navigation pane', () => {
    const heading = paragraphStarting(body, '一、主要工作及成效');
    assert.equal(heading.text, '一、主要工作及成效', 'the Markdown ## is stripped');
    assert.equal(heading.runs.length, 1);
    assert.equal(eastAsiaFont(heading.runs[0]!.properties), '黑体');
    assert.equal(halfPoints(heading.runs[0]!.properties), 32);
    assert.equal(attributeOf(heading.properties, 'w:outlineLvl', 'w:val'), '0');
    assert.deepEqual(firstLineIndent(heading), { chars: '200', twips: '640' });
    assert.deepEqual(lineSpacing(heading), { line: String(LINE_PITCH), rule: 'exact', before: '0', after: '0' });
  });

  it('keeps a run-in heading in its paragraph: only the heading text takes the heading font', () => {
    const runIn = paragraphStarting(body, '二、存在的问题。');
    assert.deepEqual(
      runIn.runs.map((run) => [run.text.slice(0, 8), eastAsiaFont(run.properties)]),
      [
        ['二、存在的问题。', '黑体'],
        ['一是统筹协调还不', '仿宋_GB2312'],
      ],
    );
    assert.equal(element(runIn.properties, 'w:outlineLvl'), undefined, 'a run-in paragraph is not a navigation entry');
  });

  it('sets level two in 楷体_GB2312 and levels three and four in 仿宋_GB2312, run-in', () => {
    const expected: [string, string, string][] = [
      ['（一）强化组织领导。', '楷体_GB2312', '成立由主要负责同志'],
      ['1.完善制度体系。', '仿宋_GB2312', '修订议事规则、财务'],
      ['（1）建立工作台账。', '仿宋_GB2312', '对36项任务实行清单'],
    ];
    for (const [heading, font, rest] of expected) {
      const paragraph = paragraphStarting(body, heading);
      const [headingRun, restRun] = paragraph.runs;
      assert.equal(headingRun!.text, heading);
      assert.equal(eastAsiaFont(headingRun!.properties), font, heading);
      assert.equal(halfPoints(headingRun!.properties), 32, heading);
      assert.equal(isBold(headingRun!.properties), false, `${heading} is not bold by default`);
      assert.ok(restRun!.text.startsWith(rest), restRun!.text);
      assert.equal(eastAsiaFont(restRun!.properties), '仿宋_GB2312');
    }
  });

  it('turns Markdown strong emphasis into bold and keeps no Markdown syntax', () => {
    const paragraph = paragraphStarting(body, '1.完善制度体系。');
    const boldRuns = paragraph.runs.filter((run) => isBold(run.properties)).map((run) => run.text);
    assert.deepEqual(boldRuns, ['三项']);
    const allText = body.map((p) => p.text).join('\n');
    assert.doesNotMatch(allText, /\*\*|^#/mu);
  });

  it('right-aligns the signature and the date, a blank line below the text', () => {
    const signature = paragraphWithText(body, '某某市某某局');
    const date = paragraphWithText(body, '2025年1月5日');
    assert.equal(alignment(signature), 'right');
    assert.equal(alignment(date), 'right');
    assert.equal(lineSpacing(signature).before, String(LINE_PITCH));
    assert.equal(attributeOf(signature.properties, 'w:ind', 'w:right'), '640', 'two characters from the right edge');
    assert.equal(alignment(paragraphWithText(body, '特此报告。')), undefined, 'the closing line above stays a body paragraph');
    assert.equal(body[body.length - 1], date);
  });

  it('numbers pages "— 1 —" in 四号 宋体, odd pages right and even pages left', () => {
    const evenAndOdd = element(docx.settings, 'w:evenAndOddHeaders');
    assert.ok(evenAndOdd && attribute(evenAndOdd, 'w:val') !== 'false', 'different odd and even footers are switched on');
    const odd = docx.footers.get('default');
    const even = docx.footers.get('even');
    assert.ok(odd && even, `footers: ${[...docx.footers.keys()].join(', ')}`);
    for (const [footer, side, indent] of [
      [odd, 'right', 'w:right'],
      [even, 'left', 'w:left'],
    ] as const) {
      const [paragraph] = paragraphs(footer);
      assert.equal(alignment(paragraph!), side);
      assert.equal(attributeOf(paragraph!.properties, 'w:ind', indent), '280', 'one 四号 character from the edge');
      assert.match(footer, /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/u);
      assert.equal(lineSpacing(paragraph!).rule, 'exact', 'an exact line keeps the footer off the 28.95 pt grid');
      assert.equal(paragraph!.text, '—  —', 'the dashes and spaces around the PAGE field');
      const beforeField = footer.indexOf('PAGE');
      assert.ok(footer.lastIndexOf('— <', beforeField) >= 0 && footer.indexOf('> —', beforeField) > beforeField);
      for (const run of paragraph!.runs) {
        assert.equal(eastAsiaFont(run.properties), '宋体');
        assert.equal(halfPoints(run.properties), 28);
      }
    }
  });

  it('names the fonts without embedding any', async () => {
    const fontParts = Object.keys(docx.zip.files).filter((name) => /\.(odttf|ttf|otf)$/iu.test(name));
    assert.deepEqual(fontParts, []);
  });
});

describe('docx export house-style options', () => {
  it('bolds level-three heading text only with boldLevel3', async () => {
    const docx = await exportSummary({ boldLevel3: true });
    const all = paragraphs(docx.document);
    const level3 = paragraphStarting(all, '1.完善制度体系。');
    assert.equal(isBold(level3.runs[0]!.properties), true);
    assert.equal(isBold(level3.runs[1]!.properties), false, 'the rest of the paragraph stays regular');
    const level2 = paragraphStarting(all, '（一）强化组织领导。');
    assert.equal(isBold(level2.runs[0]!.properties), false);
  });

  it('takes the page number font, other font names and a Latin font', async () => {
    const docx = await exportSummary({ pageNumberFont: 'Times New Roman', fonts: { body: '仿宋', level2: '楷体' }, latinFont: 'Times New Roman' });
    const footer = docx.footers.get('default')!;
    assert.equal(attributeOf(footer, 'w:rFonts', 'w:eastAsia'), 'Times New Roman');
    const all = paragraphs(docx.document);
    const level2 = paragraphStarting(all, '（一）强化组织领导。');
    assert.equal(eastAsiaFont(level2.runs[0]!.properties), '楷体');
    assert.equal(eastAsiaFont(level2.runs[1]!.properties), '仿宋');
    assert.equal(attributeOf(level2.runs[1]!.properties, 'w:rFonts', 'w:ascii'), 'Times New Roman');
    assert.equal(eastAsiaFont(paragraphStarting(all, '一、主要工作及成效').runs[0]!.properties), '黑体', 'fonts not named keep the standard');
  });

  it("fits 28 characters by condensed spacing on a line-only grid with characterFit: 'spacing'", async () => {
    const docx = await exportSummary({ characterFit: 'spacing' });
    const grid = element(docx.document, 'w:docGrid')!;
    assert.equal(attribute(grid, 'w:type'), 'lines');
    assert.equal(attribute(grid, 'w:charSpace'), undefined);
    const run = paragraphStarting(paragraphs(docx.document), '2024年，我局').runs[0]!;
    const condensed = Number(attributeOf(run.properties, 'w:spacing', 'w:val'));
    const textWidthPoints = (A4_TWIPS.width - MARGINS_TWIPS.left - MARGINS_TWIPS.right) / 20;
    assert.ok(28 * (16 + condensed / 20) <= textWidthPoints, `28 characters of ${16 + condensed / 20} pt fit in ${textWidthPoints} pt`);
    assert.ok(29 * (16 + condensed / 20) > textWidthPoints, 'and no more than 28');
  });

  it('leaves out page numbers and signature alignment when asked', async () => {
    const docx = await exportSummary({ pageNumbers: false, alignSignature: false });
    assert.equal(docx.footers.size, 0);
    const evenAndOdd = element(docx.settings, 'w:evenAndOddHeaders');
    assert.ok(evenAndOdd === undefined || attribute(evenAndOdd, 'w:val') === 'false', evenAndOdd);
    const date = paragraphStarting(paragraphs(docx.document), '2025年1月5日');
    assert.equal(alignment(date), undefined);
  });
});

describe('docx export of plain text and awkward Markdown', () => {
  async function exportText(text: string, fileName: string, options?: ExportOptions): Promise<XmlParagraph[]> {
    const { document } = analyze(text, { fileName });
    return paragraphs((await openDocx(await exportDocx(document, options))).document);
  }

  it('keeps a ** where a name was cut out, bolds a ** pair, as the linter reads them', async () => {
    const text = [
      '# 2024年工作总结',
      '',
      '一、主要工作。将意识形态作为**领域的一项重点任务。',
      '',
      '二、狠抓落实。聚焦**工作动态，**狠抓落实**。',
      '',
      '三、加强学习。一是**加强学习**，二是完善制度。',
      '',
    ].join('\n');
    const { document, findings } = analyze(text, { fileName: 'summary.md' });
    const flagged = findings.filter((finding) => finding.rule === 'placeholder').map((finding) => text.slice(finding.start - 2, finding.end + 2));
    assert.deepEqual(flagged, ['作为**领域', '聚焦**工作'], 'the linter takes these two for cut-out names');
    const all = paragraphs((await openDocx(await exportDocx(document))).document);
    const second = paragraphStarting(all, '二、');
    assert.equal(second.text, '二、狠抓落实。聚焦**工作动态，狠抓落实。');
    assert.deepEqual(
      all.flatMap((p) => p.runs.filter((run) => isBold(run.properties)).map((run) => run.text)),
      ['狠抓落实', '加强学习'],
    );
    assert.ok(paragraphStarting(all, '一、').text.includes('作为**领域'));
  });

  it('writes list numbers as the reader of the Markdown saw them, and bullets as •', async () => {
    const text = [
      '# 2024年工作总结',
      '',
      '1. 完善制度',
      '1. 压实责任',
      '1. 强化考核',
      '',
      '- 要点一',
      '',
    ].join('\n');
    const all = await exportText(text, 'summary.md');
    // Markdown renders the lazy list 1. 1. 1. as 1. 2. 3.; the Word file shows the same.
    assert.deepEqual(
      all.filter((p) => /^\d\./u.test(p.text)).map((p) => p.text),
      ['1.完善制度', '2.压实责任', '3.强化考核'],
    );
    assert.ok(all.some((p) => p.text === '• 要点一'));
  });

  it('reads plain text line by line and finds a signature pushed right with spaces', async () => {
    const text = ['2005年第三季度工作总结', '', '    一、进展', '    1、完成了测试。', '', '                    开发组', '                    2005-12-xx', ''].join('\n');
    const all = await exportText(text, 'summary.txt');
    assert.deepEqual(
      all.map((p) => p.text),
      ['2005年第三季度工作总结', '一、进展', '1、完成了测试。', '开发组', '2005-12-xx'],
    );
    assert.equal(alignment(all[3]!), 'right');
    assert.equal(alignment(all[4]!), 'right');
    assert.equal(eastAsiaFont(all[1]!.runs[0]!.properties), '黑体');
  });

  it('keeps the lines the linter reads: a PDF wrap stays a line break, English wrapped at a column flows', async () => {
    const text = [
      '# 2024年工作总结',
      '',
      '一、总体情况。',
      '今年以来，我局认真落实各项',
      '部署，取得明显成效。',
      '— 1 —',
      'The committee reviewed the',
      'budget in March.',
      '',
    ].join('\n');
    const { document } = analyze(text, { fileName: 'summary.md' });
    const xml = (await openDocx(await exportDocx(document))).document;
    const all = paragraphs(xml);
    assert.deepEqual(
      all.map((p) => p.runs.map((run) => run.text).join('|')),
      ['2024年工作总结', '一、总体情况。', '今年以来，我局认真落实各项|部署，取得明显成效。', '— 1 —|The committee reviewed the budget in March.'],
    );
    // The PDF wrap and the line after the page footer are line breaks (w:br), not new paragraphs.
    const wrapped = /<w:p(?=[\s>])(?:(?!<\/w:p>)[\s\S])*今年以来[\s\S]*?<\/w:p>/u.exec(xml)![0];
    assert.equal(elements(wrapped, 'w:br').length, 1);
  });

  it('writes a Markdown table as a Word table', async () => {
    const text = ['# 2024年政府信息公开工作年度报告', '', '| 项目 | 数量 |', '| --- | --- |', '| 主动公开 | 12 |', ''].join('\n');
    const { document } = analyze(text, { fileName: 'report.md' });
    const xml = (await openDocx(await exportDocx(document))).document;
    assert.equal(elements(xml, 'w:tbl').length, 1);
    assert.equal(elements(xml, 'w:tr').length, 2, 'the delimiter row is not a row');
    assert.deepEqual(
      paragraphs(xml).slice(1).map((p) => p.text),
      ['项目', '数量', '主动公开', '12'],
    );
  });
});
