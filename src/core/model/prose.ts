import type { Block, SummaryDocument } from './types';

/** The part of the model a block rule reads: the text (of a chunk) and its format. */
export type SourceText = Pick<SummaryDocument, 'text' | 'format'>;

const MASK = '\u0000';

/** A line the crawler of note P writes (ASCII colon and space, as its header has them). */
const CRAWLER_LINE = /^(?:(?:标题|发布时间|文号|发布机构|栏目|原文链接|本地目录):(?: .*)?|页面链接与图片详见 links\.tsv.*|={3,} ?正文 ?={3,})$/gm;
const CRAWLER_LINE_START = /^(?:标题|发布时间|文号|发布机构|栏目|原文链接|本地目录|页面链接|={3})/m;

/**
 * The block's text with everything that is not the writer's prose blanked out (same length, so
 * offsets stay valid): URLs, e-mail addresses and, in Markdown, inline code, link destinations,
 * autolinks and inline HTML tags.
 */
export function maskedBlockText(doc: SourceText, block: Block): string {
  // five block checks read it: mask each block once (a block object stands in one text, its chunk's or the document's)
  const known = maskedByBlock.get(block);
  if (known && known.source === doc.text && known.format === doc.format) return known.masked;
  const masked = maskBlockText(doc, block);
  maskedByBlock.set(block, { source: doc.text, format: doc.format, masked });
  return masked;
}

const maskedByBlock = new WeakMap<Block, { source: string; format: SourceText['format']; masked: string }>();

function maskBlockText(doc: SourceText, block: Block): string {
  let text = doc.text.slice(block.start, block.end);
  // a crawler's header above the text (only a block at the text start can hold it) …
  const header = block.start === 0 ? Math.min(crawlerHeaderLength(doc.text), text.length) : 0;
  if (header) text = MASK.repeat(header) + text.slice(header);
  // … or its lines one by one, as a Word copy gives them (a paragraph each): the crawler's own `字段: ` form
  if (CRAWLER_LINE_START.test(text)) text = text.replace(CRAWLER_LINE, (m) => MASK.repeat(m.length));
  const blank = (re: RegExp) => {
    text = text.replace(re, (m) => MASK.repeat(m.length));
  };
  if (doc.format === 'markdown') {
    text = maskCodeSpans(text);
    // bounded: an unclosed `](` must not make every later position rescan the rest of the line
    if (text.includes('](')) blank(/\](?=\()\([^)\s]{0,300}(?:\s+"[^"]{0,200}")?\)/g);
    if (text.includes('<')) blank(/<(?:https?:|mailto:|\/?[A-Za-z][\w-]*(?:\s[^<>]*)?>)[^<>\s]*>?/g);
  }
  // each scan only where its anchor character is: on long prose the e-mail pattern alone cost more than
  // any rule, trying a run of word characters at every position
  if (text.includes('://')) blank(/\b(?:https?|ftp):\/\/[^\s<>"'“”‘’（）()，。；：！？、《》【】]+/g);
  if (text.includes('www.')) blank(/\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[^\s<>"'“”‘’（）()，。；：！？、《》【】]*)?/g);
  if (text.includes('@')) blank(/[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g);
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

/**
 * The header a web crawler writes above the page text (标题: / 发布时间: / 原文链接: / 本地目录: … and a
 * `===== 正文 =====` rule): its length from the text start, through the rule line's break; 0 when the
 * text does not start with one. Its lines are not the writer's prose.
 */
export function crawlerHeaderLength(text: string): number {
  if (!/^\uFEFF?标题[:：]/.test(text)) return 0;
  const head = text.slice(0, 3000);
  const rule = /^={3,}[ \t]*正文[ \t]*={3,}[ \t]*$/m.exec(head);
  if (!rule) return 0;
  const fields = head.slice(0, rule.index).match(/^(?:标题|发布时间|发布日期|文号|发布机构|来源|栏目|原文链接|本地目录|索引号|作者)[:：]/gm)?.length ?? 0;
  if (fields < 4) return 0;
  const end = rule.index + rule[0].length;
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return text[end] === '\n' || text[end] === '\r' ? end + 1 : end;
}
