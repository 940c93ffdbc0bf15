import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Block, BlockKind } from './model';
import { lineStartBefore, nextLineBreak } from './text';

type MdNode = {
  type: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
};

const markdownParser = unified().use(remarkParse);

/** The offsets where each line starts within [start, end). */
export function lineStartsWithin(text: string, start: number, end: number): number[] {
  const starts = [start];
  for (let lineBreak = nextLineBreak(text, start); lineBreak.next !== -1 && lineBreak.next < end; lineBreak = nextLineBreak(text, lineBreak.next)) {
    starts.push(lineBreak.next);
  }
  return starts;
}

/** `---` front matter at the very start: simple `key: value` lines, as the profile choice needs. */
export function readFrontMatter(text: string): { start: number; end: number; data: Record<string, string> } | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom) || !/^---[ \t]*\r?\n/.test(text.slice(bom, bom + 6))) return undefined;
  const close = /\r?\n---[ \t]*(\r?\n|$)/g;
  close.lastIndex = bom + 3;
  const match = close.exec(text);
  if (!match) return undefined;
  const data: Record<string, string> = {};
  for (const line of text.slice(bom + 3, match.index).split(/\r?\n/)) {
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

/** Markdown: remark-parse's block structure, with indented "code" taken for prose (it is, in a summary). */
export function markdownBlocks(text: string, from: number): Block[] {
  const source = text.slice(from);
  const tree = markdownParser.parse(source) as MdNode;
  const blocks: Block[] = [];
  for (const node of tree.children ?? []) collect(node, text, from, blocks);
  return blocks;
}

function collect(node: MdNode, text: string, shift: number, out: Block[]): void {
  const start = (node.position?.start.offset ?? 0) + shift;
  const end = (node.position?.end.offset ?? 0) + shift;
  const push = (kind: BlockKind, blockEnd = end, depth?: number) => {
    const block: Block = { kind, start, end: blockEnd, lineStarts: lineStartsWithin(text, start, blockEnd) };
    if (depth !== undefined) block.depth = depth;
    out.push(block);
  };
  switch (node.type) {
    case 'heading':
      push('heading', end, node.depth);
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
    case 'list':
      for (const item of node.children ?? []) collectListItem(item, text, shift, out);
      return;
    case 'blockquote':
      for (const child of node.children ?? []) collect(child, text, shift, out);
      return;
    default:
      push('other');
  }
}

function collectListItem(item: MdNode, text: string, shift: number, out: Block[]): void {
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
  children.forEach((child, index) => {
    if (child.type === 'list') collect(child, text, shift, out);
    else if (firstNested >= 0 && index > firstNested) collect(child, text, shift, out);
  });
}

function lineStartOf(text: string, offset: number): number {
  return lineStartBefore(text, offset);
}
