import type { Block, SummaryDocument } from './types';

/** The part of the model a block rule reads: the text (of a chunk) and its format. */
export type SourceText = Pick<SummaryDocument, 'text' | 'format'>;

const MASK = '\u0000';

/**
 * The block's text with everything that is not the writer's prose blanked out (same length, so
 * offsets stay valid): URLs, e-mail addresses and, in Markdown, inline code, link destinations,
 * autolinks and inline HTML tags.
 */
export function maskedBlockText(doc: SourceText, block: Block): string {
  let text = doc.text.slice(block.start, block.end);
  const blank = (re: RegExp) => {
    text = text.replace(re, (m) => MASK.repeat(m.length));
  };
  if (doc.format === 'markdown') {
    text = maskCodeSpans(text);
    // bounded: an unclosed `](` must not make every later position rescan the rest of the line
    blank(/\](?=\()\([^)\s]{0,300}(?:\s+"[^"]{0,200}")?\)/g);
    blank(/<(?:https?:|mailto:|\/?[A-Za-z][\w-]*(?:\s[^<>]*)?>)[^<>\s]*>?/g);
  }
  blank(/\b(?:https?|ftp):\/\/[^\s<>"'“”‘’（）()，。；：！？、《》【】]+/g);
  blank(/\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[^\s<>"'“”‘’（）()，。；：！？、《》【】]*)?/g);
  blank(/[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g);
  return text;
}


/**
 * Blanks out inline code spans as CommonMark finds them: a run of backticks closed by the next run
 * of the same length. Linear: a regular expression with a back-reference here was catastrophic on
 * long runs of backticks.
 */
function maskCodeSpans(text: string): string {
  if (!text.includes('`')) return text;
  const runs: { start: number; length: number }[] = [];
  for (let i = 0; i < text.length; ) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] === '`') j++;
    runs.push({ start: i, length: j - i });
    i = j;
  }
  // for each length, the runs of that length in order: an opener pairs with the next one
  const nextOfLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    const list = nextOfLength.get(run.length) ?? [];
    list.push(index);
    nextOfLength.set(run.length, list);
  });
  const pointer = new Map<number, number>();
  const spans: [number, number][] = [];
  let index = 0;
  while (index < runs.length) {
    const run = runs[index];
    const list = nextOfLength.get(run.length)!;
    let p = pointer.get(run.length) ?? 0;
    while (p < list.length && list[p] <= index) p++;
    pointer.set(run.length, p);
    if (p >= list.length) {
      index++;
      continue;
    }
    const closer = runs[list[p]];
    spans.push([run.start, closer.start + closer.length]);
    index = list[p] + 1;
  }
  if (!spans.length) return text;
  const parts: string[] = [];
  let cursor = 0;
  for (const [start, end] of spans) {
    parts.push(text.slice(cursor, start), MASK.repeat(end - start));
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
