import type { Block, ChunkParse, ChunkRef, EnumerationItem, EnumerationKind, LineCandidate, Marker, ReadResult } from '../model/types';
export type { ReadResult } from '../model/types';
import { readMarkerAt } from '../text/markers';
import { CHINESE_NUMERAL_CLASS, parseChineseNumeral } from '../text/numerals';
import { blocksWithoutRemark, markdownBlocks, readFrontMatter, textBlocks, tooHardForMarkdown } from './blocks';
import { ChunkCache, splitChunks, type Chunk } from './chunks';
import { statisticsLabelMatch, tableLineKind } from './tables';
import { CRAWLER_LINE_CHARS, runInMarkers } from './run-in-lines';
import { lineStartBefore } from '../text/lines';

export function parseChunk(chunkText: string, format: 'markdown' | 'text', knownBlocks?: Block[]): ChunkParse {
  const blocks = knownBlocks ?? (format === 'markdown' && !tooHardForMarkdown(chunkText) ? blocksWithoutRemark(chunkText) ?? markdownBlocks(chunkText, 0) : textBlocks(chunkText, 0));
  const candidates: LineCandidate[] = [];
  const tableLines: number[] = [];
  blocks.forEach((block, blockIndex) => {
    if (!isTextBlock(block)) return;
    block.lineStarts.forEach((lineStart, lineIndex) => {
      const lineEnd = lineIndex + 1 < block.lineStarts.length ? block.lineStarts[lineIndex + 1] : block.end;
      const line = chunkText.slice(lineStart, lineEnd).replace(/\r?\n$|\r$/, '');
      const tableKind = tableLineKind(line);
      if (tableKind) tableLines.push(lineStart);
      const candidate = readMarkerAt(chunkText, lineStart, block.kind === 'heading' && lineIndex === 0);
      // a crawled document flattened into one line: its markers stand in mid-line
      const runIn = block.kind === 'paragraph' && lineEnd - lineStart >= CRAWLER_LINE_CHARS ? runInMarkers(chunkText, lineStart, lineEnd, candidate) : undefined;
      const runInEntries: LineCandidate[] = [];
      for (const inline of runIn?.markers ?? []) {
        const headingStart = skipSpacesAndEmphasis(chunkText, inline.candidate.end);
        const entry: LineCandidate = {
          blockIndex,
          lineIndex,
          lineStart: inline.candidate.start,
          candidate: inline.candidate,
          at: 'line',
          headingText: chunkText.slice(headingStart, Math.max(headingStart, inline.headingEnd)),
          headingEnd: Math.max(inline.candidate.end, inline.headingEnd),
          indent: 0,
          runIn: true,
        };
        if (inline.table) entry.table = inline.table;
        runInEntries.push(entry);
      }
      if (!candidate) {
        candidates.push(...runInEntries);
        return;
      }
      const at: Marker['at'] = lineIndex > 0 ? 'line' : block.kind === 'heading' ? 'heading' : block.kind === 'list-item' ? 'list-item' : 'paragraph';
      const headingEnd = runIn?.firstHeadingEnd ?? headingEndOf(chunkText, candidate.end, at === 'heading');
      const headingStart = skipSpacesAndEmphasis(chunkText, candidate.end);
      const headingText = chunkText.slice(headingStart, Math.max(headingStart, headingEnd)).replace(/[*_\s#]+$/, '');
      const entry: LineCandidate = {
        blockIndex,
        lineIndex,
        lineStart,
        candidate,
        at,
        headingText,
        headingEnd: Math.max(candidate.end, headingEnd),
        indent: indentWidth(chunkText, lineStartBefore(chunkText, candidate.start), candidate.start),
      };
      if (block.kind === 'heading' && block.depth !== undefined) entry.headingDepth = block.depth;
      // a marker in front of tab-separated cells labels a table row; so does a row label of the
      // statistics tables of a disclosure report, however the copy broke the table
      const rest = chunkText.slice(candidate.end, lineEnd);
      if (tableKind === 'cells' || /^[ \t]*[^\t\n]+\t[ \t]*\S/.test(rest)) entry.table = 'cells';
      else {
        const label = statisticsLabelMatch(candidate.level, candidate.number, headingTextToLineEnd(chunkText, candidate.end, lineEnd));
        if (label) entry.table = label === 'strong' ? 'statistics' : 'statistics-prefix';
      }
      candidates.push(entry, ...runInEntries);
    });
  });
  return { text: chunkText, format, blocks, candidates, tableLines, enumerations: findEnumerations(chunkText, blocks, -1) };
}

/** The visual width of the indentation before a marker: a tab counts 4, a full-width space 2. */
function indentWidth(text: string, lineStart: number, markerStart: number): number {
  let width = 0;
  for (let i = lineStart; i < markerStart; i++) {
    const c = text[i];
    if (c === '\t') width += 4;
    else if (c === '\u3000') width += 2;
    else if (c === ' ' || c === '\u00a0') width += 1;
    else if (c === '>' || c === '#') continue;
    else width += 1; // a list bullet or emphasis mark: it still moves the marker right
  }
  return width;
}

function headingTextToLineEnd(text: string, from: number, lineEnd: number): string {
  return text.slice(from, lineEnd);
}

/** Up to this much text goes to remark in one call: one call per chunk costs remark's set-up every time. */
const BATCH_CHARS = 32_000;

/**
 * Parses chunks, giving remark several at once: the chunks it must read (plain prose needs no
 * remark), with a closing paragraph between each two (CLOSE_CONTAINERS). The result is the same as
 * parsing each chunk alone: across a blank line and a paragraph at the margin nothing carries over
 * (checked on every triple of the block shapes in test/unit/incremental.test.ts), and a batch whose
 * parse still has a block reaching across a chunk boundary (an HTML block with blank lines, an
 * unclosed fence) is parsed chunk by chunk instead.
 */
export function parseChunks(text: string, chunks: readonly Chunk[], format: 'markdown' | 'text'): ChunkParse[] {
  const parses: ChunkParse[] = new Array<ChunkParse>(chunks.length);
  let batch: { index: number; text: string }[] = [];
  let batchChars = 0;
  const flush = () => {
    if (batch.length) parseBatch(batch, format, parses);
    batch = [];
    batchChars = 0;
  };
  chunks.forEach((chunk, index) => {
    const chunkText = text.slice(chunk.start, chunk.end);
    // remark drops a U+FEFF only at the start of its text: such a chunk is parsed alone; plain
    // prose needs no remark at all
    const tooHard = format !== 'markdown' || tooHardForMarkdown(chunkText);
    const plain = tooHard ? undefined : blocksWithoutRemark(chunkText);
    if (tooHard || plain || chunkText.charCodeAt(0) === 0xfeff) {
      parses[index] = parseChunk(chunkText, format, plain);
      return;
    }
    if (batch.length && batchChars + chunkText.length > BATCH_CHARS) flush();
    batch.push({ index, text: chunkText });
    batchChars += chunkText.length;
  });
  flush();
  return parses;
}

/**
 * Put between two chunks of a batch: a paragraph at the margin, then a blank line. It ends every list
 * and quote, so an indented chunk continues none of them, and it keeps an indented code block from
 * changing what follows (micromark reads `2. b` after one as a paragraph, but alone as a list item).
 */
const CLOSE_CONTAINERS = 'x\n\n';

function parseBatch(batch: readonly { index: number; text: string }[], format: 'markdown' | 'text', out: ChunkParse[]): void {
  const alone = () => batch.forEach((chunk) => (out[chunk.index] = parseChunk(chunk.text, format)));
  if (batch.length === 1) return alone();
  const starts: number[] = [];
  let joined = '';
  for (const chunk of batch) {
    if (joined) joined += CLOSE_CONTAINERS;
    starts.push(joined.length);
    // the chunk ends with its own line break (but the text's last chunk may not): one more makes the blank line
    const last = chunk.text[chunk.text.length - 1];
    joined += chunk.text + (last === '\n' ? '\n' : last === '\r' ? '\r' : '\n\n');
  }
  const perChunk: Block[][] = batch.map(() => []);
  let k = 0;
  for (const block of markdownBlocks(joined, 0)) {
    while (k + 1 < batch.length && block.start >= starts[k + 1]) k++;
    const chunkEnd = starts[k] + batch[k].text.length;
    if (block.start >= chunkEnd && block.end <= (starts[k + 1] ?? joined.length)) continue; // the closing paragraph itself
    if (block.start < starts[k] || block.end > chunkEnd) return alone();
    perChunk[k].push(shiftBlock(block, -starts[k]));
  }
  batch.forEach((chunk, i) => (out[chunk.index] = parseChunk(chunk.text, format, perChunk[i])));
}

function shiftBlock(block: Block, by: number): Block {
  const shifted: Block = { kind: block.kind, start: block.start + by, end: block.end + by, lineStarts: block.lineStarts.map((s) => s + by) };
  if (block.depth !== undefined) shifted.depth = block.depth;
  return shifted;
}

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

export function readChunks(text: string, from: number, format: 'markdown' | 'text', cache: ChunkCache<ChunkParse> | undefined): ReadResult {
  const blocks: Block[] = [];
  const candidates: LineCandidate[] = [];
  const enumerations: EnumerationItem[] = [];
  const chunks: ChunkRef[] = [];
  const tableLines: number[] = [];
  const all = splitChunks(text, from, format);
  const parses = parseMissing(text, all, format, cache);
  for (const [i, chunk] of all.entries()) {
    const parsed = parses[i];
    const firstBlock = blocks.length;
    const by = chunk.start;
    chunks.push({ start: chunk.start, end: chunk.end, firstBlock, parse: parsed });
    for (const block of parsed.blocks) blocks.push(shiftBlock(block, by));
    for (const start of parsed.tableLines) tableLines.push(start + by);
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
  return { blocks, candidates, enumerations, chunks, tableLines };
}

/** Where the chunks begin: after front matter, else after a BOM. */
export function bodyStartOf(text: string, frontMatter = readFrontMatter(text)): number {
  return frontMatter?.end ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

export function formatOf(fileName: string | undefined): 'markdown' | 'text' {
  return fileName && /\.(md|markdown|mdown|mkd)$/i.test(fileName) ? 'markdown' : 'text';
}

function isTextBlock(block: Block): boolean {
  return block.kind === 'paragraph' || block.kind === 'heading' || block.kind === 'list-item';
}


/** Past the spaces after a marker, and the closing emphasis of `**一、**加强`. */
function skipSpacesAndEmphasis(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && SPACE_OR_EMPHASIS.has(text.charCodeAt(i))) i++;
  return i;
}

// character sets as code units: these loops run over every marker line's heading
const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const SPACE_OR_EMPHASIS = codes(' \t\u3000*_');
const RUN_IN_END = codes('。；：;:！？');
const SPACE = codes(' \t\u3000');

/** A run-in heading ends at the first 。；： (or the line end); a `#` heading is the whole line. */
function headingEndOf(text: string, from: number, wholeLine: boolean): number {
  let i = from;
  for (let c = text.charCodeAt(i); i < text.length && c !== 10 && c !== 13; c = text.charCodeAt(++i)) {
    if (!wholeLine && RUN_IN_END.has(c)) break;
  }
  while (i > from && SPACE.has(text.charCodeAt(i - 1))) i--;
  return i;
}


const CN = CHINESE_NUMERAL_CLASS;
// 第一、二批 and 第一、第三产业 are ordinals, not items; `**一是**` is an item in Markdown bold
const ENUMERATION = new RegExp(
  `(^|[。；;：:，,！？!?）)*\\s\\u3000])((${CN}{1,3})(是|要)|第(${CN}{1,3})(?=[，,：:]|、(?!第|${CN}))|(首先|其次|再次|最后)(?=[，,、：:]))`,
  'g',
);
const ORDER_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: -1 };
/**
 * A first item glued to a run-in heading with no punctuation between (crawled text loses the line
 * break): `（二）全面深化国资监管一是加强…`. Only the first item needs this; later ones follow a 。 or ；.
 */
const GLUED_FIRST = new RegExp(`[（(]${CN}{1,3}[）)][^（）()。；;：:，,！？!?\\s]{2,30}?(一是|一要)`, 'g');

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
    const found = new Set(items.map((i) => i.start));
    let glued = false;
    GLUED_FIRST.lastIndex = 0;
    for (let m = GLUED_FIRST.exec(slice); m; m = GLUED_FIRST.exec(slice)) {
      const start = block.start + m.index + m[0].length - m[1].length;
      if (found.has(start)) continue;
      items.push({ kind: m[1] === '一是' ? 'shi' : 'yao', number: 1, text: m[1], start, end: start + m[1].length, blockIndex });
      glued = true;
    }
    if (glued) items.sort((a, b) => a.start - b.start);
  });
  return items;
}

