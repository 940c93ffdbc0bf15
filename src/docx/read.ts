import mammoth from 'mammoth';
import { LIMITS, tooLargeMessage } from '../core/index';
import { checkDocxArchive, DocxReadError, notAWordFile } from './archive';

export { DocxReadError } from './archive';

/** Where one Word paragraph landed in the text that `readDocx` produced. */
export interface DocxParagraph {
  /** 1-based number among the non-empty paragraphs, a table row counting as one. */
  index: number;
  /** UTF-16 offsets of the paragraph's text in `DocxText.text` (end exclusive). */
  start: number;
  end: number;
  /** The paragraph's text as it stands in `DocxText.text`. */
  text: string;
  /** A row of a Word table, written as a Markdown pipe-table row (`| 项目 | 数量 |`). */
  tableRow?: boolean;
  /**
   * Word numbered the paragraph itself (w:numPr). Its marker (一、, 1.) is not in the text, so the
   * numbering rules cannot see it; callers may say so.
   */
  autoNumbered?: boolean;
}

export interface DocxText {
  /** Paragraphs joined as Markdown paragraphs: text, blank line, text … and a final newline. */
  text: string;
  paragraphs: DocxParagraph[];
  /** Reader warnings from mammoth (unsupported elements and the like), for a verbose mode. */
  warnings: string[];
}

/** The subset of mammoth's document tree that carries text. mammoth ships no types for it. */
interface MammothElement {
  type: string;
  value?: string;
  breakType?: string;
  children?: MammothElement[];
  numbering?: unknown;
}

/** What the document tree gives, in order: a paragraph's text, or a table as rows of cell texts. */
type Collected = { kind: 'paragraph'; text: string; autoNumbered: boolean } | { kind: 'table'; rows: string[][] };

/**
 * Reads the paragraphs of a .docx the way the corpus' docx-derived files were made: every non-empty
 * paragraph (w:p) becomes one Markdown paragraph, separated by a blank line. A line break inside a
 * paragraph (Shift+Enter) stays a single newline, because numbering is also recognised at the start
 * of every line; tabs stay tabs. Empty paragraphs are dropped.
 *
 * A table becomes a Markdown pipe table, one row a line. Cells read as paragraphs would put the row
 * labels of a mandated table (三、本年度办理结果, 四、结转下年度继续办理, （一）予以公开) at paragraph
 * starts, where the linter would take them for a second run of section numbers.
 */
export async function readDocx(buffer: Uint8Array | Buffer): Promise<DocxText> {
  const collected: Collected[] = [];
  checkDocxArchive(buffer);
  // mammoth parses the package and gives us its document tree through transformDocument; we read the
  // tree and hand it back unchanged. The HTML it then renders is not used.
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) },
      {
        transformDocument: (document: MammothElement) => {
          collectBlocks(document, collected);
          return document;
        },
      },
    );
  } catch (error) {
    // the XML parser's and the unzipper's own words ("[xmldom error] entity not found") mean nothing
    // to a writer: say what it is, and keep the detail short for whoever looks further
    const detail = String((error as Error).message ?? error).replace(/\s+/g, ' ').replace(/^error: /i, '').replace(/\s*@#\[line:[^\]]*\]/, '').slice(0, 80);
    const xml = /xml|entity|tag|attribute/i.test(detail);
    throw new DocxReadError(
      xml ? notAWordFile(`其中的 XML 已损坏（${detail}）`, `its XML is damaged (${detail})`) : notAWordFile(`文件已损坏（${detail}）`, `the file is damaged (${detail})`),
    );
  }
  const paragraphs: DocxParagraph[] = [];
  let text = '';
  const startBlock = (): void => {
    if (text !== '') text += '\n\n';
  };
  const addLine = (content: string, extra: Partial<DocxParagraph>): void => {
    const start = text.length;
    text += content;
    paragraphs.push({ index: paragraphs.length + 1, start, end: text.length, text: content, ...extra });
  };
  for (const block of collected) {
    if (block.kind === 'paragraph') {
      const content = block.text.replace(/\s+$/u, '');
      if (content.trim() === '') continue;
      startBlock();
      addLine(content, block.autoNumbered ? { autoNumbered: true } : {});
      continue;
    }
    const rows = block.rows.filter((row) => row.some((cell) => cell !== ''));
    if (rows.length === 0) continue;
    const columns = Math.max(...rows.map((row) => row.length));
    startBlock();
    rows.forEach((row, rowIndex) => {
      if (rowIndex > 0) text += '\n';
      addLine(pipeRow(Array.from({ length: columns }, (_, column) => row[column] ?? '')), { tableRow: true });
      // GFM needs a delimiter row under the header; it is not a Word paragraph.
      if (rowIndex === 0) text += '\n' + pipeRow(Array.from({ length: columns }, () => '---'));
    });
  }
  if (text !== '') text += '\n';
  if (text.length > LIMITS.maxTextBytes / 3) {
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > LIMITS.maxTextBytes) throw new DocxReadError(tooLargeMessage(bytes));
  }
  const warnings = result.messages.map((message) => message.message);
  return { text, paragraphs, warnings };
}

function pipeRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** docx → the Markdown summary text an editor opens; the same text the CLI lints. */
export async function docxToMarkdown(buffer: Uint8Array | Buffer): Promise<string> {
  return (await readDocx(buffer)).text;
}

function collectBlocks(element: MammothElement, into: Collected[]): void {
  if (element.type === 'paragraph') {
    into.push({ kind: 'paragraph', text: paragraphText(element), autoNumbered: element.numbering != null });
    return;
  }
  if (element.type === 'table') {
    into.push({ kind: 'table', rows: (element.children ?? []).filter((row) => row.type === 'tableRow').map(rowCells) });
    return;
  }
  for (const child of element.children ?? []) collectBlocks(child, into);
}

/** A cell's paragraphs (and any nested table's text) on one line, with `|` escaped for the pipe table. */
function rowCells(row: MammothElement): string[] {
  return (row.children ?? [])
    .filter((cell) => cell.type === 'tableCell')
    .map((cell) => {
      const texts: string[] = [];
      const walk = (element: MammothElement): void => {
        if (element.type === 'paragraph') texts.push(paragraphText(element));
        else for (const child of element.children ?? []) walk(child);
      };
      walk(cell);
      return texts
        .map((text) => text.replace(/\s+/gu, ' ').trim())
        .filter((text) => text !== '')
        .join(' ')
        .replace(/\|/gu, '\\|');
    });
}

function paragraphText(element: MammothElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      // A page or column break inside a paragraph separates text as a line break would.
      return '\n';
    case 'checkbox':
    case 'image':
    case 'noteReference':
    case 'commentReference':
    case 'bookmarkStart':
      return '';
    default:
      return (element.children ?? []).map(paragraphText).join('');
  }
}

/** What the CLI shows for a finding in a .docx: the paragraph a reader can find in Word, and its text. */
export interface DocxLocation {
  /** 1-based paragraph number, counting non-empty paragraphs. */
  paragraph: number;
  /** A short excerpt of that paragraph around the offset, on one line. */
  excerpt: string;
}

const EXCERPT_BEFORE = 8;
const EXCERPT_AFTER = 16;

/**
 * Maps an offset in `readDocx().text` to the paragraph it falls in. An offset in the blank line
 * between two paragraphs (or past the end) belongs to the paragraph before it.
 */
export function locateInDocx(paragraphs: readonly DocxParagraph[], offset: number): DocxLocation {
  if (paragraphs.length === 0) return { paragraph: 0, excerpt: '' };
  // Binary search for the last paragraph starting at or before the offset.
  let low = 0;
  let high = paragraphs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (paragraphs[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  const paragraph = paragraphs[low]!;
  const at = Math.min(Math.max(offset, paragraph.start), paragraph.end) - paragraph.start;
  let from = Math.max(0, at - EXCERPT_BEFORE);
  let to = Math.min(paragraph.text.length, at + EXCERPT_AFTER);
  // Never cut a surrogate pair (rare CJK extension characters, emoji) in half.
  if (from > 0 && isLowSurrogate(paragraph.text.charCodeAt(from))) from -= 1;
  if (to < paragraph.text.length && isLowSurrogate(paragraph.text.charCodeAt(to))) to += 1;
  let excerpt = paragraph.text.slice(from, to).replace(/\s+/gu, ' ').trim();
  if (from > 0) excerpt = '…' + excerpt;
  if (to < paragraph.text.length) excerpt += '…';
  return { paragraph: paragraph.index, excerpt };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
