import type { Block, SummaryDocument } from './model';

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
    blank(/(`+)(?:(?!\1)[\s\S])+?\1(?!`)/g);
    // bounded: an unclosed `](` must not make every later position rescan the rest of the line
    blank(/\](?=\()\([^)\s]{0,300}(?:\s+"[^"]{0,200}")?\)/g);
    blank(/<(?:https?:|mailto:|\/?[A-Za-z][\w-]*(?:\s[^<>]*)?>)[^<>\s]*>?/g);
  }
  blank(/\b(?:https?|ftp):\/\/[^\s<>"'“”‘’（）()，。；：！？、《》【】]+/g);
  blank(/\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[^\s<>"'“”‘’（）()，。；：！？、《》【】]*)?/g);
  blank(/[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g);
  return text;
}

