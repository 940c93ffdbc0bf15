import type { Block, FrontMatter, LineCandidate, Marker, ProfileChoice, ReadResult, Section, SummaryDocument, Title } from './types';
import { readMarkerAt } from '../text/markers';

export interface BuildInput {
  text: string;
  format: 'markdown' | 'text';
  frontMatter: FrontMatter | undefined;
  /** where the chunks begin: after front matter and a BOM */
  bodyStart: number;
  read: ReadResult;
  /** picks the profile from what the text says (front matter, title or the opening lines) */
  chooseProfile: (frontMatterProfile: string | undefined, hint: string) => ProfileChoice;
}

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

  const titleIndex = findTitleBlock(text, blocks);
  const title = titleIndex >= 0 ? titleOf(text, blocks[titleIndex]) : frontMatterTitle(text, frontMatter);
  const markers = resolveMarkers(candidates, titleIndex);
  const scopeBreaks = findScopeBreaks(text, blocks, titleIndex, markers);
  const sections = buildSections(text, markers, scopeBreaks);
  if (titleIndex >= 0) enumerations = enumerations.filter((e) => e.blockIndex !== titleIndex);
  const contentStart = title ? title.end : bodyStart;
  const firstSectionStart = markers[0]?.lineStart ?? text.length;
  const opening = firstSectionStart > contentStart && /\S/.test(text.slice(contentStart, firstSectionStart))
    ? { start: skipBlank(text, contentStart), end: trimEndOffset(text, contentStart, firstSectionStart) }
    : undefined;
  // PDF-extracted reports wrap the title over lines, under a stray first line: look at the opening lines too
  const profileHint = title?.text ?? text.slice(bodyStart, bodyStart + 200).replace(/\s+/g, '');
  const profile = chooseProfile(frontMatter?.data.profile, profileHint);

  const doc: SummaryDocument = { text, format, blocks, markers, sections, enumerations, scopeBreaks, profile, chunks };
  if (frontMatter) doc.frontMatter = frontMatter;
  if (title) doc.title = title;
  if (opening) doc.opening = opening;
  const period = periodOf(frontMatter?.data.year ?? frontMatter?.data.period, title?.text);
  if (period) doc.period = period;
  return doc;
}

const SENTENCE_END = /[。；;！!？?]/;

function lineText(text: string, block: Block, lineIndex: number): string {
  const start = block.lineStarts[lineIndex];
  const next = lineIndex + 1 < block.lineStarts.length ? block.lineStarts[lineIndex + 1] : block.end;
  return text.slice(start, Math.min(next, block.end)).replace(/\r?\n$/, '');
}

/** The title: a level-one `#` heading first in the document, or a short first line with no marker. */
function findTitleBlock(text: string, blocks: Block[]): number {
  const index = blocks.findIndex((b) => b.kind !== 'front-matter' && b.kind !== 'html');
  if (index < 0) return -1;
  const block = blocks[index];
  if (block.kind === 'heading') return block.depth === 1 || !readMarkerAt(text, block.start, true) ? index : -1;
  if (block.kind !== 'paragraph') return -1;
  const first = lineText(text, block, 0).trim();
  // a title may end with ：(工作总结：) but is never a sentence or a salutation
  const body = /(总结|报告|汇报)[：:]$/.test(first) ? first.slice(0, -1) : first;
  if (!body || body.length > 60 || SENTENCE_END.test(body.slice(0, -1)) || /[，,]/.test(body) || /[。：:！!]$/.test(body)) return -1;
  if (readMarkerAt(text, block.start, false)) return -1;
  return block.lineStarts.length === 1 ? index : -1;
}

function titleOf(text: string, block: Block): Title {
  const raw = lineText(text, block, 0);
  // `#工作总结报告` (no space) is not a heading to CommonMark, but it is meant as the title
  const leading = /^[\s\u3000]*(#{1,6}[ \t]*)?/.exec(raw)?.[0].length ?? 0;
  const trailing = /[\s\u3000#：:]*$/.exec(raw)?.[0].length ?? 0;
  const start = block.start + leading;
  const end = Math.max(start, block.start + raw.length - trailing);
  return { text: text.slice(start, end), start, end };
}

function frontMatterTitle(text: string, frontMatter: FrontMatter | undefined): Title | undefined {
  const value = frontMatter?.data.title;
  if (!value) return undefined;
  const start = text.indexOf(value, frontMatter.start);
  return start >= 0 && start < frontMatter.end ? { text: value, start, end: start + value.length } : undefined;
}


/** Turns line candidates into markers; an ambiguous one (`3、4月份`) only where its neighbours expect it. */
function resolveMarkers(candidates: LineCandidate[], titleIndex: number): Marker[] {
  const markers: Marker[] = [];
  // the last number seen at each level since a higher level last appeared
  const lastAtLevel: number[] = [];
  for (const { blockIndex, lineStart, candidate, at, headingText, headingEnd } of candidates) {
    if (blockIndex === titleIndex) continue;
    if (candidate.ambiguous && (lastAtLevel[candidate.level] ?? 0) !== candidate.number - 1) continue;
    const marker: Marker = {
      text: candidate.text,
      start: candidate.start,
      end: candidate.end,
      level: candidate.level,
      number: candidate.number,
      style: candidate.style,
      at,
      headingText,
      headingEnd,
      lineStart,
      blockIndex,
    };
    if (candidate.path) marker.path = candidate.path;
    markers.push(marker);
    lastAtLevel[candidate.level] = candidate.number;
    lastAtLevel.length = candidate.level + 1;
  }
  return markers;
}


/**
 * Unnumbered headings and short standalone lines (a sub-title, the next document's title) start a
 * new numbering scope: numbers restarting after one are not a fault.
 */
function findScopeBreaks(text: string, blocks: Block[], titleIndex: number, markers: Marker[]): number[] {
  const markedLines = new Set(markers.map((m) => m.lineStart));
  const breaks: number[] = [];
  blocks.forEach((block, index) => {
    if (index === titleIndex || markedLines.has(block.start)) return;
    if (block.kind === 'heading') {
      breaks.push(block.start);
      return;
    }
    if (block.kind !== 'paragraph' || block.lineStarts.length !== 1) return;
    const line = text.slice(block.start, block.end).trim();
    if (line.length > 0 && line.length <= 30 && !/[。，；：,;:！？!?]/.test(line) && !/^[-—–*_=]+$/.test(line)) breaks.push(block.start);
  });
  return breaks;
}

function buildSections(text: string, markers: Marker[], scopeBreaks: number[]): Section[] {
  const roots: Section[] = [];
  const open: Section[] = [];
  let scope = 0;
  let breakIndex = 0;
  let previousStart = -1;
  for (const marker of markers) {
    let crossedBreak = false;
    while (breakIndex < scopeBreaks.length && scopeBreaks[breakIndex] < marker.start) {
      if (scopeBreaks[breakIndex] > previousStart) crossedBreak = true;
      breakIndex++;
    }
    previousStart = marker.start;
    const restartsOpenRun = open.some((s) => s.level === marker.level);
    if (crossedBreak && marker.number === 1 && restartsOpenRun) scope++;
    while (open.length && open[open.length - 1].level >= marker.level) close(open.pop()!, marker.lineStart, text);
    const parent = open[open.length - 1];
    const section: Section = {
      marker,
      level: marker.level,
      number: marker.number,
      headingStart: marker.start,
      headingEnd: marker.headingEnd,
      start: marker.lineStart,
      end: text.length,
      children: [],
      scope,
    };
    if (parent) {
      section.parent = parent;
      parent.children.push(section);
    } else roots.push(section);
    open.push(section);
  }
  while (open.length) close(open.pop()!, text.length, text);
  return roots;
}

function close(section: Section, end: number, text: string): void {
  section.end = trimEndOffset(text, section.start, end);
}

function trimEndOffset(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /\s/.test(text[i - 1])) i--;
  return i;
}

function skipBlank(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /[\r\n]/.test(text[i])) i++;
  return i;
}


/** Reports delivered early in a year that review the year before and plan this one. */
const REVIEWS_PREVIOUS_YEAR = /(政府|法院|检察院|常务委员会|常委会)工作报告/;

function periodOf(declared: string | undefined, title: string | undefined): SummaryDocument['period'] {
  const source = declared ?? title;
  if (!source) return undefined;
  // 2020-2021年, 2020年至2021年, 2023—2024学年
  const range = /((?:19|20)\d{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*学?年/.exec(source);
  const single = /((?:19|20)\d{2})\s*年/.exec(source) ?? (declared ? /((?:19|20)\d{2})/.exec(declared) : null);
  // a bare `year: 2025` says nothing of the kind of period: the title does
  const described = declared && /年|季|月|期/.test(declared) ? declared : `${declared ?? ''} ${title ?? ''}`;
  const partial = /(半年|季度|[0-9一二三四五六七八九十]+月|月份|学年|学期|[0-9一二三四五六七八九十]+周)/.test(described);
  // a plan (2025年工作要点) is not the review of its year
  const plan = /(计划|要点|规划|方案|打算|安排|思路)/.test(described) && !/(总结|报告|述职|汇报)/.test(described);
  const annual = !partial && !plan && /(年度|年工作|全年|年终|述职|总结|工作报告)/.test(described);
  if (range) return { from: Number(range[1]), to: Number(range[2]), annual };
  if (!single) return undefined;
  const year = Number(single[1]);
  if (!declared && REVIEWS_PREVIOUS_YEAR.test(source)) return { from: year - 1, to: year - 1, annual: !partial };
  return { from: year, to: year, annual };
}

