import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import {
  analyze,
  DEFAULT_CONFIG,
  findProfile,
  parseConfig,
  pickMessage,
  LineIndex,
  type Locale,
  type SummaryConfig,
} from '../core/index';
import { exportDocxFile, isDocxPath } from './docx';
import { version as PACKAGE_VERSION } from '../../package.json';
import { fixText, type CheckOptions } from './check';
import { checkFiles, threadCount } from './workers';
import { expandInputs } from './files';
import { formatJson, formatSarif, formatText, toReported, type ReportedFinding } from './format';

const VERSION: string = PACKAGE_VERSION;

const USAGE = {
  zh: `用法：summary-lint [选项] <文件|目录|通配符>…

选项：
  --format text|json|sarif   输出格式（默认 text）
  --fix                      自动修复可确定的问题并写回文件
  --profile <id>             文种：work-summary、debriefing、disclosure-report、en-report
  --config <文件>            配置文件（默认读取当前目录的 .summaryrc.json）
  --locale zh-CN|en          消息语言
  --export-docx <输出文件>   将（唯一的）输入文件按 GB/T 9704 版式导出为 .docx
  --stdin                    从标准输入读取文本（配合 --fix 时把修复后的文本写到标准输出）
  --stdin-filename <名称>    标准输入文本的文件名：据此判断格式、查找 .summaryrc.json
  --jobs <n>                 检查目录时使用的线程数（默认 CPU 核心数减一，至少一个）
  --only-summaries           点名的文件也只检查看起来是总结的（如 pre-commit 传入的文件）
  --lsp --stdio              作为语言服务器运行（LSP，经标准输入输出）
  --report-unused-disable-directives
                             报告未屏蔽任何问题的停用注释（summary-lint-disable…）
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
  --stdin                    read the text from standard input (with --fix: print the fixed text)
  --stdin-filename <name>    the name of that text: picks the format and the .summaryrc.json
  --jobs <n>                 threads for checking folders (default: one per CPU core but one, at least one)
  --only-summaries           skip named files that do not look like summaries (as pre-commit names them)
  --lsp --stdio              run as a language server (LSP over standard input and output)
  --report-unused-disable-directives
                             report disable comments (summary-lint-disable…) that suppressed nothing
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors; 1 errors found; 2 bad usage, unreadable file or bad configuration.`,
};

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input; only `--stdin` calls it. */
  readStdin?: () => Promise<Uint8Array>;
}

function defaultLocale(env: CliIo['env']): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(lang) ? 'en' : 'zh-CN';
}

/** Runs the CLI and returns its exit code; all output goes through `io`, so tests run it in-process. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--lsp')) {
    // the server reads its transport options (--stdio, --node-ipc, --clientProcessId=…) itself
    const { startServer } = await import('../server/main.js');
    startServer(argv);
    // it runs until the client's `exit` notification, which ends the process
    return new Promise<number>(() => undefined);
  }
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
        stdin: { type: 'boolean', default: false },
        jobs: { type: 'string' },
        'only-summaries': { type: 'boolean', default: false },
        'stdin-filename': { type: 'string' },
        'report-unused-disable-directives': { type: 'boolean', default: false },
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
  if (values.stdin && positionals.length > 0) {
    say('--stdin 与文件参数不能同时使用', '--stdin does not take file arguments');
    return 2;
  }
  if (values['stdin-filename'] !== undefined && !values.stdin) {
    say('--stdin-filename 需与 --stdin 一起使用', '--stdin-filename goes with --stdin');
    return 2;
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
      say(`--jobs 应为 1 到 64 的整数，实为 “${values.jobs}”`, `--jobs must be a whole number from 1 to 64, found "${values.jobs}"`);
      return 2;
    }
  }
  if (positionals.length === 0 && !values.stdin) {
    say('请指定要检查的文件、目录或通配符（见 --help）', 'name the files, folders or globs to check (see --help)');
    return 2;
  }

  let exitCode = 0;
  // for standard input the config is looked up from the name it stands for, as for that file
  const stdinFile = values['stdin-filename'] !== undefined ? path.resolve(io.cwd, values['stdin-filename']) : undefined;
  const loaded = loadConfig(values.config ?? (stdinFile ? findConfigAbove(stdinFile) : undefined), io.cwd);
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

  if (values.stdin) {
    if (values['export-docx'] !== undefined) {
      say('--export-docx 不能与 --stdin 一起使用', '--export-docx does not go with --stdin');
      return 2;
    }
    return checkStdin(io, values['stdin-filename'], { config, fix: values.fix, locale }, format, exitCode, say);
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
  const options: CheckOptions = { config, fix: values.fix, locale, reportUnusedDirectives: values['report-unused-disable-directives'] };
  // --only-summaries (the pre-commit hook): named files are judged like files found in a folder
  const toCheck = files.map((file) => ({ file, shown: path.relative(io.cwd, file) || file, foundInFolder: fromFolders.has(file) || values['only-summaries'] }));
  await checkFiles(toCheck, options, threadCount(jobs, toCheck.length), (result) => {
    for (const message of result.messages) io.stderr(message);
    exitCode = Math.max(exitCode, result.exitCode);
    reported.push(...result.reported);
  });
  io.stdout(formatReport(reported, format, locale));
  if (exitCode === 0 && reported.some((f) => f.severity === 'error')) exitCode = 1;
  return exitCode;
}

function formatReport(reported: readonly ReportedFinding[], format: 'text' | 'json' | 'sarif', locale: Locale): string {
  if (format === 'json') return formatJson(reported);
  if (format === 'sarif') return formatSarif(reported, locale, VERSION);
  return formatText(reported, locale);
}

/**
 * `--stdin`: the text comes from standard input and is reported under `--stdin-filename` (default
 * `<stdin>`), whose extension picks Markdown or plain text. With `--fix` the fixed text goes to
 * standard output instead of a report (what an editor's "format with" command expects).
 */
async function checkStdin(
  io: CliIo,
  stdinFileName: string | undefined,
  options: CheckOptions,
  format: 'text' | 'json' | 'sarif',
  exitCodeSoFar: number,
  say: (zh: string, en: string) => void,
): Promise<number> {
  if (!io.readStdin) {
    say('没有可读取的标准输入', 'no standard input to read');
    return 2;
  }
  const shown = stdinFileName ?? '<stdin>';
  if (stdinFileName && isDocxPath(stdinFileName)) {
    say('--stdin 只接受文本（Markdown 或纯文本），不接受 Word 文件', '--stdin takes text (Markdown or plain text), not Word files');
    return 2;
  }
  const bytes = await io.readStdin();
  if (bytes.includes(0)) {
    say(`${shown}：是二进制数据，未检查`, `${shown}: binary data, not checked`);
    return 2;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    say(`${shown}：不是有效的 UTF-8 文本，未检查`, `${shown}: not valid UTF-8 text, not checked`);
    return 2;
  }
  // the name decides Markdown or text and the profile by name; a missing name reads as plain text
  const fileName = stdinFileName ? path.resolve(io.cwd, stdinFileName) : 'stdin.txt';
  let exitCode = exitCodeSoFar;
  if (options.fix) {
    const fixed = fixText(text, fileName, options.config);
    if (fixed.error) {
      say(`${shown}：无法修复（${fixed.error}），原样输出`, `${shown}: cannot fix (${fixed.error}), printed unchanged`);
      exitCode = 2;
    }
    io.stdout(fixed.text);
    if (exitCode === 0 && fixed.findings.some((f) => f.severity === 'error')) exitCode = 1;
    return exitCode;
  }
  const { findings } = analyze(text, { fileName, config: options.config });
  const reported = toReported(shown, text, findings, options.locale, new LineIndex(text));
  io.stdout(formatReport(reported, format, options.locale));
  if (exitCode === 0 && reported.some((f) => f.severity === 'error')) exitCode = 1;
  return exitCode;
}

/** The nearest `.summaryrc.json` in the folder of `file` or above it, as ESLint and Prettier look. */
function findConfigAbove(file: string): string | undefined {
  let folder = path.dirname(file);
  for (;;) {
    const candidate = path.join(folder, '.summaryrc.json');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
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

// in a checking thread (src/cli/workers.ts) this bundle is loaded as the thread's main module too
if (require.main === module && isMainThread) {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`summary-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
