import { lineStartBefore, nextLineBreak, splitLines, type Block, type Level, type Section, type SummaryDocument } from '../core/index';

/**
 * The page-independent plan of an exported summary: which paragraphs there are, what role each plays
 * in GB/T 9704 terms, and which runs of text take which font. `export.ts` turns it into Word; keeping
 * it separate lets tests check the decisions without unzipping anything.
 */
export type ParagraphRole =
  | 'title'
  /** 主送机关 / salutation: flush left, no first-line indent. */
  | 'salutation'
  | 'body'
  /** A paragraph that starts with a numbered heading (alone or run-in). */
  | 'heading'
  /** An unnumbered Markdown heading (## 整体总结): set in the level-one heading font. */
  | 'plain-heading'
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
  /** Plain text pushed far right with spaces (how .txt files place a signature). */
  pushedRight?: boolean;
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
  /** The source line was pushed far to the right with spaces, as plain-text files do with signatures. */
  pushedRight: boolean;
}

/** Marks the end of a sentence: a line ending here is a real paragraph end, not a hard wrap. */
const SENTENCE_END = /[。！？!?；;：:…．.]$/u;
/** Closing punctuation that belongs to a run-in heading (一、强化组织领导。). */
const HEADING_CLOSER = /^[。：:；;]/u;
/** Indentation that shows a new paragraph starts on this line. */
const PARAGRAPH_INDENT = /^(?:\u3000|\t| {4})/u;
const LEADING_SPACE = /^[ \t\u3000]+/u;
const MAX_SIGNATURE_LENGTH = 30;
const MAX_SALUTATION_LENGTH = 40;
/** 2024年1月5日, 二〇二四年一月五日, 2024-01-05, 2024.1.5, and left-over placeholders such as 2005-12-xx. */
const DATE_LINE =
  /^(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[xX×Ｘ]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[xX×Ｘ]{1,2})\s*日$|^\d{4}\s*[-./]\s*(?:\d{1,2}|[xX]{1,2})\s*[-./]\s*(?:\d{1,2}|[xX]{1,2})$/u;

export function layoutSummary(doc: SummaryDocument): LaidElement[] {
  const markdown = doc.format === 'markdown';
  const sectionsByMarkerStart = new Map<number, Section>();
  collectSections(doc.sections, sectionsByMarkerStart);
  const markerLineStarts = new Set(doc.markers.map((marker) => marker.lineStart));
  const lazyNumbers = lazyListNumbers(doc.sections);

  const elements: LaidElement[] = [];
  const pending: PendingParagraph[] = [];
  const flush = (): void => {
    for (const paragraph of pending.splice(0)) {
      const laid = finishParagraph(paragraph, sectionsByMarkerStart, markdown);
      if (laid) elements.push(paragraph.pushedRight ? { ...laid, pushedRight: true } : laid);
    }
  };

  // The title is the whole source line, not the model's title range: that leaves out a closing ：
  // and, even in plain text, a leading #, which are the writer's text.
  const titleLineStart = doc.title ? lineStartBefore(doc.text, doc.title.start) : -1;
  if (doc.title) {
    const lineEndAt = nextLineBreak(doc.text, doc.title.end).end;
    const line = doc.text.slice(titleLineStart, lineEndAt < 0 ? doc.text.length : lineEndAt).trim();
    const titleText = markdown ? stripHeadingSyntax(line) : line;
    const titlePieces = markdown ? inlinePieces(titleText) : [plainPiece(titleText)];
    const runs = piecesToRuns(titlePieces, 'body').filter((run) => run.text.trim() !== '');
    if (runs.length > 0) elements.push({ kind: 'paragraph', role: 'title', runs });
  }

  for (const block of doc.blocks) {
    if (block.kind === 'front-matter') continue;
    if (markdown && (block.kind === 'table' || isPipeTable(doc.text.slice(block.start, block.end)))) {
      flush();
      elements.push({ kind: 'table', rows: tableRows(doc.text.slice(block.start, block.end)) });
      continue;
    }
    if (block.kind === 'html' && /^\s*<!--[\s\S]*-->\s*$/u.test(doc.text.slice(block.start, block.end))) continue;

    let current: PendingParagraph | undefined;
    for (const [lineStart, lineEnd] of blockLines(doc.text, block)) {
      // The title has a paragraph of its own.
      if (lineStart === titleLineStart) continue;
      const raw = doc.text.slice(lineStart, lineEnd);
      if (markdown && isMarkdownOnlyLine(raw, block.kind)) continue;
      const leading = LEADING_SPACE.exec(raw)?.[0] ?? '';
      let contentStart = lineStart + leading.length;
      let content = doc.text.slice(contentStart, lineEnd).replace(/\s+$/u, '');
      if (content === '') continue;

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
      // meant a new paragraph (pasted summaries often use single newlines).
      const startsParagraph =
        current === undefined ||
        !markdown ||
        markerLineStarts.has(lineStart) ||
        sectionsByMarkerStart.has(contentStart) ||
        PARAGRAPH_INDENT.test(raw) ||
        SENTENCE_END.test(current.text.trimEnd()) ||
        DATE_LINE.test(content) ||
        prefix !== undefined;
      if (startsParagraph || !current) {
        current = { text, offsets, blockKind: block.kind, pushedRight: leading.replace(/\t/gu, '    ').length >= 10 };
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

  markSalutation(elements, doc);
  markSignature(elements);
  return elements;
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
 * Word file must show what the reader of the Markdown saw. Same test as the core: a run of two or
 * more sibling list items, all numbered 1. Returns the number text to write, by marker offset.
 */
function lazyListNumbers(sections: readonly Section[], into = new Map<number, string>()): Map<number, string> {
  let run: Section[] = [];
  const close = (): void => {
    if (run.length > 1 && run.every((section) => section.marker.at === 'list-item' && section.number === 1)) {
      run.forEach((section, index) => {
        into.set(section.marker.start, section.marker.text.replace(/^\d+/u, String(index + 1)));
      });
    }
    run = [];
  };
  for (const section of sections) {
    const previous = run[run.length - 1];
    if (previous && (previous.marker.style !== section.marker.style || previous.scope !== section.scope)) close();
    run.push(section);
    lazyListNumbers(section.children, into);
  }
  close();
  return into;
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

function paragraphText(paragraph: LaidParagraph): string {
  return paragraph.runs.map((run) => run.text).join('');
}

/** A short first paragraph ending in a colon, before any section: 各位领导、同志们： — set flush left. */
function markSalutation(elements: LaidElement[], doc: SummaryDocument): void {
  const firstSectionText = doc.sections[0] ? doc.text.slice(doc.sections[0].headingStart, doc.sections[0].headingEnd) : undefined;
  const first = elements.find((element): element is LaidParagraph => element.kind === 'paragraph' && element.role !== 'title');
  if (!first || first.role !== 'body') return;
  const text = paragraphText(first);
  if (text.length <= MAX_SALUTATION_LENGTH && /[：:]$/u.test(text) && !/[。；]/u.test(text) && text !== firstSectionText) {
    first.role = 'salutation';
  }
}

/**
 * 发文机关署名 and 成文日期: a date alone on one of the last lines, and the short line just above it.
 * Anything after them (pasted adverts the linter reports) does not stop the detection, as long as the
 * date is among the last three paragraphs.
 */
function markSignature(elements: LaidElement[]): void {
  const paragraphs = elements.filter((element): element is LaidParagraph => element.kind === 'paragraph');
  for (let back = 1; back <= Math.min(3, paragraphs.length); back += 1) {
    const candidate = paragraphs[paragraphs.length - back]!;
    if (candidate.role !== 'body' || !DATE_LINE.test(paragraphText(candidate).trim())) continue;
    candidate.role = 'date';
    const above = paragraphs[paragraphs.length - back - 1];
    if (above && above.role === 'body') {
      const text = paragraphText(above).trim();
      if (text.length <= MAX_SIGNATURE_LENGTH && (!/[。，；！？]/u.test(text) || above.pushedRight)) above.role = 'signature';
    }
    return;
  }
}
