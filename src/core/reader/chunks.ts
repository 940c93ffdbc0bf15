import { nextLineBreak } from '../text/lines';

/**
 * A document is read in chunks: runs of lines between blank lines (outside fenced code and HTML
 * comments, which may hold blank lines). A chunk's parse depends on its text alone, so an edit
 * re-parses only the chunks it touched and the rest comes from the cache.
 */
export interface Chunk {
  start: number;
  end: number;
}

const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

export function splitChunks(text: string, from: number, format: 'markdown' | 'text'): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = -1;
  let lastContentEnd = from;
  let fence: string | undefined;
  let inComment = false;
  let position = from;
  while (position < text.length) {
    const lineBreak = nextLineBreak(text, position);
    const lineEnd = lineBreak.end === -1 ? text.length : lineBreak.end;
    const next = lineBreak.next === -1 ? text.length : lineBreak.next;
    const line = text.slice(position, lineEnd);
    const blank = !fence && !inComment && /^[\s\u3000]*$/.test(line);
    if (blank) {
      if (chunkStart >= 0) chunks.push({ start: chunkStart, end: lastContentEnd });
      chunkStart = -1;
    } else {
      if (chunkStart < 0) chunkStart = position;
      lastContentEnd = next;
      if (format === 'markdown') {
        const fenceMatch = FENCE.exec(line);
        if (fence) {
          if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && /^[ \t]*$/.test(line.slice(fenceMatch[0].length))) fence = undefined;
        } else if (fenceMatch) fence = fenceMatch[1];
        else if (inComment) inComment = !line.includes('-->');
        else {
          const open = line.lastIndexOf('<!--');
          if (open >= 0 && !line.includes('-->', open + 4)) inComment = true;
        }
      }
    }
    position = next;
  }
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}

/**
 * Keeps the parses of the chunks of the latest version (and of the version before, so an undo is
 * free too). Keyed by chunk text alone: equal text always parses the same.
 *
 * With `keepChars`, one cache serves many texts (the CLI's files): a pass drops nothing until the
 * kept chunks hold that many characters, so a paragraph that recurs across a folder (the template
 * parts of thirty units' reports) is read once; then what the latest passes did not use goes.
 */
export class ChunkCache<T> {
  private current = new Map<string, T>();
  private previous = new Map<string, T>();
  private currentChars = 0;
  private previousChars = 0;

  constructor(private readonly options: { keepChars?: number } = {}) {}

  /** The value kept for `key` (kept on for this pass too), or undefined. */
  lookup(key: string): T | undefined {
    let value = this.current.get(key);
    if (value === undefined) {
      value = this.previous.get(key);
      if (value !== undefined) this.keep(key, value);
    }
    return value;
  }

  store(key: string, value: T): void {
    this.keep(key, value);
  }

  /** Called after each full pass: what that pass did not use is dropped on the next one (with `keepChars`: once that many are kept). */
  endPass(): void {
    if (this.currentChars + this.previousChars <= (this.options.keepChars ?? 0)) return;
    this.previous = this.current;
    this.previousChars = this.currentChars;
    this.current = new Map();
    this.currentChars = 0;
  }

  private keep(key: string, value: T): void {
    if (!this.current.has(key)) this.currentChars += key.length;
    this.current.set(key, value);
  }
}
