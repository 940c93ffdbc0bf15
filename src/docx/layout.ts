import { isLazyMarkdownList, lineStartBefore, nextLineBreak, siblingRunsOf, splitLines, type Block, type Level, type Range, type Section, type SummaryDocument } from '../core/index';

/**
 * The page-independent plan of an exported summary: which paragraphs there are, what role each plays
 * in GB/T 9704 terms, and which runs of text take which font. `export.ts` turns it into Word; keeping
 * it separate lets tests check the decisions without unzipping anything.
 */
export type ParagraphRole =
  | 'title'
  /** 主送机关 (`市政府：`): flush left, no indent, also where it wraps. */
  | 'addressee'
  /** A salutation to people (各位领导、同志们：): flush left, no first-line indent. */
  | 'salutation'
  | 'body'
  /** A paragraph that starts with a numbered heading (alone or run-in). */
  | 'heading'
  /** An unnumbered Markdown heading (## 整体总结): set in the level-one heading font. */
  | 'plain-heading'
  /** 附件说明 (`附件：1.名称`): two characters in, a blank line above; the later items under the first. */
  | 'attachment'
  /** 发文机关署名 and 成文日期: right-aligned. */
  | 'signature'
  | 'date';

export interface LaidRun {
  text: string;
  /** `heading`: the numbered heading text of the paragraph's level; `body`: everything else. */
  face: 'heading' | 'body';
  /** Markdown strong emphasis (`**…**`) in the source. */
  bold: boolean;
}

export interface LaidParagraph {
  kind: 'paragraph';
  role: ParagraphRole;
  /** Numbering level of a `heading` paragraph (1 = 一、, 2 = （一）, 3 = 1., 4 = （1）, 5 = ①). */
  level?: Level;
  /** The heading text is the whole paragraph (not run-in): it gets an outline level for Word's navigation pane. */
  headingOnly?: boolean;
  /**
   * The paragraph goes on with the part of the one before it (a signature's second name line, the
   * attachment note's `2.名称`): no blank line above it, and an attachment item stands under the first.
   */
  continues?: boolean;
  runs: LaidRun[];
}

export interface LaidTable {
  kind: 'table';
  rows: string[][];
}

export type LaidElement = LaidParagraph | LaidTable;

/** A stretch of a paragraph's text with one formatting, as indices into the paragraph text. */
interface Piece {
  text: string;
  from: number;
  to: number;
  bold: boolean;
}

/**
 * A paragraph being assembled from source lines: its text with Markdown line syntax removed, and for
 * every character the source offset it came from (inserted characters take the offset of the source
 * character after them), so the model's offsets (markers, heading ends) can be found in it.
 */
interface PendingParagraph {
  text: string;
  offsets: number[];
  blockKind: Block['kind'];
  /** The part of the frame around the body the paragraph starts in, as the model found it. */
  part: FramePart | undefined;
}

/** A part of the frame GB/T 9704 lays out on its own: the model's addressee, salutation, note, signature, date. */
interface FramePart extends Range {
  role: 'addressee' | 'salutation' | 'attachment' | 'signature' | 'date';
}

/** Marks the end of a sentence: a line ending here is a real paragraph end, not a hard wrap. */
const SENTENCE_END = /[。！？!?；;：:…．.]$/u;
/** Closing punctuation that belongs to a run-in heading (一、强化组织领导。). */
const HEADING_CLOSER = /^[。：:；;]/u;
/** Indentation that shows a new paragraph starts on this line. */
const PARAGRAPH_INDENT = /^(?:\u3000|\t| {4})/u;
const LEADING_SPACE = /^[ \t\u3000]+/u;

export function layoutSummary(doc: SummaryDocument): LaidElement[] {
  const markdown = doc.format === 'markdown';
  const sectionsByMarkerStart = new Map<number, Section>();
  collectSections(doc.sections, sectionsByMarkerStart);
  const markerLineStarts = new Set(doc.markers.map((marker) => marker.lineStart));
  const lazyNumbers = lazyListNumbers(doc);
  const frame = framePartsOf(doc);
  const partAt = (offset: number): FramePart | undefined => frame.find((part) => offset >= part.start && offset < part.end);

  const elements: LaidElement[] = [];
  const pending: PendingParagraph[] = [];
  let previousPart: FramePart | undefined;
  const flush = (): void => {
    for (const paragraph of pending.splice(0)) {
      const laid = finishParagraph(paragraph, sectionsByMarkerStart, markdown);
      if (!laid) continue;
      // laid out as its part (not body text that only starts in it), right after that part's paragraph
      const inPart = laid.role === paragraph.part?.role ? paragraph.part : undefined;
      if (inPart && inPart === previousPart) laid.continues = true;
      previousPart = inPart;
      elements.push(laid);
    }
  };

  const title = titleParagraph(doc);
  if (title) elements.push(title.paragraph);

  for (const block of doc.blocks) {
    if (block.kind === 'front-matter') continue;
    if (markdown && (block.kind === 'table' || isPipeTable(doc.text.slice(block.start, block.end)))) {
      flush();
      elements.push({ kind: 'table', rows: tableRows(doc.text.slice(block.start, block.end)) });
      previousPart = undefined;
      continue;
    }
    if (block.kind === 'html' && /^\s*<!--[\s\S]*-->\s*$/u.test(doc.text.slice(block.start, block.end))) continue;

    let current: PendingParagraph | undefined;
    for (const [lineStart, lineEnd] of blockLines(doc.text, block)) {
      // The title has a paragraph of its own.
      if (title?.lineStarts.has(lineStart)) continue;
      const raw = doc.text.slice(lineStart, lineEnd);
      if (markdown && isMarkdownOnlyLine(raw, block.kind)) continue;
      const leading = LEADING_SPACE.exec(raw)?.[0] ?? '';
      let contentStart = lineStart + leading.length;
      let content = doc.text.slice(contentStart, lineEnd).replace(/\s+$/u, '');
      if (content === '') continue;
      const part = partAt(contentStart);

      let text = '';
      const offsets: number[] = [];
      const prefix = markdown ? markdownLinePrefix(content, block.kind) : undefined;
      if (prefix) {
        if (prefix.keep !== undefined) {
          text = lazyNumbers.get(contentStart) ?? prefix.keep;
          for (let index = 0; index < text.length; index += 1) offsets.push(contentStart + Math.min(index, prefix.keepLength - 1));
        }
        contentStart += prefix.skip;
        content = content.slice(prefix.skip);
      }
      text += content;
      for (let index = 0; index < content.length; index += 1) offsets.push(contentStart + index);
      if (text.trim() === '') continue;

      // Plain text: every line is a paragraph, as in Notepad. Markdown: a single newline stays inside
      // the paragraph, except where a marker, an indent or a finished sentence shows that the writer
      // meant a new paragraph (pasted summaries often use single newlines), and where a part of the
      // frame (addressee, salutation, attachment note, signature, date) begins or ends.
      const startsParagraph =
        current === undefined ||
        !markdown ||
        markerLineStarts.has(lineStart) ||
        sectionsByMarkerStart.has(contentStart) ||
        PARAGRAPH_INDENT.test(raw) ||
        SENTENCE_END.test(current.text.trimEnd()) ||
        part !== current.part ||
        prefix !== undefined;
      if (startsParagraph || !current) {
        current = { text, offsets, blockKind: block.kind, part };
        pending.push(current);
      } else {
        // English wrapped at a column is one flowing paragraph, as Markdown renders it. Any other
        // break inside a sentence (PDF extraction, pasted text) is kept as a line break: the linter
        // reads every line start, and the Word file should show what it checked.
        const joiner = /[A-Za-z0-9,;]$/u.test(current.text) && /^[A-Za-z0-9(]/u.test(text) ? ' ' : '\n';
        current.text += joiner + text;
        current.offsets.push(offsets[0]!, ...offsets);
      }
    }
    flush();
  }
  return elements;
}

/**
 * The title paragraph: every source line the model's title stands on, whole (a closing ： and, even
 * in plain text, a leading # are the writer's text), one line break between the lines of a title
 * written over several. A title from front matter is its value.
 */
function titleParagraph(doc: SummaryDocument): { paragraph: LaidParagraph; lineStarts: Set<number> } | undefined {
  if (!doc.title) return undefined;
  const markdown = doc.format === 'markdown';
  const inFrontMatter = doc.frontMatter !== undefined && doc.title.start < doc.frontMatter.end;
  const lineStarts = new Set<number>();
  const lines = inFrontMatter
    ? [doc.title.text]
    : (doc.title.lines ?? [doc.title]).map((range) => {
        const start = lineStartBefore(doc.text, range.start);
        const lineEnd = nextLineBreak(doc.text, range.end).end;
        lineStarts.add(start);
        const line = doc.text.slice(start, lineEnd < 0 ? doc.text.length : lineEnd).trim();
        return markdown ? stripHeadingSyntax(line) : line;
      });
  const text = lines.join('\n');
  const runs = piecesToRuns(markdown && !inFrontMatter ? inlinePieces(text) : [plainPiece(text)], 'body').filter((run) => run.text.trim() !== '');
  return runs.length > 0 ? { paragraph: { kind: 'paragraph', role: 'title', runs }, lineStarts } : undefined;
}

/**
 * The frame around the body as the model found it, earliest first: the addressee, the salutation,
 * the attachment note, and every signature (the closing's, and those of a bilingual report's
 * halves) with its date. A name and its date on one line are one signature.
 */
function framePartsOf(doc: SummaryDocument): FramePart[] {
  const parts: FramePart[] = [];
  if (doc.addressee) parts.push({ start: doc.addressee.start, end: doc.addressee.end, role: 'addressee' });
  if (doc.salutation) parts.push({ start: doc.salutation.start, end: doc.salutation.end, role: 'salutation' });
  if (doc.attachments) parts.push({ start: doc.attachments.start, end: doc.attachments.end, role: 'attachment' });
  const signatures: { signer?: Range; date?: Range }[] = [...(doc.signatureDates ?? []).map((date) => ({ signer: date.signer, date })), ...(doc.closing ? [doc.closing] : [])];
  for (const { signer, date } of signatures) {
    const lineEnd = signer ? nextLineBreak(doc.text, signer.end).end : -1;
    const oneLine = signer !== undefined && date !== undefined && (lineEnd < 0 || lineEnd >= date.end);
    // contact lines between the name and the date (a web or mail address) belong to the signature;
    // an attachment note between them (the model reads the signature across it) does not
    const noteBetween = doc.attachments !== undefined && signer !== undefined && date !== undefined && doc.attachments.start >= signer.end && doc.attachments.start < date.start;
    if (signer) parts.push({ start: signer.start, end: oneLine ? date!.end : date && !noteBetween ? date.start : signer.end, role: 'signature' });
    if (date && !oneLine) parts.push({ start: date.start, end: date.end, role: 'date' });
  }
  // a part that another holds (the line above a date, where the closing signs with two lines) is that part
  parts.sort((a, b) => a.start - b.start || b.end - a.end);
  return parts.filter((part, index) => !parts.slice(0, index).some((other) => other.start <= part.start && other.end >= part.end));
}

function collectSections(sections: readonly Section[], into: Map<number, Section>): void {
  for (const section of sections) {
    into.set(section.marker.start, section);
    collectSections(section.children, into);
  }
}

/** The [start, end) of every source line of a block, without the line break. */
function blockLines(text: string, block: Block): [number, number][] {
  const starts = block.lineStarts.length > 0 ? block.lineStarts : [block.start];
  return starts.map((start, index) => {
    let end = index + 1 < starts.length ? starts[index + 1]! : block.end;
    end = Math.min(end, block.end);
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end -= 1;
    return [start, end];
  });
}

function finishParagraph(paragraph: PendingParagraph, sections: Map<number, Section>, markdown: boolean): LaidParagraph | undefined {
  const pieces = trimPieces(markdown ? inlinePieces(paragraph.text) : [plainPiece(paragraph.text)]);
  if (pieces.length === 0) return undefined;
  const firstVisible = pieces[0]!.from;
  const part = paragraph.part;
  if (part && paragraph.offsets[pieces[pieces.length - 1]!.to - 1]! < part.end) {
    return { kind: 'paragraph', role: part.role, runs: piecesToRuns(pieces, 'body') };
  }
  const section = sections.get(paragraph.offsets[firstVisible]!);
  if (section) {
    // The heading text ends at the first character at or past the model's heading end; the closing
    // 。 or ： goes with it, as the heading font is set on it in practice.
    let headingEnd = paragraph.offsets.findIndex((offset, index) => index > firstVisible && offset >= section.headingEnd);
    if (headingEnd < 0) headingEnd = paragraph.text.length;
    if (HEADING_CLOSER.test(paragraph.text.slice(headingEnd))) headingEnd += 1;
    const { head, tail } = splitPieces(pieces, headingEnd);
    const runs = [...piecesToRuns(head, 'heading'), ...piecesToRuns(tail, 'body')];
    const headingOnly = tail.every((piece) => piece.text.trim() === '');
    return { kind: 'paragraph', role: 'heading', level: section.level, headingOnly, runs: runs.filter((run) => run.text !== '') };
  }
  if (paragraph.blockKind === 'heading') {
    return { kind: 'paragraph', role: 'plain-heading', headingOnly: true, runs: piecesToRuns(pieces, 'heading') };
  }
  return { kind: 'paragraph', role: 'body', runs: piecesToRuns(pieces, 'body') };
}

function splitPieces(pieces: Piece[], at: number): { head: Piece[]; tail: Piece[] } {
  const head: Piece[] = [];
  const tail: Piece[] = [];
  for (const piece of pieces) {
    if (piece.to <= at) head.push(piece);
    else if (piece.from >= at) tail.push(piece);
    else {
      // Pieces are contiguous stretches of the paragraph text (syntax characters fall between them).
      const cut = at - piece.from;
      head.push({ ...piece, text: piece.text.slice(0, cut), to: at });
      tail.push({ ...piece, text: piece.text.slice(cut), from: at });
    }
  }
  return { head, tail };
}

function trimPieces(pieces: Piece[]): Piece[] {
  const result = pieces.filter((piece) => piece.text !== '');
  while (result.length > 0 && result[0]!.text.trim() === '') result.shift();
  while (result.length > 0 && result[result.length - 1]!.text.trim() === '') result.pop();
  if (result.length > 0) {
    const first = result[0]!;
    const trimmed = first.text.replace(/^\s+/u, '');
    result[0] = { ...first, text: trimmed, from: first.to - trimmed.length };
    const last = result[result.length - 1]!;
    const kept = last.text.replace(/\s+$/u, '');
    result[result.length - 1] = { ...last, text: kept, to: last.from + kept.length };
  }
  return result;
}

function piecesToRuns(pieces: Piece[], face: LaidRun['face']): LaidRun[] {
  const runs: LaidRun[] = [];
  for (const piece of pieces) {
    const previous = runs[runs.length - 1];
    if (previous && previous.bold === piece.bold) previous.text += piece.text;
    else runs.push({ text: piece.text, face, bold: piece.bold });
  }
  return runs;
}

function plainPiece(text: string): Piece {
  return { text, from: 0, to: text.length, bold: false };
}

/** `# 标题 #` → 标题; also `#标题` without the space, which the linter (not CommonMark) takes for the title. */
function stripHeadingSyntax(text: string): string {
  return text.replace(/^#{1,6}[ \t]*/u, '').replace(/[ \t]+#+$/u, '');
}

/** Lines that are only Markdown syntax: fences, setext underlines, thematic breaks, table rules. */
function isMarkdownOnlyLine(line: string, kind: Block['kind']): boolean {
  const trimmed = line.trim();
  if (kind === 'code' && /^(`{3,}|~{3,})/u.test(trimmed)) return true;
  if (kind === 'heading' && /^(=+|-+)$/u.test(trimmed)) return true;
  return /^(\*\s*){3,}$|^(-\s*){3,}$|^(_\s*){3,}$/u.test(trimmed);
}

/**
 * Markdown syntax at the start of a line that is not text: heading hashes and quote marks go; a bullet
 * becomes the bullet sign Word shows; an ordered list keeps its number, written the way an official
 * document writes it (`1. 加强` → `1.加强`). `keepLength` is how much of the source the kept text stands for.
 */
function markdownLinePrefix(content: string, kind: Block['kind']): { skip: number; keep?: string; keepLength: number } | undefined {
  const heading = kind === 'heading' ? /^#{1,6}(?:\s+|$)/u.exec(content) : null;
  if (heading) return { skip: heading[0].length, keepLength: 0 };
  const quote = /^(?:>\s?)+/u.exec(content);
  if (quote) return { skip: quote[0].length, keepLength: 0 };
  if (kind !== 'list-item') return undefined;
  const bullet = /^[-*+]\s+/u.exec(content);
  if (bullet) return { skip: bullet[0].length, keep: BULLET, keepLength: 1 };
  const ordered = /^(\d{1,9}[.)])\s+/u.exec(content);
  if (ordered) return { skip: ordered[0].length, keep: ordered[1]!, keepLength: ordered[1]!.length };
  return undefined;
}

/**
 * Markdown renders a lazy list (1. 1. 1.) as 1. 2. 3., and the linter accepts it for that reason; the
 * Word file must show what the reader of the Markdown saw: the model's sibling runs that are lazy
 * lists, their number text to write by marker offset.
 */
function lazyListNumbers(doc: SummaryDocument): Map<number, string> {
  const numbers = new Map<number, string>();
  for (const run of siblingRunsOf(doc)) {
    if (!isLazyMarkdownList(run)) continue;
    run.forEach((section, index) => numbers.set(section.marker.start, section.marker.text.replace(/^\d+/u, String(index + 1))));
  }
  return numbers;
}

const BULLET = '• ';
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * Which `**` in a paragraph are Markdown bold, as the linter decides: `**` is also how names are cut
 * out of pasted material (作为**领域), so with an odd count the ones between two Chinese characters
 * are taken as placeholders and stay in the text; the others pair up in order. Returns the pairs as
 * [open, close] indices.
 */
function boldPairs(text: string): [number, number][] {
  const stars = [...text.matchAll(/(?<!\*)\*\*(?!\*)/gu)].map((match) => match.index);
  const candidates =
    stars.length % 2 === 1 ? stars.filter((index) => !(CJK.test(text[index - 1] ?? '') && CJK.test(text[index + 2] ?? ''))) : stars;
  const pairs: [number, number][] = [];
  for (let index = 0; index + 1 < candidates.length; index += 2) {
    const open = candidates[index]!;
    const close = candidates[index + 1]!;
    const inner = text.slice(open + 2, close);
    // CommonMark: the content may not start or end with a space, and must not be empty.
    if (inner.trim() !== '' && inner === inner.trim()) pairs.push([open, close]);
  }
  return pairs;
}

/** Inline Markdown to text pieces: bold kept as bold, links as their text, images, tags and escapes removed. */
function inlinePieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  const boldAt = new Map(boldPairs(text));
  const closers = new Set(boldAt.values());
  let bold = false;
  let plainFrom = 0;
  const emit = (from: number, to: number): void => {
    if (to > from) pieces.push({ text: text.slice(from, to), from, to, bold });
  };
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    let match: RegExpExecArray | null;
    if (boldAt.has(index) || closers.has(index)) {
      emit(plainFrom, index);
      bold = boldAt.has(index);
      index += 2;
      plainFrom = index;
    } else if ((match = /^!\[[^\]\n]*\]\([^)\n]*\)/u.exec(rest))) {
      emit(plainFrom, index);
      index += match[0].length;
      plainFrom = index;
    } else if ((match = /^\[([^\]\n]+)\]\([^)\n]*\)/u.exec(rest)) || (match = /^`([^`\n]+)`/u.exec(rest))) {
      // A link keeps its text, inline code its content.
      emit(plainFrom, index);
      emit(index + 1, index + 1 + match[1]!.length);
      index += match[0].length;
      plainFrom = index;
    } else if ((match = /^<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?\/?>/u.exec(rest))) {
      emit(plainFrom, index);
      index += match[0].length;
      plainFrom = index;
    } else if (/^\\[!-/:-@[-`{-~]/u.test(rest)) {
      emit(plainFrom, index);
      plainFrom = index + 1;
      index += 2;
    } else {
      index += 1;
    }
  }
  emit(plainFrom, text.length);
  return pieces;
}

const TABLE_DELIMITER_ROW = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/u;

/**
 * A GFM pipe table: a header row and a delimiter row (| --- | --- |). The core's Markdown reader
 * (CommonMark) leaves it a paragraph; the Word file should still show a table.
 */
function isPipeTable(source: string): boolean {
  const lines = splitLines(source).map((line) => line.trim());
  return lines.length >= 2 && lines[0]!.includes('|') && lines[1]!.includes('|') && TABLE_DELIMITER_ROW.test(lines[1]!);
}

function tableRows(source: string): string[][] {
  const rows: string[][] = [];
  for (const line of splitLines(source)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (TABLE_DELIMITER_ROW.test(trimmed)) continue;
    const cells = trimmed
      .replace(/^\|/u, '')
      .replace(/(?<!\\)\|$/u, '')
      .split(/(?<!\\)\|/u)
      .map((cell) => inlinePieces(cell.trim().replace(/\\\|/gu, '|')).map((piece) => piece.text).join(''));
    rows.push(cells);
  }
  return rows;
}
