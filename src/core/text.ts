import type { TextEdit } from './types';

/** Converts between UTF-16 offsets and 0-based line/character positions (VS Code's convention). */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[line] + Math.max(0, character), this.lineEnd(line));
  }

  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** Applies non-overlapping edits; throws if two edits overlap, since the result would be ambiguous. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at ${edit.start}`);
    if (edit.end < edit.start || edit.end > text.length) throw new Error(`edit out of range ${edit.start}-${edit.end}`);
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/**
 * Keeps the edits of earlier-listed groups when later ones overlap them. Sorted intervals and a
 * binary search keep this fast for fixes of thousands of edits.
 */
export function mergeEditGroups(groups: readonly (readonly TextEdit[])[]): TextEdit[] {
  const taken: TextEdit[] = []; // sorted by start, non-overlapping
  const clashes = (a: TextEdit, b: TextEdit) => (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));
  const firstAtOrAfter = (offset: number) => {
    let low = 0;
    let high = taken.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (taken[mid].end < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  // after every taken edit that starts before this one (or at the same place and ends no later)
  const insertionPoint = (edit: TextEdit) => {
    let low = 0;
    let high = taken.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (taken[mid].start < edit.start || (taken[mid].start === edit.start && taken[mid].end <= edit.end)) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const clashesWithTaken = (edit: TextEdit) => {
    for (let i = firstAtOrAfter(edit.start); i < taken.length && taken[i].start <= edit.end; i++) if (clashes(edit, taken[i])) return true;
    return false;
  };
  for (const group of groups) {
    const sorted = [...group].sort((a, b) => a.start - b.start || a.end - b.end);
    // a group at odds with itself has no single meaning: it is never applied
    if (sorted.some((edit, i) => i > 0 && clashes(sorted[i - 1], edit))) continue;
    if (sorted.some(clashesWithTaken)) continue;
    for (const edit of sorted) taken.splice(insertionPoint(edit), 0, edit);
  }
  return taken.sort((a, b) => a.start - b.start);
}

const SPACE = /[ \t\u3000\u00a0]/;
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

/** CJK ideographs and CJK punctuation: the context where half-width punctuation is a fault. */
export function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * The next line break at or after `from`: \r\n, \n or a bare \r (as VS Code and CommonMark count
 * them). `end` is where the line's content ends, `next` where the next line starts; -1 if none.
 */
export function nextLineBreak(text: string, from: number): { end: number; next: number } {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return { end: i, next: i + 1 };
    if (c === 13) return { end: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return { end: -1, next: -1 };
}

/** The start of the line that holds `offset`, with \r\n, \n and bare \r as line breaks. */
export function lineStartBefore(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}
