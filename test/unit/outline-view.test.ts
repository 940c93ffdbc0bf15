import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentAnalyzer, outlineOf, parseSummary, type OutlineNode } from '../../src/core/index';
import { readShape, SHAPES_DIR } from '../support/shapes';

const shape = (name: string) => readShape(path.join(SHAPES_DIR, 'outline', name)).text;

/** Every node, depth first, with its parent. */
function walk(nodes: readonly OutlineNode[], parent?: OutlineNode, out: { node: OutlineNode; parent?: OutlineNode }[] = []) {
  for (const node of nodes) {
    out.push(parent ? { node, parent } : { node });
    walk(node.children, node, out);
  }
  return out;
}

const labels = (nodes: readonly OutlineNode[]) => nodes.map((n) => `${n.kind}:${n.label}`);

describe('the outline view (model/outline.ts)', () => {
  it('is computed once per document version and read by every consumer', () => {
    const analyzer = new DocumentAnalyzer({ fileName: 'report.txt' });
    const text = shape('heading-groups.txt');
    const doc = analyzer.analyze(text).document;
    assert.equal(outlineOf(doc), outlineOf(doc));
    const next = analyzer.analyze(`${text}\n`).document;
    assert.notEqual(outlineOf(next), outlineOf(doc));
  });

  it('a plain heading line holds the sections after it, up to the next heading; the opening ends before the first', () => {
    const text = shape('heading-groups.txt');
    const doc = parseSummary(text, { fileName: 'report.txt' });
    const roots = outlineOf(doc).roots;
    assert.deepEqual(roots.map((n) => n.kind), ['title', 'opening', 'heading', 'heading', 'heading']);
    const [review, plan, government] = roots.filter((n) => n.kind === 'heading');
    assert.deepEqual(labels(review!.children), ['section:（一）经济运行稳中向好', 'section:（二）民生保障更加有力']);
    assert.deepEqual(plan!.children.map((n) => n.section!.marker.text), ['（一）', '（二）']);
    assert.equal(government!.label, '加强政府自身建设');
    const opening = roots[1]!;
    assert.ok(opening.end <= review!.start, 'the opening ends before 2025年工作回顾');
    assert.equal(text.slice(review!.labelStart, review!.labelEnd), '2025年工作回顾');
    // the model runs （二） on to the next section; in the outline it ends before the next heading
    const lastOfReview = review!.children[1]!;
    assert.ok(lastOfReview.section!.end > plan!.start, 'the model’s section runs past the heading');
    assert.ok(lastOfReview.end <= plan!.start, 'the outline’s node ends before it');
  });

  it('every node lies inside its parent, and siblings do not overlap', () => {
    for (const name of ['heading-groups.txt', 'heading-beside.txt', 'markdown-groups.md', 'enumeration-headings.txt', 'concatenated-reports.txt']) {
      const doc = parseSummary(shape(name), { fileName: name });
      const roots = outlineOf(doc).roots;
      for (const { node, parent } of walk(roots)) {
        assert.ok(node.start <= node.labelStart && node.labelEnd <= Math.max(node.end, node.labelEnd), `${name}: ${node.label} holds its label`);
        if (parent) assert.ok(parent.start <= node.start && node.end <= parent.end, `${name}: ${node.label} inside ${parent.label}`);
      }
      for (const { node } of [{ node: { children: roots } as OutlineNode }, ...walk(roots)]) {
        node.children.forEach((child, i) => {
          const next = node.children[i + 1];
          if (next) assert.ok(child.end <= next.start, `${name}: ${child.label} ends before ${next.label}`);
        });
      }
    }
  });

  it('a heading with text but no numbered sections stands beside the heading that opens a group', () => {
    const doc = parseSummary(shape('heading-beside.txt'), { fileName: 'report.txt' });
    const headings = outlineOf(doc).roots.filter((n) => n.kind === 'heading');
    assert.deepEqual(labels(headings), ['heading:2025年工作回顾', 'heading:2026年工作安排']);
    assert.deepEqual(headings[0]!.children, []);
    assert.equal(headings[1]!.children.length, 2);
  });

  it('Markdown `##` parts are headings, their bold questions headings under them; the answer list sits under its question', () => {
    const doc = parseSummary(shape('markdown-groups.md'), { fileName: 'report.md' });
    const roots = outlineOf(doc).roots;
    assert.deepEqual(labels(roots), ['title:2025 Annual Report: Garden Tools Working Group', 'heading:Operations', 'heading:Membership', 'heading:Current work']);
    assert.equal(roots[1]!.depth, 2);
    assert.deepEqual(labels(roots[1]!.children), ['heading:Is the contributor guide up to date?']);
    assert.deepEqual(roots[1]!.children[0]!.children, [], 'a question answered in prose holds nothing');
    const question = roots[2]!.children[0]!;
    assert.equal(question.label, 'How do you measure membership?');
    assert.equal(question.depth, undefined, 'a bold paragraph is no Markdown heading');
    assert.deepEqual(question.children.map((n) => n.section?.marker.text), ['1.', '2.']);
    assert.deepEqual(roots[3]!.children, [], 'a part of prose only');
  });

  it('a bold paragraph ends the list before it: the next question is not an item of the last answer', () => {
    const text = ['# 2025 Annual Report', '', '## Membership', '', '**How do you measure membership?**', '', '1. We count who attends.', '1. We count who reviews.', '', '**What programs do you run?**', '', 'None so far.', ''].join('\n');
    const doc = parseSummary(text, { fileName: 'report.md' });
    const membership = outlineOf(doc).roots.find((n) => n.label === 'Membership')!;
    assert.deepEqual(labels(membership.children), ['heading:How do you measure membership?', 'heading:What programs do you run?']);
    assert.deepEqual(membership.children[0]!.children.map((n) => n.section!.marker.text), ['1.', '1.']);
  });

  it('a Markdown heading ends the sections open before it, unless they are headings of a lesser depth', () => {
    const text = ['# 2025年工作总结', '', '## 一、主要工作', '', '1. 完成了项目验收。', '', '### 亮点', '', '1. 获得省级表彰。', '', '# 补充说明', '', '1. 数据来源说明。', ''].join('\n');
    const doc = parseSummary(text, { fileName: 'summary.md' });
    const roots = outlineOf(doc).roots;
    const work = roots.find((n) => n.kind === 'section')!;
    assert.deepEqual(labels(work.children), ['section:1.完成了项目验收', 'heading:亮点']);
    assert.deepEqual(work.children[1]!.children.map((n) => n.section?.marker.text), ['1.']);
    const note = roots.find((n) => n.label === '补充说明')!;
    assert.equal(note.kind, 'heading');
    assert.deepEqual(note.children.map((n) => n.section?.marker.text), ['1.'], 'the `#` heading took its list out of 一、');
  });

  it('standalone 一是 paragraphs are headings of their section; 一是 run into prose are not', () => {
    const doc = parseSummary(shape('enumeration-headings.txt'), { fileName: 'report.txt' });
    const sections = outlineOf(doc).roots.filter((n) => n.kind === 'section');
    assert.deepEqual(sections[0]!.children, [], 'the 一是/二是 in the sentence of 一、 are prose');
    assert.deepEqual(labels(sections[1]!.children), ['enumeration:一是扩大有效投资，增强发展后劲', 'enumeration:二是持续改善民生，增进人民福祉']);
    // the first 一是 heading ends where the second begins
    assert.ok(sections[1]!.children[0]!.end <= sections[1]!.children[1]!.start);
  });

  it('a lone 一是 line, or a run of which one item is a sentence, is no heading', () => {
    const text = ['2025年工作总结', '', '一、主要工作', '', '一是加强学习', '', '二是完善制度。全年修订制度十二项，废止三项。', '', '二、存在的问题', '', '一是统筹不够', ''].join('\n');
    const doc = parseSummary(text, { fileName: 'summary.txt' });
    assert.equal(walk(outlineOf(doc).roots).filter(({ node }) => node.kind === 'enumeration').length, 0);
  });

  it('a concatenation: each later report’s title is a heading holding its own sections, even those the model ran on under the last one', () => {
    const doc = parseSummary(shape('concatenated-reports.txt'), { fileName: 'reports.txt' });
    // the model nests the second report's 一、 under the first's （二） (it is indented)
    const firstPlan = doc.sections[1]!;
    assert.ok(firstPlan.children.some((c) => c.children.some((g) => g.marker.text === '一、')), 'the model nests it');
    const roots = outlineOf(doc).roots;
    const second = roots.find((n) => n.kind === 'heading')!;
    assert.equal(second.label, '2025年白石县人民政府工作报告');
    assert.deepEqual(labels(second.children), ['section:一、2025年工作回顾', 'section:二、2026年工作安排', 'notes:名词解释']);
    const firstReport = roots.filter((n) => n.kind === 'section');
    assert.deepEqual(firstReport.map((n) => n.label), ['一、2025年工作回顾', '二、2026年工作安排']);
    assert.deepEqual(firstReport[1]!.children.map((n) => n.label), ['（一）扩大有效投资', '（二）持续改善民生'], 'nothing of the second report is left under the first');
    assert.ok(firstReport[1]!.end <= second.start);
  });

  it('a second title line right under a report’s title adds no heading', () => {
    const text = ['2025年青禾县人民政府工作报告', '', '一、工作回顾', '', '全年经济运行稳中有进。', '', '2025年白石县人民政府工作报告', '', '来源：白石日报', '', '政府工作报告', '', '一、工作回顾', '', '过去一年，全县上下真抓实干，经济社会发展取得新成效，人民生活持续改善。', ''].join('\n');
    const headings = outlineOf(parseSummary(text, { fileName: 'a.txt' })).roots.filter((n) => n.kind === 'heading');
    assert.deepEqual(headings.map((n) => n.label), ['2025年白石县人民政府工作报告']);
    assert.deepEqual(headings[0]!.children.map((n) => n.label), ['一、工作回顾']);
  });

  it('name, date and venue lines, and a wrapped heading’s second line, are no headings', () => {
    const text = [
      '2025年青禾县人民政府工作报告', '', '2025年1月10日在青禾县第十八届人民代表大会第五次会议上', '', '县长 王某某', '', '各位代表：', '',
      '一、2025年工作回顾', '', '（一）经济稳中有进。全年增长百分之五。', '', '三、持续提升政府', '', '治理效能和服务水平', '', '（一）坚持依法行政。严格执行决策程序。', '',
    ].join('\n');
    const doc = parseSummary(text, { fileName: 'a.txt' });
    assert.deepEqual(walk(outlineOf(doc).roots).filter(({ node }) => node.kind === 'heading'), []);
  });

  it('the parts of their own are nodes: the second half holds its sections; attachment note and closing are leaves', () => {
    const text = fs.readFileSync(path.join(SHAPES_DIR, 'parts/bilingual-halves.md'), 'utf8');
    const doc = parseSummary(text, { fileName: 'report.md' });
    const roots = outlineOf(doc).roots;
    const half = roots.find((n) => n.kind === 'other-half')!;
    assert.equal(half.language, 'en');
    assert.equal(half.label, doc.otherHalf!.title.text);
    assert.ok(half.children.some((n) => n.kind === 'section' && n.section!.start >= doc.otherHalf!.start));
    assert.ok(roots.filter((n) => n.kind === 'section').every((n) => n.end <= half.start), 'the Chinese sections stay in the first half');

    const withAttachments = fs.readFileSync(path.join(SHAPES_DIR, 'parts/attachments-and-closing.txt'), 'utf8').replace(/[ \t\u3000]*⟪[^⟫]*⟫/g, '');
    const model = parseSummary(withAttachments, { fileName: 'a.txt' });
    const top = outlineOf(model).roots;
    const note = top.find((n) => n.kind === 'attachments')!;
    const closing = top.find((n) => n.kind === 'closing')!;
    assert.deepEqual([note.children, closing.children], [[], []], 'the attachments’ items are no nodes');
    assert.equal(note.start, model.attachments!.start);
    assert.equal(closing.start, model.closing!.start);
    assert.ok(walk(top).every(({ node }) => node.kind !== 'section' || node.start < note.start), 'no section inside the attachment note');
  });

  it('an appendix is one node after the body, its items left out', () => {
    const text = fs.readFileSync(path.join(SHAPES_DIR, 'parts/appendix-after-notes.txt'), 'utf8').replace(/[ \t\u3000]*⟪[^⟫]*⟫/g, '');
    const doc = parseSummary(text, { fileName: 'report.txt' });
    const roots = outlineOf(doc).roots;
    const appendix = roots.find((n) => n.kind === 'appendix')!;
    assert.equal(appendix.label, `${doc.appendices![0]!.heading.text} ${doc.appendices![0]!.title!.text}`);
    assert.deepEqual(appendix.children, []);
    assert.equal(appendix.labelStart, doc.appendices![0]!.heading.start);
    assert.ok(walk(roots).every(({ node }) => node.kind !== 'section' || node.start < appendix.start), 'no body section inside the appendix');
  });

  it('tables and their captions never appear', () => {
    const text = ['# 2025年政府信息公开工作年度报告', '', '## 一、总体情况', '', '本年度公开工作稳步推进。', '', '## 二、主动公开政府信息情况', '', '### 表一：主动公开情况', '', '| 信息内容 | 本年制发件数 |', '|---|---|', '| 规章 | 0 |', '', '## 三、其他需要报告的事项', '', '无。', ''].join('\n');
    const doc = parseSummary(text, { fileName: 'report.md' });
    const nodes = walk(outlineOf(doc).roots).map(({ node }) => node);
    assert.ok(nodes.every((n) => !n.label.includes('表一') && !n.label.includes('规章')), labels(nodes).join(' | '));
    assert.deepEqual(nodes.filter((n) => n.kind === 'section').map((n) => n.section!.marker.text), ['一、', '二、', '三、']);
  });
});
