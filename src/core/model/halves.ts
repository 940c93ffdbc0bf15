import type { Block, Title } from './types';

/**
 * A rule of one repeated character on a line of its own (`=====…`, `-----…`, `*****…`): where a
 * bilingual report ends one language and begins the other.
 */
const RULE_LINE = /^[ \t]*([=\-*_~＝—])\1{9,}[ \t]*$/;
/** A title line: short, no sentence end, not a marker line. */
const TITLE_LIKE = /^[^。；;！!？?]{4,120}$/;

/** The second half of a bilingual report: its own title, in the other language, after a rule line. */
export interface OtherHalf {
  /** where the half begins: its title line (the rule before it ends the first half) */
  start: number;
  /** where the first half ends: the start of the rule line */
  ruleStart: number;
  title: Title;
  language: 'zh' | 'en';
}

/**
 * A report written twice, in Chinese and then in English (or the other way round), with a rule line
 * between the halves and the second half under a title of its own. Certain only where all three
 * hold: a rule line, a title line right after it, and a different language on either side. The
 * second half is a part of its own: its sections never nest under the first half's last section.
 */
export function findOtherHalf(text: string, blocks: readonly Block[], contentStart: number, languageOf: (from: number, to: number) => 'zh' | 'en' | undefined): OtherHalf | undefined {
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.start < contentStart || block.kind === 'code' || block.kind === 'table' || block.kind === 'front-matter') continue;
    for (let l = 0; l < block.lineStarts.length; l++) {
      const lineStart = block.lineStarts[l];
      const lineEnd = lineEndOf(text, lineStart);
      if (!RULE_LINE.test(text.slice(lineStart, lineEnd))) continue;
      const title = titleAfter(text, lineEnd);
      if (!title) continue;
      const before = languageOf(contentStart, lineStart);
      const after = languageOf(title.start, text.length);
      if (before && after && before !== after) return { start: title.start, ruleStart: lineStart, title, language: after };
    }
  }
  return undefined;
}

function lineEndOf(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The first non-blank line after `from`, if it reads as a title. */
function titleAfter(text: string, from: number): Title | undefined {
  const match = /^(?:[ \t\u3000]*(?:\r\n|\r|\n))*[ \t\u3000]*/.exec(text.slice(from));
  const start = from + (match?.[0].length ?? 0);
  if (start >= text.length) return undefined;
  let end = lineEndOf(text, start);
  while (end > start && /[ \t\u3000#*]/.test(text[end - 1])) end--;
  const words = text.slice(start, end).replace(/^[#*\s]+/, '');
  if (!TITLE_LIKE.test(words) || /^\s*(?:\d|[一二三四五六七八九十]+、|[IVX]+\.)/.test(words)) return undefined;
  return { text: words, start, end };
}
