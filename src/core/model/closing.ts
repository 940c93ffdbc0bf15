import { nextLineBreak } from '../text/lines';
import type { AttachmentNote, Block, Closing, DateMark, Range, SignatureDate } from './types';
import { isProse } from './blocks';

/**
 * The frame of a document around its body: the 附件说明 (attachment note) and the closing
 * (formula 特此报告, the unit or person who signs, the 成文日期). Both are parts of their own:
 * never sections, never numbered, never in the outline.
 */

interface Line {
  start: number;
  end: number;
  /** the text without indentation and trailing spaces */
  text: string;
  /** offset of `text` in the document */
  textStart: number;
  blockIndex: number;
}

/**
 * The prose lines from `from` on. The builder asks four times over one model (attachment note,
 * closing, signature dates, salutation): the lines of the whole text are read once, kept with the
 * blocks they were read from.
 */
function proseLines(text: string, blocks: Block[], from: number): Line[] {
  let read = linesRead.get(blocks);
  if (read?.text !== text || read.blockCount !== blocks.length) linesRead.set(blocks, (read = { text, blockCount: blocks.length, lines: allProseLines(text, blocks) }));
  const lines = read.lines;
  // a line that reaches past `from` counts whole (a crawler's article is one line)
  let first = 0;
  while (first < lines.length && lines[first].end <= from) first++;
  return first === 0 ? lines : lines.slice(first);
}

const linesRead = new WeakMap<Block[], { text: string; blockCount: number; lines: Line[] }>();

const SPACE = /[\s\u3000\u00a0]/;

function allProseLines(text: string, blocks: Block[]): Line[] {
  const lines: Line[] = [];
  // with no CR in the text a line ends at the next \n, which indexOf finds much faster than a scan by character
  const withCr = text.includes('\r');
  blocks.forEach((block, blockIndex) => {
    if (!isProse(block)) return;
    for (const start of block.lineStarts) {
      const breakAt = withCr ? nextLineBreak(text, start).end : text.indexOf('\n', start);
      const end = Math.min(breakAt === -1 ? text.length : breakAt, block.end);
      // the text without indentation and trailing spaces (a test per character at the two ends only)
      let textStart = start;
      while (textStart < end && SPACE.test(text[textStart])) textStart++;
      let textEnd = end;
      while (textEnd > textStart && SPACE.test(text[textEnd - 1])) textEnd--;
      if (textEnd > textStart) lines.push({ start, end, text: text.slice(textStart, textEnd), textStart, blockIndex });
    }
  });
  return lines;
}

/** `附件：` (or the wrong half-width `附件:`), then one name or `1.名称`. 附件下载 / 附件1：… are not notes. */
const ATTACHMENT_LABEL = /^附\s*件\s*([:：])\s*/;
/** A later item of the note: `2.名称`, however it is indented. */
const ATTACHMENT_ITEM = /^(\d{1,2})\s*([.．、]?)\s*(?=\S)/;

/** The 附件说明: the last `附件：` line of the document and the numbered lines that continue it. */
export function findAttachments(text: string, blocks: Block[], from = 0): AttachmentNote | undefined {
  const lines = proseLines(text, blocks, from);
  let labelIndex = -1;
  for (let i = lines.length - 1; i >= 0 && labelIndex < 0; i--) if (ATTACHMENT_LABEL.test(lines[i].text)) labelIndex = i;
  if (labelIndex < 0) return undefined;
  const label = lines[labelIndex];
  const labelMatch = ATTACHMENT_LABEL.exec(label.text)!;
  const note: AttachmentNote = {
    start: label.textStart,
    end: label.textStart + label.text.length,
    label: { start: label.textStart, end: label.textStart + labelMatch[0].replace(/\s+$/, '').length },
    colon: labelMatch[1],
    items: [],
  };
  const addItem = (line: Line, offset: number) => {
    const rest = line.text.slice(offset);
    const m = ATTACHMENT_ITEM.exec(rest);
    // `1.名称` carries a number; a lone `2024年统计表` does not, though it starts with digits
    const numbered = m && !/^\d/.test(rest.slice(m[0].length)) && (m[2] !== '' || /^\d{1,2}\s+\S/.test(rest)) ? m : null;
    const nameStart = line.textStart + offset + (numbered ? numbered[0].length : 0);
    const item: AttachmentNote['items'][number] = { start: line.textStart + offset, end: line.textStart + line.text.length, name: { start: nameStart, end: line.textStart + line.text.length }, lineStart: line.start };
    if (numbered) item.number = { start: line.textStart + offset, end: line.textStart + offset + numbered[1].length + numbered[2].length, value: Number(numbered[1]), separator: numbered[2] };
    note.items.push(item);
  };
  if (label.text.length > labelMatch[0].length) addItem(label, labelMatch[0].length);
  for (let i = labelIndex + 1; i < lines.length; i++) {
    const m = ATTACHMENT_ITEM.exec(lines[i].text);
    const expected = (note.items[note.items.length - 1]?.number?.value ?? 0) + 1;
    if (!m || Number(m[1]) !== expected) break;
    addItem(lines[i], 0);
    note.end = lines[i].textStart + lines[i].text.length;
  }
  return note;
}

const CN_DIGIT = '〇零一二三四五六七八九十';
/** A 成文日期 on a line of its own: 2024年1月5日, 2024-01-05, 2024.1.5, 二〇二四年一月五日, 2005-12-xx. */
const DATE = new RegExp(
  `((?:19|20)\\d{2})\\s*(?:年\\s*(\\d{1,2}|[xX×]{1,2})\\s*月\\s*(\\d{1,2}|[xX×]{1,2})\\s*日|[-./](\\d{1,2}|[xX×]{1,2})[-./](\\d{1,2}|[xX×]{1,2}))|([${CN_DIGIT}]{4})年([${CN_DIGIT}]{1,3})月([${CN_DIGIT}]{1,3})日`,
);
const DATE_LINE = new RegExp(`^(?:${DATE.source})$`);
/** The formula that ends a report: 特此报告, 以上述职，请予评议, 请审议, 述职完毕. */
const FORMULA = /^(特此(报告|汇报|说明|总结)|以上(报告|述职|汇报|总结)?[，,]?\s*请(予|各位领导|领导)?.{0,6}(审议|评议|审阅|指正|批评)|请各位领导.{0,10}(批评|评议|指正)|述职完毕|(我的)?述职(报告)?(到此结束|完毕))[。！!]?(谢谢[！!。]?)?$/;
/** Lines that are never a signature, though short: contacts, instructions, attachment lines, markers. */
const NOT_SIGNER = /^(联系人|联系电话|电话|传真|邮箱|地址|抄送|抄报|主送|附件|请|望|特此|以上|此致|敬礼)|[:：]$|^[\d一二三四五六七八九十]+[、.．)）]|^[（(][\d一二三四五六七八九十]+[）)]/;
/** A person who signs (述职人：张三, 报告人：XXX). */
const PERSON = /^(报告人|述职人|汇报人|述廉人|总结人|撰写人|签名)\s*[:：]/;

function cnDigits(value: string): number {
  if (/^[〇零一二三四五六七八九]{4}$/.test(value)) return Number([...value].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join(''));
  const tens = value.indexOf('十');
  const digit = (c: string | undefined) => (c ? '〇一二三四五六七八九'.indexOf(c) : 0);
  if (tens < 0) return digit(value);
  return (tens === 0 ? 1 : digit(value[0])) * 10 + digit(value[tens + 1]);
}

export function readDate(text: string, start: number): DateMark | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const date: DateMark = { start: start + m.index, end: start + m.index + m[0].length, text: m[0], year: m[1] ? Number(m[1]) : cnDigits(m[6]) };
  const month = m[1] ? (m[2] ?? m[4]) : m[7];
  const day = m[1] ? (m[3] ?? m[5]) : m[8];
  const monthValue = m[1] ? Number(month) : cnDigits(month);
  const dayValue = m[1] ? Number(day) : cnDigits(day);
  if (Number.isInteger(monthValue) && monthValue >= 1 && monthValue <= 12) date.month = monthValue;
  if (Number.isInteger(dayValue) && dayValue >= 1 && dayValue <= 31) date.day = dayValue;
  return date;
}

function range(line: Line): Range {
  return { start: line.textStart, end: line.textStart + line.text.length };
}

/** A web address, a mail address or a phone number under the name: part of the signature block. */
const CONTACT = /^(https?:\/\/\S+|www\.\S+|\S+@\S+\.\w+|(电话|手机|Tel|E-?mail)[:：]?\s*\S+)$/i;

function signerLike(line: Line): boolean {
  if (PERSON.test(line.text)) return line.text.length <= 30;
  // CnPack Administrators: Liu Xiao, Zhou JingYu — an English signature line
  if (!/[\u4e00-\u9fff]/.test(line.text)) return line.text.length <= 60 && /^[A-Z][A-Za-z .]*(:\s*[A-Z][A-Za-z .,]*)?$/.test(line.text);
  return line.text.length <= 30 && !/[。，,；;！!？?“”"]/.test(line.text) && !NOT_SIGNER.test(line.text) && !DATE.test(line.text) && !CONTACT.test(line.text);
}

/**
 * The closing at the end: the formula (特此报告), the signer (a unit or a person) and the date. Only
 * a name line followed by a date is a signature; a date with no name above it is the date alone.
 * `attachments` is skipped over: the note stands between the formula and the signature.
 */
export function findClosing(text: string, blocks: Block[], attachments: AttachmentNote | undefined, from = 0): Closing | undefined {
  const all = proseLines(text, blocks, Math.max(from, text.length - 2000));
  const lines = all.filter((line) => !attachments || line.textStart + line.text.length <= attachments.start || line.start >= attachments.end).slice(-8);
  let index = lines.length - 1;
  const closing: Partial<Closing> = {};
  const last = lines[index];
  if (!last) return undefined;
  if (DATE_LINE.test(last.text)) {
    closing.date = readDate(last.text, last.textStart)!;
    index--;
    const signers: Line[] = [];
    let contacts = 0;
    while (index >= 0 && contacts < 3 && CONTACT.test(lines[index].text)) {
      index--;
      contacts++;
    }
    while (index >= 0 && signers.length < 2 && signerLike(lines[index])) {
      signers.unshift(lines[index]);
      index--;
    }
    if (signers.length) closing.signer = { start: signers[0].textStart, end: signers[signers.length - 1].textStart + signers[signers.length - 1].text.length };
    else index += contacts;
  } else {
    // 平潭综合实验区投资促进局 2024年12月18日: name and date on one line at the very end
    // (…run-in text。) 平潭综合实验区投资促进局 2024年12月18日: name and date at the very end, after a sentence
    const sameLine = new RegExp(`(?:^|[。！!？?；;][\\s\\u3000]*)([^\\s\\u3000。！!？?；;，,]{2,30})[\\s\\u3000]+(${DATE.source})$`).exec(last.text);
    if (sameLine && !NOT_SIGNER.test(sameLine[1])) {
      const nameAt = last.textStart + sameLine.index + sameLine[0].indexOf(sameLine[1]);
      closing.signer = { start: nameAt, end: nameAt + sameLine[1].length };
      const dateText = sameLine[2];
      closing.date = readDate(dateText, last.textStart + last.text.length - dateText.length)!;
      if (sameLine.index > 0) index = -1; // the rest of the line is body text, not a formula line
      else index--;
    } else if (PERSON.test(last.text) && last.text.length <= 30) {
      closing.signer = range(last);
      index--;
    }
  }
  const formulaLine = lines[index];
  if (formulaLine) {
    if (FORMULA.test(formulaLine.text)) closing.formula = range(formulaLine);
    else {
      // …，取得了新成效。特此报告。: the formula run in at the end of the last paragraph
      const runIn = /[。！!]\s*((特此(报告|汇报))[。！!]?)$/.exec(formulaLine.text);
      if (runIn) {
        const start = formulaLine.textStart + runIn.index + runIn[0].length - runIn[1].length;
        closing.formula = { start, end: start + runIn[1].length };
      }
    }
  }
  const parts = [closing.formula, closing.signer, closing.date].filter((p): p is Range => p !== undefined);
  if (!parts.length) return undefined;
  return { ...closing, start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) } as Closing;
}

/**
 * Every signature date in the text: a date line under a name line (contacts between allowed). A
 * bilingual report signs each of its halves; the closing is only the last.
 */
export function findSignatureDates(text: string, blocks: Block[], from = 0): SignatureDate[] {
  const lines = proseLines(text, blocks, from);
  const dates: SignatureDate[] = [];
  lines.forEach((line, i) => {
    if (!DATE_LINE.test(line.text)) return;
    let above = i - 1;
    while (above >= 0 && i - above <= 3 && CONTACT.test(lines[above].text)) above--;
    if (above >= 0 && signerLike(lines[above])) dates.push({ ...readDate(line.text, line.textStart)!, signer: range(lines[above]) });
  });
  return dates;
}

/** Words that address people: a line with one of them is a salutation, never an addressee. */
const PEOPLE = /领导|同志|代表|委员(?!会)|老师|同事|朋友|成员|大家|各位|尊敬/;

/**
 * The top of the body: the 主送机关 (addressee) on the first line after the title, and the
 * salutation to people on the first line or on the line after the addressee.
 */
export function findTop(text: string, blocks: Block[], contentStart: number): { addressee?: Range; salutation?: Range } {
  const [first, second] = proseLines(text, blocks, contentStart);
  if (!first) return {};
  if (isAddressee(first.text)) return second && isSalutation(second.text) ? { addressee: range(first), salutation: range(second) } : { addressee: range(first) };
  return isSalutation(first.text) ? { salutation: range(first) } : {};
}

/** A salutation (各位领导、同志们：): a short line of its own, ending in a colon, naming people. */
function isSalutation(line: string): boolean {
  return line.length <= 30 && /[：:]$/.test(line) && PEOPLE.test(line) && !/[。；]/.test(line);
}

/**
 * What a 主送机关 ends in: a government, a Party or people's committee, a bureau, an office, a
 * department, a centre, a unit … (市政府, 县委, 市发展改革委, 区卫健局, 县委办公室, 市委组织部, 各有关单位).
 */
const ORGAN = /(?:政府|委员会|常委会|管委会|委|党组|总支|局|办公室|办|办事处|厅|部|部门|中心|院|单位|公司|集团)$/;
/** Words with those endings that name no organ: people (干部, 常委), extents (全部, 大局), acts (督办), sentences. */
const NOT_ORGAN = /(?:干部|常委|全部|内部|外部|局部|大局|全局|格局|布局|开局|结局|督办|承办|主办|举办|创办|协办|代办|为中心)$|[的了]|如下|以下|情况|工作|问题|措施|做法|\d|^[一二三四五六七八九十]+[、.．]|^[（(]/;

/**
 * `市政府：`, `县委、县政府：`, `各县（市、区）人民政府，市政府各部门：`: organs only, named in a short line
 * ending in a colon.
 */
function isAddressee(line: string): boolean {
  if (line.length > 50 || !/[：:]$/.test(line) || PEOPLE.test(line) || /[。；;！!？?“”"]/.test(line)) return false;
  // 各县（市、区）: the bracket lists kinds of the same organ, it separates no names
  const names = line.slice(0, -1).replace(/[（(][^（()）]*[）)]/g, '').split(/[、，,]/).map((name) => name.trim());
  return names.every((name) => name.length >= 2 && name.length <= 25 && ORGAN.test(name) && !NOT_ORGAN.test(name));
}
