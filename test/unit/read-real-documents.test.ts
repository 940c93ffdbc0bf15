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
