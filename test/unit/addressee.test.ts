import assert from 'node:assert/strict';
import { analyze, parseSummary } from '../../src/core/index';

/** The top of the body in the model: the 主送机关 (addressee, an organ) and the salutation (people). */
describe('the top of the body: addressee (主送机关) and salutation', () => {
  const slice = (text: string, range: { start: number; end: number } | undefined) => (range ? text.slice(range.start, range.end) : undefined);
  const top = (text: string) => {
    const doc = parseSummary(text);
    return { addressee: slice(text, doc.addressee), salutation: slice(text, doc.salutation) };
  };
  const report = (first: string) => `某某局关于2025年工作情况的报告\n\n${first}\n\n　　2025年，我局认真履职，各项工作稳步推进。\n\n　　一、主要工作\n\n　　抓落实。\n`;

  it('an organ named on the line after the title is the addressee, not a salutation', () => {
    assert.deepEqual(top(report('市政府：')), { addressee: '市政府：', salutation: undefined });
    assert.deepEqual(top(report('市政府:')), { addressee: '市政府:', salutation: undefined }, 'a half-width colon as written');
    assert.deepEqual(top(report('县纪律检查委员会：')), { addressee: '县纪律检查委员会：', salutation: undefined }, '委员会 is an organ, not 委员');
  });

  it('several organs are one addressee, with the bracket that lists kinds of one organ', () => {
    for (const line of ['县委、县政府：', '各县（市、区）人民政府，市政府各部门：', '市发展改革委，市卫健局：', '中共某某县委组织部：', '某某镇党委：']) {
      assert.deepEqual(top(report(line)), { addressee: line, salutation: undefined }, line);
    }
  });

  it('a line that addresses people is the salutation', () => {
    for (const line of ['各位领导、同志们：', '各位代表：', '尊敬的各位领导：', '尊敬的王局长：']) {
      assert.deepEqual(top(report(line)), { addressee: undefined, salutation: line }, line);
    }
  });

  it('an addressee and a salutation on the line after it are both found', () => {
    const text = '2025年度述职报告\n\n县委组织部：\n\n各位领导、同志们：\n\n　　2025年，我担任办公室主任。\n';
    assert.deepEqual(top(text), { addressee: '县委组织部：', salutation: '各位领导、同志们：' });
    // the other way round the salutation opens the body: an organ after it is no addressee
    assert.deepEqual(top('2025年度述职报告\n\n各位领导、同志们：\n\n县委组织部：\n'), { addressee: undefined, salutation: '各位领导、同志们：' });
  });

  it('with no title the addressee is the first line', () => {
    assert.deepEqual(top('市政府：\n\n　　2025年，我局认真履职。\n'), { addressee: '市政府：', salutation: undefined });
  });

  it('a lead-in sentence or a label ending in ： is neither', () => {
    const leadIns = ['现将有关情况报告如下：', '主要工作：', '存在的不足之处：', '服务大局：', '坚持以人民为中心：', '广大党员干部：', '各项工作全部：', '一、主要工作：', '2025年重点工作推进部：', '我们的单位：'];
    for (const line of leadIns) assert.deepEqual(top(report(line)), { addressee: undefined, salutation: undefined }, line);
  });

  it('only at the top: an organ ending in ： further down is no addressee', () => {
    const text = '某某局2025年工作总结\n\n　　2025年，我局认真履职。\n\n市政府：\n\n　　一、主要工作\n';
    assert.deepEqual(top(text), { addressee: undefined, salutation: undefined });
  });

  it('a 述职报告 handed in to an organ has its 称谓 part: the addressee stands for the salutation', () => {
    const debriefing = (first: string) =>
      `2025年度述职报告\n\n${first}\n　　2025年，我担任办公室主任，主要负责文稿起草。现将履职情况报告如下：\n\n　　一、履职情况\n\n　　完成文稿80篇。\n\n　　二、存在的问题\n\n　　统筹不够。\n\n　　三、今后的努力方向\n\n　　提升服务。\n\n　　以上述职，请予评议。\n\n　　　　述职人：王某\n　　　　2026年1月8日\n`;
    const required = (text: string) => analyze(text).findings.filter((f) => f.rule === 'required-section').map((f) => f.message.en);
    assert.deepEqual(required(debriefing('县委组织部：\n')), []);
    assert.deepEqual(required(debriefing('各位领导、同志们：\n')), []);
    const missing = required(debriefing(''));
    assert.equal(missing.length, 1, missing.join('; '));
    assert.match(missing[0]!, /Salutation/);
  });
});
