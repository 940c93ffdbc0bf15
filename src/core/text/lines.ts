/** Converts between UTF-16 offsets and 0-based line/character positions (VS Code's convention). */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[line] + Math.max(0, character), this.lineEnd(line));
  }

  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/**
 * The next line break at or after `from`: \r\n, \n or a bare \r (as VS Code and CommonMark count
 * them). `end` is where the line's content ends, `next` where the next line starts; -1 if none.
 */
export function nextLineBreak(text: string, from: number): { end: number; next: number } {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return { end: i, next: i + 1 };
    if (c === 13) return { end: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return { end: -1, next: -1 };
}

/** The start of the line that holds `offset`, with \r\n, \n and bare \r as line breaks. */
export function lineStartBefore(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

/**
 * The text as the reader and the rules read it: every bare CR (old Mac files, some PDF and web
 * copies) read as LF, so that no line split anywhere can miss one. Same length, same offsets: a
 * finding's range or a fix's edit is valid in the original text too.
 */
export function readingView(text: string): string {
  return /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** One line of a text: where it starts, where its content ends (before the break), where the next begins. */
export interface LineRange {
  start: number;
  end: number;
  /** start of the next line (after the line break), or the text's length */
  next: number;
}

/**
 * The lines of a text, with \r\n, \n and a bare \r as line breaks. A text that ends in a line break
 * has no empty line after it; an empty text is one empty line.
 */
export function lineRanges(text: string): LineRange[] {
  const lines: LineRange[] = [];
  // most texts have no CR at all: then indexOf finds each break much faster than a scan by character
  const withCr = text.includes('\r');
  let start = 0;
  for (;;) {
    let end: number;
    let next: number;
    if (withCr) ({ end, next } = nextLineBreak(text, start));
    else next = (end = text.indexOf('\n', start)) + 1;
    if (end === -1) {
      if (start < text.length || lines.length === 0) lines.push({ start, end: text.length, next: text.length });
      return lines;
    }
    lines.push({ start, end, next });
    start = next;
    if (start >= text.length) return lines;
  }
}

/**
 * The text cut at every line break (\r\n, \n or a bare \r), as `split` would: n breaks give n + 1
 * pieces, so a final line break leaves an empty last piece (and `join` of the pieces with one
 * break gives the text back, its breaks made uniform).
 */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
