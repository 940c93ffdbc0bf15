import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  analyze,
  applyEdits,
  collectFixEdits,
  DEFAULT_CONFIG,
  findProfile,
  parseConfig,
  pickMessage,
  LineIndex,
  looksLikeSummary,
  tooLargeMessage,
  type Locale,
  type SummaryConfig,
} from '../core/index';
import { DocxReadError } from '../docx/read';
import { docxJsonRecords, exportDocxFile, isDocxPath, lintDocxFile } from './docx';
import { expandInputs, MAX_FILE_BYTES, readTextFile, ReadOnlyError, writeFileAtomically } from './files';
import { formatJson, formatSarif, formatText, toReported, type ReportedFinding } from './format';

const VERSION = '0.1.0';
const FIX_PASSES = 5;

const USAGE = {
  zh: `用法：summary-lint [选项] <文件|目录|通配符>…

选项：
  --format text|json|sarif   输出格式（默认 text）
  --fix                      自动修复可确定的问题并写回文件
  --profile <id>             文种：work-summary、debriefing、disclosure-report、en-report
  --config <文件>            配置文件（默认读取当前目录的 .summaryrc.json）
  --locale zh-CN|en          消息语言
  --export-docx <输出文件>   将（唯一的）输入文件按 GB/T 9704 版式导出为 .docx
  -h, --help                 显示本帮助
  -v, --version              显示版本

退出码：0 无错误；1 发现错误；2 用法错误、文件无法读取或配置有误。`,
  en: `Usage: summary-lint [options] <files|dirs|globs>…

Options:
  --format text|json|sarif   output format (default text)
  --fix                      apply the fixes that are certain and write the files
  --profile <id>             document type: work-summary, debriefing, disclosure-report, en-report
  --config <file>            configuration file (default: .summaryrc.json in the current folder)
  --locale zh-CN|en          message language
  --export-docx <out>        export the (single) input as a GB/T 9704 formatted .docx
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors; 1 errors found; 2 bad usage, unreadable file or bad configuration.`,
};

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function defaultLocale(env: CliIo['env']): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(lang) ? 'en' : 'zh-CN';
}

/** Runs the CLI and returns its exit code; all output goes through `io`, so tests run it in-process. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let locale = defaultLocale(io.env);
  const say = (zh: string, en: string) => io.stderr(`summary-lint: ${locale === 'en' ? en : zh}\n`);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        fix: { type: 'boolean', default: false },
        profile: { type: 'string' },
        config: { type: 'string' },
        locale: { type: 'string' },
        'export-docx': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    say(`参数有误：${(error as Error).message}（见 --help）`, `bad arguments: ${(error as Error).message} (see --help)`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.locale !== undefined) {
    if (values.locale !== 'zh-CN' && values.locale !== 'en') {
      say(`--locale 应为 zh-CN 或 en，实为 “${values.locale}”`, `--locale must be zh-CN or en, found "${values.locale}"`);
      return 2;
    }
    locale = values.locale;
  }
  if (values.help) {
    io.stdout(USAGE[locale === 'en' ? 'en' : 'zh'] + '\n');
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    say(`--format 应为 text、json 或 sarif，实为 “${format}”`, `--format must be text, json or sarif, found "${format}"`);
    return 2;
  }
  if (positionals.length === 0) {
    say('请指定要检查的文件、目录或通配符（见 --help）', 'name the files, folders or globs to check (see --help)');
    return 2;
  }

  let exitCode = 0;
  const loaded = loadConfig(values.config, io.cwd);
  if (loaded.problem) {
    say(`配置有误，已改用默认设置：${loaded.problem.zh}`, `bad configuration, using the defaults: ${loaded.problem.en}`);
    exitCode = 2;
  }
  const config: SummaryConfig = loaded.config;
  if (values.profile !== undefined) {
    if (!findProfile(values.profile, config.profiles)) {
      say(`未知的文种 “${values.profile}”`, `unknown profile "${values.profile}"`);
      return 2;
    }
    config.profile = values.profile;
  }

  const exportTo = values['export-docx'];
  if (exportTo !== undefined) {
    if (positionals.length !== 1) {
      say('--export-docx 只接受一个输入文件', '--export-docx takes exactly one input file');
      return 2;
    }
    try {
      await exportDocxFile(path.resolve(io.cwd, positionals[0]), path.resolve(io.cwd, exportTo), { config });
    } catch (error) {
      say(`无法导出：${(error as Error).message}`, `cannot export: ${(error as Error).message}`);
      return 2;
    }
    io.stderr(locale === 'en' ? `summary-lint: wrote ${exportTo}\n` : `summary-lint：已写出 ${exportTo}\n`);
    return exitCode;
  }

  const { files, problems, fromFolders } = expandInputs(positionals, io.cwd);
  for (const problem of problems) {
    say(`${problem.file}：${problem.message.zh}`, `${problem.file}: ${problem.message.en}`);
    exitCode = 2;
  }
  const reported: ReportedFinding[] = [];
  for (const file of files) {
    const shown = path.relative(io.cwd, file) || file;
    if (isDocxPath(file)) {
      exitCode = Math.max(exitCode, await checkDocx(file, shown, fromFolders.has(file)));
      continue;
    }
    const read = readTextFile(file);
    if (!read.ok) {
      say(`${shown}：${read.message.zh}`, `${shown}: ${read.message.en}`);
      exitCode = 2;
      continue;
    }
    // a README or a note in a folder of submissions is not a summary: only named files are checked unasked
    if (fromFolders.has(file) && !looksLikeSummary(file, read.text)) continue;
    let text = read.text;
    let { findings } = analyze(text, { fileName: file, config });
    if (values.fix) {
      const original = text;
      try {
        for (let pass = 0; pass < FIX_PASSES; pass++) {
          const edits = collectFixEdits(findings);
          if (!edits.length) break;
          text = applyEdits(text, edits);
          findings = analyze(text, { fileName: file, config }).findings;
        }
      } catch (error) {
        // a fix that cannot be applied cleanly leaves the file exactly as it was
        say(`${shown}：无法修复（${(error as Error).message}），文件未改动`, `${shown}: cannot fix (${(error as Error).message}), file left unchanged`);
        exitCode = 2;
        text = original;
        findings = analyze(text, { fileName: file, config }).findings;
      }
      if (text !== original) {
        try {
          writeFileAtomically(file, text);
        } catch (error) {
          const reason = error instanceof ReadOnlyError ? { zh: '文件只读，未修复', en: 'read-only, not fixed' } : { zh: `无法写入：${(error as Error).message}`, en: `cannot write: ${(error as Error).message}` };
          say(`${shown}：${reason.zh}`, `${shown}: ${reason.en}`);
          exitCode = 2;
          text = read.text;
          findings = analyze(text, { fileName: file, config }).findings;
        }
      }
    }
    reported.push(...toReported(shown, text, findings, locale, new LineIndex(text)));
  }

  if (format === 'json') io.stdout(formatJson(reported));
  else if (format === 'sarif') io.stdout(formatSarif(reported, locale, VERSION));
  else io.stdout(formatText(reported, locale));
  if (exitCode === 0 && reported.some((f) => f.severity === 'error')) exitCode = 1;
  return exitCode;

  async function checkDocx(file: string, shown: string, foundInFolder: boolean): Promise<number> {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      const reason = tooLargeMessage(size);
      say(`${shown}：${reason.zh}`, `${shown}: ${reason.en}`);
      return 2;
    }
    let result;
    try {
      result = await lintDocxFile(file, { config });
    } catch (error) {
      const reason = error instanceof DocxReadError ? error.reason : { zh: `不是可读取的 Word 文件（${(error as Error).message}）`, en: `not a readable Word file (${(error as Error).message})` };
      say(`${shown}：${reason.zh}`, `${shown}: ${reason.en}`);
      return 2;
    }
    if (foundInFolder && !looksLikeSummary(file, result.text)) return 0;
    if (values.fix && result.findings.some((f) => f.fix)) {
      say(`${shown}：不会改写 Word 文件，请在 Word 中修改`, `${shown}: fixes are not written into Word files; change them in Word`);
    }
    if (result.autoNumberedParagraphs.length) {
      say(
        `${shown}：第 ${result.autoNumberedParagraphs.slice(0, 5).join('、')} 段等使用 Word 自动编号，其编号无法检查`,
        `${shown}: paragraphs ${result.autoNumberedParagraphs.slice(0, 5).join(', ')}… use Word's automatic numbering, which cannot be checked`,
      );
    }
    reported.push(...docxJsonRecords(shown, result, locale));
    return 0;
  }
}

function loadConfig(configPath: string | undefined, cwd: string): { config: SummaryConfig; problem?: { zh: string; en: string } } {
  const file = configPath ? path.resolve(cwd, configPath) : path.join(cwd, '.summaryrc.json');
  if (!configPath && !fs.existsSync(file)) return { config: { ...DEFAULT_CONFIG, rules: {}, profiles: [] } };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { config: { ...DEFAULT_CONFIG, rules: {}, profiles: [] }, problem: { zh: `无法读取配置文件 ${file}`, en: `cannot read the configuration file ${file}` } };
  }
  const { config, problems } = parseConfig(text);
  if (!problems.length) return { config };
  const first = problems[0];
  const position = new LineIndex(text).positionAt(first.start);
  const where = `${path.relative(cwd, file) || file}:${position.line + 1}:${position.character + 1}`;
  const more = problems.length > 1 ? { zh: `（另有 ${problems.length - 1} 处）`, en: ` (and ${problems.length - 1} more)` } : { zh: '', en: '' };
  return {
    config,
    problem: { zh: `${where} ${pickMessage(first.message, 'zh-CN')}${more.zh}`, en: `${where} ${pickMessage(first.message, 'en')}${more.en}` },
  };
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`summary-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
