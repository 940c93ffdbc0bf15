import assert from 'node:assert/strict';
import { analyze, parseSummary } from '../../src/core/index';

/** The frame of a document around its body: title, attachment note, closing (issue 10 §3, §4). */
describe('the frame around the body: title, attachments, closing', () => {
  const slice = (text: string, range: { start: number; end: number } | undefined) => (range ? text.slice(range.start, range.end) : undefined);

  it('an organisation line above the title and a title wrapped over two lines make one title', () => {
    assert.equal(parseSummary('某某县农业农村局\n2025年工作总结\n　　今年以来，我局扎实工作。\n').title?.text, '某某县农业农村局2025年工作总结');
    assert.equal(parseSummary('政府工作报\n告\n\n各位代表：\n').title?.text, '政府工作报告');
  });

  it('a file name, 正文 or a breadcrumb on the first line is not the title', () => {
    assert.equal(parseSummary('2025年工作总结.docx\n某局2025年工作总结\n\n正文。\n').title?.text, '某局2025年工作总结');
    assert.equal(parseSummary('正文\n某局2025年工作总结\n根据要求，现总结如下。\n').title?.text, '某局2025年工作总结');
  });

  it('a crawler header gives the title and is not the opening', () => {
    const text = '标题: 某局2025年工作总结\n发布时间: 2026-01-05\n文号: \n==================== 正文 ====================\n2025年，我局认真履职。一、主要工作抓落实。';
    const doc = parseSummary(text);
    assert.equal(doc.title?.text, '某局2025年工作总结');
    assert.ok(doc.opening && doc.opening.start >= text.indexOf('2025年，'));
    assert.deepEqual(doc.period && [doc.period.from, doc.period.annual], [2025, true]);
  });

  it('the same title and structure with LF, CRLF, bare CR and mixed line ends', () => {
    const lf = '某局2025年工作总结\n　　2025年以来，我局认真履职。\n\n　　一、主要工作\n\n　　二、存在问题\n';
    for (const text of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r'), lf.replace('\n\n', '\r\n\r')]) {
      const doc = parseSummary(text);
      assert.equal(doc.title?.text, '某局2025年工作总结', JSON.stringify(text));
      assert.deepEqual(doc.sections.map((s) => s.marker.text), ['一、', '二、'], JSON.stringify(text));
    }
  });

  it('attachment lines are a part of their own: never sections, never markers', () => {
    const text = '某局2025年工作总结\n\n　　一、主要工作\n\n　　抓落实。\n\n附件：1.台账\n　　　2.清单\n　　　3.明细表\n\n某局\n2026年1月5日\n';
    const doc = parseSummary(text);
    assert.deepEqual(doc.sections.map((s) => s.marker.text), ['一、']);
    assert.ok(doc.markers.every((m) => m.start < doc.attachments!.start));
    assert.deepEqual(doc.attachments?.items.map((i) => slice(text, i.name)), ['台账', '清单', '明细表']);
    assert.ok(doc.sections[0].end <= doc.attachments!.start, 'the last section ends before the note');
    assert.equal(slice(text, doc.closing?.signer), '某局');
    assert.equal(doc.closing?.date?.text, '2026年1月5日');
  });

  it('only a name line followed by a date is a signature: not 联系人, not 请认真执行, not an attachment line', () => {
    assert.equal(parseSummary('某局2025年工作总结\n\n　　正文。\n\n联系人：张三\n2026年1月5日\n').closing?.signer, undefined);
    assert.equal(parseSummary('某局2025年工作总结\n\n　　正文。\n\n请认真执行\n2026年1月5日\n').closing?.signer, undefined);
    assert.equal(parseSummary('某局2025年工作总结\n\n　　正文。\n\n附件：台账\n2026年1月5日\n').closing?.signer, undefined);
    const signed = '2025年度述职报告\n\n各位领导、同志们：\n\n　　正文。\n\n　　以上述职，请予评议。\n\n　　　　述职人：王某\n　　　　2026年1月8日\n';
    const doc = parseSummary(signed);
    assert.equal(slice(signed, doc.salutation), '各位领导、同志们：');
    assert.equal(slice(signed, doc.closing?.formula), '以上述职，请予评议。');
    assert.equal(slice(signed, doc.closing?.signer), '述职人：王某');
  });

  it('without a title the period comes from the opening, and a signature dated before it is found', () => {
    const text = '各位同事：\n\n　　2025年以来，项目组按计划推进工作。\n\n　　一、完成情况\n\n项目组\n2024年12月30日\n';
    const doc = parseSummary(text);
    assert.deepEqual(doc.period && [doc.period.from, doc.period.source], [2025, 'text']);
    assert.deepEqual(analyze(text).findings.filter((f) => f.rule === 'year-consistency').map((f) => text.slice(f.start, f.end)), ['2024年12月30日']);
  });
});

describe('required parts by meaning (issue 10 §7)', () => {
  const required = (text: string, fileName?: string) => analyze(text, fileName ? { fileName } : {}).findings.filter((f) => f.rule === 'required-section');

  it('an empty or blank file gets no findings at all', () => {
    for (const text of ['', '\n\n', '　　\n', '\ufeff']) assert.deepEqual(analyze(text).findings, [], JSON.stringify(text));
  });

  it('a weekly log saved as 工作总结 gets one hint, at info level', () => {
    const findings = required('工作总结\n3月3日：整理纪要。\n3月4日：参加培训。\n3月5日：走访企业。\n');
    assert.deepEqual(findings.map((f) => f.severity), ['info']);
  });

  it('an English document without a title is read as an English report', () => {
    const doc = parseSummary('We shipped three releases this year.\n\n## Challenges\n\nReviews are slow.\n', { fileName: 'notes.md' });
    assert.deepEqual([doc.profile.profile.id, doc.profile.reason], ['en-report', 'language']);
  });

  it('plans named 谋划, 展望 or 思路 and problems named 短板 or 困难 count', () => {
    const base = (problems: string, plan: string) => `某局2025年工作总结\n\n　　2025年以来，我局认真履职。\n\n　　一、主要工作\n\n　　抓落实。\n\n　　二、${problems}\n\n　　人手少。\n\n　　三、${plan}\n\n　　再努力。\n`;
    for (const [problems, plan] of [['短板弱项', '2026年工作谋划'], ['困难和挑战', '工作展望'], ['差距与不足', '2026年工作思路']]) {
      assert.deepEqual(required(base(problems, plan)), [], `${problems} / ${plan}`);
    }
    assert.equal(required(base('其他工作', '2026年工作谋划')).length, 1, 'a problems part still missing is found');
  });

  it('a 述职报告 without its closing formula and signature is told so', () => {
    const text = '2025年度述职报告\n\n各位领导、同志们：\n\n　　2025年，我担任主任，主要负责综合协调。\n\n　　一、履职情况\n\n　　三、存在的问题\n\n　　四、今后的努力方向\n';
    const messages = required(text).map((f) => f.message.en);
    assert.equal(messages.length, 2, messages.join('; '));
    assert.ok(messages.some((m) => m.includes('Closing formula')) && messages.some((m) => m.includes('Signature')));
  });
});

describe('years of the body (issue 10 §10)', () => {
  const years = (text: string) => analyze(text).findings.filter((f) => f.rule === 'year-consistency').map((f) => text.slice(f.start, f.end));

  it("flags a body written for last year under this year's title", () => {
    const text = '某办2025年工作总结\n\n　　今年以来，我办扎实工作。\n\n　　一、主要工作\n\n　　2024年，我办受理来信860件。\n\n　　二、工作成效\n\n　　2024年以来，我办完善机制。\n\n　　三、2026年工作打算\n\n　　2026年，我办将继续努力。\n';
    assert.deepEqual(years(text), ['2024', '2024']);
  });

  it('leaves legitimate other years alone: a comparison, a carry-over, a 十四五 range, one mention', () => {
    const text = '某局2025年工作总结\n\n　　2025年，我局扎实工作，“十四五”（2021—2025年）目标全面完成。与2024年相比增长10%。\n\n　　一、主要工作\n\n　　2024年，全局受理事项800件；今年结转至2026年3件。\n\n　　二、2026年工作打算\n\n　　继续努力。\n';
    assert.deepEqual(years(text), []);
  });
});
