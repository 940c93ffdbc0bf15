import type { Block } from '../model/types';
import { maskedBlockText, type SourceText } from '../model/prose';
import type { ChunkParse, SummaryDocument } from '../model/types';
import { isProse, message, type BlockRule, type RuleReport } from './rule';
import { markersByBlock } from '../model/blocks';
import { fullWidthOf, isAsciiAlnum, isAsciiLetter, isCjk, isCjkAt } from '../text/chars';

const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）' };
const CLOSERS: Record<string, string> = { '”': '“', '’': '‘', '》': '《', '）': '（' };

/** Chinese text before a punctuation mark: an ideograph, or a closing full-width mark after one. */
const chineseBefore = (s: string, i: number) => isCjkAt(s, i) || /[”》）」』】]/.test(s[i] ?? '');
const chineseAfter = (s: string, i: number) => isCjkAt(s, i) || /[“《（「『【]/.test(s[i] ?? '');
/** How far (UTF-16 units) a pair broken by hard line wraps or table debris is looked for beyond its paragraph. */
const WRAP_REACH = 240;

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

/** The block's prose, with non-prose and the numbering markers (numbering-style's business) blanked out. */
function proseOf(doc: SourceText, block: Block, markers: readonly { start: number; end: number }[]): string {
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
    return parts.join('');
}

function checkBlock(doc: SourceText, block: Block, markers: readonly { start: number; end: number }[]): RuleReport[] {
  const reports: RuleReport[] = [];
  {
    const s = proseOf(doc, block, markers);
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
      const before = skipBack(i);
      // `20%,2025年`: a percentage ends a Chinese clause as well as a word does
      const percentBefore = /[%％]/.test(s[before] ?? '') && isAsciiDigitOrFull(s[before - 1]);
      if (!(chineseBefore(s, before) || percentBefore) || !chineseLineAt(i)) continue;
      const next = skipForward(end);
      let spaces = next;
      while (spaces < s.length && (s[spaces] === ' ' || s[spaces] === '\t')) spaces++;
      const lineEnd = spaces >= s.length || s[spaces] === '\n' || s[spaces] === '\r';
      const wordAfter = (j: number) => chineseAfter(s, j) || (/[0-9]/.test(s[j] ?? '') && isCjkAt(s, j + (/^[0-9.%]+/.exec(s.slice(j, j + 40))?.[0].length ?? 0)));
      if (!(wordAfter(next) || lineEnd || (spaces > next && wordAfter(spaces)))) continue;
      // `, 并附` → `，并附`: a full-width mark carries its own space
      if (next === end && spaces > end && !lineEnd) end = spaces;
      const found = s.slice(i, end);
      const expected = [...m[0]].map((ch) => fullWidthOf(ch)).join('');
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
      if (!chineseLineAt(i) && !chineseBefore(s, before)) continue;
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

    // "…" straight quotes around Chinese words: “…”
    for (const m of s.matchAll(/"([^"\n\r]{1,120})"/g)) {
      const i = m.index;
      const close = i + m[0].length - 1;
      const inner = m[1];
      if (/^\s|\s$/.test(inner) || ![...inner].some((ch) => isCjk(ch)) || !chineseLineAt(i)) continue;
      // `"key": "值"` and `="…"` are data, not prose
      if (/[:=]\s*$/.test(s.slice(Math.max(0, i - 3), i)) && !isCjkAt(s, i - 1)) continue;
      reports.push({
        start: at(i),
        end: at(close + 1),
        message: message(`中文里使用了英文直引号“${m[0]}”，应为““${inner}””`, `Straight quotes \`${m[0]}\` in Chinese text; expected \`“${inner}”\``),
        fix: {
          title: message('改为中文引号“”', 'Change to Chinese quotes `“”`'),
          edits: [
            { start: at(i), end: at(i + 1), newText: '“' },
            { start: at(close), end: at(close + 1), newText: '”' },
          ],
        },
      });
    }

    // 《关于印发<…>的通知》: a title inside a title takes 〈〉
    for (const m of s.matchAll(/<([^<>\n\r]{1,80})>/g)) {
      const i = m.index;
      const close = i + m[0].length - 1;
      if (![...m[1]].some((ch) => isCjk(ch))) continue;
      if (s.lastIndexOf('《', i) <= s.lastIndexOf('》', i) || s.indexOf('》', close) === -1) continue;
      reports.push({
        start: at(i),
        end: at(close + 1),
        message: message(`书名号内的书名使用了“${m[0]}”，应为单书名号“〈${m[1]}〉”`, `\`${m[0]}\` inside a title in 《》; expected \`〈${m[1]}〉\``),
        fix: {
          title: message('改为单书名号“〈〉”', 'Change to `〈〉`'),
          edits: [
            { start: at(i), end: at(i + 1), newText: '〈' },
            { start: at(close), end: at(close + 1), newText: '〉' },
          ],
        },
      });
    }

    // `渠道， 完善`: a full-width mark carries its own space, one typed after it is stray
    for (const m of s.matchAll(/[，、；][ \t\u3000]+/g)) {
      const i = m.index;
      const end = i + m[0].length;
      if (!chineseBefore(s, i - 1) || !chineseAfter(s, end)) continue;
      reports.push({
        start: at(i + 1),
        end: at(end),
        message: message(`全角“${s[i]}”后多了空格`, `Stray space after full-width \`${s[i]}\``),
        fix: { title: message('删除空格', 'Delete the space'), edits: [{ start: at(i + 1), end: at(end), newText: '' }] },
      });
    }
  }
  reports.sort((a, b) => a.start - b.start || a.end - b.end);
  return reports;
}

/** An unpaired mark of one chunk; `edge` says it may pair with a mark beyond its paragraph (a hard wrap cut the pair). */
interface Unpaired {
  start: number;
  end: number;
  ch: string;
  /** the paragraph's last open mark, or a closer before which the paragraph opened nothing */
  edge: boolean;
}

/** Unpaired “” ‘’ 《》 （）: a stack matcher over each paragraph of one chunk. */
function unpairedInChunk(parse: ChunkParse): Unpaired[] {
  const found: Unpaired[] = [];
  const lineMarkers = markersByBlock(parse);
  for (const [index, block] of parse.blocks.entries()) {
    if (!isProse(block)) continue;
    const s = proseOf({ text: parse.text, format: parse.format }, block, lineMarkers.get(index) ?? []);
    const stack: Open[] = [];
    const unpaired = (i: number, ch: string, edge: boolean) => found.push({ start: block.start + i, end: block.start + i + 1, ch, edge });
    for (const m of s.matchAll(/[“”‘’《》（）]/g)) {
      const i = m.index;
      const ch = m[0];
      const quoteMark = ch === '‘' || ch === '’';
      // ’ as an apostrophe (it’s, users’) and ‘…’ in English are not Chinese quotes
      if (quoteMark && (isAsciiAlnum(s[i - 1]) || isAsciiAlnum(s[i + 1]))) continue;
      if (OPENERS[ch]) {
        stack.push({ ch, index: i });
      } else if (CLOSERS[ch]) {
        const depth = stack.map((o) => o.ch).lastIndexOf(CLOSERS[ch]);
        if (depth === -1) {
          if (ch === '）' && isEmoticonOrLabel(s, i)) continue;
          unpaired(i, ch, stack.length === 0);
          continue;
        }
        // openers left inside a closed pair are unpaired
        for (const open of stack.splice(depth).slice(1)) unpaired(open.index, open.ch, false);
      }
    }
    stack.forEach((open, depth) => unpaired(open.index, open.ch, depth === stack.length - 1));
  }
  return found;
}

/**
 * The unpaired marks of the whole document. A paragraph's last open mark and a later paragraph's
 * first closer of its kind, close together with nothing of their kind between, are one pair that a
 * hard line wrap (PDF copy) or table debris cut in two.
 */
function unpairedMarks(doc: SummaryDocument, found: Unpaired[]): RuleReport[] {
  const marks = found.sort((a, b) => a.start - b.start);
  const paired = new Set<number>();
  // one pass: the last unpaired mark of each kind (“ and ” are one kind), so a closer meets only its nearest opener
  const lastOfKind = new Map<string, number>();
  for (const [k, mark] of marks.entries()) {
    const kind = OPENERS[mark.ch] ? mark.ch : CLOSERS[mark.ch];
    const previous = lastOfKind.get(kind);
    lastOfKind.set(kind, k);
    if (OPENERS[mark.ch] || !mark.edge || previous === undefined) continue;
    const open = marks[previous];
    if (!OPENERS[open.ch] || !open.edge || mark.start - open.end > WRAP_REACH) continue;
    const between = doc.text.slice(open.end, mark.start);
    if (between.includes(open.ch) || between.includes(mark.ch)) continue;
    paired.add(previous).add(k);
  }
  return marks
    .filter((_, k) => !paired.has(k))
    .map((m) => {
      const partner = OPENERS[m.ch] ?? CLOSERS[m.ch];
      return {
        start: m.start,
        end: m.end,
        message: OPENERS[m.ch]
          ? message(`“${m.ch}”没有配对的“${partner}”`, `Unpaired \`${m.ch}\`: no matching \`${partner}\` in this paragraph`)
          : message(`“${m.ch}”前面没有配对的“${partner}”`, `Unpaired \`${m.ch}\`: no matching \`${partner}\` before it in this paragraph`),
      };
    });
}

const isAsciiDigitOrFull = (ch: string | undefined) => ch !== undefined && /[0-9０-９]/.test(ch);

/** `：）` is a smiley; `1）`, `a）`, `一）` mid-line are item labels, not the end of a bracket. */
function isEmoticonOrLabel(s: string, i: number): boolean {
  if (/[：:;；]/.test(s[i - 1] ?? '')) return true;
  const label = /(^|[\s\u3000，,。；;：:、\u0000])([0-9]{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,2})$/.exec(s.slice(Math.max(0, i - 4), i));
  return label !== null;
}

export const punctuation: BlockRule<Unpaired> = {
  scope: 'block',
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
        description: 'straight quotes around Chinese words, a title inside a title in <>, a stray space after ，, a comma after a percentage',
        format: 'text',
        text: '工作总结\n\n开展"送法进村"活动，印发《关于转发<安全生产办法>的通知》，畅通渠道， 完善机制，增长20%,2025年继续。\n',
        flagged: ['"送法进村"', '<安全生产办法>', ' ', ','],
        fixed: '工作总结\n\n开展“送法进村”活动，印发《关于转发〈安全生产办法〉的通知》，畅通渠道，完善机制，增长20%，2025年继续。\n',
      },
      {
        description: 'a quotation pair cut by a hard wrap into two paragraphs (a PDF copy) is still a pair',
        format: 'markdown',
        text: '# 年度报告\n\n让政务信息“看\n\n得懂、用得上”。\n',
        flagged: [],
      },
      {
        description: 'a rare ideograph (CJK Extension B, a surrogate pair) is Chinese text too',
        format: 'text',
        text: '工作总结\n\n走访\u{20BB7},完成调研。\n',
        flagged: [','],
        fixed: '工作总结\n\n走访\u{20BB7}，完成调研。\n',
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
  findInChunk({ parse }) {
    return unpairedInChunk(parse);
  },
  check({ doc }, found) {
    return unpairedMarks(doc, found);
  },
};
