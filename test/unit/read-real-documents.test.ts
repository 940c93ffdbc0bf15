import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSummary, requiredParts } from '../../src/core/index';
import { runInMarkers } from '../../src/core/reader/run-in-lines';
import { SHAPES_DIR } from '../support/shapes';

const bilingual = () => fs.readFileSync(path.join(SHAPES_DIR, 'parts/bilingual-halves.md'), 'utf8');

describe('bilingual reports: the second half is a part of its own', () => {
  it('finds the English half after the rule line, with its title, and keeps its sections out of the Chinese tree', () => {
    const text = bilingual();
    const doc = parseSummary(text, { fileName: 'report.md' });
    assert.ok(doc.otherHalf, 'the other half is found');
    assert.equal(doc.otherHalf.language, 'en');
    assert.equal(doc.otherHalf.title.text, 'Xinghe Open Source Group Work Report 2025');
    const lastChinese = doc.sections.filter((s) => s.start < doc.otherHalf!.start).pop()!;
    assert.ok(lastChinese.end <= doc.otherHalf.firstHalfEnd, 'the last Chinese section ends before the rule line');
    assert.ok(lastChinese.children.every((c) => c.start < doc.otherHalf!.start), 'no English item under the last Chinese section');
    const english = doc.sections.filter((s) => s.start >= doc.otherHalf!.start);
    assert.deepEqual(english.map((s) => s.marker.text), ['1.', '2.', '1.', '2.']);
  });

  it('a missing part of the Chinese half goes before its own signature, not to the end of the English half', () => {
    const text = bilingual().replace(/四、下一步计划\n\n1\. 继续完善插件功能\n2\. 扩大志愿者队伍\n\n/, '');
    const doc = parseSummary(text, { fileName: 'report.md' });
    const plans = requiredParts(doc).find((p) => p.id === 'next-steps');
    assert.ok(plans && !plans.present, 'the plan part is missing');
    assert.ok(plans.insertAt < doc.otherHalf!.firstHalfEnd);
    assert.match(text.slice(plans.insertAt, plans.insertAt + 60), /^\s*星河开源小组/);
  });

  it('a rule line between parts of one language is no second half', () => {
    const doc = parseSummary(fs.readFileSync(path.join(SHAPES_DIR, 'parts/rule-line-same-language.txt'), 'utf8'), { fileName: 'a.txt' });
    assert.equal(doc.otherHalf, undefined);
  });
});

describe('crawled one-line documents: markers in mid-line', () => {
  const filler = '全年各项工作稳步推进，群众满意度持续提高。'.repeat(60);
  it('reads the markers of a long line that holds 一、 and 二、 in sequence', () => {
    const line = `${filler}一、主要工作 ${filler}（一）项目建设。${filler}二、存在问题（一）人手不足。${filler}`;
    const found = runInMarkers(line, 0, line.length, undefined).markers.map((m) => m.candidate.text);
    assert.deepEqual(found, ['一、', '（一）', '二、', '（一）']);
  });

  it('reads nothing on a line of ordinary length, or with a single level-one marker', () => {
    const short = '情况如下。一、主要工作。二、存在问题。';
    assert.deepEqual(runInMarkers(short, 0, short.length, undefined).markers, []);
    const one = `${filler}一、二季度完成投资过半。${filler}第一、二产业稳步增长。${filler}`;
    assert.deepEqual(runInMarkers(one, 0, one.length, undefined).markers, []);
  });

  it('never reads 第（一）项, 3、4月份 or a number out of sequence as a marker', () => {
    const line = `${filler}一、主要工作。依照第二十条第（一）项规定。1、完成任务。${filler}3、4月份开展检查。5、又一项。${filler}二、存在问题。${filler}`;
    const found = runInMarkers(line, 0, line.length, undefined).markers.map((m) => m.candidate.text);
    assert.deepEqual(found, ['一、', '1、', '二、']);
  });

  it('sets aside a flattened statistics-table row and keeps the numbering it interrupts', () => {
    const line = `${filler}一、总体情况。${filler}二、主动公开。${filler}三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量640020470四、结转下年度继续办理1000001 四、政府信息公开行政复议、行政诉讼情况${filler}`;
    const read = runInMarkers(line, 0, line.length, undefined).markers;
    assert.deepEqual(read.map((m) => `${m.candidate.text}${m.table ? ' (table)' : ''}`), ['一、', '二、', '三、', '四、 (table)', '四、']);
  });
});

describe('appendices after the body: parts of their own, not body sections', () => {
  const shape = (name: string) => fs.readFileSync(path.join(SHAPES_DIR, 'parts', name), 'utf8');

  it('reads 附件 and its title after the notes as an appendix whose items are no sections of the body', () => {
    const text = shape('appendix-after-notes.txt');
    const doc = parseSummary(text, { fileName: 'report.txt' });
    assert.equal(doc.appendices?.length, 1);
    const appendix = doc.appendices![0];
    assert.equal(appendix.heading.text, '附件');
    assert.equal(appendix.title?.text, '2025年县级民生实事');
    assert.deepEqual(appendix.sections.map((s) => s.marker.text), ['一、', '二、', '三、']);
    assert.ok(doc.sections.every((s) => s.start < appendix.start && s.end <= appendix.start), 'every body section and note ends before the appendix');
    assert.deepEqual(doc.sections.map((s) => s.marker.text), ['一、', '二、', '三、', '1.']);
    assert.equal(doc.noteParts?.[0].end !== undefined && doc.noteParts[0].end <= appendix.start, true, 'the notes part ends at the 附件 line');
  });

  it('keeps the 附件说明 before the signature apart from the appendix after it', () => {
    const text = [
      '某某局2025年工作总结', '', '一、主要工作', '', '全年办结事项560件。', '', '二、存在的问题', '', '信息化水平不高。', '',
      '三、2026年工作计划', '', '推进数字化改造。', '', '附件：1.重点工作完成情况表', '　　　2.经费使用情况表', '', '某某局', '2026年1月6日', '',
      '附件1', '', '重点工作完成情况表', '', '一、窗口服务', '', '办结事项560件。', '', '二、数字化改造', '', '完成三个系统。', '',
    ].join('\n');
    const doc = parseSummary(text, { fileName: 'a.txt' });
    assert.equal(doc.attachments?.items.length, 2, 'the note names two attachments');
    assert.equal(doc.appendices?.length, 1);
    assert.equal(doc.appendices![0].heading.text, '附件1');
    assert.equal(doc.appendices![0].title?.text, '重点工作完成情况表');
    assert.ok(doc.appendices![0].start > doc.attachments!.end);
    // the closing stands before the appendix, not at the end of the text
    assert.equal(doc.closing && text.slice(doc.closing.signer!.start, doc.closing.signer!.end), '某某局');
    assert.equal(doc.closing?.date?.text, '2026年1月6日');
    assert.deepEqual(doc.sections.map((s) => s.marker.headingText), ['主要工作', '存在的问题', '2026年工作计划']);
  });

  it('an appendix names no part of the report, and a missing part goes before it', () => {
    // the body has no plan part; the appendix's 二、明年工作计划 must not stand for it
    const text = [
      '某某中心2025年工作总结', '', '今年以来，中心各项工作稳步推进，现总结如下。', '', '一、主要工作', '', '完成培训三十场。', '',
      '二、存在的问题', '', '人员偏少。', '', '附件', '', '有关材料目录', '', '一、培训名单', '', '二、明年工作计划', '',
    ].join('\n');
    const doc = parseSummary(text, { fileName: 'a.txt' });
    assert.equal(doc.appendices?.length, 1);
    const plans = requiredParts(doc).find((p) => p.id === 'next-steps');
    assert.ok(plans && !plans.present, 'the plan part is missing from the body');
    assert.ok(plans.insertAt <= doc.appendices![0].start, 'its skeleton goes before the appendix');
  });

  it('a survey after the signature is an appendix; a 附上… line inside the body is not', () => {
    const survey = parseSummary(shape('survey-after-signature.txt'), { fileName: 'a.txt' });
    assert.equal(survey.appendices?.[0].heading.text, '附上一份意见征集（可多选）：');
    assert.equal(survey.closing?.date?.text, '2025年7月2日', 'the letter is signed before the survey');
    assert.deepEqual(survey.appendices![0].sections.map((s) => s.marker.text), ['1、', '2、', '3、']);
    const handedOver = parseSummary(shape('survey-after-signature.txt').replace('附上一份意见征集（可多选）：', '随附意见征集表：'), { fileName: 'a.txt' });
    assert.equal(handedOver.appendices?.[0].heading.text, '随附意见征集表：');
    const inBody = parseSummary(shape('appended-intro-before-signature.txt'), { fileName: 'a.txt' });
    assert.equal(inBody.appendices, undefined);
  });

  it('a short option line among the questions (D.其它, one paragraph each as Word gives) does not end the survey', () => {
    // every line its own paragraph: `D.其它` is a short standalone line, yet 3、 carries on after it
    const text = shape('survey-after-signature.txt').replace('   C.偏慢。\n', '   C.偏慢。\n   D.其它\n').split('\n').join('\n\n');
    const doc = parseSummary(text, { fileName: 'a.txt' });
    assert.deepEqual(doc.appendices?.[0].sections.map((s) => s.marker.text), ['1、', '2、', '3、']);
    assert.deepEqual(doc.sections.map((s) => s.marker.text), ['一、', '二、', '三、']);
  });

  it('附件下载 and a 附件 line with nothing after it are no appendix', () => {
    const base = '一、主要工作\n\n完成任务。\n\n二、存在的问题\n\n人手不足。\n\n';
    assert.equal(parseSummary(`${base}附件下载\n\n相关链接\n`, { fileName: 'a.txt' }).appendices, undefined);
    assert.equal(parseSummary(`${base}附件\n`, { fileName: 'a.txt' }).appendices, undefined);
  });
});
