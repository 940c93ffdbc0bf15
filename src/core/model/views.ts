import { LineIndex, lineRanges, type LineRange } from '../text/lines';
import { enumerationRuns, type EnumerationRun } from './enumerations';
import { buildOutline, type DocumentOutline } from './outline';
import { findParts, type PartStatus } from './parts';
import { siblingRuns } from './siblings';
import type { Section, SummaryDocument } from './types';

/**
 * The derived views of one document version, computed once and read by every consumer: the rules,
 * the outline, the symbols, completion, renumbering and the Word export. A model is a value (a new
 * version is a new object), so a view is remembered per model object and lives as long as it does.
 * Views are shared: consumers read them and never change them.
 *
 * The title, the opening, the salutation, the attachment note, the closing and the signature dates
 * are fields of the model itself (`doc.title`, `doc.closing`, `doc.signatureDates` …): the builder
 * finds them once, and nothing finds them again.
 */
const views = new WeakMap<SummaryDocument, Map<string, unknown>>();

/** A view of `doc` under `key`, computed on first use. Other layers (editing) keep theirs here too. */
export function viewOf<T>(doc: SummaryDocument, key: string, compute: (doc: SummaryDocument) => T): T {
  let ofDoc = views.get(doc);
  if (!ofDoc) views.set(doc, (ofDoc = new Map()));
  if (ofDoc.has(key)) return ofDoc.get(key) as T;
  const value = compute(doc);
  ofDoc.set(key, value);
  return value;
}

/** The document's lines (start, end of content, start of the next), \r\n, \n and bare \r alike. */
export const linesOf = (doc: SummaryDocument): readonly LineRange[] => viewOf(doc, 'lines', (d) => lineRanges(d.text));

/** Offsets to line/character positions and back, for the document's text. */
export const lineIndexOf = (doc: SummaryDocument): LineIndex => viewOf(doc, 'line-index', (d) => new LineIndex(d.text));

/** Runs of sibling sections (see `siblingRuns`): what numbering checks and renumbering rewrites. */
export const siblingRunsOf = (doc: SummaryDocument): readonly Section[][] => viewOf(doc, 'sibling-runs', siblingRuns);

/** Runs of enumerations (一是、二是 …; see `enumerationRuns`). */
export const enumerationRunsOf = (doc: SummaryDocument): readonly EnumerationRun[] => viewOf(doc, 'enumeration-runs', enumerationRuns);

/** The profile's parts, present or missing, and where (see `findParts`). */
export const partsOf = (doc: SummaryDocument): readonly PartStatus[] => viewOf(doc, 'parts', findParts);

/** The outline: title, opening, unnumbered headings holding their sections, the parts of their own (see `buildOutline`). */
export const outlineOf = (doc: SummaryDocument): DocumentOutline => viewOf(doc, 'outline', (d) => buildOutline(d, enumerationRunsOf(d)));
