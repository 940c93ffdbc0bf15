import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { splitLines, type Level, type SummaryDocument } from '../core/index';
import { layoutSummary, type LaidElement, type LaidParagraph, type LaidRun } from './layout';

/** Font names as GB/T 9704 gives them. Word and WPS find them by name; nothing is embedded. */
export interface OfficialFonts {
  /** 标题: 方正小标宋简体 */
  title: string;
  /** 正文 and level 3/4 headings: 仿宋_GB2312 */
  body: string;
  /** 一、 headings: 黑体 */
  level1: string;
  /** （一） headings: 楷体_GB2312 */
  level2: string;
  /** 1. headings: 仿宋_GB2312 */
  level3: string;
  /** （1） headings: 仿宋_GB2312 */
  level4: string;
  /** 页码: 宋体 */
  pageNumber: string;
}

export const GBT9704_FONTS: Readonly<OfficialFonts> = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  level1: '黑体',
  level2: '楷体_GB2312',
  level3: '仿宋_GB2312',
  level4: '仿宋_GB2312',
  pageNumber: '宋体',
};

/** House-style choices where offices differ; everything else follows GB/T 9704-2012. */
export interface ExportOptions {
  /** Bold the 1. level-three heading text, as many offices do (default false). */
  boldLevel3?: boolean;
  /** Replace any of the standard font names, e.g. `{ body: '仿宋' }` where the GB2312 fonts are not installed. */
  fonts?: Partial<OfficialFonts>;
  /** Shorthand for `fonts.pageNumber` (some offices use Times New Roman for the digits). */
  pageNumberFont?: string;
  /** Latin letters and digits in another font than the Chinese text, e.g. 'Times New Roman' (default: the same font). */
  latinFont?: string;
  /**
   * How 28 characters are fitted on a 156 mm line, where a 三号 character (16 pt) is a little wider
   * than 156 mm / 28 (15.79 pt).
   * - `grid` (default): Word's document grid, type linesAndChars with charSpace, as the Word and WPS
   *   公文 templates do; Word and WPS squeeze each character into its grid cell.
   * - `spacing`: a line grid only, and every body-size character condensed by 0.25 pt. LibreOffice
   *   spreads a character wider than its cell over two cells (14 characters a line), so use this when
   *   the file is read or printed with LibreOffice.
   */
  characterFit?: 'grid' | 'spacing';
  /** Page numbers "— 1 —" in the footer (default true). */
  pageNumbers?: boolean;
  /** Right-align the signature and date found at the end (default true). */
  alignSignature?: boolean;
  /** Document properties. */
  creator?: string;
  /** Overrides the document title property (default: the summary's title). */
  documentTitle?: string;
}

// ---- GB/T 9704-2012 page set-up, in twips (1/20 pt; 1 mm = 1440 / 25.4 twips) ----
const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);
const PAGE_WIDTH = mm(210);
const PAGE_HEIGHT = mm(297);
const MARGIN_TOP = mm(37);
const MARGIN_BOTTOM = mm(35);
const MARGIN_LEFT = mm(28);
const MARGIN_RIGHT = mm(26);
const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;
/** 22 lines must fit in the 225 mm text block: 12756 / 22 = 579.8, rounded down so the 22nd line fits. */
const LINE_PITCH = Math.floor((PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) / LINES_PER_PAGE);
/** 三号 = 16 pt = 32 half-points; the body size and the grid's reference size. */
const BODY_SIZE_HALF_POINTS = 32;
/** 二号 = 22 pt. */
const TITLE_SIZE_HALF_POINTS = 44;
/** 四号 = 14 pt, the page number size. */
const PAGE_NUMBER_SIZE_HALF_POINTS = 28;
/**
 * 28 characters across the 156 mm text block: each grid cell is 8845 / 28 twips wide, a little under
 * 16 pt. Word stores the difference from the body size in 1/4096 pt, rounded down so 28 fit.
 */
const CHAR_SPACE = Math.floor(((PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / CHARS_PER_LINE / 20 - BODY_SIZE_HALF_POINTS / 2) * 4096);
/** Two characters of the body font, for Word versions that ignore firstLineChars. */
const TWO_BODY_CHARS = BODY_SIZE_HALF_POINTS * 20;
/** Where an attachment's name begins: two characters in, then the three of 附件：. */
const ATTACHMENT_ITEM_INDENT = (TWO_BODY_CHARS / 2) * 5;
/**
 * Footer and table lines: a fixed 20 pt line for 四号 text. Word snaps single-spaced lines to the
 * 28.95 pt document grid, in footers and table cells too; an exact line height is what overrides it.
 */
const SMALL_EXACT_LINE = { line: 400, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
/**
 * 页码一字线上距版心下边缘 7 mm: the dash sits 35 − 7 = 28 mm above the page edge, in the middle of
 * the 20 pt (7.06 mm) footer line, whose bottom the footer distance measures: 28 − 3.53 mm.
 */
const FOOTER_DISTANCE = mm(24.5);
const HEADER_DISTANCE = mm(15);
/** 页码 单页码居右空一字，双页码居左空一字 — one 四号 character. */
const PAGE_NUMBER_EDGE_INDENT = PAGE_NUMBER_SIZE_HALF_POINTS * 10;

/** `characterFit: 'spacing'`: 16 pt − 0.25 pt = 15.75 pt, and 28 × 15.75 pt fits in 442.2 pt. */
const CONDENSED_SPACING = -5;

const EXACT_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** Exports a summary as a .docx laid out by GB/T 9704-2012 (see docs/docx.md). */
export async function exportDocx(doc: SummaryDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  const fonts: OfficialFonts = {
    ...GBT9704_FONTS,
    ...(options.pageNumberFont ? { pageNumber: options.pageNumberFont } : {}),
    ...options.fonts,
  };
  const elements = layoutSummary(doc);
  if (options.alignSignature === false) {
    for (const element of elements) {
      if (element.kind === 'paragraph' && (element.role === 'signature' || element.role === 'date')) {
        element.role = 'body';
        delete element.continues;
      }
    }
  }
  const fontFor = (name: string): IRunOptions['font'] => ({
    ascii: options.latinFont ?? name,
    hAnsi: options.latinFont ?? name,
    eastAsia: name,
    cs: options.latinFont ?? name,
  });
  const children = elements.map((element) => toDocx(element, fonts, fontFor, options));

  const document = new Document({
    creator: options.creator ?? 'Official Summary',
    title: options.documentTitle ?? doc.title?.text ?? '',
    // Odd pages carry the number on the right, even pages on the left: separate footers.
    ...(options.pageNumbers === false ? {} : { evenAndOddHeaderAndFooters: true }),
    styles: {
      default: {
        document: {
          run: { font: fontFor(fonts.body), size: BODY_SIZE_HALF_POINTS, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: EXACT_LINE },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: {
              top: MARGIN_TOP,
              bottom: MARGIN_BOTTOM,
              left: MARGIN_LEFT,
              right: MARGIN_RIGHT,
              header: HEADER_DISTANCE,
              footer: FOOTER_DISTANCE,
            },
          },
          grid:
            options.characterFit === 'spacing'
              ? { type: DocumentGridType.LINES, linePitch: LINE_PITCH }
              : { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        ...(options.pageNumbers === false
          ? {}
          : { footers: { default: pageNumberFooter('odd', fonts, fontFor), even: pageNumberFooter('even', fonts, fontFor) } }),
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function pageNumberFooter(side: 'odd' | 'even', fonts: OfficialFonts, fontFor: (name: string) => IRunOptions['font']): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_EDGE_INDENT } : { left: PAGE_NUMBER_EDGE_INDENT },
        spacing: SMALL_EXACT_LINE,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fontFor(fonts.pageNumber),
            size: PAGE_NUMBER_SIZE_HALF_POINTS,
          }),
        ],
      }),
    ],
  });
}

function headingFont(level: Level | undefined, fonts: OfficialFonts): string {
  switch (level) {
    case 1:
      return fonts.level1;
    case 2:
      return fonts.level2;
    case 3:
      return fonts.level3;
    case 4:
      return fonts.level4;
    default:
      // ① and deeper: GB/T 9704 stops at four levels; they read as body text.
      return fonts.body;
  }
}

function toDocx(
  element: LaidElement,
  fonts: OfficialFonts,
  fontFor: (name: string) => IRunOptions['font'],
  options: ExportOptions,
): Paragraph | Table {
  if (element.kind === 'table') return toTable(element.rows, fonts, fontFor);
  const paragraph = element;
  const runs = paragraph.runs.flatMap((run) => toRuns(run, paragraph, fonts, fontFor, options));
  // 22 lines on every page: widow and orphan control would end a page early to keep two lines together.
  const common = { widowControl: false, children: runs } as const;
  switch (paragraph.role) {
    case 'title':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        // 标题与正文之间空一行.
        spacing: { ...EXACT_LINE, after: LINE_PITCH },
        ...common,
      });
    // 主送机关: 居左顶格，回行时仍顶格. The salutation to people stands the same way.
    case 'addressee':
    case 'salutation':
      return new Paragraph({ spacing: EXACT_LINE, ...common });
    case 'attachment':
      // 在正文下空一行左空二字编排"附件"二字，后标全角冒号和附件名称; the later items (and a name that
      // wraps) stand under the first item, after 附件：.
      return new Paragraph({
        indent: paragraph.continues ? { left: ATTACHMENT_ITEM_INDENT } : { left: ATTACHMENT_ITEM_INDENT, hanging: ATTACHMENT_ITEM_INDENT - TWO_BODY_CHARS },
        spacing: paragraph.continues ? EXACT_LINE : { ...EXACT_LINE, before: LINE_PITCH },
        ...common,
      });
    case 'signature':
    case 'date':
      return new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: TWO_BODY_CHARS },
        // 正文下空一行编排署名 (a second name line goes straight on).
        spacing: paragraph.role === 'signature' && !paragraph.continues ? { ...EXACT_LINE, before: LINE_PITCH } : EXACT_LINE,
        ...common,
      });
    default:
      return new Paragraph({
        spacing: EXACT_LINE,
        indent: { firstLineChars: 200, firstLine: TWO_BODY_CHARS },
        ...(paragraph.headingOnly
          ? { keepNext: true, outlineLevel: paragraph.role === 'heading' ? (paragraph.level ?? 1) - 1 : 0 }
          : {}),
        ...common,
      });
  }
}

/** One Word run per line of the laid run: a line break inside a paragraph is a w:br before the next. */
function toRuns(
  run: LaidRun,
  paragraph: LaidParagraph,
  fonts: OfficialFonts,
  fontFor: (name: string) => IRunOptions['font'],
  options: ExportOptions,
): TextRun[] {
  const format = runFormat(run, paragraph, fonts, fontFor, options);
  return splitLines(run.text).map((text, index) => new TextRun({ ...format, text, ...(index > 0 ? { break: 1 } : {}) }));
}

function runFormat(
  run: LaidRun,
  paragraph: LaidParagraph,
  fonts: OfficialFonts,
  fontFor: (name: string) => IRunOptions['font'],
  options: ExportOptions,
): IRunOptions {
  if (paragraph.role === 'title') {
    return { font: fontFor(fonts.title), size: TITLE_SIZE_HALF_POINTS };
  }
  const level: Level | undefined = paragraph.role === 'plain-heading' ? 1 : paragraph.level;
  const isHeading = run.face === 'heading';
  const font = isHeading ? headingFont(level, fonts) : fonts.body;
  const bold = run.bold || (isHeading && level === 3 && options.boldLevel3 === true);
  return {
    font: fontFor(font),
    size: BODY_SIZE_HALF_POINTS,
    ...(bold ? { bold: true } : {}),
    ...(options.characterFit === 'spacing' ? { characterSpacing: CONDENSED_SPACING } : {}),
  };
}

function toTable(rows: string[][], fonts: OfficialFonts, fontFor: (name: string) => IRunOptions['font']): Table {
  const columns = Math.max(1, ...rows.map((row) => row.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          children: Array.from({ length: columns }, (_, column) =>
            new TableCell({
              children: [
                new Paragraph({
                  // Tables are set smaller (四号) on 20 pt lines, so a row is not a full 28.95 pt grid line.
                  spacing: SMALL_EXACT_LINE,
                  children: [new TextRun({ text: row[column] ?? '', font: fontFor(fonts.body), size: PAGE_NUMBER_SIZE_HALF_POINTS })],
                }),
              ],
            }),
          ),
        }),
    ),
  });
}
