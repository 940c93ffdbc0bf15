import assert from 'node:assert/strict';
import { analyze, applyEdits, collectFixEdits, parseSummary } from '../../src/core/index';

const flat = (sections: { marker: { text: string }; children: unknown[] }[]): string[] =>
  sections.flatMap((s) => [s.marker.text, ...flat(s.children as typeof sections)]);

describe('structure: tables, depth, scopes, certain fixes (issue 10)', () => {
  it('bulk fixing takes only certain fixes; the doubtful renumbering stays a quick fix on its finding', () => {
    // a skipped number: item 3 may have been lost, so renumbering is offered but never applied in bulk
    const text = '2025年工作总结\n\n一、工作\n\n1.甲。\n2.乙。\n4.丙。\n\n二、问题\n\n存在的问题是不足。\n\n三、下一步计划\n\n明年继续。\n';
    const { findings } = analyze(text, { fileName: 'a.txt' });
    const skip = findings.find((f) => f.rule === 'numbering-sequence');
    assert.ok(skip?.fix, 'the renumbering is offered as a quick fix');
    assert.equal(skip.fix.certain, false);
    assert.equal(applyEdits(text, collectFixEdits(findings)), text, 'bulk fixing changes nothing');
    // a duplicated number in a clean run is certain
    const dup = '2025年工作总结\n\n一、工作\n\n1.甲。\n2.乙。\n2.丙。\n\n二、问题\n\n存在的问题是不足。\n\n三、下一步计划\n\n明年继续。\n';
    const fixed = applyEdits(dup, collectFixEdits(analyze(dup, { fileName: 'a.txt' }).findings));
    assert.ok(fixed.includes('3.丙。'), fixed);
  });

  it('a duplicated number next to a table is not renumbered in bulk', () => {
    const text = '2025年工作总结\n\n一、工作\n1.甲。\n名称\t数量\t金额\n合计\t3\t4\n1.乙。\n\n二、问题\n\n存在的问题是不足。\n\n三、下一步计划\n\n明年继续。\n';
    const { findings, document } = analyze(text, { fileName: 'a.txt' });
    assert.ok(document.tables.length === 1);
    const dup = findings.find((f) => f.rule === 'numbering-sequence' && f.fix);
    assert.equal(dup?.fix?.certain, false);
  });

  it('statistics-table row labels are table content: no sections, no numbering findings', () => {
    const rows = ['一、本年新收政府信息公开申请数量\t3\t3', '二、上年结转政府信息公开申请数量\t0\t0', '三、本年度办理结果\t（一）予以公开\t1\t1', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0', '（七）总计\t3\t3', '四、结转下年度继续办理\t0\t0'];
    const text = ['某区2025年政府信息公开工作年度报告', '', '一、总体情况', '全年公开信息。', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', ...rows, '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '存在的问题是不足。', '六、其他需要报告的事项', ''].join('\n');
    const doc = parseSummary(text, { fileName: 'r.txt' });
    assert.deepEqual(flat(doc.sections), ['一、', '二、', '三、', '四、', '五、', '六、']);
    assert.equal(doc.tableMarkers.length, rows.length);
    const numbering = analyze(text, { fileName: 'r.txt' }).findings.filter((f) => f.rule.startsWith('numbering'));
    assert.deepEqual(numbering, []);
  });

  it('`## 1.` and `#### 1.` are not siblings; a nested list is its own run', () => {
    const doc = parseSummary('# T\n\n## 1. A\n\n#### 1. a\n\n## 2. B\n\n1. x:\n    1. y\n    2. z\n2. w\n', { fileName: 'd.md' });
    const tree = doc.sections.map((s) => `${s.marker.text}[${s.children.map((c) => `${c.marker.text}[${c.children.map((g) => g.marker.text).join('')}]`).join('')}]`);
    assert.deepEqual(tree, ['1.[1.[]]', '2.[1.[1.2.]2.[]]']);
  });

  it('a plan restarting at 一、 under a lead-in sentence is an info hint without a fix', () => {
    const { findings } = analyze('2025年工作总结\n\n一、甲。\n\n二、乙。\n\n明年计划如下：\n\n一、丙。\n\n二、丁。\n', { fileName: 'a.txt' });
    const hint = findings.filter((f) => f.rule === 'numbering-sequence');
    assert.deepEqual(hint.map((f) => [f.severity, f.fix]), [['info', undefined]]);
  });
});
