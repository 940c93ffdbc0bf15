import { readMarkerAt } from '../text/markers';
import type { Block, FrontMatter, Title } from './types';

const SENTENCE_END = /[。；;！!？?]/;

function lineText(text: string, block: Block, lineIndex: number): string {
  const start = block.lineStarts[lineIndex];
  const next = lineIndex + 1 < block.lineStarts.length ? block.lineStarts[lineIndex + 1] : block.end;
  return text.slice(start, Math.min(next, block.end)).replace(/\r?\n$/, '');
}

/** The title: a level-one `#` heading first in the document, or a short first line with no marker. */
export function findTitleBlock(text: string, blocks: Block[]): number {
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

export function titleOf(text: string, block: Block): Title {
  const raw = lineText(text, block, 0);
  // `#工作总结报告` (no space) is not a heading to CommonMark, but it is meant as the title
  const leading = /^[\s\u3000]*(#{1,6}[ \t]*)?/.exec(raw)?.[0].length ?? 0;
  const trailing = /[\s\u3000#：:]*$/.exec(raw)?.[0].length ?? 0;
  const start = block.start + leading;
  const end = Math.max(start, block.start + raw.length - trailing);
  return { text: text.slice(start, end), start, end };
}

export function frontMatterTitle(text: string, frontMatter: FrontMatter | undefined): Title | undefined {
  const value = frontMatter?.data.title;
  if (!value) return undefined;
  const start = text.indexOf(value, frontMatter.start);
  return start >= 0 && start < frontMatter.end ? { text: value, start, end: start + value.length } : undefined;
}
