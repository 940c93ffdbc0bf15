import type { ChunkParse, SummaryDocument } from '../model/types';
import { maskedBlockText } from '../model/prose';
import { parseChineseNumeral } from '../text/numerals';
import { isCjk } from '../text/chars';
import type { Fix, Message } from '../types';
import { isProse, message, type BlockRule, type RuleReport } from './rule';

/** Units after a number that make `a-b` a range of values (GB/T 15834-2011 §4.13: 浪纹线 ～). */
const VALUE_UNIT = /^(?:%|‰|[万亿千百]?(?:元|人|个|家|户|项|次|件|名|所|座|台|套|亩|公顷|吨|米|千米|公里|平方米|平方公里|万|亿|倍|岁|天|小时|分钟|篇|期|场|批|株|头|只|辆|条|份|张|本|处|间|栋|层|分))/;
const FULL_WIDTH_DIGITS = /[０-９]+(?:[．.][０-９]+)?/g;
/** 国发〔2021〕30号: a 文号 with brackets other than 〔〕. */
const DOCUMENT_NUMBER = /([\u4e00-\u9fff]{1,10})([[［【(（﹝〖])((?:19|20)\d{2})([\]］】)）﹞〗])(\d{1,4})号/g;
/** what every DOCUMENT_NUMBER holds: a bracketed year and a number */
const DOCUMENT_NUMBER_YEAR = /[[［【(（﹝〖](?:19|20)\d{2}[\]］】)）﹞〗]\d{1,4}号/;
/** a whole line holding only a date: the 成文日期 under a signature */
const DATE_LINE = /^[\s\u3000]*(.+?)[\s\u3000]*$/;
const ISO_DATE = /^((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})$/;
const PADDED_DATE = /^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/;
const CHINESE_DATE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;
const SHORT_YEAR_DATE = /^(\d{2})年(\d{1,2})月(\d{1,2})日$/;

const toAscii = (digits: string) => digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace('．', '.');

function replaceFix(start: number, end: number, newText: string): Fix {
  return { title: message(`改为“${newText}”`, `Change to \`${newText}\``), edits: [{ start, end, newText }] };
}

/**
 * Is the signature above this line Chinese? One of the few non-blank lines before it (the unit's
 * name, an address, an e-mail) holds an ideograph. A bilingual summary signs twice, the English
 * signature under English lines only.
 */
function chineseSignature(text: string, lineStart: number): boolean {
  let end = lineStart;
  for (let seen = 0; seen < 4 && end > 0; ) {
    // lastIndexOf reads a negative start as 0 and would find a line break at 0 again and again
    const start = end >= 2 ? text.lastIndexOf('\n', end - 2) + 1 : 0;
    const line = text.slice(start, end);
    if (/\S/.test(line)) {
      if ([...line].some((ch) => isCjk(ch))) return true;
      seen++;
    }
    if (start === 0) break;
    end = start;
  }
  return false;
}

interface Found {
  start: number;
  end: number;
  message: Message;
  fix?: Fix;
}

function signatureDate(line: string, start: number, chineseNumeralDates: boolean): Found | undefined {
  const found = (expected: string, fixable: boolean): Found => ({
    start,
    end: start + line.length,
    message: message(`成文日期“${line}”应使用阿拉伯数字，年份写全，月、日不编虚位：${expected}`, `Date of issue \`${line}\`: expected Arabic figures with the full year and no leading zeros, ${expected}`),
    ...(fixable ? { fix: replaceFix(start, start + line.length, expected) } : {}),
  });
  let m = ISO_DATE.exec(line);
  if (m) return found(`${m[1]}年${+m[2]}月${+m[3]}日`, true);
  m = PADDED_DATE.exec(line);
  if (m && (m[2].startsWith('0') || m[3].startsWith('0'))) return found(`${m[1]}年${+m[2]}月${+m[3]}日`, true);
  m = CHINESE_DATE.exec(line);
  if (m && chineseNumeralDates) {
    const year = [...m[1]].map((d) => parseChineseNumeral(d === '〇' ? '零' : d) ?? 0).join('');
    const month = parseChineseNumeral(m[2]);
    const day = parseChineseNumeral(m[3]);
    if (month && day && month <= 12 && day <= 31) return found(`${year}年${month}月${day}日`, true);
  }
  m = SHORT_YEAR_DATE.exec(line);
  if (m) {
    return {
      start,
      end: start + line.length,
      message: message(`成文日期“${line}”的年份应写全（如“20${m[1]}年”）`, `Date of issue \`${line}\`: write the full year (such as 20${m[1]}年)`),
    };
  }
  return undefined;
}

/**
 * The date under a signature: a line of its own, in Chinese text. Read over the whole document, not
 * per chunk: whether the text before it is Chinese may be decided several paragraphs up (a Word file
 * puts the unit, its address and the date in paragraphs of their own).
 */
function signatureDates(doc: SummaryDocument, chineseNumeralDates: boolean): Found[] {
  const found: Found[] = [];
  for (const block of doc.blocks) {
    if (!isProse(block)) continue;
    block.lineStarts.forEach((lineStart, index) => {
      const next = index + 1 < block.lineStarts.length ? block.lineStarts[index + 1] : block.end;
      if (next - lineStart > 80) return;
      // the date's first figure opens the line's text: look at that one character before the whole line
      let first = lineStart;
      while (first < next && /[\s\u3000]/.test(doc.text[first])) first++;
      if (first === next || !/[\d〇零一二三四五六七八九]/.test(doc.text[first])) return;
      const raw = doc.text.slice(lineStart, next).replace(/\r?\n$|\r$/, '');
      const m = DATE_LINE.exec(raw);
      if (!m || m[1].length > 16 || !/^[\d〇零一二三四五六七八九]/.test(m[1])) return;
      const start = lineStart + raw.indexOf(m[1]);
      if (!chineseSignature(doc.text, lineStart)) return;
      const date = signatureDate(m[1], start, chineseNumeralDates);
      if (date) found.push(date);
    });
  }
  return found;
}

function findInChunk(parse: ChunkParse): Found[] {
  const found: Found[] = [];
  const markers = parse.candidates.map((c) => ({ start: c.candidate.start, end: c.candidate.end }));
  const inMarker = (start: number, end: number) => markers.some((m) => m.start < end && start < m.end);
  for (const block of parse.blocks) {
    if (!isProse(block)) continue;
    const s = maskedBlockText(parse, block);
    const at = (i: number) => block.start + i;
    for (const m of s.matchAll(FULL_WIDTH_DIGITS)) {
      const start = at(m.index);
      const end = start + m[0].length;
      if (inMarker(start, end)) continue; // a full-width marker (１．) is numbering-style's
      const ascii = toAscii(m[0]);
      found.push({
        start,
        end,
        message: message(`“${m[0]}”是全角数字，应使用半角阿拉伯数字“${ascii}”`, `Full-width digits \`${m[0]}\`; expected half-width \`${ascii}\``),
        fix: replaceFix(start, end, ascii),
      });
    }
    // 30%-40%, 5-10万元: a range of values takes ～, not a hyphen
    for (const m of s.matchAll(/(\d+(?:\.\d+)?)(%?)-(\d+(?:\.\d+)?)/g)) {
      const before = s[m.index - 1];
      const afterIndex = m.index + m[0].length;
      const after = s.slice(afterIndex, afterIndex + 6);
      if (before !== undefined && /[A-Za-z0-9.\-/_:#]/.test(before)) continue; // GB/T 9704-2012, ISO 9001-2015, 2022-04-3
      if (/^[\d.\-/A-Za-z]/.test(after)) continue;
      if (!(m[2] || VALUE_UNIT.test(after))) continue;
      if (!isCjk(s[m.index - 1]) && !isCjk(after[0]) && !/^[%‰]/.test(after) && !m[2]) continue;
      const dash = at(m.index + m[1].length + m[2].length);
      const range = m[0] + (after.match(VALUE_UNIT)?.[0] ?? '');
      found.push({
        start: at(m.index),
        end: at(m.index) + range.length,
        message: message(`数值范围“${range}”应使用浪纹线“～”连接，不用连字符“-”`, `Range \`${range}\`: a range of values takes \`～\`, not a hyphen`),
        fix: { title: message('改为“～”', 'Change to `～`'), edits: [{ start: dash, end: dash + 1, newText: '～' }] },
      });
    }
    // 增长3.8 %: no space between a number and its per cent sign
    for (const m of s.matchAll(/(\d)([ \u00a0\u3000]+)%/g)) {
      let first = m.index;
      while (first > 0 && /[\d.]/.test(s[first - 1])) first--;
      if (!isCjk(s[first - 1])) continue;
      const spaceStart = at(m.index + 1);
      const number = s.slice(first, m.index + 1);
      found.push({
        start: at(first),
        end: at(m.index + m[0].length),
        message: message(`“${number}${m[2]}%”中数字与百分号之间不应有空格`, `\`${number}${m[2]}%\`: no space between a number and the per cent sign`),
        fix: { title: message('删去空格', 'Remove the space'), edits: [{ start: spaceStart, end: spaceStart + m[2].length, newText: '' }] },
      });
    }
    // the pattern opens with up to ten Chinese characters, tried at every position: look for its bracketed year first
    for (const m of DOCUMENT_NUMBER_YEAR.test(s) ? s.matchAll(DOCUMENT_NUMBER) : []) {
      if (m[2] === '〔') continue;
      const bracketStart = at(m.index + m[1].length);
      const closeStart = bracketStart + 1 + m[3].length;
      const reference = m[0];
      const expected = `${m[1]}〔${m[3]}〕${m[5]}号`;
      found.push({
        start: bracketStart,
        end: at(m.index + m[0].length),
        message: message(`文号“${reference}”的年份应使用六角括号〔〕：${expected}`, `Document number \`${reference}\`: the year takes the tortoise-shell brackets 〔〕, ${expected}`),
        fix: {
          title: message('改为〔〕', 'Change to 〔〕'),
          edits: [
            { start: bracketStart, end: bracketStart + 1, newText: '〔' },
            { start: closeStart, end: closeStart + 1, newText: '〕' },
          ],
        },
      });
    }
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  return found.filter((f, i) => i === 0 || f.start >= found[i - 1].end);
}

function shiftFound(item: Found, by: number): Found {
  const shifted: Found = { ...item, start: item.start + by, end: item.end + by };
  if (item.fix) shifted.fix = { title: item.fix.title, edits: item.fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) };
  return shifted;
}

export const numberUsage: BlockRule<Found> = {
  scope: 'block',
  meta: {
    id: 'number-usage',
    description: {
      zh: '数字用法（GB/T 15835-2011、GB/T 9704-2012 §7.3.5）：不用全角数字；数值范围用“～”不用“-”；成文日期用阿拉伯数字、年份写全、月日不编虚位（GB/T 9704 规范下不用汉字日期）；文号年份用六角括号〔〕；数字与 % 之间不空格。概数、名称中的序数不查',
      en: 'Numbers (GB/T 15835-2011, GB/T 9704-2012 §7.3.5): no full-width digits; ranges of values with ～, not a hyphen; the date of issue in Arabic figures, the full year, no leading zeros (no Chinese-numeral dates in the gbt9704 house style); 〔〕 around the year of a document number; no space before %. Approximate numbers and ordinals in names are left alone',
    },
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['numbers', 'gbt15835', 'gbt9704'],
    examples: [
      {
        description: 'full-width digits, a hyphenated range, a space before %, and a 文号 in square brackets',
        format: 'text',
        text: '工作总结\n\n２０２５年，投资增长3.8 %，占比30%-40%，补助5-10万元。依据国发[2021]30号文件执行。\n',
        flagged: ['２０２５', '3.8 %', '30%-40%', '5-10万元', '[2021]30号'],
        fixed: '工作总结\n\n2025年，投资增长3.8%，占比30%～40%，补助5～10万元。依据国发〔2021〕30号文件执行。\n',
      },
      {
        description: 'a signature dated 2022-04-3 or with zero padding',
        format: 'text',
        text: '工作总结\n\n全年工作顺利完成。\n\n　　　　开发组\n　　　　2022-04-3\n\n　　　　办公室\n　　　　2025年01月05日\n',
        flagged: ['2022-04-3', '2025年01月05日'],
        fixed: '工作总结\n\n全年工作顺利完成。\n\n　　　　开发组\n　　　　2022年4月3日\n\n　　　　办公室\n　　　　2025年1月5日\n',
        messages: [
          { en: 'Date of issue `2022-04-3`: expected Arabic figures with the full year and no leading zeros, 2022年4月3日' },
          { en: 'Date of issue `2025年01月05日`: expected Arabic figures with the full year and no leading zeros, 2025年1月5日' },
        ],
      },
      {
        description: 'in the gbt9704 house style the date of issue is not written in Chinese numerals',
        format: 'text',
        config: '{"houseStyle": "gbt9704"}\n',
        text: '工作总结\n\n全年工作顺利完成。\n\n　　　　办公室\n　　　　二〇二五年一月五日\n',
        flagged: ['二〇二五年一月五日'],
        fixed: '工作总结\n\n全年工作顺利完成。\n\n　　　　办公室\n　　　　2025年1月5日\n',
      },
      {
        description: 'approximate numbers, ordinals in names, phone numbers, standards, month spans and a Chinese date in the common house style are left alone',
        format: 'text',
        text: '工作总结\n\n开展三四个专题、十几次活动，落实第十四个五年规划和“十四五”规划，按GB/T 9704-2012排版，电话0591-24334567，1-10月完成投资。\n\n　　　　办公室\n　　　　二〇二五年一月五日\n',
        flagged: [],
      },
    ],
  },
  findInChunk({ parse }) {
    return findInChunk(parse);
  },
  shiftFound,
  check({ doc, houseStyle }, inChunks) {
    const chineseNumeralDates = houseStyle.id === 'gbt9704';
    const found = [...inChunks, ...signatureDates(doc, chineseNumeralDates)];
    found.sort((a, b) => a.start - b.start || a.end - b.end);
    return found.map((f): RuleReport => (f.fix ? { start: f.start, end: f.end, message: f.message, fix: f.fix } : { start: f.start, end: f.end, message: f.message }));
  },
};
