/**
 * What the CLI needs for Word files: `.docx` input reported by paragraph, and `--export-docx <out>`.
 * The file system is the CLI's; src/docx itself only turns bytes into text and back.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { analyze, pickMessage, type Analysis, type Finding, type Locale, type SummaryConfig } from '../core/index';
import { exportDocx, type ExportOptions } from '../docx/export';
import { locateInDocx, readDocx, type DocxParagraph, type DocxText } from '../docx/read';
import type { ReportedFinding } from './format';

export function isDocxPath(path: string): boolean {
  // ~$name.docx are Word's lock files next to an open document, not documents.
  return /\.docx$/iu.test(path) && !/(^|[\\/])~\$[^\\/]*$/u.test(path);
}

/** Where a finding is in the Word file: paragraph numbers as a reader counts them, and the text there. */
export interface DocxFindingLocation {
  /** 1-based paragraph of the finding's start. */
  paragraph: number;
  /** 1-based UTF-16 column inside that paragraph. */
  column: number;
  endParagraph: number;
  /** 1-based, exclusive, inside `endParagraph`. */
  endColumn: number;
  /** A short excerpt around the start, on one line. */
  excerpt: string;
}

export type DocxFinding = Finding & DocxFindingLocation;

export interface DocxLintResult {
  /** The text the rules saw: one paragraph per non-empty Word paragraph, blank-line separated. */
  text: string;
  paragraphs: DocxParagraph[];
  analysis: Analysis;
  findings: DocxFinding[];
  /**
   * Paragraphs Word numbers itself (automatic list numbering). Their markers are not text, so the
   * numbering rules cannot check them; the CLI can say so once per file.
   */
  autoNumberedParagraphs: number[];
}

export interface DocxLintOptions {
  config?: SummaryConfig;
  /** Used for the profile choice by name; the format is always plain text (Word text is not Markdown). */
  fileName?: string;
}

/** Lints the paragraphs of a .docx held in memory. */
export async function lintDocx(buffer: Uint8Array, options: DocxLintOptions = {}): Promise<DocxLintResult> {
  return lintDocxText(await readDocx(buffer), options);
}

/**
 * The synchronous half of `lintDocx`, for a caller that has read its .docx files first (reading is
 * asynchronous: mammoth has no synchronous API) and lints them in a synchronous loop.
 */
export function lintDocxText({ text, paragraphs }: Pick<DocxText, 'text' | 'paragraphs'>, options: DocxLintOptions = {}): DocxLintResult {
  const analysis = analyze(text, {
    format: 'text',
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
    ...(options.config !== undefined ? { config: options.config } : {}),
  });
  const findings = analysis.findings.map((finding) => ({ ...finding, ...locateFinding(paragraphs, finding) }));
  const autoNumberedParagraphs = paragraphs.filter((paragraph) => paragraph.autoNumbered).map((paragraph) => paragraph.index);
  return { text, paragraphs, analysis, findings, autoNumberedParagraphs };
}

export async function lintDocxFile(path: string, options: Omit<DocxLintOptions, 'fileName'> = {}): Promise<DocxLintResult> {
  const buffer = await readFile(path);
  return lintDocx(buffer, { ...options, fileName: path });
}

function locateFinding(paragraphs: readonly DocxParagraph[], finding: Finding): DocxFindingLocation {
  const start = locateInDocx(paragraphs, finding.start);
  const end = locateInDocx(paragraphs, Math.max(finding.start, finding.end - 1));
  const startParagraph = paragraphs[start.paragraph - 1];
  const endParagraph = paragraphs[end.paragraph - 1];
  return {
    paragraph: start.paragraph,
    column: startParagraph ? clampColumn(finding.start - startParagraph.start, startParagraph) : 1,
    endParagraph: end.paragraph,
    endColumn: endParagraph ? clampColumn(finding.end - endParagraph.start, endParagraph) : 1,
    excerpt: start.excerpt,
  };
}

function clampColumn(offsetInParagraph: number, paragraph: DocxParagraph): number {
  return Math.min(Math.max(offsetInParagraph, 0), paragraph.end - paragraph.start) + 1;
}

/**
 * The CLI's report record (src/cli/format.ts `ReportedFinding`) for a .docx finding: `line`/`column`
 * are the paragraph and the column inside it (what a Word user can find), plus `paragraph` and
 * `excerpt`, which formatText prints as `file:¶7 … 「excerpt」`. `fixable` is false: fixes are text
 * edits and are not written back into Word files.
 */
export type DocxJsonRecord = ReportedFinding & { fixable: false; paragraph: number; excerpt: string };

export function docxJsonRecords(file: string, result: DocxLintResult, locale: Locale): DocxJsonRecord[] {
  return result.findings.map((finding) => ({
    file,
    line: finding.paragraph,
    column: finding.column,
    endLine: finding.endParagraph,
    endColumn: finding.endColumn,
    rule: finding.rule,
    severity: finding.severity,
    message: pickMessage(finding.message, locale),
    fixable: false,
    paragraph: finding.paragraph,
    excerpt: finding.excerpt,
  }));
}

export interface ExportFileOptions {
  config?: SummaryConfig;
  export?: ExportOptions;
}

/**
 * `--export-docx <out>`: reads a Markdown or text summary (or a .docx, re-laid out), builds the model
 * the same way the linter does, and writes the GB/T 9704 .docx.
 */
export async function exportDocxFile(sourcePath: string, outPath: string, options: ExportFileOptions = {}): Promise<void> {
  const config = options.config !== undefined ? { config: options.config } : {};
  let analysis: Analysis;
  if (isDocxPath(sourcePath)) {
    const { text } = await readDocx(await readFile(sourcePath));
    analysis = analyze(text, { format: 'text', fileName: sourcePath, ...config });
  } else {
    analysis = analyze(await readFile(sourcePath, 'utf8'), { fileName: sourcePath, ...config });
  }
  await writeFile(outPath, await exportDocx(analysis.document, options.export));
}
