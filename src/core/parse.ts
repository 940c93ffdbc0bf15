import { markdownBlocks, readFrontMatter, textBlocks, tooHardForMarkdown } from './blocks';
import { ChunkCache, splitChunks, type Chunk } from './chunks';
import { DEFAULT_CONFIG, type SummaryConfig } from './config';
import { readMarker, type MarkerCandidate } from './markers';
import type { Block, ChunkRef, EnumerationItem, EnumerationKind, Marker, Section, SummaryDocument, Title } from './model';
import { CHINESE_NUMERAL_CLASS, parseChineseNumeral } from './numerals';
import { chooseProfile } from './profiles';

export interface ParseOptions {
  fileName?: string;
  format?: 'markdown' | 'text';
  config?: SummaryConfig;
  /** Parses of unchanged chunks, kept between versions of one document (see DocumentAnalyzer). */
  cache?: ChunkCache<ChunkParse>;
}

/** What a chunk yields on its own, with offsets relative to the chunk's start. */
export interface ChunkParse {
  /** the chunk's text: the cache key, kept so block rules can read it without slicing again */
  text: string;
  format: 'markdown' | 'text';
  blocks: Block[];
  candidates: LineCandidate[];
  enumerations: EnumerationItem[];
  /** what rules found in this chunk alone, relative to its start, kept for the next version */
  memo?: Map<string, unknown>;
}

export interface LineCandidate {
  blockIndex: number;
  lineIndex: number;
  lineStart: number;
  candidate: MarkerCandidate;
  at: Marker['at'];
  headingText: string;
  headingEnd: number;
}

export function parseChunk(chunkText: string, format: 'markdown' | 'text', knownBlocks?: Block[]): ChunkParse {
  const blocks = knownBlocks ?? (format === 'markdown' && !tooHardForMarkdown(chunkText) ? markdownBlocks(chunkText, 0) : textBlocks(chunkText, 0));
  const candidates: LineCandidate[] = [];
  blocks.forEach((block, blockIndex) => {
    if (!isTextBlock(block)) return;
    block.lineStarts.forEach((lineStart, lineIndex) => {
      const candidate = readMarkerAt(chunkText, lineStart, block.kind === 'heading' && lineIndex === 0);
      if (!candidate) return;
      const at: Marker['at'] = lineIndex > 0 ? 'line' : block.kind === 'heading' ? 'heading' : block.kind === 'list-item' ? 'list-item' : 'paragraph';
      const headingEnd = headingEndOf(chunkText, candidate.end, at === 'heading');
      const headingStart = skipSpaces(chunkText, candidate.end);
      candidates.push({
        blockIndex,
        lineIndex,
        lineStart,
        candidate,
        at,
        headingText: chunkText.slice(headingStart, Math.max(headingStart, headingEnd)).replace(/[*_\s#]+$/, ''),
        headingEnd: Math.max(candidate.end, headingEnd),
      });
    });
  });
  return { text: chunkText, format, blocks, candidates, enumerations: findEnumerations(chunkText, blocks, -1) };
}

/** Up to this much text goes to remark in one call: one call per chunk costs remark's set-up every time. */
const BATCH_CHARS = 32_000;

/**
 * Parses consecutive chunks, giving remark several at once. The result is the same as parsing each
 * chunk alone: only indentation carries meaning across a blank line, so an indented chunk is
 * parsed alone; and a batch whose parse still has a block reaching across a chunk boundary (an HTML
 * block with blank lines, say) is parsed chunk by chunk instead.
 */
export function parseChunks(text: string, chunks: readonly Chunk[], format: 'markdown' | 'text'): ChunkParse[] {
  const parses: ChunkParse[] = [];
  let batch: Chunk[] = [];
  const flush = () => {
    if (batch.length) parses.push(...parseBatch(text, batch, format));
    batch = [];
  };
  for (const chunk of chunks) {
    const chunkText = text.slice(chunk.start, chunk.end);
    // an indented chunk may continue the list item before it, and what follows an indented code
    // block is read differently: such a chunk is parsed alone, and ends the batch before it
    if (format !== 'markdown' || tooHardForMarkdown(chunkText) || /^[ \t]/.test(chunkText)) {
      flush();
      parses.push(parseChunk(chunkText, format));
      continue;
    }
    if (batch.length && chunk.end - batch[0].start > BATCH_CHARS) flush();
    batch.push(chunk);
  }
  flush();
  return parses;
}

function parseBatch(text: string, batch: readonly Chunk[], format: 'markdown' | 'text'): ChunkParse[] {
  const alone = () => batch.map((chunk) => parseChunk(text.slice(chunk.start, chunk.end), format));
  if (batch.length === 1) return alone();
  const origin = batch[0].start;
  const batchText = text.slice(origin, batch[batch.length - 1].end);
  const perChunk: Block[][] = batch.map(() => []);
  let index = 0;
  for (const block of markdownBlocks(batchText, 0)) {
    while (index < batch.length && block.start + origin >= batch[index].end) index++;
    const chunk = batch[index];
    if (!chunk || block.start + origin < chunk.start || block.end + origin > chunk.end) return alone();
    perChunk[index].push(shiftBlock(block, origin - chunk.start));
  }
  return batch.map((chunk, i) => parseChunk(text.slice(chunk.start, chunk.end), format, perChunk[i]));
}

function shiftBlock(block: Block, by: number): Block {
  const shifted: Block = { kind: block.kind, start: block.start + by, end: block.end + by, lineStarts: block.lineStarts.map((s) => s + by) };
  if (block.depth !== undefined) shifted.depth = block.depth;
  return shifted;
}

/** Parses (or takes from the cache) every chunk, and lays the results out at their real offsets. */
/** Each chunk's parse: from the cache, or parsed now (in batches, runs of chunks the cache lacks). */
function parseMissing(text: string, chunks: readonly Chunk[], format: 'markdown' | 'text', cache: ChunkCache<ChunkParse> | undefined): ChunkParse[] {
  if (!cache) return parseChunks(text, chunks, format);
  const parses: (ChunkParse | undefined)[] = chunks.map((chunk) => cache.lookup(text.slice(chunk.start, chunk.end)));
  let runStart = -1;
  for (let i = 0; i <= chunks.length; i++) {
    if (i < chunks.length && parses[i] === undefined) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      const parsed = parseChunks(text, chunks.slice(runStart, i), format);
      parsed.forEach((parse, k) => {
        parses[runStart + k] = parse;
        cache.store(parse.text, parse);
      });
      runStart = -1;
    }
  }
  return parses as ChunkParse[];
}

function readChunks(text: string, from: number, format: 'markdown' | 'text', cache: ChunkCache<ChunkParse> | undefined) {
  const blocks: Block[] = [];
  const candidates: LineCandidate[] = [];
  const enumerations: EnumerationItem[] = [];
  const chunks: ChunkRef[] = [];
  const all = splitChunks(text, from, format);
  const parses = parseMissing(text, all, format, cache);
  for (const [i, chunk] of all.entries()) {
    const parsed = parses[i];
    const firstBlock = blocks.length;
    const by = chunk.start;
    chunks.push({ start: chunk.start, end: chunk.end, firstBlock, parse: parsed });
    for (const block of parsed.blocks) blocks.push(shiftBlock(block, by));
    for (const c of parsed.candidates) {
      candidates.push({
        ...c,
        blockIndex: c.blockIndex + firstBlock,
        lineStart: c.lineStart + by,
        headingEnd: c.headingEnd + by,
        candidate: { ...c.candidate, start: c.candidate.start + by, end: c.candidate.end + by },
      });
    }
    for (const item of parsed.enumerations) enumerations.push({ ...item, start: item.start + by, end: item.end + by, blockIndex: item.blockIndex + firstBlock });
  }
  cache?.endPass();
  return { blocks, candidates, enumerations, chunks };
}

/** Where the chunks begin: after front matter, else after a BOM. */
export function bodyStartOf(text: string, frontMatter = readFrontMatter(text)): number {
  return frontMatter?.end ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

export function formatOf(fileName: string | undefined): 'markdown' | 'text' {
  return fileName && /\.(md|markdown|mdown|mkd)$/i.test(fileName) ? 'markdown' : 'text';
}

/** Builds the one model every rule, the outline, the symbols and the completion share. */
export function parseSummary(text: string, options: ParseOptions = {}): SummaryDocument {
  const format = options.format ?? formatOf(options.fileName);
  const config = options.config ?? DEFAULT_CONFIG;
  const frontMatter = readFrontMatter(text);
  const bodyStart = bodyStartOf(text, frontMatter);
  const read = readChunks(text, bodyStart, format, options.cache);
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
  const profile = chooseProfile(frontMatter?.data.profile, profileHint, config.profile, config.profiles, config.chosenProfile);

  const doc: SummaryDocument = { text, format, blocks, markers, sections, enumerations, scopeBreaks, profile, chunks };
  if (frontMatter) doc.frontMatter = frontMatter;
  if (title) doc.title = title;
  if (opening) doc.opening = opening;
  const period = periodOf(frontMatter?.data.year ?? frontMatter?.data.period, title?.text);
  if (period) doc.period = period;
  return doc;
}

const SENTENCE_END = /[。；;！!？?]/;

function isTextBlock(block: Block): boolean {
  return block.kind === 'paragraph' || block.kind === 'heading' || block.kind === 'list-item';
}

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

function frontMatterTitle(text: string, frontMatter: ReturnType<typeof readFrontMatter>): Title | undefined {
  const value = frontMatter?.data.title;
  if (!value) return undefined;
  const start = text.indexOf(value, frontMatter.start);
  return start >= 0 && start < frontMatter.end ? { text: value, start, end: start + value.length } : undefined;
}

const INDENT = /^[ \t\u3000\u00a0]*/;

function readMarkerAt(text: string, lineStart: number, isHeading: boolean): MarkerCandidate | undefined {
  const slice = text.slice(lineStart, lineStart + 40);
  let skip = INDENT.exec(slice)?.[0].length ?? 0;
  if (isHeading) skip += /^#{1,6}[ \t]*/.exec(slice.slice(skip))?.[0].length ?? 0;
  skip += /^(>[ \t]?)*/.exec(slice.slice(skip))?.[0].length ?? 0;
  const candidate = readMarker(slice.slice(skip));
  if (!candidate) return undefined;
  return { ...candidate, start: lineStart + skip, end: lineStart + skip + candidate.text.length };
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

function skipSpaces(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /[ \t\u3000]/.test(text[i])) i++;
  return i;
}

/** A run-in heading ends at the first 。；： (or the line end); a `#` heading is the whole line. */
function headingEndOf(text: string, from: number, wholeLine: boolean): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
    if (!wholeLine && /[。；：;:！？]/.test(text[i])) break;
    i++;
  }
  while (i > from && /[ \t\u3000]/.test(text[i - 1])) i--;
  return i;
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

const CN = CHINESE_NUMERAL_CLASS;
// 第一、二批 and 第一、第三产业 are ordinals, not items; `**一是**` is an item in Markdown bold
const ENUMERATION = new RegExp(
  `(^|[。；;：:，,！？!?）)*\\s\\u3000])((${CN}{1,3})(是|要)|第(${CN}{1,3})(?=[，,：:]|、(?!第|${CN}))|(首先|其次|再次|最后)(?=[，,、：:]))`,
  'g',
);
const ORDER_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: -1 };

function findEnumerations(text: string, blocks: Block[], titleIndex: number): EnumerationItem[] {
  const items: EnumerationItem[] = [];
  blocks.forEach((block, blockIndex) => {
    if (blockIndex === titleIndex || !isTextBlock(block)) return;
    const slice = text.slice(block.start, block.end);
    ENUMERATION.lastIndex = 0;
    for (let m = ENUMERATION.exec(slice); m; m = ENUMERATION.exec(slice)) {
      const start = block.start + m.index + m[1].length;
      let kind: EnumerationKind;
      let number: number | undefined;
      if (m[3]) {
        kind = m[4] === '是' ? 'shi' : 'yao';
        number = parseChineseNumeral(m[3]);
        // 统一是 / 唯一是 are words, not items; only a numeral standing alone counts
      } else if (m[5]) {
        kind = 'di';
        number = parseChineseNumeral(m[5]);
      } else {
        kind = 'shouxian';
        number = ORDER_WORDS[m[6]];
      }
      if (number === undefined || number === 0 || number > 30) continue;
      items.push({ kind, number, text: m[2], start, end: start + m[2].length, blockIndex });
    }
  });
  return items;
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
