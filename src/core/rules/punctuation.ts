import type { Block } from '../model/types';
import { maskedBlockText, type SourceText } from '../model/prose';
import { message, type Rule, type RuleReport } from './rule';
import { isCjk } from '../text/chars';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）' };
const CLOSERS: Record<string, string> = { '”': '“', '’': '‘', '》': '《', '）': '（' };

const isAsciiLetter = (ch: string | undefined) => ch !== undefined && /[A-Za-z]/.test(ch);
const isAsciiAlnum = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);
/** Chinese text before a punctuation mark: an ideograph, or a closing full-width mark after one. */
const chineseBefore = (ch: string | undefined) => isCjk(ch) || (ch !== undefined && /[”》）」』】]/.test(ch));
const chineseAfter = (ch: string | undefined) => isCjk(ch) || (ch !== undefined && /[“《（「『【]/.test(ch));

/** Lines where Latin letters outnumber ideographs are English: their punctuation is half-width. */
function chineseLine(line: string): boolean {
  let cjk = 0;
  let latin = 0;
  for (const ch of line) {
    if (isCjk(ch)) cjk++;
    else if (isAsciiLetter(ch)) latin++;
  }
  return cjk > 0 && cjk >= latin;
}

/** Finds the line around an offset by binary search over line starts computed once per block. */
function lineFinder(s: string): (index: number) => { start: number; end: number } {
  const starts = [0];
  // \r\n, \n and a bare \r (old Mac files) all end a line
  for (const m of s.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
  return (index) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    const end = low + 1 < starts.length ? starts[low + 1] - 1 : s.length;
    return { start: starts[low], end };
  };
}

interface Open {
  ch: string;
  index: number;
}

function checkBlock(doc: SourceText, block: Block, markers: readonly { start: number; end: number }[]): RuleReport[] {
  const reports: RuleReport[] = [];
  {
    const masked = maskedBlockText(doc, block);
    // numbering markers belong to numbering-style: `(一)`, `（一)`, `1)` are not read here (masked in one pass)
    const parts: string[] = [];
    let cursor = 0;
    for (const marker of markers) {
      if (marker.start < block.start || marker.end > block.end) continue;
      const a = marker.start - block.start;
      const b = marker.end - block.start;
      if (a < cursor) continue;
      parts.push(masked.slice(cursor, a), '\u0000'.repeat(b - a));
      cursor = b;
    }
    parts.push(masked.slice(cursor));
    const s = parts.join('');
    const lineAround = lineFinder(s);
    const at = (i: number) => block.start + i;
    const skipBack = (i: number) => {
      let j = i - 1;
      if (doc.format === 'markdown') while (j >= 0 && /[*_]/.test(s[j])) j--;
      return j;
    };
    const skipForward = (i: number) => {
      let j = i;
      if (doc.format === 'markdown') while (j < s.length && /[*_]/.test(s[j])) j++;
      return j;
    };
    const chineseLineAt = (() => {
      const cache = new Map<number, boolean>();
      return (i: number) => {
        const line = lineAround(i);
        if (!cache.has(line.start)) cache.set(line.start, chineseLine(s.slice(line.start, line.end)));
        return cache.get(line.start)!;
      };
    })();

    // , ; : ? ! between Chinese words
    for (const m of s.matchAll(/[?!]+|[,;:]/g)) {
      const i = m.index;
      let end = i + m[0].length;
      if (!chineseBefore(s[skipBack(i)]) || !chineseLineAt(i)) continue;
      const next = skipForward(end);
      let spaces = next;
      while (spaces < s.length && (s[spaces] === ' ' || s[spaces] === '\t')) spaces++;
      const lineEnd = spaces >= s.length || s[spaces] === '\n' || s[spaces] === '\r';
      const wordAfter = (j: number) => chineseAfter(s[j]) || (/[0-9]/.test(s[j] ?? '') && isCjk(s[j + (/^[0-9.%]+/.exec(s.slice(j))?.[0].length ?? 0)]));
      if (!(wordAfter(next) || lineEnd || (spaces > next && wordAfter(spaces)))) continue;
      // `, 并附` → `，并附`: a full-width mark carries its own space
      if (next === end && spaces > end && !lineEnd) end = spaces;
      const found = s.slice(i, end);
      const expected = [...m[0]].map((ch) => FULL_WIDTH[ch]).join('');
      reports.push({
        start: at(i),
        end: at(end),
        message: message(
          `中文之间使用了半角标点“${found.trim()}”，应为全角“${expected}”`,
          `Half-width \`${found.trim()}\` in Chinese text; expected full-width \`${expected}\``,
        ),
        fix: { title: message(`改为“${expected}”`, `Change to \`${expected}\``), edits: [{ start: at(i), end: at(end), newText: expected }] },
      });
    }

    // (…) around Chinese text
    for (const m of s.matchAll(/\(([^()\n\r]*)\)/g)) {
      const i = m.index;
      const close = i + m[0].length - 1;
      if (![...m[1]].some((ch) => isCjk(ch))) continue;
      let before = i - 1;
      while (before >= 0 && (s[before] === ' ' || s[before] === '\t')) before--;
      // `Beijing (北京)` in an English line keeps its half-width brackets
      if (!chineseLineAt(i) && !chineseBefore(s[before])) continue;
      reports.push({
        start: at(i),
        end: at(close + 1),
        message: message(
          `中文括注使用了半角括号“${m[0]}”，应为全角“（${m[1]}）”`,
          `Half-width parentheses \`${m[0]}\` around Chinese text; expected full-width \`（${m[1]}）\``,
        ),
        fix: {
          title: message('改为全角括号“（）”', 'Change to full-width `（）`'),
          edits: [
            { start: at(i), end: at(i + 1), newText: '（' },
            { start: at(close), end: at(close + 1), newText: '）' },
          ],
        },
      });
    }

    // unpaired “” ‘’ 《》 （）: a stack matcher over the paragraph
    const stack: Open[] = [];
    const unpaired = (index: number, ch: string) => {
      const partner = OPENERS[ch] ?? CLOSERS[ch];
      reports.push({
        start: at(index),
        end: at(index + 1),
        message: OPENERS[ch]
          ? message(`“${ch}”没有配对的“${partner}”`, `Unpaired \`${ch}\`: no matching \`${partner}\` in this paragraph`)
          : message(`“${ch}”前面没有配对的“${partner}”`, `Unpaired \`${ch}\`: no matching \`${partner}\` before it in this paragraph`),
      });
    };
    for (const m of s.matchAll(/[“”‘’《》（）]/g)) {
      const i = m.index;
      const ch = m[0];
      const quoteMark = ch === '‘' || ch === '’';
      // ’ as an apostrophe (it’s, users’) and ‘…’ in English are not Chinese quotes
      if (quoteMark && (isAsciiAlnum(s[i - 1]) || isAsciiAlnum(s[i + 1]))) continue;
      if (OPENERS[ch]) {
        stack.push({ ch, index: i });
      } else if (CLOSERS[ch]) {
        const opener = CLOSERS[ch];
        const depth = stack.map((o) => o.ch).lastIndexOf(opener);
        if (depth === -1) {
          if (ch === '）' && isEmoticonOrLabel(s, i)) continue;
          unpaired(i, ch);
          continue;
        }
        // openers left inside a closed pair are unpaired
        for (const open of stack.splice(depth).slice(1)) unpaired(open.index, open.ch);
      }
    }
    for (const open of stack) unpaired(open.index, open.ch);
  }
  reports.sort((a, b) => a.start - b.start || a.end - b.end);
  return reports;
}

/** `：）` is a smiley; `1）`, `a）`, `一）` mid-line are item labels, not the end of a bracket. */
function isEmoticonOrLabel(s: string, i: number): boolean {
  if (/[：:;；]/.test(s[i - 1] ?? '')) return true;
  const label = /(^|[\s\u3000，,。；;：:、\u0000])([0-9]{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,2})$/.exec(s.slice(Math.max(0, i - 4), i));
  return label !== null;
}

export const punctuation: Rule = {
  meta: {
    id: 'punctuation',
    description: {
      zh: '中文之间使用全角标点（，；：？！（）），引号、书名号、括号成对出现',
      en: 'Full-width punctuation (，；：？！（）) in Chinese text; quotes, title marks and brackets in pairs',
    },
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['punctuation'],
    examples: [
      {
        description: 'half-width ! and , between Chinese words',
        format: 'text',
        text: '政府工作报告\n\n各位代表!一年来，我们砥砺奋进。各位代表!2024年，公开内容包括全文部分, 并附相关指标。\n',
        flagged: ['!', '!', ', '],
        fixed: '政府工作报告\n\n各位代表！一年来，我们砥砺奋进。各位代表！2024年，公开内容包括全文部分，并附相关指标。\n',
      },
      {
        description: 'half-width parentheses around Chinese text, and a half-width mark at the line end',
        format: 'markdown',
        text: '# 工作报告\n\n新增设备6.5万台(套)，效果明显!\n',
        flagged: ['(套)', '!'],
        fixed: '# 工作报告\n\n新增设备6.5万台（套），效果明显！\n',
      },
      {
        description: 'unpaired quotes and title marks are reported, not fixed',
        format: 'text',
        text: '工作总结\n\n开展“党员活动日活动，学习《条例。\n',
        flagged: ['“', '《'],
      },
      {
        description: 'times, URLs, inline code, numbering markers, smileys and English sentences are left alone',
        format: 'markdown',
        text: '# 工作总结\n\n(一)会议于10:30召开，网址https://example.org/a?b=1，命令`a,b`。\n\n进展太慢：）\n\nWe met the 北京 team, then left!\n',
        flagged: [],
      },
    ],
  },
  checkBlock({ text, format, block, markers }) {
    return checkBlock({ text, format }, block, markers);
  },
};
