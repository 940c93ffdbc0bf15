import type { AttachmentNote } from '../model/types';
import { message, type Rule, type RuleReport } from './rule';

/** Display width as an editor or Word lays it out: full-width characters take two columns. */
function width(text: string): number {
  let columns = 0;
  for (const c of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000]/.test(c) ? 2 : c === '\t' ? 4 : 1;
  return columns;
}

const NAME_END_PUNCTUATION = /[。．.，,；;、：:！!？?]+$/;

function checkNote(text: string, note: AttachmentNote): RuleReport[] {
  const reports: RuleReport[] = [];
  if (note.colon !== '：') {
    const colonAt = text.lastIndexOf(note.colon, note.label.end);
    reports.push({
      start: colonAt,
      end: colonAt + 1,
      message: message(`附件说明写作“附件${note.colon}”；应为全角冒号“附件：”`, `The attachment note is written \`附件${note.colon}\`; expected a full-width colon: \`附件：\``),
      fix: { title: message('改为全角冒号“：”', 'Change to the full-width colon `：`'), edits: [{ start: colonAt, end: colonAt + 1, newText: '：' }] },
    });
  }
  const [first] = note.items;
  if (note.items.length === 1 && first?.number) {
    // one attachment takes no number (GB/T 9704-2012 §7.3.5): 附件：名称
    reports.push({
      start: first.number.start,
      end: first.name.start,
      message: message(`只有一个附件，不应编号“${text.slice(first.number.start, first.number.end)}”；应为“附件：名称”`, `Only one attachment: no number \`${text.slice(first.number.start, first.number.end)}\` is expected (附件：名称)`),
      fix: { title: message('删除序号', 'Remove the number'), edits: [{ start: first.number.start, end: first.name.start, newText: '' }] },
    });
  } else {
    for (const item of note.items) {
      const number = item.number;
      if (!number || number.separator === '.') continue;
      const written = text.slice(number.start, item.name.start);
      const wanted = `${number.value}.`;
      const edits = number.separator === '' ? [{ start: number.start, end: item.name.start, newText: wanted }] : [{ start: number.end - number.separator.length, end: number.end, newText: '.' }];
      reports.push({
        start: number.start,
        end: number.end,
        message: message(`附件序号写作“${written.trim()}”；应为阿拉伯数字加下脚点“${wanted}”`, `Attachment number written \`${written.trim()}\`; expected an Arabic number with a dot: \`${wanted}\``),
        fix: { title: message(`改为“${wanted}”`, `Change to \`${wanted}\``), edits },
      });
    }
  }
  for (const item of note.items) {
    const punctuation = NAME_END_PUNCTUATION.exec(text.slice(item.name.start, item.name.end));
    if (!punctuation || item.name.end - punctuation[0].length <= item.name.start) continue;
    const start = item.name.end - punctuation[0].length;
    reports.push({
      start,
      end: item.name.end,
      message: message(`附件名称后有标点“${punctuation[0]}”；附件名称后不加标点符号`, `Punctuation \`${punctuation[0]}\` after an attachment name; expected none`),
      fix: { title: message('删除标点', 'Remove the punctuation'), edits: [{ start, end: item.name.end, newText: '' }] },
    });
  }
  // later items line up under the first one's number (附件：1.… / 　　　2.…)
  if (first?.number && note.items.length > 1) {
    const column = width(text.slice(first.lineStart, first.number.start));
    for (const item of note.items.slice(1)) {
      if (!item.number) continue;
      const at = width(text.slice(item.lineStart, item.number.start));
      if (at === column) continue;
      reports.push({
        start: item.number.start,
        end: item.number.end,
        message: message(
          `附件序号“${text.slice(item.number.start, item.number.end)}”未与第一个附件的序号对齐（缩进${at}列，应为${column}列）`,
          `Attachment number \`${text.slice(item.number.start, item.number.end)}\` is not aligned with the first one (indented ${at} columns, expected ${column})`,
        ),
      });
    }
  }
  return reports;
}

export const attachment: Rule = {
  scope: 'document',
  meta: {
    id: 'attachment',
    description: {
      zh: '附件说明的格式（GB/T 9704-2012 §7.3.5）：“附件：”用全角冒号，多个附件用“1.”“2.”编号并对齐，只有一个附件不编号，附件名称后不加标点',
      en: 'The attachment note (GB/T 9704-2012 §7.3.5): 附件 with a full-width colon, several attachments numbered 1. 2. and aligned, a single one unnumbered, no punctuation after a name',
    },
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['format', 'attachment'],
    examples: [
      {
        description: 'a correct note with two attachments, the second aligned under the first',
        format: 'text',
        text: '2025年工作总结\n\n　　一、主要工作。抓好落实。\n\n附件：1.重点工作台账\n　　　2.经费使用情况表\n\n某某局\n2026年1月5日\n',
        flagged: [],
      },
      {
        description: 'a 顿号 after a number and a full stop after a name',
        format: 'text',
        text: '2025年工作总结\n\n　　一、主要工作。抓好落实。\n\n附件：1.重点工作台账。\n　　　2、经费使用情况表\n',
        flagged: ['。', '2、'],
        fixed: '2025年工作总结\n\n　　一、主要工作。抓好落实。\n\n附件：1.重点工作台账\n　　　2.经费使用情况表\n',
      },
      {
        description: 'a half-width colon',
        format: 'text',
        text: '2025年工作总结\n\n　　一、主要工作。抓好落实。\n\n附件:重点工作台账\n',
        flagged: [':'],
        fixed: '2025年工作总结\n\n　　一、主要工作。抓好落实。\n\n附件：重点工作台账\n',
      },
      {
        description: 'a single attachment takes no number',
        format: 'text',
        text: '2025年工作总结\n\n　　一、主要工作。抓好落实。\n\n附件：1.重点工作台账\n',
        flagged: ['1.'],
        fixed: '2025年工作总结\n\n　　一、主要工作。抓好落实。\n\n附件：重点工作台账\n',
      },
      {
        description: 'a continuation line not aligned: reported, not moved',
        format: 'text',
        text: '2025年工作总结\n\n　　一、主要工作。抓好落实。\n\n附件：1.重点工作台账\n2.经费使用情况表\n',
        flagged: ['2.'],
      },
    ],
  },
  check({ doc }) {
    return doc.attachments ? checkNote(doc.text, doc.attachments) : [];
  },
};
