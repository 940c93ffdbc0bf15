import type { Message } from '../types';

/** Numbering levels of GB/T 9704 §7.3.3: 一、 → （一） → 1. → （1） → ①. */
export type Level = 1 | 2 | 3 | 4 | 5;

/**
 * How a marker is written. `canonical` is the house-style form of its level; the others are the
 * variants that really occur and that numbering-style reports.
 */
export type MarkerStyle =
  | 'cn-dun' //           一、
  | 'cn-dot' //           一.  一．
  | 'cn-comma' //         一，
  | 'cn-paren' //         （一）
  | 'cn-paren-half' //    (一)  （一)  (一）
  | 'cn-paren-punct' //   （一）、 （一）.
  | 'arabic-dot' //       1.
  | 'arabic-fullwidth-dot' // 1．
  | 'arabic-dun' //       1、
  | 'arabic-cn-period' // 1。 (a wrong form)
  | 'arabic-paren' //     （1）
  | 'arabic-paren-half' // (1)  （1)  (1）
  | 'arabic-paren-punct' // （1）、
  | 'arabic-right-paren' // 1）  1)
  | 'arabic-parenthesized-char' // ⑴
  | 'circled' //          ①
  | 'circled-punct' //    ①、  ①.
  | 'decimal' //          1.2 / 1.2.3 (English reports, level by depth)
  | 'roman'; //           I.  II.

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'code' | 'html' | 'table' | 'front-matter' | 'other';

/** A block of the source: a Markdown block node, or a blank-line separated paragraph of plain text. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Offsets where each source line of the block starts (the first is `start`). */
  lineStarts: number[];
  /** Markdown heading depth (1–6) for `heading` blocks. */
  depth?: number;
}

export interface Marker {
  /** The marker as written, e.g. `（一）` or `1、` (without leading spaces). */
  text: string;
  start: number;
  end: number;
  level: Level;
  number: number;
  style: MarkerStyle;
  /** For decimal markers, the full path, e.g. [1, 2] for `1.2`. */
  path?: number[];
  /** Where it stands: at a heading, a paragraph start, a list item or a later line of a paragraph. */
  at: 'heading' | 'paragraph' | 'list-item' | 'line';
  /** The heading text: up to the first 。；： or the line end (run-in headings), trimmed. */
  headingText: string;
  headingEnd: number;
  /** The offset of the start of the line the marker is on. */
  lineStart: number;
  blockIndex: number;
  /** visual width of the indentation before the marker (a tab 4, a full-width space 2) */
  indent: number;
  /** the `#` depth of the Markdown heading the marker opens */
  headingDepth?: number;
}

export interface Section {
  marker: Marker;
  level: Level;
  number: number;
  /** heading range: the marker start to the end of the heading text */
  headingStart: number;
  headingEnd: number;
  /** the whole section: from its marker to the start of the next section at the same or a higher level */
  start: number;
  end: number;
  children: Section[];
  parent?: Section;
  /** Index of the numbering scope: restarting under a new unnumbered heading is not a fault. */
  scope: number;
  /**
   * The first section of a new scope says what opened it: an unnumbered heading or title-like line
   * (`break`), or a lead-in: a label line (`下周计划：`) or a sentence ending in ： (`计划如下：`).
   */
  scopeOpenedBy?: 'break' | 'lead-in';
  /**
   * Placed under its parent by indentation (a nested list, `I.` indented under `1.`), not by the
   * level of its marker.
   */
  nestedByIndent?: boolean;
}

export type EnumerationKind = 'shi' | 'yao' | 'di' | 'shouxian';

export interface EnumerationItem {
  kind: EnumerationKind;
  /** 一是 → 1; 首先 → 1, 其次 → 2, 再次 → 3, 最后 → Infinity-like marker -1 */
  number: number;
  text: string;
  start: number;
  end: number;
  /** the paragraph (block) it is in */
  blockIndex: number;
}

/** Front matter key/values (simple `key: value` lines). */
export interface FrontMatter {
  start: number;
  end: number;
  data: Record<string, string>;
}

export interface Range {
  start: number;
  end: number;
}

export interface Title {
  /** the title's words; a title over two or three lines is joined (政府工作报 / 告 → 政府工作报告) */
  text: string;
  start: number;
  end: number;
  /** where each line of a title written over several lines stands */
  lines?: Range[];
}

/** A date as written (成文日期): 2024年1月5日, 2024-01-05; month and day only where they are numbers. */
export interface DateMark extends Range {
  text: string;
  year: number;
  month?: number;
  day?: number;
}

/** A 成文日期 under the name line that signs it (发文机关署名 or a person). */
export interface SignatureDate extends DateMark {
  /** the name line above the date (contact lines may stand between them) */
  signer: Range;
}

/** The 附件说明: `附件：1.名称` and the lines that continue it. Never a section, never numbered. */
export interface AttachmentNote extends Range {
  /** `附件：` (or `附件:` as written) */
  label: Range;
  colon: string;
  items: {
    start: number;
    end: number;
    /** the start of the line the item is on (for alignment) */
    lineStart: number;
    /** `1.` as written, with its value and separator (`.` `．` `、` or none) */
    number?: Range & { value: number; separator: string };
    name: Range;
  }[];
}

/** The end of a report: the formula (特此报告), who signs (a unit or a person), the 成文日期. */
export interface Closing extends Range {
  formula?: Range;
  signer?: Range;
  date?: DateMark;
}

export interface SummaryDocument {
  text: string;
  format: 'markdown' | 'text';
  /** Front matter key/values (simple `key: value` lines) */
  frontMatter?: FrontMatter;
  title?: Title;
  /** The opening: from after the title to the first section */
  opening?: { start: number; end: number };
  blocks: Block[];
  /** Every recognised numbering marker, in document order. */
  markers: Marker[];
  /** Top-level sections (roots of the section tree), in order. */
  sections: Section[];
  enumerations: EnumerationItem[];
  /** Unnumbered headings and heading-like lines that start a new numbering scope. */
  scopeBreaks: number[];
  /** Lead-ins: label lines and sentences ending in ： after which a list may start again at one. */
  leadIns: number[];
  /**
   * Tables (Markdown, HTML, tab-separated cells, rows of figures, the statistics tables of a
   * disclosure report however a copy broke them): their row labels are no sections.
   */
  tables: TableRegion[];
  /** Markers left out of the sections because they label table rows or list a table of contents. */
  tableMarkers: Marker[];
  profile: ProfileChoice;
  /**
   * The chunks the text was read in, with their cached parses: rules that look at one block at a
   * time keep their findings on the parse, so an unchanged chunk is never checked twice.
   */
  chunks: ChunkRef[];
  /** The period year(s) the summary covers, from the title or front matter, else from the text. */
  period?: { from: number; to: number; annual: boolean; /** the last month of the period, where the title says (上半年 → 6) */ endMonth?: number; source?: 'title' | 'text' };
  /**
   * The 主送机关 (addressee) at the top: the organ the report goes to (`市政府：`, `县委、县政府：`), on
   * its own line right after the title. Only where it is certain: a line that names people is the
   * salutation, a sentence ending in ： is the opening.
   */
  addressee?: Range;
  /** A salutation to people at the top (各位领导、同志们：, 尊敬的各位代表：), or on the line after the addressee. */
  salutation?: Range;
  /** The 附件说明 (attachment note), a part of its own. */
  attachments?: AttachmentNote;
  /** The closing: formula, signer, date. A part of its own. */
  closing?: Closing;
  /**
   * The second half of a bilingual report (the same report in the other language, after a rule line,
   * under its own title): a part of its own, its sections roots of their own.
   */
  otherHalf?: Range & { title: Title; language: 'zh' | 'en'; /** where the first half ends: the rule line between them */ firstHalfEnd: number };
  /** Every signature date (a date line under a name), the closing's and those of earlier halves. */
  signatureDates?: SignatureDate[];
  /**
   * Notes after the body under a heading line of their own (名词解释, 注释, Notes): a part of its own,
   * its numbered notes roots of their own, not items of the last section. From the heading line to
   * the next unnumbered heading (an appendix) or the end.
   */
  noteParts?: NotePart[];
}

export interface NotePart extends Range {
  heading: Range & { text: string };
}

export interface TableRegion {
  start: number;
  end: number;
}

export interface ChunkRef {
  start: number;
  end: number;
  /** index in `blocks` of the chunk's first block */
  firstBlock: number;
  parse: ChunkParse;
}

/** A part the profile expects; found by section headings, else by a paragraph that opens with it. */
export interface ProfilePart {
  id: string;
  name: Message;
  /**
   * `opening`: text between title and first section; `main-work`: any section that is not another part;
   * `salutation`: a 称谓 line at the top; `closing`: a closing formula (特此报告, 请予评议);
   * `signature`: who signs and the date at the end.
   */
  kind?: 'opening' | 'main-work' | 'salutation' | 'closing' | 'signature';
  /** Only sections of this level count (the six mandated parts of a disclosure report are level one). */
  level?: Level;
  headingPatterns?: string[];
  paragraphPatterns?: string[];
  skeleton: string;
}

/** Profiles are data: built in ones ship as JSON, workspaces add more in .summaryrc.json. */
export interface Profile {
  id: string;
  name: Message;
  language: 'zh' | 'en';
  titlePatterns: string[];
  parts: ProfilePart[];
  /** Part ids in the order they must appear (among those present). */
  order: string[];
  skeleton: string;
}

export interface ProfileChoice {
  profile: Profile;
  reason: 'chosen' | 'front-matter' | 'title' | 'language' | 'config' | 'default';
}

/** A numbering marker read at a line start, before the model places it in the tree. */
export interface MarkerCandidate {
  text: string;
  /** offset within the scanned string */
  start: number;
  end: number;
  level: Level;
  number: number;
  style: MarkerStyle;
  path?: number[];
  /**
   * A digit follows the marker (`3、4月份`, `3．10种`): it is a marker only where the numbering
   * around it expects exactly this number.
   */
  ambiguous: boolean;
}

/** What a chunk yields on its own, with offsets relative to the chunk's start. */
export interface ChunkParse {
  /** the chunk's text: the cache key, kept so block rules can read it without slicing again */
  text: string;
  format: 'markdown' | 'text';
  blocks: Block[];
  candidates: LineCandidate[];
  /** starts of the lines that are table rows (pipe rows, HTML rows, tab-separated cells, figures) */
  tableLines: number[];
  enumerations: EnumerationItem[];
  /** what rules found in this chunk alone, relative to its start, kept for the next version */
  memo?: Map<string, unknown>;
}

export interface LineCandidate {
  blockIndex: number;
  lineIndex: number;
  lineStart: number;
  candidate: MarkerCandidate;
  at: Marker['at'];
  headingText: string;
  headingEnd: number;
  indent: number;
  headingDepth?: number;
  /** the line is a table row: tab-separated cells, or a statistics-table row label (certain, or a wrapped prefix) */
  table?: 'cells' | 'statistics' | 'statistics-prefix';
  /** a marker in mid-line of a crawled one-line document: `lineStart` is the marker's own start */
  runIn?: boolean;
}

/** What the reader hands the model builder: the blocks and line-start markers of every chunk, at their real offsets. */
export interface ReadResult {
  blocks: Block[];
  candidates: LineCandidate[];
  enumerations: EnumerationItem[];
  chunks: ChunkRef[];
  tableLines: number[];
}
