import { renumberMarkerText } from '../text/markers';
import type { Section, SummaryDocument } from './types';
import type { TextEdit } from '../types';

/**
 * Runs of sibling sections: the same parent, the same level and the same numbering scope, in
 * order. A run is what numbering-sequence checks and what renumbering rewrites.
 */
export function siblingRuns(doc: SummaryDocument): Section[][] {
  const runs: Section[][] = [];
  const visit = (children: Section[]) => {
    const byKey = new Map<string, Section[]>();
    for (const child of children) {
      const key = `${child.level}/${child.scope}/${child.marker.style === 'decimal' ? 'd' : child.marker.style === 'roman' ? 'r' : 'c'}`;
      const run = byKey.get(key) ?? [];
      run.push(child);
      byKey.set(key, run);
    }
    runs.push(...byKey.values());
    for (const child of children) visit(child.children);
  };
  visit(doc.sections);
  // an appendix's items (附件's 一、–十、) are runs of their own, checked in their own scope
  for (const appendix of doc.appendices ?? []) visit(appendix.sections);
  return runs.sort((a, b) => a[0].start - b[0].start);
}

/** Splits a run where the numbering restarts at one: each part is renumbered on its own. */
export function splitAtRestarts(run: Section[]): Section[][] {
  const parts: Section[][] = [];
  for (const section of run) {
    const current = parts[parts.length - 1];
    const previous = current?.[current.length - 1];
    if (!current || (section.number === 1 && previous!.number > 1)) parts.push([section]);
    else current.push(section);
  }
  return parts;
}

/** Markdown's lazy list numbering (1. 1. 1.) is rendered 1 2 3: not a fault. */
export function isLazyMarkdownList(run: Section[]): boolean {
  return run.length > 1 && run.every((s) => s.marker.at === 'list-item' && s.number === 1);
}

/** Edits that number a run 1, 2, 3… in the writer's own marker style. */
export function renumberRunEdits(run: Section[]): TextEdit[] {
  const edits: TextEdit[] = [];
  run.forEach((section, index) => {
    const wanted = index + 1;
    if (section.number === wanted) return;
    const marker = section.marker;
    const path = marker.path ? [...marker.path.slice(0, -1), wanted] : undefined;
    edits.push({ start: marker.start, end: marker.end, newText: renumberMarkerText(marker.text, marker.style, wanted, path) });
  });
  return edits;
}

/**
 * A Markdown heading run nested under a heading of the same marker level whose numbers carry on
 * the parent's (`### 3.` under `## 2.`): the `#` depth is wrong, not the numbers. numbering-hierarchy
 * reports it; numbering-sequence leaves it alone.
 */
export function continuesParentRun(run: Section[]): boolean {
  const first = run[0];
  const parent = first?.parent;
  if (!first || !parent || first.marker.headingDepth === undefined || parent.marker.headingDepth === undefined) return false;
  return parent.level === first.level && parent.marker.style === first.marker.style && first.number === parent.number + 1;
}

/**
 * Is renumbering this run certain, so that bulk fixing may apply it? Only when nothing else could
 * be meant: the markers are written alike and stand alike (all headings of one depth, or all list
 * items, or all paragraphs), no table stands among them, and the fault is a duplicated number (or a
 * skip the last number shows to be a typo), not a skip that may be an item or a part lost, a run that
 * starts past one (a first item deleted?) or one that runs backwards (items moved?).
 */
export function renumberingIsCertain(doc: SummaryDocument, run: Section[]): boolean {
  if (!runIsUnambiguous(doc, run)) return false;
  if (run[0].number !== 1) return false;
  if (run.some((s, i) => i > 0 && s.number < run[i - 1].number)) return false;
  // a skipped number may be a lost item or a lost part (四、 then 六、): renumbering would hide it;
  // unless the last number says every item is there (1. 1. 1. 4., or 101 101 103: a mistyped number)
  const skips = run.some((s, i) => i > 0 && s.number > run[i - 1].number + 1);
  return !skips || run[run.length - 1].number === run.length;
}

/**
 * Is this run one list, whatever its numbers? Its markers are written alike and stand alike (all
 * headings of one depth, all list items, or all paragraphs, nested alike) and no table stands among
 * them. Only such a run may be renumbered at all, even on the writer's explicit request.
 */
export function runIsUnambiguous(doc: SummaryDocument, run: Section[]): boolean {
  if (run.length < 2) return false;
  const first = run[0].marker;
  const placeOf = (m: Section['marker']) => (m.at === 'line' ? 'paragraph' : m.at) + (m.headingDepth ?? '');
  if (!run.every((s) => s.marker.style === first.style && placeOf(s.marker) === placeOf(first) && !s.nestedByIndent === !run[0].nestedByIndent)) return false;
  const from = run[0].start;
  const to = run[run.length - 1].headingEnd;
  if (doc.tables.some((t) => t.start < to && t.end > from)) return false;
  if (doc.tableMarkers.some((m) => m.start > from && m.start < to)) return false;
  return true;
}

/**
 * The renumbering the explicit Renumber command applies: the runs numbering-sequence reads (heading
 * depth with the marker, a depth slip `### 3.` under `## 2.` kept in its parent's run, tables and
 * tables of contents left out, a restart under a heading or a lead-in kept), each numbered 1, 2, 3…
 * in the writer's style, and only where the run is unambiguous. A restart with no heading of its own
 * is renumbered as the start of a list of its own.
 */
export function explicitRenumberEdits(doc: SummaryDocument, runs: readonly Section[][]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const sameLevel of runs) {
    if (isLazyMarkdownList(sameLevel) || continuesParentRun(sameLevel)) continue;
    for (const part of splitAtRestarts(withDepthSlips(sameLevel))) {
      if (runIsUnambiguous(doc, part)) edits.push(...renumberRunEdits(part));
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * The run with the sections of a child run that carries on its numbers put back in line
 * (`## 1.` `## 2.` `### 3.` `## 4.` reads 1 2 3 4): the depth is numbering-hierarchy's fault, and
 * the run itself is not skipped.
 */
export function withDepthSlips(run: Section[]): Section[] {
  const out: Section[] = [];
  for (const section of run) {
    out.push(section);
    let parent = section;
    for (;;) {
      const slipped = parent.children.filter((c) => c.marker.headingDepth !== undefined && c.level === parent.level && c.marker.style === parent.marker.style);
      if (!slipped.length || !continuesParentRun(slipped)) break;
      out.push(...slipped);
      parent = slipped[slipped.length - 1];
    }
  }
  return out;
}
