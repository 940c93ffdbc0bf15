import type { Block, ChunkParse, SummaryDocument } from './types';

/** Which blocks are prose, and where the markers of a chunk's blocks stand: plain functions of the blocks. */

export function isProse(block: Block): boolean {
  return block.kind === 'paragraph' || block.kind === 'heading' || block.kind === 'list-item';
}

/** Blocks whose text is the writer's prose: not code, HTML, tables or front matter. */
export function proseBlocks(doc: SummaryDocument): { block: Block; index: number }[] {
  return doc.blocks.map((block, index) => ({ block, index })).filter(({ block }) => isProse(block));
}

/** The numbering markers at the line starts of each block of one chunk, by block index (chunk offsets). */
export function markersByBlock(parse: ChunkParse): Map<number, { start: number; end: number }[]> {
  const byBlock = new Map<number, { start: number; end: number }[]>();
  for (const c of parse.candidates) {
    const list = byBlock.get(c.blockIndex) ?? [];
    list.push({ start: c.candidate.start, end: c.candidate.end });
    byBlock.set(c.blockIndex, list);
  }
  return byBlock;
}
