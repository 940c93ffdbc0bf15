import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Block, BlockKind } from '../model/types';
import { lineRanges, lineStartBefore, nextLineBreak, splitLines } from '../text/lines';

type MdNode = {
  type: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
};

/**
 * micromark's inline constructs (emphasis, links, code spans, HTML in text, escapes, references).
 * The model reads only the block structure, which CommonMark settles before any inline syntax, so
 * remark is told to skip them: links and emphasis were most of its work on English reports.
 */
export const INLINE_CONSTRUCTS = ['attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink'];

const markdownParser = unified().use(remarkParse).data('micromarkExtensions', [{ disable: { null: INLINE_CONSTRUCTS } }]);

/** The offsets where each line starts within [start, end). */
export function lineStartsWithin(text: string, start: number, end: number): number[] {
  const starts = [start];
  for (let lineBreak = nextLineBreak(text, start); lineBreak.next !== -1 && lineBreak.next < end; lineBreak = nextLineBreak(text, lineBreak.next)) {
    starts.push(lineBreak.next);
  }
  return starts;
}

/**
 * `---` front matter at the very start: simple `key: value` lines, as the profile choice needs. It
 * ends at a `---` line, or at the first section line of a kramdown-rfc source (`--- abstract`,
 * `--- middle`), which is how an Internet-Draft's YAML header ends.
 */
export function readFrontMatter(text: string): { start: number; end: number; data: Record<string, string> } | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom) || !/^---[ \t]*\r?\n/.test(text.slice(bom, bom + 6))) return undefined;
  const close = /\r?\n---(?:[ \t]+(?:abstract|middle|note_[\w-]+))?[ \t]*(\r?\n|$)/g;
  close.lastIndex = bom + 3;
  const match = close.exec(text);
  if (!match) return undefined;
  const data: Record<string, string> = {};
  for (const line of splitLines(text.slice(bom + 3, match.index))) {
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (pair) data[pair[1]] = pair[2].replace(/^["']|["']$/g, '');
  }
  return { start: 0, end: match.index + match[0].length, data };
}

/**
 * Plain text: blank-line separated paragraphs. Every line still gets its own line start, since
 * pasted text often carries single newlines between paragraphs.
 */
export function textBlocks(text: string, from: number): Block[] {
  const blocks: Block[] = [];
  let blockStart = -1;
  let lineStarts: number[] = [];
  let position = from;
  const close = (end: number) => {
    if (blockStart >= 0) blocks.push({ kind: 'paragraph', start: blockStart, end, lineStarts });
    blockStart = -1;
    lineStarts = [];
  };
  while (position <= text.length) {
    const lineBreak = nextLineBreak(text, position);
    const contentEnd = lineBreak.end === -1 ? text.length : lineBreak.end;
    const blank = /^[\s\u3000]*$/.test(text.slice(position, contentEnd));
    if (blank) close(lastContentEnd(text, position));
    else {
      if (blockStart < 0) blockStart = position;
      lineStarts.push(position);
    }
    if (lineBreak.next === -1) {
      if (!blank) close(contentEnd);
      break;
    }
    position = lineBreak.next;
  }
  close(text.length);
  return blocks;
}

function lastContentEnd(text: string, lineStart: number): number {
  let end = lineStart;
  while (end > 0 && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

/**
 * Text that would take remark a long time and that no summary contains: a very long chunk, markup
 * nested many levels deep, or thousands of emphasis and link marks (micromark is quadratic on those).
 * Such a chunk is read by the plain-text reader, which is linear.
 */
export function tooHardForMarkdown(chunk: string): boolean {
  if (chunk.length > 20_000) return true;
  let emphasisAndLinks = 0;
  let containerMarks = 0;
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i);
    if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96) emphasisAndLinks++; // * _ [ ] `
    if (c === 62 || c === 42 || c === 43 || c === 45 || (c >= 48 && c <= 57)) containerMarks++; // > * + - digits
  }
  if (emphasisAndLinks > 2_000) return true;
  // only a chunk with enough container marks at all is searched line by line for deep nesting
  return containerMarks >= 8 && /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))[ \t]*(?:(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]*){7,}/m.test(chunk);
}

/**
 * A line (after its indentation) that could open a block other than a paragraph, or that remark
 * would read differently: a BOM, and every character that begins a heading, quote, list item,
 * thematic break, setext underline, fence, HTML block or link definition.
 */
const OPENS_OTHER_BLOCK = /(?:^|[\r\n])[ \t]*(?:[\ufeff#>*+\-=_`~<[]|\d{1,9}[.)](?:[ \t\r\n]|$))/;
/** A line indented as indented code: four columns or a tab. */
const CODE_INDENT = /^(?: {4}| {0,3}\t)/;

/** A `#` heading's line: up to three spaces, one to six #, then a space or the line's end. */
const HEADING_LINE = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
/** A list item's line at the margin: its mark, one to four spaces, then text that opens no block of its own. */
const LIST_ITEM_LINE = /^(?:[-+*]|\d{1,9}[.)]) {1,4}(?![\s\ufeff#>*+\-=_`~<[]|\d{1,9}[.)](?:[ \t]|$))\S/;

/**
 * The blocks remark gives the simplest chunks, without remark (undefined for any other chunk):
 * - prose, no line of which could open anything but a paragraph: the whole chunk as one paragraph,
 *   from its first character after up to three spaces of indentation to the end of the last line,
 *   trailing spaces included (later lines continue it however indented); when every line is
 *   indented as code, the paragraph the reader takes that code for;
 * - a `#` heading line: a heading of that depth, the whole line, then what follows it, as alone;
 * - lines each a list item at the margin with a line of text: a list item each, the whole line.
 * Most chunks of a summary are such, and remark's pass over them is work the model never reads.
 */
export function blocksWithoutRemark(chunk: string): Block[] | undefined {
  const end = lastContentEnd(chunk, chunk.length);
  const heading = HEADING_LINE.exec(chunk);
  if (heading) {
    const start = chunk.indexOf('#');
    const lineBreak = nextLineBreak(chunk, 0);
    if (lineBreak.end === -1 || lineBreak.next >= end) return [{ kind: 'heading', start, end, lineStarts: [start], depth: heading[1]!.length }];
    // after a heading line nothing is left open: what follows reads as it would alone
    const rest = blocksWithoutRemark(chunk.slice(lineBreak.next));
    if (!rest) return undefined;
    const shifted = rest.map((block) => ({ ...block, start: block.start + lineBreak.next, end: block.end + lineBreak.next, lineStarts: block.lineStarts.map((s) => s + lineBreak.next) }));
    return [{ kind: 'heading', start, end: lineBreak.end, lineStarts: [start], depth: heading[1]!.length }, ...shifted];
  }
  if (LIST_ITEM_LINE.test(chunk)) {
    const lines = lineRanges(chunk.slice(0, end));
    if (!lines.every((line) => LIST_ITEM_LINE.test(chunk.slice(line.start, line.end)))) return undefined;
    return lines.map((line) => ({ kind: 'list-item', start: line.start, end: line.end, lineStarts: [line.start] }));
  }
  if (OPENS_OTHER_BLOCK.test(chunk)) return undefined;
  let indent = 0;
  while (chunk.charCodeAt(indent) === 32) indent++;
  if (indent >= end) return undefined;
  if (indent <= 3 && chunk.charCodeAt(indent) !== 9) return [{ kind: 'paragraph', start: indent, end, lineStarts: lineStartsWithin(chunk, indent, end) }];
  const lines = splitLines(chunk.slice(0, end));
  return lines.every((line) => CODE_INDENT.test(line)) ? textBlocks(chunk.slice(0, end), 0) : undefined;
}

/** Markdown: remark-parse's block structure, with indented "code" taken for prose (it is, in a summary). */
export function markdownBlocks(text: string, from: number): Block[] {
  // remark drops a leading U+FEFF and counts its offsets after it: a file's BOM, or a stray one that
  // copy-paste left at a paragraph start (each chunk is a document to remark), must not shift them
  const start = text.charCodeAt(from) === 0xfeff ? from + 1 : from;
  const tree = markdownParser.parse(text.slice(start)) as MdNode;
  const blocks: Block[] = [];
  collectAll(tree.children ?? [], text, start, blocks);
  // micromark ends an unclosed fence in a list item after the next item's marker (`1. ~~~a` then `1. b`):
  // a block ends where the next one begins, or two sections would share one marker
  for (let i = 0; i + 1 < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1]!.start;
    if (block.end > next) {
      block.end = Math.max(block.start, lastContentEnd(text, lineStartBefore(text, next)));
      block.lineStarts = lineStartsWithin(text, block.start, Math.max(block.start + 1, block.end));
    }
  }
  return blocks;
}

/**
 * Walks remark's tree in document order with a stack of its own: a quote or list nested thousands
 * deep must not exhaust the call stack.
 */
function collectAll(roots: MdNode[], text: string, shift: number, out: Block[]): void {
  const pending: { node: MdNode; listItem: boolean }[] = roots.map((node) => ({ node, listItem: false })).reverse();
  while (pending.length) {
    const { node, listItem } = pending.pop()!;
    const children = node.children ?? [];
    if (listItem) {
      pending.push(...listItemBlock(node, text, shift, out).map((child) => ({ node: child, listItem: false })).reverse());
    } else if (node.type === 'list') {
      pending.push(...children.map((child) => ({ node: child, listItem: true })).reverse());
    } else if (node.type === 'blockquote') {
      pending.push(...children.map((child) => ({ node: child, listItem: false })).reverse());
    } else {
      collectLeaf(node, text, shift, out);
    }
  }
}

function collectLeaf(node: MdNode, text: string, shift: number, out: Block[]): void {
  const start = (node.position?.start.offset ?? 0) + shift;
  const end = (node.position?.end.offset ?? 0) + shift;
  const push = (kind: BlockKind, depth?: number) => {
    const block: Block = { kind, start, end, lineStarts: lineStartsWithin(text, start, end) };
    if (depth !== undefined) block.depth = depth;
    out.push(block);
  };
  switch (node.type) {
    case 'heading':
      push('heading', node.depth);
      return;
    case 'paragraph':
      push('paragraph');
      return;
    case 'code': {
      const fenced = /^[ \t]{0,3}(```|~~~)/.test(text.slice(start, start + 8));
      if (fenced) push('code');
      // an indented "code block" runs on across blank lines: read it as the paragraphs it is
      else out.push(...textBlocks(text.slice(0, end), lineStartOf(text, start)));
      return;
    }
    case 'html':
      push('html');
      return;
    case 'table':
      push('table');
      return;
    default:
      push('other');
  }
}

/** Pushes the item's own block (up to its first nested list) and returns the children still to walk. */
function listItemBlock(item: MdNode, text: string, shift: number, out: Block[]): MdNode[] {
  const start = (item.position?.start.offset ?? 0) + shift;
  const children = item.children ?? [];
  const firstNested = children.findIndex((c) => c.type === 'list');
  const ownEnd =
    firstNested > 0
      ? (children[firstNested - 1].position?.end.offset ?? 0) + shift
      : firstNested === 0
        ? start
        : (item.position?.end.offset ?? 0) + shift;
  out.push({ kind: 'list-item', start, end: Math.max(start, ownEnd), lineStarts: lineStartsWithin(text, start, Math.max(start + 1, ownEnd)) });
  return firstNested < 0 ? [] : children.slice(firstNested);
}

function lineStartOf(text: string, offset: number): number {
  return lineStartBefore(text, offset);
}
