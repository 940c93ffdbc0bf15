import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, collectFixEdits, parseSummary, type Finding, type RuleId } from '../../src/core/index';
import { corpusDocuments, fixtureNames, SHARED_CORPUS, SHARED_ONLY } from '../support/corpus';
import { reviewDocument } from '../support/verdicts';

// The shared material sits next to the repository (../shared); it is not copied into it.
const SHARED = path.resolve(__dirname, '../../../../shared');
const EXAMPLE = path.join(SHARED, 'examples', '2023年度意识形态工作总结.txt');
const CONTENT_RULES: RuleId[] = ['enumeration-sequence', 'count-mismatch', 'year-consistency'];

function findingsOf(text: string, rule: RuleId, fileName = 'doc.txt'): Finding[] {
  return analyze(text, { fileName }).findings.filter((f) => f.rule === rule);
}

/** The texts the findings of one rule cover, in order. */
function flagged(text: string, rule: RuleId, fileName = 'doc.txt'): string[] {
  return findingsOf(text, rule, fileName).map((f) => text.slice(f.start, f.end));
}

/** Applies every fix of the rule, checks that the result is clean of that rule, and returns it. */
function fixRoundTrip(text: string, rule: RuleId, fileName = 'doc.txt'): string {
  const findings = findingsOf(text, rule, fileName);
  const fixed = applyEdits(text, collectFixEdits(findings, rule));
  assert.deepEqual(
    findingsOf(fixed, rule, fileName).map((f) => f.message.en),
    [],
    `after the fix:\n${fixed}`,
  );
  return fixed;
}

describe('enumeration-sequence', () => {
  const rule: RuleId = 'enumeration-sequence';

  it('flags a duplicated 二是 and renumbers the run, replacing only the numerals', () => {
    const text = '一、加强学习。一是学理论；二是学业务；二是学法规；三是学技能。\n';
    assert.deepEqual(flagged(text, rule), ['二是']);
    const [finding] = findingsOf(text, rule);
    assert.match(finding.message.zh, /重复.*“三是”/);
    assert.match(finding.message.en, /Duplicated.*`三是`/);
    assert.ok(finding.fix!.edits.every((e) => e.end - e.start === 1), 'only the numeral is replaced');
    assert.equal(fixRoundTrip(text, rule), '一、加强学习。一是学理论；二是学业务；三是学法规；四是学技能。\n');
  });

  it('flags a skipped number and an out-of-order one', () => {
    assert.deepEqual(flagged('下一步，一要抓学习；二要抓制度；四要抓落实。\n', rule), ['四要']);
    const text = '一、甲。一是学理论；三是学业务；二是学法规。\n';
    assert.deepEqual(flagged(text, rule), ['三是', '二是']);
    assert.equal(fixRoundTrip(text, rule), '一、甲。一是学理论；二是学业务；三是学法规。\n');
  });

  it('flags a run of paragraphs that does not start at 一是', () => {
    const text = '一、甲\n\n二是学业务。\n\n三是学法规。\n';
    assert.deepEqual(flagged(text, rule), ['二是']);
    assert.equal(fixRoundTrip(text, rule), '一、甲\n\n一是学业务。\n\n二是学法规。\n');
  });

  it('does not flag a lone 一是, and each section starts its own runs', () => {
    const text = '一、甲。一是学理论。\n\n二、乙。一是抓制度；二是抓落实。\n\n三、丙。一是稳增长；二是防风险；三是惠民生。\n';
    assert.deepEqual(flagged(text, rule), []);
  });

  it('takes a list inside one paragraph of a paragraph-level run as nested, and an inline run may go on in the next paragraph', () => {
    const nested = '一、甲\n\n一是稳增长。\n\n二是办实事，今年办好三件实事：一是修路；二是建校；三是通水。\n\n三是防风险。\n';
    assert.deepEqual(flagged(nested, rule), []);
    const carried = '一、甲\n\n全年开展培训。一是集中学习。\n\n同时加强考核。二是健全考核体系。\n';
    assert.deepEqual(flagged(carried, rule), []);
    const newList = '一、甲\n\n一是稳增长。\n\n二是办实事。\n\n三是防风险。\n\n下一步，重点做好两方面：一是强化学习。\n\n二是完善制度。\n';
    assert.deepEqual(flagged(newList, rule), [], 'a new inline list carried on by a paragraph-level 二是');
    const inItem = '一、甲\n\n一是加强学习：一是学理论；二是学业务。\n\n二是完善制度。\n\n三是强化落实。\n';
    assert.deepEqual(flagged(inItem, rule), [], 'a list inside the first item of a paragraph-level run');
    const outerBroken = '一、甲\n\n一是稳增长。\n\n二是办实事，今年办好两件实事：一是修路；二是建校。\n\n二是防风险。\n';
    assert.deepEqual(flagged(outerBroken, rule), ['二是']);
    assert.equal(outerBroken.indexOf('二是防风险'), findingsOf(outerBroken, rule)[0].start, 'the outer run is checked past the nested one');
  });

  it('checks 首先/其次/再次/最后: 其次 without 首先, 再次 before 其次, a repeated 首先', () => {
    assert.deepEqual(flagged('一、甲。首先，统一思想；其次，明确责任；最后，抓好落实。\n', rule), []);
    assert.deepEqual(flagged('一、甲。首先，统一思想；最后，抓好落实。\n', rule), []);
    const lone = '一、甲。其次，明确责任。\n';
    assert.deepEqual(flagged(lone, rule), ['其次']);
    assert.equal(findingsOf(lone, rule)[0].fix, undefined, 'a lone 其次 is not rewritten: the first point may be there in other words');
    const swapped = '一、甲。首先，统一思想；再次，明确责任；其次，抓好落实。\n';
    assert.deepEqual(flagged(swapped, rule), ['再次', '其次']);
    assert.equal(fixRoundTrip(swapped, rule), '一、甲。首先，统一思想；其次，明确责任；再次，抓好落实。\n');
    const repeated = '一、甲。首先，统一思想；首先，明确责任；最后，抓好落实。\n';
    assert.deepEqual(flagged(repeated, rule), ['首先']);
    assert.equal(fixRoundTrip(repeated, rule), '一、甲。首先，统一思想；其次，明确责任；最后，抓好落实。\n');
    assert.deepEqual(flagged('一、甲。首先，统一思想；最后，明确责任；其次，抓好落实。\n', rule), ['其次']);
  });

  it('checks 第一/第二 and leaves ordinals such as 第一、第三产业 alone', () => {
    const text = '一、甲。第一，统一思想；第三，抓好落实。\n';
    assert.deepEqual(flagged(text, rule), ['第三']);
    assert.equal(fixRoundTrip(text, rule), '一、甲。第一，统一思想；第二，抓好落实。\n');
    assert.deepEqual(flagged('一、甲。第一、第三产业增加值分别增长3%和5%。第二、第三产业协调发展。\n', rule), []);
    assert.deepEqual(flagged('一、甲。已完成第一、二批试点，第三、四批正在推进。\n', rule), []);
    assert.deepEqual(flagged('一、甲。第一、加强学习；第三、完善制度。\n', rule), ['第三']);
  });

  it('finds items in Markdown bold', () => {
    const text = '# 2025年工作总结\n\n## 一、主要工作\n\n**一是**学理论。**二是**学业务。**四是**学法规。\n';
    assert.deepEqual(flagged(text, rule, 'doc.md'), ['四是']);
  });

  it('keeps runs of different kinds apart', () => {
    assert.deepEqual(flagged('一、甲。一是学理论；二是学业务。一要抓落实；二要抓督查；三要抓考核。\n', rule), []);
  });
});

describe('count-mismatch', () => {
  const rule: RuleId = 'count-mismatch';

  it('flags a stated count that the child sections do not match, and fixes the numeral', () => {
    const text = '二、主要做法。主要抓了以下三个方面：\n\n（一）抓学习。\n\n（二）抓制度。\n\n（三）抓落实。\n\n（四）抓督查。\n';
    assert.deepEqual(flagged(text, rule), ['三']);
    const [finding] = findingsOf(text, rule);
    assert.equal(finding.message.zh, '说“三个方面”，其后列出四项，应为“四个方面”');
    assert.match(finding.message.en, /States `三个方面` \(3\) but 4 items follow; expected `四个方面`/);
    assert.equal(fixRoundTrip(text, rule), text.replace('三个方面', '四个方面'));
  });

  it('counts an enumeration run that follows directly, keeping an Arabic numeral Arabic and writing two as 两', () => {
    const arabic = '今年重点抓好5项工作：一是稳增长；二是促改革；三是惠民生；四是防风险。\n';
    assert.deepEqual(flagged(arabic, rule), ['5']);
    assert.equal(fixRoundTrip(arabic, rule), arabic.replace('5项', '4项'));
    const two = '存在以下三个方面不足：\n\n一是学习不够。\n\n二是调研不深。\n';
    assert.equal(fixRoundTrip(two, rule), two.replace('三个方面', '两个方面'));
  });

  it('reads a count in a heading followed by its children', () => {
    const text = '一、工作情况\n\n（一）重点抓好三项工作\n\n1.甲。\n2.乙。\n\n（二）其他\n';
    assert.deepEqual(flagged(text, rule), ['三']);
  });

  it('stays silent where the count is not a list heading or nothing follows at once', () => {
    const texts = [
      '一、甲。主要有以下几点：一是学习；二是落实。\n', // 几: no number
      '一、甲。三个方面的成绩显著，一是学习；二是落实。\n', // not at the end of its sentence
      '一、甲。全年办结建议12件。一是加强沟通；二是及时答复。\n', // a statement of fact
      '一、甲。主要抓了以下三个方面：\n\n全年我们认真落实。\n\n一是学习；二是落实。\n', // items do not follow at once
      '一、甲。树立“四个意识”：一是政治意识；二是大局意识。\n', // a name in quotes
      '一、甲。第三个方面：一是学习；二是落实。\n', // an ordinal
      '一、甲。做好以下三个方面：一是学习。\n', // a single item is no list to count
      '一、甲。做好以下三个方面：一是学习；二是落实；二是督查。\n', // a broken run is enumeration-sequence's
    ];
    for (const text of texts) assert.deepEqual(flagged(text, rule), [], text);
  });

  it('does not count a problems or plans section after the stated work', () => {
    const text = '一、主要工作。做了以下两个方面工作：\n\n（一）抓学习。\n\n（二）抓落实。\n\n（三）存在的问题。\n';
    assert.deepEqual(flagged(text, rule), []);
  });
});

describe('year-consistency', () => {
  const rule: RuleId = 'year-consistency';

  it("flags last year's summary re-dated: the opening and the plan keep the old years", () => {
    const text = '2025年度工作总结\n\n　　2024年以来，我局认真履职。\n\n一、主要工作。抓好落实。\n\n二、2025年工作打算\n\n继续努力。\n';
    assert.deepEqual(flagged(text, rule), ['2024', '2025']);
    const [opening, plan] = findingsOf(text, rule);
    assert.match(opening.message.zh, /“2024年以来”.*2025年.*“2025年以来”/);
    assert.match(plan.message.en, /plan for 2025 .* expected 2026/);
    assert.equal(
      fixRoundTrip(text, rule),
      '2025年度工作总结\n\n　　2025年以来，我局认真履职。\n\n一、主要工作。抓好落实。\n\n二、2026年工作打算\n\n继续努力。\n',
    );
  });

  it('reads 2024年， at the start of the first paragraph, and the year from front matter', () => {
    const text = '---\nyear: 2025\n---\n# 办公室工作总结\n\n2024年，办公室围绕中心工作。\n\n## 一、主要工作\n\n抓好落实。\n';
    assert.deepEqual(flagged(text, rule, 'doc.md'), ['2024']);
    assert.equal(fixRoundTrip(text, rule, 'doc.md'), text.replace('2024年，', '2025年，'));
  });

  it('finds plans as run-in headings, unnumbered lines and 计划如下 sentences', () => {
    const runIn = '2025年工作总结\n\n一、主要工作。抓好落实。\n\n2025年工作计划：继续抓好落实。\n';
    assert.deepEqual(flagged(runIn, rule), ['2025']);
    const line = '2025年工作总结\n\n一、主要工作。抓好落实。\n\n2024年工作思路\n\n一、继续抓好落实。\n';
    assert.deepEqual(flagged(line, rule), ['2024']);
    const intro = '2025年工作总结\n\n一、主要工作。抓好落实。\n\n    2025 年开发组的计划如下：\n\n二、继续抓好落实。\n';
    assert.deepEqual(flagged(intro, rule), ['2025']);
    assert.equal(fixRoundTrip(intro, rule), intro.replace('2025 年开发组', '2026 年开发组'));
  });

  it('leaves a review of last year’s plan, plans for the next year and unrelated years alone', () => {
    const text =
      '2025年度工作总结\n\n2025年以来，我局认真履职。\n\n一、2025年工作计划完成情况。对照2024年工作计划逐项落实。\n\n二、2026年工作计划和措施\n\n某某局\n2026年1月5日\n';
    assert.deepEqual(flagged(text, rule), []);
  });

  it('flags a signature dated before the period, without a fix', () => {
    const text = '2025年工作总结\n\n一、主要工作。抓好落实。\n\n某某局\n2024-12-30\n';
    assert.deepEqual(flagged(text, rule), ['2024-12-30']);
    assert.equal(findingsOf(text, rule)[0].fix, undefined);
  });

  it('in a half-year summary, flags only a plan for a year before the period, without a fix', () => {
    const half = '2025年上半年工作总结\n\n2025年以来，我局认真履职。\n\n一、主要工作。抓好落实。\n\n二、2025年工作计划\n';
    assert.deepEqual(flagged(half, rule), []);
    const old = '2025年上半年工作总结\n\n一、主要工作。抓好落实。\n\n二、2024年工作计划\n';
    assert.deepEqual(flagged(old, rule), ['2024']);
    assert.equal(findingsOf(old, rule)[0].fix, undefined);
  });

  it('reads a government work report as the review of the year before its title', () => {
    const text = '2025年某市政府工作报告\n\n2024年，全市经济稳中有进。\n\n一、2024年工作回顾\n\n二、2025年工作安排\n';
    assert.deepEqual(flagged(text, rule), []);
    assert.deepEqual(parseSummary(text).period, { from: 2024, to: 2024, annual: true });
  });

  it('reads the period of year ranges, plans and partial years', () => {
    assert.deepEqual(parseSummary('CnPack 开发组 2020-2021 年工作总结\n\n正文。\n').period, { from: 2020, to: 2021, annual: true });
    assert.deepEqual(parseSummary('2020年至2021年工作总结\n\n正文。\n').period, { from: 2020, to: 2021, annual: true });
    assert.deepEqual(parseSummary('某某局党建工作总结（2025年）\n\n正文。\n').period, { from: 2025, to: 2025, annual: true });
    assert.deepEqual(parseSummary('2025年第三季度工作总结\n\n正文。\n').period, { from: 2025, to: 2025, annual: false });
    assert.deepEqual(parseSummary('2025年工作要点\n\n正文。\n').period, { from: 2025, to: 2025, annual: false });
    const plan = '2025年工作要点\n\n一、2025年工作安排\n';
    assert.deepEqual(flagged(plan, rule), [], 'a plan document plans its own year');
    assert.deepEqual(flagged('工作总结\n\n2024年以来，我局认真履职。\n\n二、2024年工作计划\n', rule), [], 'no period, no finding');
  });
});

describe('content rules on the real example (2023年度意识形态工作总结.txt)', function () {
  before(function () {
    if (!fs.existsSync(EXAMPLE)) {
      console.warn(`    skipped: ${EXAMPLE} not found (../shared is not copied into the repository)`);
      this.skip();
    }
  });

  it('finds its 一是/二是/三是 and 一要/二要/三要, and reports nothing: they are in order', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const { document, findings } = analyze(text, { fileName: EXAMPLE });
    assert.deepEqual(
      document.enumerations.map((e) => e.text),
      ['一是', '二是', '三是', '一是', '一要', '二要', '三要'],
    );
    assert.deepEqual(document.period, { from: 2023, to: 2023, annual: true });
    assert.deepEqual(findings.filter((f) => CONTENT_RULES.includes(f.rule)), []);
  });

  it('reports the old year once the title is re-dated to 2024', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8').replace('2023年度意识形态', '2024年度意识形态');
    assert.deepEqual(flagged(text, 'year-consistency'), ['2023']);
  });
});

describe('content rules on the corpus', function () {
  // the project's fixtures (always here), plus the shared-only documents where ../shared is
  const documents = corpusDocuments();

  it('the corpus is the fixtures plus the shared-only documents, nothing else in ../shared/corpus', function () {
    if (!fs.existsSync(SHARED_CORPUS)) {
      console.warn(`    skipped: no ${SHARED_CORPUS} (../shared is not copied into the repository)`);
      this.skip();
    }
    const shared = fs.readdirSync(SHARED_CORPUS).filter((f) => /\.(md|txt)$/.test(f) && f !== 'SOURCES.md').sort();
    assert.deepEqual(shared, [...fixtureNames(), ...SHARED_ONLY].sort());
  });

  // Every corpus document was read finding by finding (test/fixtures/corpus/verdicts). The true findings
  // of these rules are the faults SOURCES.md names; the false ones are known noise, written down in the
  // verdicts: they may go, but no document may get more of them.
  const found: Record<string, string[]> = {
    'zh-disclosure-report-04.txt': ['enumeration-sequence: 三是'],
    'zh-disclosure-report-07.txt': ['enumeration-sequence: 三是'],
  };
  const knownNoise: Record<string, number> = { 'zh-work-summary-17.txt': 4 };
  for (const document of documents) {
    it(`${document.name}: the content rules find its real faults and add no new noise`, () => {
      const review = reviewDocument(document);
      const own = review.judged.filter((j) => CONTENT_RULES.includes(j.full.rule));
      const real = own.filter((j) => j.verdict?.verdict === 'true').map((j) => `${j.full.rule}: ${review.text.slice(j.full.start, j.full.end)}`);
      assert.deepEqual(real, found[document.name] ?? [], 'the findings judged true');
      const noise = own.filter((j) => j.verdict?.verdict !== 'true');
      assert.ok(noise.length <= (knownNoise[document.name] ?? 0), noise.map((j) => `${j.full.rule}: ${j.finding.line}:${j.finding.column} ${j.finding.text}`).join('\n'));
    });
  }

  it('the government work reports plan their title year and review the year before', () => {
    for (const { name, file } of documents.filter((d) => d.name.startsWith('zh-gov-work-report-'))) {
      const text = fs.readFileSync(file, 'utf8');
      const period = parseSummary(text, { fileName: name }).period;
      // the 2025 reports review 2024; -06 is the 2023 report, -07 the 2021 one, -08 (平潭) the 2024 one
      const year = ({ 'zh-gov-work-report-06.md': 2022, 'zh-gov-work-report-07.md': 2020, 'zh-gov-work-report-08.txt': 2023 } as Record<string, number>)[name] ?? 2024;
      if (period) assert.deepEqual(period, { from: year, to: year, annual: true }, name);
    }
  });

  it('finds the counts the reports state, and they match', () => {
    // 重点做好以下九个方面工作。 followed by (一)…(九): counted, and equal, so not reported
    const file = documents.find((d) => d.name === 'zh-gov-work-report-05.md')!.file;
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.includes('以下九个方面工作。'));
    assert.deepEqual(flagged(text.replace('以下九个方面工作。', '以下八个方面工作。'), 'count-mismatch', file), ['八']);
  });
});
