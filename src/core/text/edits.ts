import type { TextEdit } from '../types';

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
