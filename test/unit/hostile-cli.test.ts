/**
 * Hostile input, broken configuration and write safety through the CLI, in-process. Each case has a
 * bound (generous: the machine is shared) and checks the exit code, the one stderr line, and that
 * the other files are still checked.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import type { ReportedFinding } from '../../src/cli/format';
import { runCli } from '../../src/cli/main';
import { analyze, applyEdits, collectFixEdits } from '../../src/core/index';
import { FIXTURE_CORPUS } from '../support/corpus';
import { documentOf, mutatedCorpus } from '../support/generators';
import { runs as scaledRuns, SEED } from '../support/seed';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

async function run(args: string[], cwd: string, boundMs = 20_000): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const started = performance.now();
  let code: number;
  try {
    code = await runCli(args, { cwd, env: { LANG: 'en_US.UTF-8' }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  } catch (error) {
    assert.fail(`runCli threw instead of reporting: ${(error as Error).stack}`);
  }
  const ms = performance.now() - started;
  // a hang guard, not a benchmark: six times the nominal bound, so a loaded machine never fails it
  assert.ok(ms < boundMs * 6, `summary-lint ${args.join(' ')} took ${ms.toFixed(0)} ms, hang guard ${boundMs * 6} ms`);
  return { code, stdout, stderr, ms };
}

/** out/test/unit → out/src/cli/main.js */
const CLI = path.resolve(__dirname, '../../src/cli/main.js');

/** The same in a worker thread terminated at the bound, for inputs that might hang or overflow the stack. */
async function runIsolated(args: string[], cwd: string, nominalMs: number): Promise<Run> {
  const boundMs = nominalMs * 6; // a hang guard, not a benchmark
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { runCli } = require(workerData.cli);
    let stdout = '';
    let stderr = '';
    const started = performance.now();
    (async () => { try {
      const code = await runCli(workerData.args, { cwd: workerData.cwd, env: { LANG: 'en_US.UTF-8' }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      parentPort.postMessage({ code, stdout, stderr, ms: performance.now() - started });
    } catch (error) {
      parentPort.postMessage({ threw: String((error && error.stack) || error).split('\\n').slice(0, 4).join('\\n') });
    } })();`;
  const worker = new Worker(source, { eval: true, workerData: { cli: CLI, args, cwd } });
  try {
    const message = await new Promise<Run & { threw?: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`summary-lint ${args.join(' ')} did not finish within ${boundMs} ms`)), boundMs + 5000);
      worker.once('message', (m) => (clearTimeout(timer), resolve(m)));
      worker.once('error', (e) => (clearTimeout(timer), reject(e)));
    });
    assert.equal(message.threw, undefined, `runCli threw instead of reporting: ${message.threw}`);
    assert.ok(message.ms < boundMs, `summary-lint ${args.join(' ')} took ${message.ms.toFixed(0)} ms, bound ${boundMs} ms`);
    return message;
  } finally {
    await worker.terminate();
  }
}

const json = (r: Run) => JSON.parse(r.stdout) as ReportedFinding[];
const stderrLines = (r: Run) => r.stderr.split('\n').filter(Boolean);

const DUPLICATED = '2025年工作总结\n\n　　今年以来，我们认真履职。现将有关情况总结如下：\n\n　　一、加强学习\n\n　　二、完善制度\n\n　　二、存在的问题\n\n　　下一步，我们将继续努力。\n';
const FIXED = DUPLICATED.replace('二、存在的问题', '三、存在的问题');
/** the duplicated 二、 is at 9:3 */
const hasDuplicate = (r: Run, file: string, line = 9, column = 3) =>
  json(r).some((f) => f.file === file && f.rule === 'numbering-sequence' && f.line === line && f.column === column);

function snapshot(file: string): { bytes: Buffer; mtimeMs: number; mode: number } {
  const stat = fs.statSync(file);
  return { bytes: fs.readFileSync(file), mtimeMs: stat.mtimeMs, mode: stat.mode };
}
function assertUntouched(file: string, before: { bytes: Buffer; mtimeMs: number; mode: number }): void {
  const after = snapshot(file);
  assert.ok(after.bytes.equals(before.bytes), `${path.basename(file)} changed`);
  assert.equal(after.mtimeMs, before.mtimeMs, `${path.basename(file)} was rewritten`);
  assert.equal(after.mode, before.mode);
}
/** temporary files --fix may have left beside the targets */
function leftovers(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (/\.tmp$|~$|\.swp$/.test(entry.name)) found.push(entry.name);
  }
  return found;
}

function chattr(flag: '+i' | '-i', target: string): boolean {
  try {
    execFileSync('chattr', [flag, target], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('hostile input: CLI', function () {
  this.timeout(300_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-hostile-'));
  });
  afterEach(() => {
    for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) chattr('-i', path.join(dir, entry));
    chattr('-i', dir);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };

  describe('odd files', () => {
    it('empty and whitespace-only files: checked, no structure findings, exit 0', async () => {
      write('empty.md', '');
      write('blank.txt', ' \n\t\r\n　　\n');
      write('bom-only.txt', '\ufeff');
      const result = await run(['--format', 'json', 'empty.md', 'blank.txt', 'bom-only.txt'], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.deepEqual(json(result).filter((f) => f.rule !== 'required-section'), []);
      for (const f of json(result)) assert.deepEqual([f.line, f.column], [1, 1], `${f.file} ${f.rule}`);
    });

    it('NUL bytes and binary files: declined in one line each, exit 2, the others checked, nothing written by --fix', async () => {
      const nul = write('nul.txt', Buffer.concat([Buffer.from(DUPLICATED), Buffer.from([0]), Buffer.from('尾')]));
      const png = write('image.md', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
      const utf16 = write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DUPLICATED, 'utf16le')]));
      write('good.txt', DUPLICATED);
      const before = [nul, png, utf16].map(snapshot);
      const result = await run(['--fix', '--format', 'json', 'nul.txt', 'image.md', 'utf16.txt', 'good.txt'], dir);
      assert.equal(result.code, 2);
      const lines = stderrLines(result);
      assert.equal(lines.length, 3, result.stderr);
      assert.match(lines[0], /^summary-lint: image\.md: binary file, not checked$/);
      assert.match(lines[1], /^summary-lint: nul\.txt: binary file, not checked$/);
      assert.match(lines[2], /^summary-lint: utf16\.txt: /);
      [nul, png, utf16].forEach((file, i) => assertUntouched(file, before[i]));
      assert.equal(fs.readFileSync(path.join(dir, 'good.txt'), 'utf8'), FIXED, 'the good file is still fixed');
      assert.deepEqual(leftovers(dir), []);
    });

    it('invalid UTF-8 of every kind: declined in one line each, exit 2, untouched by --fix', async () => {
      const bad: Record<string, number[]> = {
        'overlong.txt': [0xc0, 0xaf],
        'continuation.txt': [0x80, 0x81],
        'truncated.txt': [0xe4, 0xb8],
        'surrogate.txt': [0xed, 0xa0, 0x80],
        'ff.txt': [0xff, 0xfe, 0xfd],
        'gbk.md': [0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xdc, 0xbd, 0xe1, 0x0a, 0xd2, 0xbb, 0xa1, 0xa2],
        'beyond.txt': [0xf4, 0x90, 0x80, 0x80],
      };
      const files = Object.entries(bad).map(([name, bytes]) => write(name, Buffer.concat([Buffer.from(DUPLICATED), Buffer.from(bytes)])));
      write('good.md', DUPLICATED);
      const before = files.map(snapshot);
      const result = await run(['--fix', '--format', 'json', '.'], dir);
      assert.equal(result.code, 2);
      const lines = stderrLines(result);
      assert.equal(lines.length, files.length, result.stderr);
      for (const name of Object.keys(bad)) assert.ok(lines.some((l) => l === `summary-lint: ${name}: not valid UTF-8 text (convert GBK files to UTF-8 first), not checked`), `${name}: ${result.stderr}`);
      files.forEach((file, i) => assertUntouched(file, before[i]));
      assert.equal(fs.readFileSync(path.join(dir, 'good.md'), 'utf8'), FIXED);
    });

    it('a BOM: line 1 columns as VS Code shows them (it hides the BOM), and --fix keeps the BOM', async () => {
      // BUG B8: the CLI counts the BOM as a character of line 1
      write('a.txt', '\ufeff一、甲,乙\n\n一、丙\n');
      const result = await run(['--format', 'json', 'a.txt'], dir);
      const comma = json(result).find((f) => f.rule === 'punctuation');
      assert.deepEqual(comma && [comma.line, comma.column, comma.endColumn], [1, 4, 5]);
      assert.ok(json(result).some((f) => f.rule === 'numbering-sequence' && f.line === 3 && f.column === 1));
      await run(['--fix', 'a.txt'], dir);
      assert.ok(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8').startsWith('\ufeff一、'));
    });

    it('CRLF and mixed line endings: the same line and column, and --fix keeps every line break as it was', async () => {
      const mixed = DUPLICATED.split('\n').map((l, i, all) => (i < all.length - 1 ? l + (i % 3 === 0 ? '\r\n' : '\n') : l)).join('');
      write('crlf.txt', DUPLICATED.replace(/\n/g, '\r\n'));
      write('mixed.md', mixed);
      const result = await run(['--format', 'json', 'crlf.txt', 'mixed.md'], dir);
      assert.ok(hasDuplicate(result, 'crlf.txt'), result.stdout);
      assert.ok(hasDuplicate(result, 'mixed.md'), result.stdout);
      await run(['--fix', 'mixed.md'], dir);
      assert.equal(fs.readFileSync(path.join(dir, 'mixed.md'), 'utf8'), mixed.replace('二、存在的问题', '三、存在的问题'));
    });

    it('bare CR line endings: --fix never crashes, lines counted as VS Code does', async () => {
      // BUG B2: overlapping blocks in Markdown → a fix with overlapping edits → applyEdits throws inside runCli
      write('cr.md', '三是甲。\r\r\t乙');
      write('cr.txt', DUPLICATED.replace(/\n/g, '\r'));
      const result = await run(['--fix', '--format', 'json', 'cr.md', 'cr.txt'], dir);
      assert.ok(result.code === 0 || result.code === 1, result.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'cr.txt'), 'utf8'), FIXED.replace(/\n/g, '\r'));
    });

    it('characters outside the BMP before findings: JSON columns in UTF-16 code units', async () => {
      write('emoji.txt', '2025年工作总结😀\n\n😀𠮷一、甲\n\n一、乙👨‍👩‍👧甲,丙\n\n𠮷𠮷𠮷,\n\n一、丁\n');
      const result = await run(['--format', 'json', 'emoji.txt'], dir);
      const comma = json(result).find((f) => f.rule === 'punctuation' && f.line === 5);
      assert.deepEqual(comma && [comma.column, comma.endLine, comma.endColumn], [13, 5, 14], result.stdout);
      assert.ok(json(result).some((f) => f.rule === 'numbering-sequence' && f.line === 9 && f.column === 1 && f.endColumn === 3), result.stdout);
    });
  });

  describe('large and deep files', () => {
    it('a 10 MB file is declined at once in one clear line, untouched by --fix, the others still checked; a 4 MB one is checked within 120 s', async () => {
      const source = fs.readFileSync(path.join(FIXTURE_CORPUS, 'zh-long-02.md'), 'utf8');
      let text = '';
      while (Buffer.byteLength(text) < 10 * 1024 * 1024) text += source;
      const big = write('big.md', text);
      write('good.txt', DUPLICATED);
      const before = snapshot(big);
      const declined = await runIsolated(['--fix', '--format', 'json', 'big.md', 'good.txt'], dir, 10_000);
      assert.equal(declined.code, 2);
      assert.equal(stderrLines(declined).length, 1, declined.stderr);
      assert.match(stderrLines(declined)[0], /^summary-lint: big\.md: file too large \(1\d\.\d MB\b.*not checked/);
      assert.equal(fs.readFileSync(path.join(dir, 'good.txt'), 'utf8'), FIXED, 'the other file is still fixed');
      assertUntouched(big, before);
      // a sparse 21 MB file: declined from its size, never read
      const huge = path.join(dir, 'huge.txt');
      const fd = fs.openSync(huge, 'w');
      fs.ftruncateSync(fd, 21 * 1024 * 1024);
      fs.closeSync(fd);
      const sparse = await runIsolated(['huge.txt'], dir, 5_000);
      assert.match(sparse.stderr, /^summary-lint: huge\.txt: file too large \(21\.0 MB\b/);
      // just under the limit: checked, within the bound
      const slice = text.slice(0, 1_500_000); // about 4 MB of UTF-8, under the 5 MB limit
      write('large.md', slice);
      const large = await runIsolated(['--format', 'json', 'large.md'], dir, 120_000);
      assert.ok(large.code === 0 || large.code === 1, large.stderr);
      assert.equal(large.stderr, '');
      assert.ok(json(large).length > 10, `${json(large).length} findings`);
      console.log(`      ${(Buffer.byteLength(slice) / 1048576).toFixed(1)} MB Markdown through the CLI: ${(large.ms / 1000).toFixed(1)} s, ${json(large).length} findings`);
    });

    it('a single 1 MB line: within 30 s', async () => {
      write('line.md', '一、' + '加强学习,'.repeat(100_000) + '\n');
      write('line.txt', '甲'.repeat(350_000));
      const result = await runIsolated(['--format', 'json', 'line.md', 'line.txt'], dir, 30_000);
      const commas = json(result).filter((f) => f.file === 'line.md' && f.rule === 'punctuation');
      assert.ok(commas.length >= 1000, `${commas.length} commas found`);
      assert.equal(commas[1].column - commas[0].column, 5);
    });

    it('quotes and lists nested 5000 deep: no crash, within 30 s', async () => {
      // BUG B4: RangeError (maximum call stack size exceeded) escapes runCli for Markdown
      write('quotes.md', '> '.repeat(5000) + '一、甲\n');
      write('lists.md', '- '.repeat(2000) + '一、甲\n');
      write('good.txt', DUPLICATED);
      const result = await runIsolated(['--format', 'json', 'quotes.md', 'lists.md', 'good.txt'], dir, 30_000);
      assert.ok(hasDuplicate(result, 'good.txt'));
    });

    it('30 000 numbered lines and 999 sections: checked within 60 s, the numbering right', async () => {
      const lines = ['2025年工作总结', ''];
      for (let n = 1; n <= 999; n++) lines.push(`${n}. 项目`);
      for (let k = 0; k < 29_001; k++) lines.push(`　　第${k}行，说明。`);
      write('many.txt', lines.join('\n'));
      const result = await runIsolated(['--format', 'json', 'many.txt'], dir, 60_000);
      assert.deepEqual(json(result).filter((f) => f.rule.startsWith('numbering')), []);
    });

    it('--fix on 5000 duplicated markers: done within 60 s, renumbered 1 to 5000', async () => {
      // BUG B6: collectFixEdits is quadratic
      write('dups.txt', Array.from({ length: 5000 }, () => '1、项目').join('\n\n') + '\n');
      await runIsolated(['--fix', 'dups.txt'], dir, 60_000);
      const fixed = fs.readFileSync(path.join(dir, 'dups.txt'), 'utf8');
      assert.ok(fixed.startsWith('1、项目\n\n2、项目\n\n3、项目'), fixed.slice(0, 40));
    });
  });

  describe('broken .summaryrc.json: one line naming file:line:col, exit 2, the files checked with the defaults', () => {
    const cases: { name: string; config: string; where: string; says: RegExp }[] = [
      { name: 'bad JSON (unclosed)', config: '{\n  "rules": {\n    "placeholder": "warning"\n  }\n', where: '5:1', says: /not valid JSON/ },
      { name: 'bad JSON (garbage)', config: '{ "houseStyle": gbt9704 }', where: '1:17', says: /not valid JSON/ },
      { name: 'empty file', config: '', where: '1:1', says: /not valid JSON/ },
      { name: 'not an object', config: '[{"rules": {}}]', where: '1:1', says: /must be a JSON object/ },
      { name: 'unknown rule id', config: '{\n  "rules": {\n    "numbering-sequense": "off"\n  }\n}', where: '3:5', says: /Unknown rule "numbering-sequense"/ },
      { name: 'wrong type: rules', config: '{ "rules": ["placeholder"] }', where: '1:12', says: /rules must be an object/ },
      { name: 'wrong type: severity', config: '{ "rules": { "placeholder": 2 } }', where: '1:29', says: /severity must be/ },
      { name: 'wrong type: houseStyle', config: '{\r\n\r\n  "houseStyle": 3\r\n}', where: '3:17', says: /Unknown house style 3/ },
      { name: 'wrong type: allowSkipLevel', config: '{ "allowSkipLevel": "yes" }', where: '1:21', says: /allowSkipLevel must be true or false/ },
      { name: 'wrong type: profiles', config: '{ "profiles": { "id": "x" } }', where: '1:15', says: /profiles must be an array/ },
      { name: 'unknown profile', config: '{ "houseStyle": "gbt9704",\n  "profile": "annual-report" }', where: '2:14', says: /Unknown profile "annual-report"/ },
      { name: 'unknown setting', config: '{ "rule": {} }', where: '1:3', says: /Unknown setting "rule"/ },
      { name: 'custom profile, ill-typed', config: '{ "profiles": [{ "id": "x", "parts": [{ "id": "a", "headingPatterns": {} }], "titlePatterns": "总结" }], "profile": "x" }', where: '1:', says: /./ },
      { name: 'custom profile, bad regex', config: '{ "profiles": [{ "id": "x", "titlePatterns": ["("], "parts": [] }], "profile": "x" }', where: '1:', says: /./ },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        write('.summaryrc.json', c.config);
        write('a.txt', DUPLICATED);
        const result = await run(['--format', 'json', 'a.txt'], dir);
        assert.equal(result.code, 2, result.stderr);
        const lines = stderrLines(result);
        assert.equal(lines.length, 1, result.stderr);
        assert.ok(lines[0].startsWith(`summary-lint: bad configuration, using the defaults: .summaryrc.json:${c.where}`), lines[0]);
        assert.match(lines[0], c.says);
        const duplicate = json(result).find((f) => f.rule === 'numbering-sequence');
        assert.equal(duplicate?.severity, 'error', 'the defaults are used: the duplicate is still an error');
      });
    }

    it('a UTF-8 BOM and comments are not errors', async () => {
      // BUG B9: a BOM is reported as InvalidSymbol at 1:1
      write('.summaryrc.json', '\ufeff// house rules\n{ "houseStyle": "gbt9704", /* strict */ "rules": { "numbering-sequence": "warning" }, }\n');
      write('a.txt', DUPLICATED);
      const result = await run(['--format', 'json', 'a.txt'], dir);
      assert.equal(result.stderr, '');
      assert.equal(json(result).find((f) => f.rule === 'numbering-sequence')?.severity, 'warning', 'the configuration is applied');
    });

    it('--config naming a missing file or a folder: one line, exit 2, files checked with the defaults', async () => {
      write('a.txt', DUPLICATED);
      fs.mkdirSync(path.join(dir, 'folder.json'));
      for (const config of ['missing.json', 'folder.json']) {
        const result = await run(['--config', config, '--format', 'json', 'a.txt'], dir);
        assert.equal(result.code, 2);
        assert.equal(stderrLines(result).length, 1, result.stderr);
        assert.match(result.stderr, new RegExp(config.replace('.', '\\.')));
        assert.ok(hasDuplicate(result, 'a.txt'));
      }
    });

    it('a huge, deeply nested or binary configuration: one line, exit 2, no hang', async () => {
      // BUG B11: 100 000 nested arrays overflow the stack in jsonc-parser; the RangeError escapes runCli
      write('.summaryrc.json', Buffer.concat([Buffer.from('{"rules":'), Buffer.alloc(1000, 0), Buffer.from('['.repeat(100_000))]));
      write('a.txt', DUPLICATED);
      const result = await runIsolated(['--format', 'json', 'a.txt'], dir, 10_000);
      assert.equal(result.code, 2);
      assert.equal(stderrLines(result).length, 1, result.stderr);
      assert.ok(hasDuplicate(result, 'a.txt'));
    });
    it('a custom profile with a catastrophic pattern never hangs the linter', async () => {
      // B14/B15: patterns from the workspace must be refused (at their place) or be unable to backtrack forever
      const evil = ['^(a+)+$', '(a*)*$', '(\\w+\\s?)+$', '(.*a){25}$', '(a|a)+$', '(a|aa)+$', '^(a?){30}a{30}$', '(一|一一)+$', '(a|a?)+$', '((a)\\2?)+$'];
      write('a.txt', `${'a'.repeat(40)}!\n\n一、${'a'.repeat(40)}!\n\n${'一'.repeat(40)}!\n\n${'a'.repeat(40)}\n`);
      write('b.txt', DUPLICATED);
      for (const pattern of evil) {
        write('.summaryrc.json', JSON.stringify({ profile: 'x', profiles: [{ id: 'x', titlePatterns: [pattern], parts: [{ id: 'p', headingPatterns: [pattern], paragraphPatterns: [pattern] }] }] }));
        const result = await runIsolated(['--format', 'json', 'a.txt', 'b.txt'], dir, 10_000).catch((error: Error) => assert.fail(`${pattern}: ${error.message}`));
        assert.ok(stderrLines(result).every((l) => l.includes('.summaryrc.json')), result.stderr);
        assert.ok(hasDuplicate(result, 'b.txt'), pattern);
      }
    });
  });

  describe('fuzzing the CLI', () => {
    it('any file: never throws, exit 0/1/2, JSON positions inside the file, --fix writes the core fix-all result', async () => {
      const seed = SEED;
      const file = fc.oneof(
        { weight: 4, arbitrary: fc.oneof(documentOf({ bareCr: true }), mutatedCorpus(3000)).map((d) => ({ name: d.fileName.replace(/^x$/, 'x.txt').replace(/\.markdown$/, '.md'), bytes: Buffer.from(d.text) })) },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => ({ name: 'bytes.txt', bytes: Buffer.from(b) })) },
      );
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(file, async ({ name, bytes }) => {
          runs++;
          const target = write(name, bytes);
          const checked = await run(['--format', 'json', name], dir);
          assert.ok([0, 1, 2].includes(checked.code), `exit ${checked.code}`);
          const decoded = (() => {
            try {
              return bytes.includes(0) ? undefined : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
            } catch {
              return undefined;
            }
          })();
          if (decoded === undefined) {
            assert.equal(checked.code, 2);
            assert.equal(stderrLines(checked).length, 1, checked.stderr);
            assert.deepEqual(json(checked), []);
            return;
          }
          const lines = decoded.split(/\r\n|\r|\n/);
          for (const f of json(checked)) {
            assert.ok(f.line >= 1 && f.line <= lines.length && f.endLine >= f.line && f.endLine <= lines.length, `${f.rule} ${f.line}-${f.endLine} of ${lines.length} lines`);
            assert.ok(f.column >= 1 && f.column <= lines[f.line - 1].length + 1, `${f.rule} column ${f.column} on a line of ${lines[f.line - 1].length}`);
            assert.ok(f.endColumn >= 1 && f.endColumn <= lines[f.endLine - 1].length + 1, `${f.rule} end column ${f.endColumn}`);
          }
          // --fix writes what five rounds of the core's fix-all give
          let expected = decoded;
          for (let round = 0; round < 5; round++) {
            const edits = collectFixEdits(analyze(expected, { fileName: target }).findings);
            if (!edits.length) break;
            expected = applyEdits(expected, edits);
          }
          const fixed = await run(['--fix', '--format', 'json', name], dir);
          assert.ok([0, 1].includes(fixed.code), fixed.stderr);
          assert.equal(fs.readFileSync(target, 'utf8'), expected);
          assert.deepEqual(leftovers(dir), []);
          fs.rmSync(target);
        }),
        { seed, numRuns: scaledRuns(150), endOnFailure: false },
      );
      console.log(`      CLI fuzz: ${runs} files, seed ${seed}`);
    });
  });

  describe('--fix safety', () => {
    it('writes atomically: the result complete, the mode kept, no temporary file left', async () => {
      const file = write('sub/a.txt', DUPLICATED);
      fs.chmodSync(file, 0o640);
      const result = await run(['--fix', 'sub/a.txt'], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      assert.deepEqual(leftovers(dir), []);
    });

    it('a read-only file (mode bits, even for root) is reported and untouched; the other files still fixed', async () => {
      const readOnly = write('ro.txt', DUPLICATED);
      const alsoReadOnly = write('ro2.md', DUPLICATED);
      fs.chmodSync(readOnly, 0o444);
      fs.chmodSync(alsoReadOnly, 0o400);
      write('rw.txt', DUPLICATED);
      const before = [readOnly, alsoReadOnly].map(snapshot);
      const result = await run(['--fix', '--format', 'json', 'ro.txt', 'ro2.md', 'rw.txt'], dir);
      assert.equal(result.code, 2);
      assert.deepEqual(stderrLines(result), ['summary-lint: ro.txt: read-only, not fixed', 'summary-lint: ro2.md: read-only, not fixed']);
      [readOnly, alsoReadOnly].forEach((file, i) => assertUntouched(file, before[i]));
      assert.ok(hasDuplicate(result, 'ro.txt'), 'the findings of the file not fixed are still shown');
      assert.equal(fs.readFileSync(path.join(dir, 'rw.txt'), 'utf8'), FIXED);
      assert.deepEqual(leftovers(dir), []);
    });

    it('a folder where nothing can be created (immutable): the error is reported, the file untouched, nothing left', async function () {
      const file = write('locked/a.txt', DUPLICATED);
      if (!chattr('+i', path.join(dir, 'locked'))) this.skip(); // needs chattr and CAP_LINUX_IMMUTABLE
      const before = snapshot(file);
      const result = await run(['--fix', 'locked/a.txt'], dir);
      assert.equal(result.code, 2);
      assert.equal(stderrLines(result).length, 1, result.stderr);
      assert.match(result.stderr, /^summary-lint: locked[/\\]a\.txt: cannot write: /);
      assertUntouched(file, before);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'locked')), ['a.txt']);
    });

    it('an immutable file: the error is reported, the file untouched', async function () {
      const file = write('a.txt', DUPLICATED);
      if (!chattr('+i', file)) this.skip();
      const before = snapshot(file);
      const result = await run(['--fix', 'a.txt'], dir);
      assert.equal(result.code, 2);
      assert.equal(stderrLines(result).length, 1, result.stderr);
      assertUntouched(file, before);
      assert.deepEqual(leftovers(dir), []);
    });

    it('the temporary path taken by a folder: the error is reported, the file and the folder untouched', async () => {
      const file = write('a.txt', DUPLICATED);
      const blocker = path.join(dir, `.a.txt.${process.pid}.tmp`);
      fs.mkdirSync(blocker);
      fs.writeFileSync(path.join(blocker, 'keep'), 'x');
      const before = snapshot(file);
      const result = await run(['--fix', 'a.txt'], dir);
      assert.equal(result.code, 2);
      assert.equal(stderrLines(result).length, 1, result.stderr);
      assertUntouched(file, before);
      assert.equal(fs.readFileSync(path.join(blocker, 'keep'), 'utf8'), 'x');
    });

    it('through a symlink: the link kept, the file it points to fixed', async () => {
      // BUG B10: the rename replaces the link with a regular file
      const target = write('real/b.txt', DUPLICATED);
      fs.symlinkSync(path.join('real', 'b.txt'), path.join(dir, 'a.txt'));
      const result = await run(['--fix', 'a.txt'], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.ok(fs.lstatSync(path.join(dir, 'a.txt')).isSymbolicLink(), 'a.txt is still a link');
      assert.equal(fs.readFileSync(target, 'utf8'), FIXED);
    });

    it('nothing is written when the fixes change nothing, and a clean file keeps its mtime', async () => {
      const clean = write('clean.txt', FIXED);
      const before = snapshot(clean);
      const result = await run(['--fix', 'clean.txt'], dir);
      assert.equal(result.code, 0);
      assertUntouched(clean, before);
    });
  });
});
