import { findAttachments, findClosing, findSignatureDates, findTop } from './closing';
import { skipBlank, trimEndOffset } from './offsets';
import { periodOf, periodFromText } from './period';
import { buildSections, findLeadIns, findNoteParts, findScopeBreaks, resolveMarkers } from './sections';
import { readTables, tableOfContents } from './tables';
import { findTitle, frontMatterTitle } from './title';
import { findOtherHalf, type OtherHalf } from './halves';
import type { FrontMatter, Marker, NotePart, ProfileChoice, Range, ReadResult, Section, SummaryDocument } from './types';

export interface BuildInput {
  text: string;
  format: 'markdown' | 'text';
  frontMatter: FrontMatter | undefined;
  /** where the chunks begin: after front matter and a BOM */
  bodyStart: number;
  read: ReadResult;
  /** picks the profile from what the text says (front matter, title or the opening lines, its language) */
  chooseProfile: (frontMatterProfile: string | undefined, hint: string, language: 'zh' | 'en' | undefined) => ProfileChoice;
}

const inside = (ranges: readonly Range[], offset: number) => ranges.some((r) => offset >= r.start && offset < Math.max(r.end, r.start + 1));

/** Builds the one model every rule, the outline, the symbols and the completion share. */
export function buildDocument({ text, format, frontMatter, bodyStart, read, chooseProfile }: BuildInput): SummaryDocument {
  const blocks = read.blocks;
  let candidates = read.candidates;
  let enumerations = read.enumerations;
  const chunks = read.chunks;
  if (frontMatter) {
    for (const chunk of chunks) chunk.firstBlock++;
    blocks.unshift({ kind: 'front-matter', start: frontMatter.start, end: frontMatter.end, lineStarts: [0] });
    candidates = candidates.map((c) => ({ ...c, blockIndex: c.blockIndex + 1 }));
    enumerations = enumerations.map((e) => ({ ...e, blockIndex: e.blockIndex + 1 }));
  }

  const found = findTitle(text, blocks, bodyStart);
  const title = found.title ?? frontMatterTitle(text, frontMatter);
  // the frame around the body (title, crawler header, attachment note, closing) holds no sections
  const attachments = findAttachments(text, blocks, found.contentStart);
  const closing = findClosing(text, blocks, attachments, found.contentStart);
  const frame: Range[] = [...found.excluded, ...(attachments ? [attachments] : []), ...(closing ? [closing] : [])];
  candidates = candidates.filter((c) => !inside(frame, c.lineStart) && !inside(frame, c.candidate.start));
  enumerations = enumerations.filter((e) => !inside(frame, e.start));
  // table row labels and table-of-contents entries are set aside: they are no sections
  const { tables, rowLabels } = readTables(text, blocks, candidates, read.tableLines);
  const contents = tableOfContents(candidates, blocks);
  const setAside = candidates.filter((c) => rowLabels.has(c) || contents.has(c));
  const markers = resolveMarkers(candidates.filter((c) => !rowLabels.has(c) && !contents.has(c)), found.titleBlock);
  const tableMarkers = resolveMarkers(setAside, found.titleBlock);
  const scopeBreaks = findScopeBreaks(text, blocks, found.titleBlock, markers).filter((b) => !inside(frame, b));
  const leadIns = findLeadIns(text, markers);
  const noteParts = findNoteParts(text, blocks, markers, scopeBreaks);
  // the note and the closing end the body only where no section follows them
  const lastMarker = markers[markers.length - 1]?.lineStart ?? -1;
  const tail = Math.min(...[attachments, closing].filter((part): part is Range => part !== undefined && part.start > lastMarker).map((part) => part.start), text.length);
  // a bilingual report's second half is a part of its own: its sections do not nest under the first's
  const otherHalf = findOtherHalf(text, blocks, found.contentStart, (from, to) => languageOf(text, from, to));
  const sections = otherHalf ? sectionsOfHalves(text, markers, scopeBreaks, leadIns, otherHalf, noteParts) : buildSections(text, markers, scopeBreaks, leadIns, noteParts);
  clipSections(sections, text, tail);
  const contentStart = found.contentStart;
  const firstSectionStart = Math.min(markers[0]?.lineStart ?? text.length, tail);
  const opening = firstSectionStart > contentStart && /\S/.test(text.slice(contentStart, firstSectionStart))
    ? { start: skipBlank(text, contentStart), end: trimEndOffset(text, contentStart, firstSectionStart) }
    : undefined;
  // PDF-extracted reports wrap the title over lines, under a stray first line: look at the opening lines too
  const profileHint = title?.text ?? text.slice(contentStart, contentStart + 200).replace(/\s+/g, '');
  const profile = chooseProfile(frontMatter?.data.profile, profileHint, languageOf(text, bodyStart, otherHalf?.ruleStart));

  const doc: SummaryDocument = { text, format, blocks, markers, sections, enumerations, scopeBreaks, leadIns, tables, tableMarkers, profile, chunks };
  if (frontMatter) doc.frontMatter = frontMatter;
  if (title) doc.title = title;
  if (opening) doc.opening = opening;
  const { addressee, salutation } = findTop(text, blocks, contentStart);
  if (addressee) doc.addressee = addressee;
  if (salutation) doc.salutation = salutation;
  if (attachments) doc.attachments = attachments;
  if (closing) doc.closing = closing;
  if (noteParts.length) doc.noteParts = noteParts;
  if (otherHalf) doc.otherHalf = { start: otherHalf.start, end: text.length, title: otherHalf.title, language: otherHalf.language, firstHalfEnd: otherHalf.ruleStart };
  const signatureDates = findSignatureDates(text, blocks, contentStart);
  if (signatureDates.length) doc.signatureDates = signatureDates;
  const period = periodOf(frontMatter?.data.year ?? frontMatter?.data.period, title?.text) ?? periodFromText(doc);
  if (period) doc.period = period;
  return doc;
}

/** The last sections end where the attachment note or the closing begins. */
function clipSections(sections: Section[], text: string, tail: number): void {
  for (const section of sections) {
    if (section.end > tail) section.end = Math.max(section.headingEnd, trimEndOffset(text, section.start, tail));
    clipSections(section.children, text, tail);
  }
}

/**
 * Each half's sections on their own: the first half's close where the second begins, and the second
 * half's numbering scopes come after the first's (its `1.` starts a run of its own).
 */
function sectionsOfHalves(text: string, markers: Marker[], scopeBreaks: number[], leadIns: number[], half: OtherHalf, noteParts: readonly NotePart[]): Section[] {
  const first = buildSections(text, markers.filter((m) => m.start < half.start), scopeBreaks, leadIns, noteParts);
  clipSections(first, text, half.ruleStart);
  const second = buildSections(text, markers.filter((m) => m.start >= half.start), scopeBreaks, leadIns, noteParts.filter((p) => p.start >= half.start));
  const offset = Math.max(-1, ...first.map((s) => s.scope)) + 1;
  for (const section of second) section.scope += offset;
  return [...first, ...second];
}

/** The language of the body, from its first few thousand characters: Chinese characters or Latin words. */
function languageOf(text: string, from: number, to = text.length): 'zh' | 'en' | undefined {
  const sample = text.slice(from, Math.min(to, from + 4000));
  const han = sample.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const latin = sample.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  if (han + latin < 5) return undefined;
  return han >= latin ? 'zh' : 'en';
}
