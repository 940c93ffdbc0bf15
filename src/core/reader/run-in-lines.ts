import type { Level, MarkerCandidate } from '../model/types';
import { readMarker } from '../text/markers';
import { CHINESE_NUMERAL_CLASS } from '../text/numerals';
import { statisticsLabelMatch } from './tables';

/**
 * A crawler that flattens a web page into one line leaves the whole document on a line of thousands
 * of characters: `…截止。 一、概述 推进… 1、建立… 二、主动公开…`. The markers are still there, in
 * mid-line, after the sentence ends. Such a line is read as the sections it holds, but only where it
 * is certainly such a text: far longer than any real paragraph, and with at least two level-one
 * markers (一、 二、) that follow one another in sequence. The longest real paragraph of the corpus
 * is 1 409 characters (1 342 in Chinese); a crawled article is one line of 2 400 and more.
 */
export const CRAWLER_LINE_CHARS = 2_000;

/** How many level-one markers in sequence make a long line a crawled document. */
const LEVEL_ONE_IN_SEQUENCE = 2;

/** A heading run in after its marker is a few words: the outline shows no more. */
const MAX_RUN_IN_HEADING = 40;

export interface RunInMarker {
  candidate: MarkerCandidate;
  /** where its run-in heading ends: the first sentence mark, comma, gap or the next marker */
  headingEnd: number;
  /** a statistics-table row label flattened into the line: set aside like any table row */
  table?: 'statistics' | 'statistics-prefix';
}

const NUMERAL = new RegExp(CHINESE_NUMERAL_CLASS);
const SPACE = /[ \t\u3000\u00a0]/;
const SENTENCE_END = /[。；！？!?]/;
const CLOSING_AFTER_END = /[”’」』）)]/;
/** where a marker can begin: a Chinese numeral, a bracket, a digit or a circled number */
const MARKER_FIRST = new RegExp(`${CHINESE_NUMERAL_CLASS}|[（(\\d\\u2460-\\u2473]`);

type Boundary = 'sentence' | 'glued';

/**
 * What stands before a marker in mid-line: a sentence end or a gap (`sentence`), other text it is
 * glued to (`glued`: a heading run into the next, `…改进情况（一）存在的问题`), or something that makes it
 * no marker at all (`第二十条`, `第（一）项`, `2.5`, `A1.`).
 */
function boundaryBefore(text: string, at: number, lineStart: number, arabic: boolean): Boundary | undefined {
  let j = at - 1;
  let gap = false;
  while (j >= lineStart && SPACE.test(text[j])) {
    gap = true;
    j--;
  }
  if (j < lineStart) return 'sentence';
  const c = text[j];
  if (c === '第' || NUMERAL.test(c) || /[A-Za-z.．%]/.test(c)) return undefined;
  if (/\d/.test(c) && arabic) return undefined;
  if (gap) return 'sentence';
  if (/[（(《“‘「『、，,]/.test(c)) return undefined;
  // a lead-in ends in a colon: `主要工作和成效是：（一）…`
  if (SENTENCE_END.test(c) || c === '：' || c === ':') return 'sentence';
  if (CLOSING_AFTER_END.test(c) && j > lineStart && SENTENCE_END.test(text[j - 1])) return 'sentence';
  return 'glued';
}

/** Where a marker's run-in heading ends: the first sentence mark or comma, a gap after some words, the next marker. */
export function runInHeadingEnd(text: string, from: number, limit: number): number {
  const stop = Math.min(limit, from + MAX_RUN_IN_HEADING);
  let i = from;
  while (i < stop && /[ \t\u3000*_]/.test(text[i])) i++;
  const textStart = i;
  for (; i < stop; i++) {
    const c = text[i];
    if (/[。；：;:！？!?，,\r\n]/.test(c)) break;
    if (SPACE.test(c) && i > textStart) break;
  }
  while (i > from && SPACE.test(text[i - 1])) i--;
  return i;
}

/**
 * The markers in mid-line of a crawled one-line document, with the line-start marker's heading cut
 * to its run-in length; empty for any other line. A marker counts where it continues the numbering
 * of its level (or starts a level under a new higher one) after a sentence end or a gap; glued to the
 * text before it, only where it is exactly the next number of a run under way, or the first of a
 * level right after a higher one's heading. Statistics-table row labels flattened into the line are
 * set aside and do not move the numbering.
 */
export function runInMarkers(text: string, lineStart: number, lineEnd: number, first: MarkerCandidate | undefined): { markers: RunInMarker[]; firstHeadingEnd?: number } {
  if (lineEnd - lineStart < CRAWLER_LINE_CHARS) return { markers: [] };
  const last: number[] = [];
  let previousLevel: Level | undefined;
  let levelOne = 0;
  const accept = (level: Level, number: number) => {
    last[level] = number;
    last.length = level + 1;
    previousLevel = level;
    if (level === 1) levelOne++;
  };
  if (first) accept(first.level, first.number);
  const found: RunInMarker[] = [];
  for (let i = (first?.end ?? lineStart) + 1; i < lineEnd; i++) {
    if (!MARKER_FIRST.test(text[i])) continue;
    const previous = text[i - 1];
    // inside a number or a numeral (`十二、` read from its `二`, `2021` from its `0`): not a start
    if (/\d/.test(previous) && /\d/.test(text[i])) continue;
    if (NUMERAL.test(previous) && NUMERAL.test(text[i])) continue;
    const candidate = readMarker(text.slice(i, Math.min(lineEnd, i + 40)));
    if (!candidate || candidate.ambiguous || candidate.number < 1 || candidate.style === 'decimal' || candidate.style === 'roman') continue;
    const arabic = candidate.style.startsWith('arabic') || candidate.style.startsWith('circled');
    const boundary = boundaryBefore(text, i, lineStart, arabic);
    if (!boundary) continue;
    const level = candidate.level;
    const expected = (last[level] ?? 0) + 1;
    const continues = (last[level] ?? 0) >= 1 && candidate.number === expected;
    const opensLevel = candidate.number === 1 && (last[level] ?? 0) === 0 && (previousLevel === undefined || previousLevel < level);
    const bracketed = /^[（(]/.test(candidate.text);
    const fits = boundary === 'sentence' ? continues || opensLevel : continues || (opensLevel && bracketed);
    if (!fits) continue;
    const positioned: MarkerCandidate = { ...candidate, start: i, end: i + candidate.text.length };
    const headingEnd = runInHeadingEnd(text, positioned.end, lineEnd);
    const label = statisticsLabelMatch(level, candidate.number, text.slice(positioned.end, Math.min(lineEnd, positioned.end + 60)));
    const entry: RunInMarker = { candidate: positioned, headingEnd };
    if (label) entry.table = label === 'strong' ? 'statistics' : 'statistics-prefix';
    else accept(level, candidate.number);
    found.push(entry);
    i = positioned.end - 1;
  }
  if (levelOne < LEVEL_ONE_IN_SEQUENCE) return { markers: [] };
  // each heading ends before the next marker at the latest
  for (let k = 0; k < found.length; k++) {
    const next = found[k + 1]?.candidate.start ?? lineEnd;
    found[k].headingEnd = runInHeadingEnd(text, found[k].candidate.end, next);
  }
  const result: { markers: RunInMarker[]; firstHeadingEnd?: number } = { markers: found };
  if (first) result.firstHeadingEnd = runInHeadingEnd(text, first.end, found[0]?.candidate.start ?? lineEnd);
  return result;
}
