/**
 * The one place that says what kind of character a character is: a CJK ideograph, CJK punctuation,
 * full- or half-width punctuation, a space. Rules ask here instead of keeping their own ranges, so a
 * rare ideograph (CJK Extension B and beyond, written as a surrogate pair) counts the same everywhere.
 *
 * Every test takes a string and reads its first code point, so `s[i]` (one UTF-16 unit) and a whole
 * surrogate pair both work; for a lone high surrogate `s[i]`, use `codePointAtIndex(s, i)`.
 */

const SPACE = /[ \t\u3000\u00a0]/;
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

/** CJK ideograph blocks by code point: URO, Ext A, compatibility, and the supplementary planes (Ext B–J). */
function ideographCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK Unified Ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // Extension A
    (c >= 0xf900 && c <= 0xfaff) || // Compatibility Ideographs
    c === 0x3007 || // 〇 (二〇二五年)
    (c >= 0x20000 && c <= 0x2ebef) || // Extensions B–F, I (plane 2)
    (c >= 0x2f800 && c <= 0x2fa1f) || // Compatibility Supplement
    (c >= 0x30000 && c <= 0x323af) // Extensions G, H (plane 3)
  );
}

/**
 * The code point that starts at `index`, or that `index` is the low half of: `s[i]` of a surrogate
 * pair alone is no character, so rules that walk UTF-16 units ask here.
 */
export function codePointAtIndex(s: string, index: number): number | undefined {
  if (index < 0 || index >= s.length) return undefined;
  const unit = s.charCodeAt(index);
  if (unit >= 0xdc00 && unit <= 0xdfff && index > 0) {
    const high = s.charCodeAt(index - 1);
    if (high >= 0xd800 && high <= 0xdbff) return s.codePointAt(index - 1);
  }
  return s.codePointAt(index);
}

/** A CJK ideograph (汉字), from the basic block to Extension J. A lone surrogate half is not one: use `isIdeographAt`. */
export function isIdeograph(ch: string | undefined): boolean {
  if (!ch) return false;
  return ideographCode(ch.codePointAt(0)!);
}

/** The character at UTF-16 index `index` of `s` (either half of a surrogate pair) is an ideograph. */
export function isIdeographAt(s: string, index: number): boolean {
  const c = codePointAtIndex(s, index);
  return c !== undefined && ideographCode(c);
}

/** CJK punctuation: the CJK Symbols and Punctuation block (、。〈〉《》「」『』【】〔〕…) and the full-width forms' marks. */
export function isCjkPunctuation(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  if (c >= 0x3001 && c <= 0x303f && c !== 0x3007) return true;
  if (c === 0x2014 || c === 0x2026 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x00b7) return true; // —— …… “” ‘’ ·
  return isFullWidthPunctuation(ch);
}

/**
 * A Chinese character: the context where half-width punctuation beside it is a fault, and where a
 * letter X stands for a cut-out word. (CJK punctuation is asked for separately: `isCjkPunctuation`.)
 */
export function isCjk(ch: string | undefined): boolean {
  return isIdeograph(ch);
}

/** `isCjk` for the character at a UTF-16 index, reading a surrogate pair from either half. */
export function isCjkAt(s: string, index: number): boolean {
  return isIdeographAt(s, index);
}

const FULL_TO_HALF: Record<string, string> = {
  '，': ',', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')', '．': '.', '［': '[', '］': ']', '｛': '{', '｝': '}', '＂': '"', '＇': "'", '％': '%',
};
const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** A punctuation mark of the Halfwidth and Fullwidth Forms block (！＂＃…～), and 。 、 written by Chinese input. */
export function isFullWidthPunctuation(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  if (c >= 0xff01 && c <= 0xff0f) return true;
  if (c >= 0xff1a && c <= 0xff20) return true;
  if (c >= 0xff3b && c <= 0xff40) return true;
  if (c >= 0xff5b && c <= 0xff65) return true;
  return c === 0x3001 || c === 0x3002;
}

/** An ASCII punctuation mark: the half-width forms of marks Chinese text writes full-width. */
export function isHalfWidthPunctuation(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && /[!-/:-@[-`{-~]/.test(ch);
}

/** The full-width form Chinese text uses for a half-width mark (`,` → `，`), or undefined. */
export function fullWidthOf(ch: string): string | undefined {
  return HALF_TO_FULL[ch];
}

/** The half-width form of a full-width mark (`，` → `,`), or undefined. */
export function halfWidthOf(ch: string): string | undefined {
  return FULL_TO_HALF[ch];
}

export const isAsciiLetter = (ch: string | undefined): boolean => ch !== undefined && /^[A-Za-z]/.test(ch);
export const isAsciiDigit = (ch: string | undefined): boolean => ch !== undefined && /^[0-9]/.test(ch);
export const isAsciiAlnum = (ch: string | undefined): boolean => isAsciiLetter(ch) || isAsciiDigit(ch);

/** Whitespace as JavaScript's `\s` has it (Unicode White_Space plus U+FEFF), by UTF-16 unit. */
function isWhitespaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** 1 if the unit at `i` starts a character that is no whitespace: a pair counts at its high half, a lone half as a character. */
function startsCharacter(text: string, i: number): 0 | 1 {
  const c = text.charCodeAt(i);
  if (isLowSurrogate(c) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) return 0;
  return isWhitespaceUnit(c) ? 0 : 1;
}

/** A range that starts on the low half of a pair cuts it: that half is a character of its own there. */
function cutPairAt(text: string, start: number): 0 | 1 {
  return start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1)) ? 1 : 0;
}

/** What a writer counts as characters: every code point but whitespace (字符数（不计空格）, as Word counts). */
export function countNonWhitespace(text: string, start = 0, end = text.length): number {
  if (start >= end) return 0;
  let count = cutPairAt(text, start);
  for (let i = start; i < end; i++) count += startsCharacter(text, i);
  return count;
}

const COUNT_BLOCK = 64;

/**
 * `countNonWhitespace` for many ranges of one text: one pass stores the count before every 64th
 * unit, and a range then costs at most two short scans. The outline counts every section, and a
 * section again inside each heading that holds it: counted afresh each time, that was most of the
 * language server's work while typing in a 1.6 MB document.
 */
export function nonWhitespaceCounter(text: string): (start: number, end: number) => number {
  const before = new Uint32Array(Math.floor(text.length / COUNT_BLOCK) + 1);
  for (let block = 1, count = 0, i = 0; block < before.length; block++) {
    for (const blockEnd = block * COUNT_BLOCK; i < blockEnd; i++) count += startsCharacter(text, i);
    before[block] = count;
  }
  const countBefore = (offset: number): number => {
    const block = Math.floor(offset / COUNT_BLOCK);
    let n = before[block]!;
    for (let i = block * COUNT_BLOCK; i < offset; i++) n += startsCharacter(text, i);
    return n;
  };
  return (start, end) => {
    start = Math.max(0, Math.min(start, text.length));
    end = Math.max(start, Math.min(end, text.length));
    return start === end ? 0 : countBefore(end) - countBefore(start) + cutPairAt(text, start);
  };
}
