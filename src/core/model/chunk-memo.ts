import type { ChunkParse, SummaryDocument } from './types';

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
export function memoized<T>(parse: ChunkParse, key: string, find: (parse: ChunkParse) => T): T {
  const memo = (parse.memo ??= new Map());
  let found = memo.get(key) as T | undefined;
  if (found === undefined) {
    found = find(parse);
    memo.set(key, found);
  }
  return found;
}
