import { nextLineBreak } from '../text/lines';
import { readMarkerAt } from '../text/markers';
import type { Block, FrontMatter, Range, Title } from './types';

const SENTENCE_END = /[。；;！!？?]/;
/** Invisible characters that scrapes leave on lines of their own (ZWSP, BOM, word joiner). */
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff]/g;
/** The word that names the kind of document, at the end of a title (before a bracketed note). */
const KIND_AT_END = /(总结|报告|汇报|述职|计划|要点|方案|规划|打算|思路|安排|材料|讲话|发言|纪要|Report|Summary|Review)(?:[（(][^）)]{1,10}[）)])?[：:]?$/i;
/** Lines above the title that are not the document's: a scrape's "正文" label, a breadcrumb, a file name. */
const JUNK_LINE = [
  /^正文$/,
  /^(当前位置|您的位置|你的位置|您现在的位置)\s*[:：]/,
  /^首页\s*[>»/＞|]/,
  /\.(docx?|pdf|wps|txt|xlsx?|rtf)$/i,
];
/** The crawler header of a saved page: `标题: …` then a few `key: value` lines and a `== 正文 ==` rule. */
const CRAWLER_TITLE = /^标题[:：][ \t\u3000]*(\S.*?)[ \t\u3000]*$/;
const CRAWLER_RULE = /^[=＝]{3,}[ \t\u3000]*正文[ \t\u3000]*[=＝]{3,}$/;

export interface TitleResult {
  title?: Title;
  /** the block that holds nothing but the title (its markers are not sections), or -1 */
  titleBlock: number;
  /** title lines, header lines and junk lines above the title: no marker, enumeration or scope break there */
  excluded: { start: number; end: number }[];
  /** where the document's own text begins after the title (or after what was skipped) */
  contentStart: number;
}

interface Line {
  start: number;
  /** end of the content, before the line break */
  end: number;
  /** where the next line starts */
  next: number;
  text: string;
  blockIndex: number;
  lineIndex: number;
}

/** The first lines of the document's blocks (front matter and HTML left out), at most `count`. */
function leadingLines(text: string, blocks: Block[], count: number): Line[] {
  const lines: Line[] = [];
  for (let b = 0; b < blocks.length && lines.length < count; b++) {
    const block = blocks[b];
    if (block.kind === 'front-matter' || block.kind === 'html') continue;
    if (block.kind !== 'paragraph' && block.kind !== 'heading') break;
    for (let l = 0; l < block.lineStarts.length && lines.length < count; l++) {
      const start = block.lineStarts[l];
      const lineBreak = nextLineBreak(text, start);
      const end = Math.min(lineBreak.end === -1 ? text.length : lineBreak.end, block.end);
      const next = lineBreak.next === -1 ? text.length : lineBreak.next;
      lines.push({ start, end, next, text: text.slice(start, end).replace(INVISIBLE, '').trim(), blockIndex: b, lineIndex: l });
    }
  }
  return lines;
}

/** Could this line be (part of) a title: short, no sentence, no salutation, no numbering marker. */
function titleLike(text: string, line: Line): boolean {
  const bare = line.text.replace(/^#{1,6}[ \t]*/, '').replace(/[ \t#]+$/, '');
  const body = KIND_AT_END.test(bare) ? bare.replace(/[：:]$/, '') : bare;
  if (!body || body.length > 60) return false;
  if (SENTENCE_END.test(body.slice(0, -1)) || /[，,]/.test(body) || /[。：:！!；;]$/.test(body)) return false;
  return !readMarkerAt(text, line.start, false);
}

function joinLines(parts: string[]): string {
  return parts.reduce((joined, part) => (joined && /[A-Za-z0-9]$/.test(joined) && /^[A-Za-z0-9]/.test(part) ? `${joined} ${part}` : joined + part), '');
}

/** A title made of lines[from..to]: their text (without `#`, trailing colon) joined, and its range. */
function titleFrom(text: string, lines: Line[], from: number, to: number): Title {
  const parts: { text: string; start: number; end: number }[] = [];
  for (let i = from; i <= to; i++) {
    const raw = text.slice(lines[i].start, lines[i].end);
    // `#工作总结报告` (no space) is not a heading to CommonMark, but it is meant as the title
    const leading = /^[\s\u3000\u200b\ufeff]*(#{1,6}[ \t]*)?[\s\u3000\u200b\ufeff]*/.exec(raw)?.[0].length ?? 0;
    const trailing = /[\s\u3000\u200b#：:]*$/.exec(raw.slice(leading))?.[0].length ?? 0;
    const start = lines[i].start + leading;
    const end = Math.max(start, lines[i].start + raw.length - trailing);
    parts.push({ text: text.slice(start, end), start, end });
  }
  const title: Title = { text: joinLines(parts.map((p) => p.text)), start: parts[0].start, end: parts[parts.length - 1].end };
  if (parts.length > 1) title.lines = parts.map(({ start, end }) => ({ start, end }));
  return title;
}

/**
 * The title: a crawler header's `标题:` line; else, after junk lines (正文, a breadcrumb, a file name),
 * a level-one `#` heading, or one to three short lines that end in the kind of document (an
 * organisation line above, a title wrapped over two lines), or a short standalone first line.
 * The text may follow the title on the next line (web and Word copies have no blank line).
 */
/** A line of an Internet-Draft's or RFC's header: two columns (`Internet-Draft        Ericsson`) or the right one alone. */
const DRAFT_HEADER_LINE = /^(?:\S.*?[ \t]{3,}\S.*| {20,}\S.*)$/;
const DRAFT_HEADER_NAME = /^(?:Internet-Draft|Request for Comments:)/m;

/**
 * The title of a rendered Internet-Draft or RFC (an English workshop report, say): under its header
 * block of two columns, one to three centred lines, then the draft's name (draft-…) or a blank line.
 */
function internetDraftTitle(text: string, lines: Line[]): { title: Title; header: Range; end: number; next: number } | undefined {
  const head = lines[0];
  if (!head) return undefined;
  const header = lines.filter((line) => line.blockIndex === head.blockIndex);
  const raw = (line: Line) => text.slice(line.start, line.end);
  if (header.length < 2 || !DRAFT_HEADER_NAME.test(header.map(raw).join('\n')) || !header.every((line) => DRAFT_HEADER_LINE.test(raw(line)))) return undefined;
  const block = lines.filter((line) => line.blockIndex === header[header.length - 1].blockIndex + 1);
  const titleLines = block.filter((line) => !/^draft-/.test(line.text)).slice(0, 3);
  if (!titleLines.length || !titleLines.every((line) => /^ {2,}\S/.test(raw(line)) && line.text.length <= 72)) return undefined;
  const last = block[block.length - 1];
  // where each line's words stand, without the centring spaces
  const words = titleLines.map((line) => {
    const start = line.start + raw(line).indexOf(line.text);
    return { start, end: start + line.text.length };
  });
  const title: Title = { text: titleLines.map((line) => line.text).join(' '), start: words[0].start, end: words[words.length - 1].end };
  if (titleLines.length > 1) title.lines = words;
  return { title, header: { start: header[0].start, end: header[header.length - 1].end }, end: last.end, next: last.next };
}

export function findTitle(text: string, blocks: Block[], bodyStart: number): TitleResult {
  const lines = leadingLines(text, blocks, 12).filter((line) => line.start >= bodyStart);
  const excluded: TitleResult['excluded'] = [];
  const none = (contentStart: number): TitleResult => ({ titleBlock: -1, excluded, contentStart });

  const crawler = lines.length ? CRAWLER_TITLE.exec(text.slice(lines[0].start, lines[0].end)) : null;
  const rule = crawler ? lines.findIndex((line, i) => i > 0 && i <= 10 && CRAWLER_RULE.test(line.text)) : -1;
  if (crawler && rule > 0) {
    excluded.push({ start: lines[0].start, end: lines[rule].end });
    const start = lines[0].start + text.slice(lines[0].start, lines[0].end).indexOf(crawler[1]);
    return { title: { text: crawler[1], start, end: start + crawler[1].length }, titleBlock: -1, excluded, contentStart: lines[rule].next };
  }

  const draft = internetDraftTitle(text, lines);
  if (draft) {
    excluded.push(draft.header, { start: draft.title.start, end: draft.end });
    return { title: draft.title, titleBlock: -1, excluded, contentStart: draft.next };
  }

  let first = 0;
  while (first < lines.length && first < 3 && (!lines[first].text || JUNK_LINE.some((p) => p.test(lines[first].text)))) {
    excluded.push({ start: lines[first].start, end: lines[first].end });
    first++;
  }
  const afterJunk = first > 0 ? lines[first - 1].next : bodyStart;
  const head = lines[first];
  if (!head) return none(afterJunk);
  const block = blocks[head.blockIndex];

  if (block.kind === 'heading') {
    if (block.depth !== 1 && readMarkerAt(text, block.start, true)) return none(afterJunk);
    const title = titleFrom(text, lines, first, first);
    excluded.push({ start: head.start, end: head.end });
    return { title, titleBlock: head.blockIndex, excluded, contentStart: head.next };
  }
  if (!titleLike(text, head)) return none(afterJunk);

  // one to three lines ending in the kind of document; the lines may be in one block or each
  // in a one-line block of its own (an organisation line, a blank, the title)
  let last = -1;
  for (let i = first; i < Math.min(lines.length, first + 3); i++) {
    const line = lines[i];
    if (i > first) {
      const sameBlock = line.blockIndex === lines[i - 1].blockIndex;
      const standalone = !sameBlock && blocks[lines[i - 1].blockIndex].lineStarts.length === 1 && blocks[line.blockIndex].kind === 'paragraph';
      if (!sameBlock && !standalone) break;
    }
    if (!line.text || !titleLike(text, line)) break;
    if (KIND_AT_END.test(joinLines(lines.slice(first, i + 1).map((l) => l.text.replace(/[ \t#]+$/, ''))))) {
      last = i;
      break;
    }
  }
  if (last < 0) {
    // a short line standing alone, or followed directly by body text, is the title all the same
    const following = lines[first + 1];
    const alone = block.lineStarts.length === 1;
    const bodyFollows = following !== undefined && following.blockIndex === head.blockIndex && /[。，；]|^[\u3000\t]|^ {2,}/.test(text.slice(following.start, following.end));
    if (!alone && !bodyFollows) return none(afterJunk);
    last = first;
  }
  const title = titleFrom(text, lines, first, last);
  for (let i = first; i <= last; i++) excluded.push({ start: lines[i].start, end: lines[i].end });
  const whole = lines.slice(first, last + 1).every((l) => l.blockIndex === head.blockIndex) && block.lineStarts.length === last - first + 1;
  return { title, titleBlock: whole ? head.blockIndex : -1, excluded, contentStart: lines[last].next };
}

export function frontMatterTitle(text: string, frontMatter: FrontMatter | undefined): Title | undefined {
  const value = frontMatter?.data.title;
  if (!value) return undefined;
  const start = text.indexOf(value, frontMatter.start);
  return start >= 0 && start < frontMatter.end ? { text: value, start, end: start + value.length } : undefined;
}
