import type { Message } from '../types';
import { perChunk } from './chunk-memo';
import type { ChunkParse, ProfilePart, Section, SummaryDocument } from './types';
import { isProse, proseBlocks } from './views';

export interface PartStatus {
  id: string;
  name: Message;
  part: ProfilePart;
  present: boolean;
  /** where the part was found (a heading, or a paragraph that opens with it) */
  at?: number;
  section?: Section;
  /** found under a heading of its own (not only in a paragraph): only such parts are checked for order */
  byHeading: boolean;
  /** where a missing part's skeleton goes */
  insertAt: number;
}

interface Candidate {
  text: string;
  at: number;
  start?: number;
  end?: number;
  section?: Section;
  level?: number;
}

/** Section headings, unnumbered headings and heading-like lines: where a part is named. */
function headingCandidates(doc: SummaryDocument): Candidate[] {
  const candidates: Candidate[] = [];
  const visit = (sections: Section[], depth: number) => {
    for (const section of sections) {
      // parts are named by top-level headings; a level-three item that mentions 问题 is not a part
      if (depth > 0 && section.level > 2 && doc.profile.profile.language === 'zh') continue;
      candidates.push({ text: section.marker.headingText, at: section.start, section, level: section.level });
      visit(section.children, depth + 1);
    }
  };
  visit(doc.sections, 0);
  for (const start of doc.scopeBreaks) {
    const end = doc.text.indexOf('\n', start);
    candidates.push({ text: doc.text.slice(start, end < 0 ? doc.text.length : end).replace(/^[#\s\u3000]+/, ''), at: start });
  }
  return candidates.sort((a, b) => a.at - b.at);
}

/** The sentences of one chunk's prose that open with one of the patterns (searched once per chunk). */
function sentencesMatching(parse: ChunkParse, patterns: RegExp[]): Candidate[] {
  const sentences: Candidate[] = [];
  for (const block of parse.blocks) {
    if (!isProse(block)) continue;
    const text = parse.text.slice(block.start, block.end);
    const pattern = /[^。！？!?]+/g;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const trimmed = m[0].replace(/^[\s\u3000]+/, '');
      const sentence = trimmed.slice(0, 80);
      if (!patterns.some((p) => p.test(sentence))) continue;
      const at = block.start + m.index + (m[0].length - trimmed.length);
      sentences.push({ text: sentence, at, start: at, end: at + sentence.length });
    }
  }
  return sentences;
}

/** Which of the profile's parts the document has, and where. */
export function findParts(doc: SummaryDocument): PartStatus[] {
  const profile = doc.profile.profile;
  const headings = headingCandidates(doc);
  const flags = profile.language === 'en' ? 'i' : '';
  const statuses: PartStatus[] = profile.parts.map((part) => {
    const status: PartStatus = { id: part.id, name: part.name, part, present: false, byHeading: false, insertAt: doc.text.length };
    if (part.kind === 'opening') {
      status.present = doc.opening !== undefined || doc.markers.length === 0;
      if (doc.opening) status.at = doc.opening.start;
      return status;
    }
    if (part.kind === 'main-work') {
      status.present = doc.sections.length > 0 || proseBlocks(doc).length > 3;
      if (doc.sections[0]) status.at = doc.sections[0].start;
      return status;
    }
    const headingPatterns = (part.headingPatterns ?? []).map((p) => new RegExp(p, flags));
    const matches = headings.filter(
      (c) => (part.level === undefined || c.level === undefined || c.level === part.level) && headingPatterns.some((p) => p.test(c.text)),
    );
    let found = matches[matches.length - 1];
    status.byHeading = found !== undefined;
    if (!found && part.level === undefined && part.paragraphPatterns?.length) {
      const paragraphPatterns = part.paragraphPatterns.map((p) => new RegExp(p, flags));
      const key = `parts:${flags}:${part.paragraphPatterns.join('\u0001')}`;
      const hits = perChunk(doc, key, (parse) => sentencesMatching(parse, paragraphPatterns) as Required<Candidate>[], (c, by) => ({ ...c, at: c.at + by, start: c.start + by, end: c.end + by }));
      found = hits[hits.length - 1];
    }
    if (found) {
      status.present = true;
      status.at = found.at;
      if (found.section) status.section = found.section;
    }
    return status;
  });
  placeMissingParts(doc, statuses);
  return statuses;
}

/** A missing part goes before the next present part in the profile's order, else at the end. */
function placeMissingParts(doc: SummaryDocument, statuses: PartStatus[]): void {
  const order = statuses.map((s) => s.id);
  const signatureStart = signatureOffset(doc);
  statuses.forEach((status, index) => {
    if (status.present) return;
    if (status.part.kind === 'opening') {
      status.insertAt = doc.title ? lineEndAfter(doc.text, doc.title.end) : 0;
      return;
    }
    const later = statuses.slice(index + 1).find((s) => s.present && s.at !== undefined && order.includes(s.id));
    status.insertAt = later?.section?.start ?? later?.at ?? signatureStart;
  });
}

function lineEndAfter(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

/** The signature and date at the end (unit name, then a date line), where new parts go before. */
function signatureOffset(doc: SummaryDocument): number {
  // only the last lines matter: never split or search the whole text for them
  const tailStart = Math.max(0, doc.text.length - 600);
  let end = doc.text.length;
  while (end > tailStart && /\s/.test(doc.text[end - 1])) end--;
  const lines = doc.text.slice(tailStart, end).split('\n');
  const last = lines[lines.length - 1]?.trim() ?? '';
  if (lines.length < 2 || !/^(?:19|20)\d{2}\s*(年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\d{1,2}[-./]\d{1,2})$/.test(last)) return doc.text.length;
  let start = end - lines[lines.length - 1].length;
  const previous = lines[lines.length - 2]?.trim() ?? '';
  if (previous && previous.length <= 30 && !/[。；]/.test(previous)) start -= lines[lines.length - 2].length + 1;
  return start;
}
