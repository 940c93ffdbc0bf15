import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/index';
import { exportDocx } from '../../src/docx/export';
import { layoutSummary, type LaidParagraph } from '../../src/docx/layout';
import { attributeOf, element, openDocx, paragraphs, type XmlParagraph } from './docx-xml';

/** 28.95 pt, the line pitch of the 22-line grid; two 三号 characters are 640 twips. */
const LINE_PITCH = '579';

/** The Word layout reads the frame (title, addressee, salutation, note, signature, date) from the model. */
describe('docx layout of the frame, from the model', () => {
  const laid = (text: string, fileName = 'summary.txt') =>
    layoutSummary(analyze(text, { fileName }).document)
      .filter((element): element is LaidParagraph => element.kind === 'paragraph')
      .map((paragraph) => ({ role: paragraph.role, text: paragraph.runs.map((run) => run.text).join(''), ...(paragraph.continues ? { continues: true } : {}) }));
  const exported = async (text: string, fileName = 'summary.txt'): Promise<XmlParagraph[]> =>
    paragraphs((await openDocx(await exportDocx(analyze(text, { fileName }).document))).document);
  const withText = (all: XmlParagraph[], text: string): XmlParagraph => {
    const found = all.find((paragraph) => paragraph.text === text);
    assert.ok(found, `no paragraph reads ${text}; paragraphs: ${all.map((p) => p.text).join(' | ')}`);
    return found;
  };
  const indent = (paragraph: XmlParagraph) => {
    const tag = element(paragraph.properties, 'w:ind') ?? '';
    const value = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'u').exec(tag)?.[1];
    return { left: value('w:left'), hanging: value('w:hanging'), firstLine: value('w:firstLine'), right: value('w:right') };
  };
  const alignment = (paragraph: XmlParagraph) => attributeOf(paragraph.properties, 'w:jc', 'w:val');
  const spaceBefore = (paragraph: XmlParagraph) => attributeOf(paragraph.properties, 'w:spacing', 'w:before');

  const REPORT = (top: string) =>
    `某某局关于2025年工作情况的报告\n\n${top}　　2025年，我局认真履职，现将有关情况报告如下：\n\n　　一、主要工作\n\n　　抓落实。\n\n　　特此报告。\n\n某某局\n2026年1月6日\n`;

  it('lays out an addressee as the addressee, flush left with no indent', async () => {
    assert.deepEqual(laid(REPORT('市政府：\n\n')).slice(0, 3), [
      { role: 'title', text: '某某局关于2025年工作情况的报告' },
      { role: 'addressee', text: '市政府：' },
      { role: 'body', text: '2025年，我局认真履职，现将有关情况报告如下：' },
    ]);
    const addressee = withText(await exported(REPORT('县委、县政府：\n\n')), '县委、县政府：');
    assert.deepEqual(indent(addressee), { left: undefined, hanging: undefined, firstLine: undefined, right: undefined });
    assert.equal(alignment(addressee), undefined);
  });

  it('lays out a salutation as a salutation, and both where a report has both', async () => {
    assert.deepEqual(laid(REPORT('各位领导、同志们：\n\n'))[1], { role: 'salutation', text: '各位领导、同志们：' });
    const both = REPORT('县委组织部：\n各位领导、同志们：\n\n');
    assert.deepEqual(laid(both).slice(1, 3), [
      { role: 'addressee', text: '县委组织部：' },
      { role: 'salutation', text: '各位领导、同志们：' },
    ]);
    const salutation = withText(await exported(both), '各位领导、同志们：');
    assert.equal(indent(salutation).firstLine, undefined, 'no first-line indent');
  });

  it('keeps a lead-in sentence ending in ： at the top a body paragraph, indented two characters', async () => {
    const text = '某某办2025年工作总结\n\n　　今年以来，我办扎实推进各项工作，现将有关情况总结如下：\n\n　　一、主要工作\n\n　　抓落实。\n';
    assert.deepEqual(laid(text)[1], { role: 'body', text: '今年以来，我办扎实推进各项工作，现将有关情况总结如下：' });
    assert.equal(indent(withText(await exported(text), '今年以来，我办扎实推进各项工作，现将有关情况总结如下：')).firstLine, '640');
  });

  it('takes the signature and the date from the model: contact lines between them are the signature block', async () => {
    const text = '某某局2025年工作总结\n\n　　一、主要工作\n\n　　抓落实。\n\n　　特此报告。\n\n某某局\nhttp://www.example.gov.cn\n2026年1月6日\n';
    assert.deepEqual(laid(text).slice(-4), [
      { role: 'body', text: '特此报告。' },
      { role: 'signature', text: '某某局' },
      { role: 'signature', text: 'http://www.example.gov.cn', continues: true },
      { role: 'date', text: '2026年1月6日' },
    ]);
    const all = await exported(text);
    const signature = withText(all, '某某局');
    const contact = withText(all, 'http://www.example.gov.cn');
    const date = withText(all, '2026年1月6日');
    for (const paragraph of [signature, contact, date]) assert.equal(alignment(paragraph), 'right', paragraph.text);
    assert.equal(indent(signature).right, '640', 'two characters from the right edge');
    assert.equal(spaceBefore(signature), LINE_PITCH, 'a blank line between the text and the signature');
    assert.equal(spaceBefore(contact), '0', 'the signature block goes straight on');
  });

  it('a contact line, a name with no date or a date alone are not a signature', () => {
    const end = laid('某某局2025年工作总结\n\n　　一、主要工作\n\n　　抓落实。\n\n某某局\n联系人：张三\n2026年1月6日\n').slice(-3);
    assert.deepEqual(end, [
      { role: 'body', text: '某某局' },
      { role: 'body', text: '联系人：张三' },
      { role: 'date', text: '2026年1月6日' },
    ]);
    assert.deepEqual(laid('某某局2025年工作总结\n\n　　一、主要工作\n\n　　抓落实。\n\n某某局\n').slice(-1), [{ role: 'body', text: '某某局' }]);
  });

  it('finds the signature where text was pasted after it, and each half of a bilingual report signed', () => {
    const pasted = '某某局2025年工作总结\n\n　　一、主要工作\n\n　　抓落实。\n\n某某局\n2026年1月6日\n\n【某某素材库】每天更新材料1000多篇，有意加入请联系客服。\n';
    assert.deepEqual(laid(pasted).slice(-3).map((p) => p.role), ['signature', 'date', 'body']);
    const halves =
      '# 星河小组2025年工作总结\n\n一、主要工作\n\n完成发布。\n\n星河小组\n\n2026年1月5日\n\n---\n\n# Xinghe Group 2025 Annual Report\n\n1. Work done\n\nWe shipped two releases, both on time.\n\nXinghe Group\n\n2026-01-05\n';
    assert.deepEqual(
      laid(halves, 'report.md').filter((p) => p.role === 'signature' || p.role === 'date'),
      [
        { role: 'signature', text: '星河小组' },
        { role: 'date', text: '2026年1月5日' },
        { role: 'signature', text: 'Xinghe Group' },
        { role: 'date', text: '2026-01-05' },
      ],
    );
  });

  it('a name and its date on one line are one signature paragraph', () => {
    assert.deepEqual(laid('某某局2025年工作总结\n\n　　一、主要工作\n\n　　抓落实。\n\n某某局　2026年1月6日\n').slice(-1), [{ role: 'signature', text: '某某局　2026年1月6日' }]);
  });

  it('sets the attachment note two characters in, a blank line above, the later items under the first', async () => {
    const text = '某某局2025年工作总结\n\n　　一、主要工作\n\n　　抓落实。\n\n附件：1.重点工作台账\n　　　2.经费使用情况表\n\n某某局\n2026年1月6日\n';
    assert.deepEqual(laid(text).slice(-4, -2), [
      { role: 'attachment', text: '附件：1.重点工作台账' },
      { role: 'attachment', text: '2.经费使用情况表', continues: true },
    ]);
    const all = await exported(text);
    const label = withText(all, '附件：1.重点工作台账');
    const item = withText(all, '2.经费使用情况表');
    // two characters in (640), names after 附件： (three more), wrapped lines under the name
    assert.deepEqual(indent(label), { left: '1600', hanging: '960', firstLine: undefined, right: undefined });
    assert.deepEqual(indent(item), { left: '1600', hanging: undefined, firstLine: undefined, right: undefined });
    assert.equal(spaceBefore(label), LINE_PITCH);
    assert.equal(spaceBefore(item), '0');
  });

  it('in Markdown a frame part is a paragraph of its own even with single newlines', () => {
    const text = '# 某某局2025年工作总结\n\n市政府：\n今年以来，我局认真履职\n\n## 一、主要工作\n\n抓落实，工作再上新台阶\n某某局\n2026年1月6日\n';
    assert.deepEqual(laid(text, 'summary.md'), [
      { role: 'title', text: '某某局2025年工作总结' },
      { role: 'addressee', text: '市政府：' },
      { role: 'body', text: '今年以来，我局认真履职' },
      { role: 'heading', text: '一、主要工作' },
      { role: 'body', text: '抓落实，工作再上新台阶' },
      { role: 'signature', text: '某某局' },
      { role: 'date', text: '2026年1月6日' },
    ]);
  });

  it('writes a title over two lines once: one centred paragraph, its lines kept', () => {
    const text = '某某县2025年政府工作报\n告\n\n各位代表：\n\n　　过去一年，全县经济稳中有进。\n';
    assert.deepEqual(laid(text).slice(0, 3), [
      { role: 'title', text: '某某县2025年政府工作报\n告' },
      { role: 'salutation', text: '各位代表：' },
      { role: 'body', text: '过去一年，全县经济稳中有进。' },
    ]);
  });
});
