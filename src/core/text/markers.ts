import type { Level, MarkerCandidate, MarkerStyle } from '../model/types';
import {
  CHINESE_NUMERAL_CLASS,
  formatChineseNumeral,
  formatCircled,
  formatRoman,
  parseChineseNumeral,
  parseCircled,
  parseParenthesizedDigit,
  parseRoman,
} from './numerals';

export type { MarkerCandidate } from '../model/types';

const CN = CHINESE_NUMERAL_CLASS;
const LEVEL1 = new RegExp(`^(${CN}{1,7})([、.．])`);
const LEVEL2 = new RegExp(`^([（(])(${CN}{1,7})([）)])([、.．，,]?)`);
// `1。` is a wrong form people write; it is read so that numbering-style can say so
const ARABIC = /^(\d{1,3})([.．、。])/;
const ARABIC_PAREN = /^([（(])(\d{1,3})([）)])([、.．，,]?)/;
const ARABIC_RIGHT_PAREN = /^(\d{1,3})([）)])/;
// `1.2 ` and `1.2.` (with its closing dot, before text): not `1.2倍`, a quantity
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2}){1,3})(?:\.(?=[^\d.．])|(?=[ \t\u3000]))/;
const ROMAN_MARKER = /^([IVXL]{1,6})[.．](?=[ \t\u3000])/;

const LEVEL_OF: Record<MarkerStyle, Level> = {
  'cn-dun': 1,
  'cn-dot': 1,
  'cn-comma': 1,
  'cn-paren': 2,
  'cn-paren-half': 2,
  'cn-paren-punct': 2,
  'arabic-dot': 3,
  'arabic-fullwidth-dot': 3,
  'arabic-dun': 3,
  'arabic-cn-period': 3,
  'arabic-paren': 4,
  'arabic-paren-half': 4,
  'arabic-paren-punct': 4,
  'arabic-right-paren': 4,
  'arabic-parenthesized-char': 4,
  circled: 5,
  'circled-punct': 5,
  decimal: 3,
  roman: 1,
};

export function levelOfStyle(style: MarkerStyle): Level {
  return LEVEL_OF[style];
}

/** Reads a marker at the start of `text` (already past any indentation); undefined if none. */
export function readMarker(text: string): MarkerCandidate | undefined {
  const first = text[0];
  if (first === undefined) return undefined;

  let m = LEVEL1.exec(text);
  if (m) {
    const number = parseChineseNumeral(m[1]);
    // 一.5 or 一、二级 style collisions are rare; a numeral must parse and must not be followed by 是/要
    if (number !== undefined && number > 0) {
      const style: MarkerStyle = m[2] === '、' ? 'cn-dun' : 'cn-dot';
      return candidate(m[0], number, style, false);
    }
  }
  m = LEVEL2.exec(text);
  if (m) {
    const number = parseChineseNumeral(m[2]);
    if (number !== undefined && number > 0) {
      const halfWidth = m[1] === '(' || m[3] === ')';
      const style: MarkerStyle = m[4] ? 'cn-paren-punct' : halfWidth ? 'cn-paren-half' : 'cn-paren';
      return candidate(m[0], number, style, false);
    }
  }
  m = DECIMAL.exec(text);
  if (m) {
    const path = m[1].split('.').map(Number);
    if (path.every((n) => n > 0)) {
      const c = candidate(m[0], path[path.length - 1], 'decimal', false);
      c.path = path;
      c.level = Math.min(5, 2 + path.length) as Level;
      return c;
    }
  }
  m = ARABIC.exec(text);
  if (m) {
    const number = Number(m[1]);
    const next = text[m[0].length];
    const digitFollows = next !== undefined && next >= '0' && next <= '9';
    // 8.6个, 3、4月份 and 3．10种: a decimal or a month unless the numbering around expects this number
    const style: MarkerStyle = m[2] === '.' ? 'arabic-dot' : m[2] === '．' ? 'arabic-fullwidth-dot' : m[2] === '。' ? 'arabic-cn-period' : 'arabic-dun';
    if (number > 0) return candidate(m[0], number, style, digitFollows);
    // `0.` opening a list: read, so that numbering-sequence can say numbering starts at one
    if (number === 0 && m[1] === '0' && style === 'arabic-dot' && !digitFollows && /^[ \t\u3000]*[^\s\d]/.test(text.slice(m[0].length))) return candidate(m[0], 0, style, false);
  }
  m = ARABIC_PAREN.exec(text);
  if (m) {
    const number = Number(m[2]);
    if (number > 0) {
      const halfWidth = m[1] === '(' || m[3] === ')';
      const style: MarkerStyle = m[4] ? 'arabic-paren-punct' : halfWidth ? 'arabic-paren-half' : 'arabic-paren';
      return candidate(m[0], number, style, false);
    }
  }
  m = ARABIC_RIGHT_PAREN.exec(text);
  if (m) {
    const number = Number(m[1]);
    const next = text[m[0].length];
    if (number > 0 && !(next !== undefined && next >= '0' && next <= '9')) {
      return candidate(m[0], number, 'arabic-right-paren', false);
    }
  }
  const parenthesized = parseParenthesizedDigit(first);
  if (parenthesized !== undefined) return candidate(first, parenthesized, 'arabic-parenthesized-char', false);
  const circled = parseCircled(first);
  if (circled !== undefined) {
    const punct = /^[、.．]/.test(text.slice(1)) ? text.slice(1, 2) : '';
    return candidate(first + punct, circled, punct ? 'circled-punct' : 'circled', false);
  }
  m = ROMAN_MARKER.exec(text);
  if (m) {
    const number = parseRoman(m[1]);
    if (number !== undefined) return candidate(m[0], number, 'roman', false);
  }
  return undefined;
}

function candidate(text: string, number: number, style: MarkerStyle, ambiguous: boolean): MarkerCandidate {
  return { text, start: 0, end: text.length, level: levelOfStyle(style), number, style, ambiguous };
}

/** Writes a marker of the given style and number, e.g. ('cn-paren', 3) → （三）. */
export function formatMarker(style: MarkerStyle, number: number, path?: number[]): string {
  const cn = formatChineseNumeral(number);
  switch (style) {
    case 'cn-dun':
      return `${cn}、`;
    case 'cn-dot':
      return `${cn}．`;
    case 'cn-comma':
      return `${cn}，`;
    case 'cn-paren':
    case 'cn-paren-punct':
      return `（${cn}）`;
    case 'cn-paren-half':
      return `(${cn})`;
    case 'arabic-dot':
      return `${number}.`;
    case 'arabic-fullwidth-dot':
      return `${number}．`;
    case 'arabic-dun':
      return `${number}、`;
    case 'arabic-cn-period':
      return `${number}。`;
    case 'arabic-paren':
    case 'arabic-paren-punct':
      return `（${number}）`;
    case 'arabic-paren-half':
      return `(${number})`;
    case 'arabic-right-paren':
      return `${number}）`;
    case 'arabic-parenthesized-char':
      return number >= 1 && number <= 20 ? String.fromCharCode(0x2474 + number - 1) : `（${number}）`;
    case 'circled':
    case 'circled-punct':
      return formatCircled(number);
    case 'decimal':
      return [...(path ?? [number]).slice(0, -1), number].join('.');
    case 'roman':
      return `${formatRoman(number)}.`;
  }
}

/** The marker text with its number replaced, keeping the writer's own style (for renumbering). */
export function renumberMarkerText(text: string, style: MarkerStyle, number: number, path?: number[]): string {
  if (style === 'decimal') {
    const trailingDot = text.endsWith('.') ? '.' : '';
    return formatMarker(style, number, path) + trailingDot;
  }
  if (style === 'cn-dot' || style === 'cn-paren-half' || style === 'cn-paren-punct' || style === 'cn-paren') {
    return text.replace(new RegExp(`${CN}+`), formatChineseNumeral(number));
  }
  if (style === 'cn-dun' || style === 'cn-comma') return formatChineseNumeral(number) + text.slice(-1);
  if (style === 'circled' || style === 'circled-punct') return formatCircled(number) + text.slice(1);
  if (style === 'arabic-parenthesized-char') return formatMarker(style, number);
  if (style === 'roman') return `${formatRoman(number)}${text.slice(-1)}`;
  return text.replace(/\d+/, String(number));
}

// a stray U+FEFF (left by copy-paste) stands before a marker as invisibly as indentation, and copies
// from web pages indent with the typographic spaces (U+2003 EM SPACE …) as well as U+3000
const INDENT = /^[ \t\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff]*/;

/**
 * The marker at a line start, past indentation, a `#` (in headings), `>` quote marks and opening
 * emphasis (`**一、**`, `# **2.**`, `***1. …***`); offsets in `text`.
 */
export function readMarkerAt(text: string, lineStart: number, isHeading: boolean): MarkerCandidate | undefined {
  const slice = text.slice(lineStart, lineStart + 40);
  let skip = INDENT.exec(slice)?.[0].length ?? 0;
  if (isHeading) skip += /^#{1,6}[ \t]*/.exec(slice.slice(skip))?.[0].length ?? 0;
  skip += /^(>[ \t]?)*/.exec(slice.slice(skip))?.[0].length ?? 0;
  skip += /^(?:\*{1,3}|_{1,3})(?=[^\s*_])/.exec(slice.slice(skip))?.[0].length ?? 0;
  const candidate = readMarker(slice.slice(skip));
  if (!candidate) return undefined;
  return { ...candidate, start: lineStart + skip, end: lineStart + skip + candidate.text.length };
}

