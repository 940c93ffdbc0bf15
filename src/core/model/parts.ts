import type { Message } from '../types';
import { perChunk } from './chunk-memo';
import type { ChunkParse, ProfilePart, Section, SummaryDocument } from './types';
import { isProse, proseBlocks } from './blocks';

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
  // a note (名词解释's 48.新时代“枫桥经验”) explains a term: it names no part of the report
  const inNotes = (offset: number) => (doc.noteParts ?? []).some((p) => offset >= p.start && offset < p.end);
  const visit = (sections: Section[], depth: number) => {
    for (const section of sections) {
      if (inNotes(section.start)) continue;
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
      const longer = trimmed.slice(0, 200);
      if (!patterns.some((p) => p.test(longer))) continue;
      const at = block.start + m.index + (m[0].length - trimmed.length);
      sentences.push({ text: sentence, at, start: at, end: at + sentence.length });
    }
  }
  return sentences;
}

const CN_NUMERAL = '[一二三四五六七八九十]{1,3}';
/** A run-in heading inside a line (crawler text on one line, a heading glued to its text): `。二、存在问题…` */
const INLINE_MARKER = new RegExp(`(?<![一二三四五六七八九十第])(${CN_NUMERAL}、|[（(]${CN_NUMERAL}[）)])`, 'g');

/** Numbered headings run in anywhere in one chunk's prose, with their level (一、 1, （一） 2). */
function inlineHeadings(parse: ChunkParse): Candidate[] {
  const headings: Candidate[] = [];
  for (const block of parse.blocks) {
    if (!isProse(block)) continue;
    const text = parse.text.slice(block.start, block.end);
    INLINE_MARKER.lastIndex = 0;
    for (let m = INLINE_MARKER.exec(text); m; m = INLINE_MARKER.exec(text)) {
      const markerStart = m.index;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
      const heading = /^[^。；;！？!?\n]*/.exec(after)![0];
      const at = block.start + markerStart;
      headings.push({ text: heading, at, start: at, end: at + m[1].length + heading.length, level: m[1].endsWith('、') ? 1 : 2 });
    }
  }
  return headings;
}

function inlineHeadingsOf(doc: SummaryDocument): Candidate[] {
  return perChunk(doc, 'parts:inline', (parse) => inlineHeadings(parse) as Required<Candidate>[], (c, by) => ({ ...c, at: c.at + by, start: c.start + by, end: c.end + by }));
}

/** A document that is not a formal summary though it may be saved as one: a weekly log, a note. */
export function isInformalNote(doc: SummaryDocument): boolean {
  if (doc.title && /(周报|周总结|周记|第.{1,3}周|日志|日报|笔记|随笔|札记|备忘)/.test(doc.title.text)) return true;
  // both tests below need a document with few sections: never scan a long report's whole text
  if (doc.sections.length >= 3) return false;
  // dated entries line after line (3月1日：… 周一：…) are a log, whatever the file is called
  const dated = doc.text.match(/^[\s\u3000#*-]*(\d{1,2}月\d{1,2}日|\d{4}[-./]\d{1,2}[-./]\d{1,2}|周[一二三四五六日]|星期[一二三四五六日天])/gm)?.length ?? 0;
  if (dated >= 3) return true;
  return doc.profile.profile.language === 'zh' && doc.sections.length < 2 && fewerHanThan(doc.text, 200);
}

/** Fewer than `limit` Chinese characters, counted only as far as needed. */
function fewerHanThan(text: string, limit: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && ++count >= limit) return false;
  }
  return true;
}

/** Which of the profile's parts the document has, and where. */
export function findParts(doc: SummaryDocument): PartStatus[] {
  const profile = doc.profile.profile;
  const headings = headingCandidates(doc);
  const flags = profile.language === 'en' ? 'i' : '';
  const statuses: PartStatus[] = profile.parts.map((part) => {
    const status: PartStatus = { id: part.id, name: part.name, part, present: false, byHeading: false, insertAt: doc.text.length };
    if (part.kind === 'opening') {
      // `一、2022年工作总结` first, then its lead-in paragraph: the opening stands under the first heading
      const first = doc.sections[0]?.marker.headingText ?? '';
      status.present = doc.opening !== undefined || doc.markers.length === 0 || /(总结|回顾|基本情况|总体情况|概述|概况)/.test(first.slice(0, 20));
      if (doc.opening) status.at = doc.opening.start;
      return status;
    }
    if (part.kind === 'main-work') {
      // a text on one line (a crawler's) is one block, but its length shows the work it reports
      status.present =
        doc.sections.length > 0 ||
        proseBlocks(doc).length > 3 ||
        (doc.text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) > 600 ||
        inlineHeadingsOf(doc).filter((c) => c.level === 1).length >= 2;
      if (doc.sections[0]) status.at = doc.sections[0].start;
      return status;
    }
    if (part.kind === 'salutation') {
      // a 述职报告 handed in on paper is addressed to an organ (县委组织部：) instead of people
      const top = doc.salutation ?? doc.addressee;
      status.present = top !== undefined;
      if (top) status.at = top.start;
      return status;
    }
    if (part.kind === 'signature') {
      status.present = doc.closing?.signer !== undefined && doc.closing.date !== undefined;
      if (doc.closing?.signer) status.at = doc.closing.signer.start;
      return status;
    }
    if (part.kind === 'closing' && doc.closing?.formula) {
      status.present = true;
      status.at = doc.closing.formula.start;
      return status;
    }
    const headingPatterns = (part.headingPatterns ?? []).map((p) => new RegExp(p, flags));
    const matches = headings.filter(
      (c) => (part.level === undefined || c.level === undefined || c.level === part.level) && headingPatterns.some((p) => p.test(c.text)),
    );
    let found: Candidate | undefined = matches[matches.length - 1];
    status.byHeading = found !== undefined;
    if (!found && headingPatterns.length) {
      found = inlineHeadingsOf(doc).filter((c) => (part.level === undefined || c.level === part.level) && headingPatterns.some((p) => p.test(c.text))).pop();
    }
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

/** New parts go before the attachment note and the closing (formula, signer, date), else at the end. */
function signatureOffset(doc: SummaryDocument): number {
  // a bilingual report: the first half's parts go before its own signature (a name, then a date), else before the rule
  const half = doc.otherHalf;
  if (half) {
    const date = doc.signatureDates?.filter((d) => d.end <= half.firstHalfEnd).pop();
    if (!date || /\S/.test(doc.text.slice(date.end, half.firstHalfEnd).replace(/^[^\n]*\n/, '').replace(/[=\-*_~＝—\s]/g, ''))) return half.firstHalfEnd;
    const dateLine = Math.max(doc.text.lastIndexOf('\n', date.start - 1) + 1, 0);
    let signer = Math.max(doc.text.lastIndexOf('\n', dateLine - 2) + 1, 0);
    while (signer > 0 && doc.text.slice(signer, dateLine).trim() === '') signer = Math.max(doc.text.lastIndexOf('\n', signer - 2) + 1, 0);
    return signer;
  }
  const tail = Math.min(doc.attachments?.start ?? doc.text.length, doc.closing?.start ?? doc.text.length);
  if (tail >= doc.text.length) return doc.text.length;
  const lineStart = Math.max(doc.text.lastIndexOf('\n', tail - 1) + 1, 0);
  return lineStart;
}
