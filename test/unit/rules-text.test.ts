import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, collectFixEdits, type Finding, type RuleId } from '../../src/core/index';
import { corpusDocuments } from '../support/corpus';
import { reviewDocument } from '../support/verdicts';

// The shared material sits next to the repository (../shared); it is not copied into it.
const SHARED = path.resolve(__dirname, '../../../../shared');
const EXAMPLE = path.join(SHARED, 'examples', '2023年度意识形态工作总结.txt');
const TEXT_RULES: RuleId[] = ['placeholder', 'pasted-content', 'punctuation'];

function lint(file: string): { text: string; findings: Finding[] } {
  const text = fs.readFileSync(file, 'utf8');
  return { text, findings: analyze(text, { fileName: file }).findings };
}

const ofRule = (findings: Finding[], rule: RuleId) => findings.filter((f) => f.rule === rule);
const covered = (text: string, findings: Finding[]) => findings.map((f) => text.slice(f.start, f.end));

function allIndexes(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) found.push(i);
  return found;
}

describe('text rules on the real example (2023年度意识形态工作总结.txt)', function () {
  before(function () {
    if (!fs.existsSync(EXAMPLE)) {
      console.warn(`    skipped: ${EXAMPLE} not found (../shared is not copied into the repository)`);
      this.skip();
    }
  });

  it('flags every ** where a name was cut out, and the AAA placeholders', function () {
    const { text, findings } = lint(EXAMPLE);
    const placeholders = ofRule(findings, 'placeholder');
    const stars = [...text.matchAll(/\*\*/g)].map((m) => m.index);
    assert.ok(stars.length >= 2, 'the example has several **');
    assert.deepEqual(
      placeholders.filter((f) => text.slice(f.start, f.end) === '**').map((f) => f.start),
      stars,
    );
    const aaa = allIndexes(text, 'AAA');
    assert.deepEqual(placeholders.filter((f) => text.slice(f.start, f.end) === 'AAA').map((f) => f.start), aaa);
    assert.ok(covered(text, placeholders).includes('A'), 'a lone A (学习A新时代) is flagged');
    for (const f of placeholders) assert.equal(f.severity, 'error');
  });

  it('flags both paid-content markers and every advert line', function () {
    const { text, findings } = lint(EXAMPLE);
    const pasted = ofRule(findings, 'pasted-content');
    const lines = text.split('\n');
    const adverts = lines.filter((line) => /素材库|代笔/.test(line));
    assert.ok(adverts.length >= 3, 'the example ends with several advert lines');
    const flagged = covered(text, pasted);
    assert.ok(flagged.includes('##paidbegin##'));
    assert.ok(flagged.includes('##paidend##'));
    for (const line of adverts) assert.ok(flagged.includes(line), `advert line flagged: ${line.slice(0, 20)}…`);
    assert.equal(pasted.length, adverts.length + 2, 'nothing else is flagged as pasted content');
  });

  it('fixing pasted-content removes the adverts and markers and changes nothing else', function () {
    const { text, findings } = lint(EXAMPLE);
    const fixed = applyEdits(text, collectFixEdits(findings, 'pasted-content'));
    const expected = text
      .split('\n')
      .filter((line) => !/素材库|代笔/.test(line) && line !== '##paidend##')
      .join('\n')
      .replace('##paidbegin##', '')
      // the adverts at the end go with the blank lines before them: the text ends on its last line
      .replace(/(?:\n[ \t\u3000]*)+$/, '\n');
    assert.equal(fixed, expected);
    assert.ok(fixed.includes('尤其是对党的二十大精神'));
    assert.deepEqual(ofRule(analyze(fixed, { fileName: EXAMPLE }).findings, 'pasted-content'), []);
  });
});

describe('text rules on the corpus', function () {
  // the project's fixtures (always here), plus the shared-only documents where ../shared is
  const documents = corpusDocuments();
  const corpus = (name: string) => {
    const document = documents.find((d) => d.name === name);
    assert.ok(document, `${name} is a corpus document`);
    return lint(document.file);
  };

  it('zh-work-summary-07: the left-over date 2005-12-xx in both signatures', function () {
    const { text, findings } = corpus('zh-work-summary-07.md');
    const placeholders = ofRule(findings, 'placeholder');
    assert.deepEqual(covered(text, placeholders), ['xx', 'xx']);
    assert.deepEqual(placeholders.map((f) => f.start), allIndexes(text, '2005-12-xx').map((i) => i + 8));
  });

  it('zh-disclosure-report-03: the PDF page footers — 1 — … — 7 —, removed by the fix', function () {
    const { text, findings } = corpus('zh-disclosure-report-03.md');
    const pasted = ofRule(findings, 'pasted-content');
    assert.deepEqual(covered(text, pasted), ['— 1 —', '— 2 —', '— 3 —', '— 4 —', '— 5 —', '— 6 —', '— 7 —']);
    const fixed = applyEdits(text, collectFixEdits(findings, 'pasted-content'));
    assert.doesNotMatch(fixed, /^— \d+ —$/m);
    assert.equal(fixed.replace(/\n/g, ''), text.replace(/\n?— \d+ —\n?/g, '').replace(/\n/g, ''), 'only the footer lines go');
    assert.deepEqual(ofRule(analyze(fixed, { fileName: 'zh-disclosure-report-03.md' }).findings, 'pasted-content'), []);
  });

  it('zh-gov-work-report-05: every 各位代表! gets a full-width ！', function () {
    const { text, findings } = corpus('zh-gov-work-report-05.md');
    const punctuation = ofRule(findings, 'punctuation');
    const bangs = allIndexes(text, '各位代表!').map((i) => i + 4);
    assert.ok(bangs.length > 0);
    for (const at of bangs) {
      const finding = punctuation.find((f) => f.start === at);
      assert.ok(finding?.fix, `各位代表! at ${at} is flagged with a fix`);
      assert.deepEqual(finding.fix.edits, [{ start: at, end: at + 1, newText: '！' }]);
    }
    const fixed = applyEdits(text, collectFixEdits(findings, 'punctuation'));
    assert.ok(!fixed.includes('各位代表!'));
    const again = ofRule(analyze(fixed, { fileName: 'zh-gov-work-report-05.md' }).findings, 'punctuation');
    assert.deepEqual(again.filter((f) => f.fix), [], 'the fixed text has no fixable punctuation left');
  });

  it('zh-disclosure-report-02: 部分, 并附 becomes 部分，并附', function () {
    const { text, findings } = corpus('zh-disclosure-report-02.md');
    assert.deepEqual(covered(text, ofRule(findings, 'punctuation')), [', ']);
    assert.ok(applyEdits(text, collectFixEdits(findings, 'punctuation')).includes('部分，并附'));
  });

  for (const [name, first] of [
    ['zh-gov-work-report-01.md', '本作品是中华人民共和国的'],
    ['zh-long-01.md', '本作品来自1949年10月1日'],
  ] as const) {
    it(`${name}: the Wikisource licence footer, removed by the fix`, function () {
      const { text, findings } = corpus(name);
      const pasted = ofRule(findings, 'pasted-content');
      assert.equal(pasted.length, 1);
      const footerStart = text.lastIndexOf(first);
      assert.equal(pasted[0].start, footerStart);
      assert.equal(pasted[0].end, text.trimEnd().length);
      const fixed = applyEdits(text, collectFixEdits(findings, 'pasted-content'));
      assert.equal(fixed, text.slice(0, footerStart).trimEnd() + '\n');
      assert.deepEqual(ofRule(analyze(fixed, { fileName: name }).findings, 'pasted-content'), []);
    });
  }

  it('clean baselines: nothing on en-report-01, and on zh-gov-work-report-02 only its one real half-width comma', function () {
    const en = corpus('en-report-01.md');
    assert.deepEqual(en.findings.filter((f) => TEXT_RULES.includes(f.rule)), []);
    const beijing = corpus('zh-gov-work-report-02.md');
    assert.deepEqual(ofRule(beijing.findings, 'placeholder'), []);
    assert.deepEqual(ofRule(beijing.findings, 'pasted-content'), [], '来源：北京日报 is not pasted content');
    // the source really has `全部开工,“两新”政策` (a half-width comma between Chinese words)
    const punctuation = ofRule(beijing.findings, 'punctuation');
    assert.deepEqual(punctuation.map((f) => beijing.text.slice(f.start - 4, f.end + 1)), ['全部开工,“']);
  });

  it('placeholder and pasted-content: every finding on the corpus is a real fault, and the known ones are found', function () {
    // the faults the reviewed verdicts judge true stay found; any finding judged false (or new and unjudged) is noise
    const found: Record<string, Partial<Record<RuleId, number>>> = {
      'zh-work-summary-07.md': { placeholder: 2 },
      'zh-disclosure-report-03.md': { 'pasted-content': 7 },
      'zh-gov-work-report-01.md': { 'pasted-content': 1 },
      'zh-gov-work-report-06.md': { 'pasted-content': 1 },
      'zh-gov-work-report-07.md': { 'pasted-content': 1 },
      'zh-long-01.md': { 'pasted-content': 1 },
    };
    for (const document of documents) {
      const review = reviewDocument(document);
      for (const rule of ['placeholder', 'pasted-content'] as const) {
        const own = review.judged.filter((j) => j.full.rule === rule);
        const noise = own.filter((j) => j.verdict?.verdict !== 'true').map((j) => `${j.finding.line}:${j.finding.column} ${j.finding.text}`);
        assert.deepEqual(noise, [], `${rule} on ${document.name}: findings not judged true`);
        assert.ok(own.length >= (found[document.name]?.[rule] ?? 0), `${rule} on ${document.name}: ${own.length} found, ${found[document.name]?.[rule]} expected`);
      }
    }
  });

  it('no punctuation findings on the CnPack, openthos and English files, which have none', function () {
    // the pingtan bureau summaries (zh-work-summary-14…17) do have half-width punctuation; the others have none
    const files = documents.filter((d) => /^(zh-work-summary-(0\d|1[0-389])|en-report-\d+)\./.test(d.name));
    assert.ok(files.length >= 16, files.map((d) => d.name).join(' '));
    for (const { name } of files) assert.deepEqual(covered(corpus(name).text, ofRule(corpus(name).findings, 'punctuation')), [], name);
  });
});
