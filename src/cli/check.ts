import * as fs from 'node:fs';
import { analyze, applyEdits, ChunkCache, collectFixEdits, formatOf, LineIndex, looksLikeSummary, tooLargeMessage, type ChunkParse, type Finding, type Locale, type SummaryConfig, type UnusedDirective } from '../core/index';
import { DocxReadError } from '../docx/read';
import { docxJsonRecords, isDocxPath, lintDocxFile } from './docx';
import { MAX_FILE_BYTES, readTextFile, ReadOnlyError, writeFileAtomically } from './files';
import { toReported, toReportedDirectives, type ReportedFinding } from './format';

const FIX_PASSES = 5;

export interface CheckOptions {
  config: SummaryConfig;
  fix: boolean;
  locale: Locale;
  /** --report-unused-disable-directives: disable comments that suppressed nothing are errors */
  reportUnusedDirectives?: boolean;
}

/** What checking one file gives: its findings, the lines it has for stderr, and its exit code. */
export interface FileResult {
  reported: ReportedFinding[];
  messages: string[];
  exitCode: number;
}

/**
 * Checks one file on disk. Everything it reports is in the result (nothing is printed), so a
 * folder can be checked on several threads and the results put back in file order.
 */
export async function checkFile(file: string, shown: string, foundInFolder: boolean, options: CheckOptions): Promise<FileResult> {
  const result: FileResult = { reported: [], messages: [], exitCode: 0 };
  const say = (zh: string, en: string) => result.messages.push(`summary-lint: ${options.locale === 'en' ? en : zh}\n`);
  if (isDocxPath(file)) {
    await checkDocx(file, shown, foundInFolder, options, result, say);
    return result;
  }
  const read = readTextFile(file);
  if (!read.ok) {
    say(`${shown}：${read.message.zh}`, `${shown}: ${read.message.en}`);
    result.exitCode = 2;
    return result;
  }
  // a README or a note in a folder of submissions is not a summary: only named files are checked unasked
  if (foundInFolder && !looksLikeSummary(file, read.text)) return result;
  const fixed: Checked & { error?: string } = options.fix ? fixText(read.text, file, options.config) : analyzed(read.text, file, options.config);
  let { text, findings, unusedDirectives } = fixed;
  if (fixed.error) {
    say(`${shown}：无法修复（${fixed.error}），文件未改动`, `${shown}: cannot fix (${fixed.error}), file left unchanged`);
    result.exitCode = 2;
  }
  if (text !== read.text) {
    try {
      writeFileAtomically(file, text);
    } catch (error) {
      const reason = error instanceof ReadOnlyError ? { zh: '文件只读，未修复', en: 'read-only, not fixed' } : { zh: `无法写入：${(error as Error).message}`, en: `cannot write: ${(error as Error).message}` };
      say(`${shown}：${reason.zh}`, `${shown}: ${reason.en}`);
      result.exitCode = 2;
      ({ text, findings, unusedDirectives } = analyzed(read.text, file, options.config));
    }
  }
  const lines = new LineIndex(text);
  result.reported = toReported(shown, text, findings, options.locale, lines);
  if (options.reportUnusedDirectives && unusedDirectives?.length) {
    // in document order among the file's findings
    result.reported.push(...toReportedDirectives(shown, text, unusedDirectives, options.locale, lines));
    result.reported.sort((a, b) => a.line - b.line || a.column - b.column);
  }
  return result;
}

/**
 * Applies the certain fixes, pass after pass (a fix can make another one certain), and returns the
 * text with its remaining findings. A fix that cannot be applied cleanly leaves the text as it was.
 */
export function fixText(original: string, fileName: string, config: SummaryConfig): Checked & { error?: string } {
  let current = analyzed(original, fileName, config);
  try {
    for (let pass = 0; pass < FIX_PASSES; pass++) {
      const edits = collectFixEdits(current.findings);
      if (!edits.length) break;
      current = analyzed(applyEdits(current.text, edits), fileName, config);
    }
    return current;
  } catch (error) {
    return { ...analyzed(original, fileName, config), error: (error as Error).message };
  }
}

/** A text with what the linter says of it. */
interface Checked {
  text: string;
  findings: Finding[];
  unusedDirectives?: UnusedDirective[];
}

function analyzed(text: string, fileName: string, config: SummaryConfig): Checked {
  const { findings, unusedDirectives } = analyze(text, { fileName, config, cache: chunkCacheFor(config, formatOf(fileName)) });
  return unusedDirectives ? { text, findings, unusedDirectives } : { text, findings };
}

/** How much chunk text the run keeps read (on each thread, per configuration and format): a few folders of submissions. */
const KEPT_CHUNK_CHARS = 8_000_000;
const chunkCaches = new WeakMap<SummaryConfig, Map<'markdown' | 'text', ChunkCache<ChunkParse>>>();

/**
 * One chunk cache for the run, per configuration and format (a rule's work on a chunk is kept with
 * its parse, and may depend on both): a paragraph that recurs across the files (the template parts
 * of thirty units' reports, a file sent twice) is read and checked once, and each pass of --fix
 * reads again only what the fixes changed. A chunk's parse depends on its text alone.
 */
function chunkCacheFor(config: SummaryConfig, format: 'markdown' | 'text'): ChunkCache<ChunkParse> {
  let byFormat = chunkCaches.get(config);
  if (!byFormat) chunkCaches.set(config, (byFormat = new Map()));
  let cache = byFormat.get(format);
  if (!cache) byFormat.set(format, (cache = new ChunkCache<ChunkParse>({ keepChars: KEPT_CHUNK_CHARS })));
  return cache;
}

async function checkDocx(
  file: string,
  shown: string,
  foundInFolder: boolean,
  options: CheckOptions,
  result: FileResult,
  say: (zh: string, en: string) => void,
): Promise<void> {
  const size = fs.statSync(file).size;
  if (size > MAX_FILE_BYTES) {
    const reason = tooLargeMessage(size);
    say(`${shown}：${reason.zh}`, `${shown}: ${reason.en}`);
    result.exitCode = 2;
    return;
  }
  let linted;
  try {
    linted = await lintDocxFile(file, { config: options.config });
  } catch (error) {
    const reason = error instanceof DocxReadError ? error.reason : { zh: `不是可读取的 Word 文件（${(error as Error).message}）`, en: `not a readable Word file (${(error as Error).message})` };
    say(`${shown}：${reason.zh}`, `${shown}: ${reason.en}`);
    result.exitCode = 2;
    return;
  }
  if (foundInFolder && !looksLikeSummary(file, linted.text)) return;
  if (options.fix && linted.findings.some((f) => f.fix)) {
    say(`${shown}：不会改写 Word 文件，请在 Word 中修改`, `${shown}: fixes are not written into Word files; change them in Word`);
  }
  if (linted.autoNumberedParagraphs.length) {
    say(
      `${shown}：第 ${linted.autoNumberedParagraphs.slice(0, 5).join('、')} 段等使用 Word 自动编号，其编号无法检查`,
      `${shown}: paragraphs ${linted.autoNumberedParagraphs.slice(0, 5).join(', ')}… use Word's automatic numbering, which cannot be checked`,
    );
  }
  result.reported = docxJsonRecords(shown, linted, options.locale);
}
