import * as fs from 'node:fs';
import { analyze, applyEdits, collectFixEdits, LineIndex, looksLikeSummary, tooLargeMessage, type Finding, type Locale, type SummaryConfig } from '../core/index';
import { DocxReadError } from '../docx/read';
import { docxJsonRecords, isDocxPath, lintDocxFile } from './docx';
import { MAX_FILE_BYTES, readTextFile, ReadOnlyError, writeFileAtomically } from './files';
import { toReported, type ReportedFinding } from './format';

const FIX_PASSES = 5;

export interface CheckOptions {
  config: SummaryConfig;
  fix: boolean;
  locale: Locale;
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
  const fixed = options.fix ? fixText(read.text, file, options.config) : { text: read.text, findings: analyze(read.text, { fileName: file, config: options.config }).findings };
  let { text, findings } = fixed;
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
      text = read.text;
      findings = analyze(text, { fileName: file, config: options.config }).findings;
    }
  }
  result.reported = toReported(shown, text, findings, options.locale, new LineIndex(text));
  return result;
}

/**
 * Applies the certain fixes, pass after pass (a fix can make another one certain), and returns the
 * text with its remaining findings. A fix that cannot be applied cleanly leaves the text as it was.
 */
export function fixText(original: string, fileName: string, config: SummaryConfig): { text: string; findings: Finding[]; error?: string } {
  let text = original;
  let findings = analyze(text, { fileName, config }).findings;
  try {
    for (let pass = 0; pass < FIX_PASSES; pass++) {
      const edits = collectFixEdits(findings);
      if (!edits.length) break;
      text = applyEdits(text, edits);
      findings = analyze(text, { fileName, config }).findings;
    }
    return { text, findings };
  } catch (error) {
    return { text: original, findings: analyze(original, { fileName, config }).findings, error: (error as Error).message };
  }
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
