import type { Block, SummaryDocument } from './types';

export function isProse(block: Block): boolean {
  return block.kind === 'paragraph' || block.kind === 'heading' || block.kind === 'list-item';
}

/** Blocks whose text is the writer's prose: not code, HTML, tables or front matter. */
export function proseBlocks(doc: SummaryDocument): { block: Block; index: number }[] {
  return doc.blocks.map((block, index) => ({ block, index })).filter(({ block }) => isProse(block));
}
