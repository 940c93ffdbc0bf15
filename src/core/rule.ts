import type { HouseStyle, SummaryConfig } from './config';
import type { Block, SummaryDocument } from './model';
import type { ChunkParse } from './parse';
import type { Fix, Message, RuleId, Severity } from './types';

/** One example per behaviour; the unit tests run every example, so the docs cannot drift. */
export interface RuleExample {
  description: string;
  format: 'text' | 'markdown';
  text: string;
  /** the exact text each finding of this rule covers, in document order; [] for a clean example */
  flagged: string[];
  /** the whole text after applying every fix of this rule */
  fixed?: string;
}

export interface RuleMeta {
  id: RuleId;
  description: Message;
  defaultSeverity: Severity;
  fixable: boolean;
  tags: string[];
  examples: RuleExample[];
}

export interface RuleContext {
  doc: SummaryDocument;
  config: SummaryConfig;
  houseStyle: HouseStyle;
}

export interface RuleReport {
  start: number;
  end: number;
  message: Message;
  fix?: Fix;
}

/** One prose block on its own, in the coordinates of the chunk it stands in. */
export interface BlockContext {
  /** the chunk's text; every offset here and in the reports is relative to it */
  text: string;
  block: Block;
  format: 'markdown' | 'text';
  /** numbering markers at the starts of the block's lines (ambiguous ones included) */
  markers: { start: number; end: number }[];
}

/**
 * A rule looks at the whole model (`check`), or at one prose block at a time (`checkBlock`): the
 * latter's findings are kept with the chunk's parse, so an edit re-checks only what it touched.
 */
export interface Rule {
  meta: RuleMeta;
  check?(context: RuleContext): RuleReport[];
  checkBlock?(context: BlockContext): RuleReport[];
  /**
   * Fills this rule's per-chunk memo ahead of time, so a first analysis done in slices leaves
   * little for its last, synchronous step.
   */
  prepareChunk?(parse: ChunkParse): void;
}

export function isProse(block: Block): boolean {
  return block.kind === 'paragraph' || block.kind === 'heading' || block.kind === 'list-item';
}

/** Blocks whose text is the writer's prose: not code, HTML, tables or front matter. */
export function proseBlocks(doc: SummaryDocument): { block: Block; index: number }[] {
  return doc.blocks.map((block, index) => ({ block, index })).filter(({ block }) => isProse(block));
}

/**
 * What `find` sees in each chunk on its own (offsets relative to the chunk), remembered on the
 * chunk's cached parse: after an edit only the edited chunk is searched again.
 */
export function perChunk<T extends { start: number; end: number }>(
  doc: SummaryDocument,
  key: string,
  find: (parse: ChunkParse) => T[],
  shift: (item: T, by: number) => T = (item, by) => ({ ...item, start: item.start + by, end: item.end + by }),
): T[] {
  const found: T[] = [];
  for (const chunk of doc.chunks) {
    for (const item of memoized(chunk.parse, key, find)) found.push(chunk.start === 0 ? item : shift(item, chunk.start));
  }
  return found;
}

/** One chunk's memo entry, computed on first use. */
export function memoized<T>(parse: ChunkParse, key: string, find: (parse: ChunkParse) => T[]): T[] {
  const memo = (parse.memo ??= new Map());
  let found = memo.get(key) as T[] | undefined;
  if (!found) {
    found = find(parse);
    memo.set(key, found);
  }
  return found;
}

/** Quote a found text in messages: 「…」 in Chinese, `…` in English. */
export function quoted(text: string): Message {
  return { zh: `“${text}”`, en: `\`${text}\`` };
}

export function message(zh: string, en: string): Message {
  return { zh, en };
}
