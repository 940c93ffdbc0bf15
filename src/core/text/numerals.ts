const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const DIGIT_CHARS = '零一二三四五六七八九';

export const CHINESE_NUMERAL_CLASS = '[零〇一二两三四五六七八九十百千]';

/** Reads a Chinese numeral such as 十一, 二十, 九十九, 一百零五; undefined if it is not one. */
export function parseChineseNumeral(text: string): number | undefined {
  if (!text) return undefined;
  let total = 0;
  let pending = -1;
  let lastUnit = Infinity;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (pending >= 0 && DIGITS[ch] !== 0 && pending !== 0) return undefined; // 一二 is not a numeral
      pending = DIGITS[ch];
    } else if (ch in UNITS) {
      const unit = UNITS[ch];
      if (unit >= lastUnit) return undefined;
      total += (pending < 0 ? 1 : pending) * unit;
      pending = -1;
      lastUnit = unit;
    } else {
      return undefined;
    }
  }
  if (pending > 0) total += pending;
  if (total === 0 && !/^[零〇]$/.test(text)) return undefined;
  return total;
}

/** Writes 1–9999 as the Chinese numeral used in section markers (十一, 二十, 一百零五). */
export function formatChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 9999) return String(n);
  if (n < 10) return DIGIT_CHARS[n];
  if (n < 20) return '十' + (n % 10 ? DIGIT_CHARS[n % 10] : '');
  const parts: string[] = [];
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let zeroPending = false;
  let started = false;
  for (const [value, name] of units) {
    const digit = Math.floor(n / value) % 10;
    if (digit === 0) {
      if (started) zeroPending = true;
      continue;
    }
    if (zeroPending) parts.push('零');
    zeroPending = false;
    started = true;
    parts.push(DIGIT_CHARS[digit] + name);
  }
  return parts.join('');
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function formatRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

export function parseRoman(text: string): number | undefined {
  if (!/^[IVXLCDM]+$/.test(text)) return undefined;
  let total = 0;
  let rest = text;
  for (const [value, letters] of ROMAN) {
    while (rest.startsWith(letters)) {
      total += value;
      rest = rest.slice(letters.length);
    }
  }
  return rest === '' && formatRoman(total) === text ? total : undefined;
}

const CIRCLED_START = 0x2460; // ① .. ⑳
const PARENTHESIZED_START = 0x2474; // ⑴ .. ⒇

export function parseCircled(ch: string): number | undefined {
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && c >= CIRCLED_START && c < CIRCLED_START + 20) return c - CIRCLED_START + 1;
  return undefined;
}

export function formatCircled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCharCode(CIRCLED_START + n - 1) : `(${n})`;
}

export function parseParenthesizedDigit(ch: string): number | undefined {
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && c >= PARENTHESIZED_START && c < PARENTHESIZED_START + 20) return c - PARENTHESIZED_START + 1;
  return undefined;
}
