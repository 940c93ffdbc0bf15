import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { RULE_IDS } from '../../src/core/index';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const DUPLICATED = '2025年工作总结\n\n　　今年以来，我们认真履职。现将有关情况总结如下：\n\n　　一、加强学习\n\n　　二、完善制度\n\n　　二、存在的问题\n\n　　下一步，我们将继续努力。\n';
const CLEAN = '2025年工作总结\n\n　　今年以来，我们认真履职。现将有关情况总结如下：\n\n　　一、加强学习\n\n　　二、存在的问题\n\n　　下一步，我们将继续努力。\n';

describe('summary-lint CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-lint-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:col severity message rule, and exits 1 on errors', async () => {
    fs.writeFileSync(path.join(dir, '总结.txt'), DUPLICATED);
    const result = await run(['总结.txt'], dir);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^总结\.txt:9:3 error 编号重复：“二、”与前一项相同，应为“三、” numbering-sequence$/m);
  });

  it('exits 0 on a clean file and speaks English when asked', async () => {
    fs.writeFileSync(path.join(dir, 'summary.txt'), CLEAN);
    const result = await run(['--locale', 'en', 'summary.txt'], dir);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /No problems found/);
  });

  it('prints the contract JSON with 1-based UTF-16 columns', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), DUPLICATED);
    const findings = JSON.parse((await run(['--format', 'json', 'a.txt'], dir)).stdout) as Record<string, unknown>[];
    const duplicate = findings.find((f) => f.rule === 'numbering-sequence');
    assert.deepEqual(duplicate, {
      file: 'a.txt', line: 9, column: 3, endLine: 9, endColumn: 5, rule: 'numbering-sequence', severity: 'error',
      message: '编号重复：“二、”与前一项相同，应为“三、”', fixable: true,
    });
    for (const f of findings) assert.deepEqual(Object.keys(f).sort(), ['column', 'endColumn', 'endLine', 'file', 'fixable', 'line', 'message', 'rule', 'severity']);
  });

  it('counts columns in UTF-16 code units after characters outside the BMP', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), '2025年工作总结\n\n😀一、甲\n\n一、乙\n\n一、丙\n');
    const findings = JSON.parse((await run(['--format', 'json', 'a.txt'], dir)).stdout) as { line: number; column: number; rule: string }[];
    assert.ok(findings.some((f) => f.rule === 'numbering-sequence' && f.line === 7 && f.column === 1));
  });

  it('prints SARIF 2.1.0', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), DUPLICATED);
    const sarif = JSON.parse((await run(['--format', 'sarif', 'a.txt'], dir)).stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.rules.length, RULE_IDS.length);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'numbering-sequence');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 9, startColumn: 3, endLine: 9, endColumn: 5 });
    assert.equal(result.level, 'error');
  });

  it('--fix writes only when something changed, keeping BOM and CRLF', async () => {
    const withBomCrlf = '\ufeff' + DUPLICATED.replace(/\n/g, '\r\n');
    fs.writeFileSync(path.join(dir, 'a.txt'), withBomCrlf);
    fs.writeFileSync(path.join(dir, 'clean.txt'), CLEAN);
    const cleanBefore = fs.statSync(path.join(dir, 'clean.txt')).mtimeMs;
    const result = await run(['--fix', 'a.txt', 'clean.txt'], dir);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const fixed = fs.readFileSync(path.join(dir, 'a.txt'), 'utf8');
    assert.equal(fixed, withBomCrlf.replace('二、存在的问题', '三、存在的问题'));
    assert.equal(fs.statSync(path.join(dir, 'clean.txt')).mtimeMs, cleanBefore);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'clean.txt'], 'no temporary file is left');
  });

  it('--fix leaves a read-only file alone and says so', async () => {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, DUPLICATED);
    fs.chmodSync(file, 0o444);
    const result = await run(['--fix', 'a.txt'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /a\.txt：文件只读，未修复/);
    assert.equal(fs.readFileSync(file, 'utf8'), DUPLICATED);
  });

  it('checks the other files when one is binary, not UTF-8 or missing, and exits 2', async () => {
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x00, 0x01]));
    fs.writeFileSync(path.join(dir, 'gbk.txt'), Buffer.from([0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xdc, 0xbd, 0xe1]));
    fs.writeFileSync(path.join(dir, 'good.txt'), DUPLICATED);
    const result = await run(['--locale', 'en', 'binary.txt', 'gbk.txt', 'missing.txt', 'good.txt'], dir);
    assert.equal(result.code, 2);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 3, result.stderr);
    assert.match(result.stderr, /binary\.txt: binary file, not checked/);
    assert.match(result.stderr, /gbk\.txt: not valid UTF-8/);
    assert.match(result.stderr, /missing\.txt: no such file or folder/);
    assert.match(result.stdout, /good\.txt:9:3 error/);
  });

  it('reads folders recursively and globs, skipping files that are not summaries', async () => {
    fs.mkdirSync(path.join(dir, 'units', 'a'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'units', 'a', '工作总结.md'), DUPLICATED);
    fs.writeFileSync(path.join(dir, 'units', 'README.md'), '# Notes\n\n一、x\n\n一、y\n');
    fs.writeFileSync(path.join(dir, 'units', 'b.txt'), DUPLICATED);
    const folder = JSON.parse((await run(['--format', 'json', 'units'], dir)).stdout) as { file: string }[];
    assert.deepEqual([...new Set(folder.map((f) => f.file))].sort(), [path.join('units', 'a', '工作总结.md'), path.join('units', 'b.txt')].sort());
    const glob = JSON.parse((await run(['--format', 'json', 'units/**/*.md'], dir)).stdout) as { file: string }[];
    assert.deepEqual([...new Set(glob.map((f) => f.file))].sort(), [path.join('units', 'README.md'), path.join('units', 'a', '工作总结.md')].sort());
  });

  it('says a bad configuration in one line with its place, uses the defaults and exits 2', async () => {
    fs.writeFileSync(path.join(dir, '.summaryrc.json'), '{\n  "rules": { "numbering-sequence": "loud" }\n}\n');
    fs.writeFileSync(path.join(dir, 'a.txt'), DUPLICATED);
    const result = await run(['--locale', 'en', 'a.txt'], dir);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /\.summaryrc\.json:2:36 A rule severity must be error, warning, info or off, found "loud"/);
    assert.match(result.stdout, /a\.txt:9:3 error/, 'the defaults are used meanwhile');
  });

  it('applies rule severities from the configuration', async () => {
    fs.writeFileSync(path.join(dir, 'rc.json'), JSON.stringify({ rules: { 'numbering-sequence': 'off' } }));
    fs.writeFileSync(path.join(dir, 'a.txt'), DUPLICATED);
    const result = await run(['--config', 'rc.json', '--format', 'json', 'a.txt'], dir);
    assert.equal(result.code, 0);
    assert.ok(!(JSON.parse(result.stdout) as { rule: string }[]).some((f) => f.rule === 'numbering-sequence'));
  });

  it('rejects bad usage with exit 2 and one line', async () => {
    for (const args of [[], ['--format', 'xml', 'a.txt'], ['--locale', 'fr', 'a.txt'], ['--profile', 'nope', 'a.txt'], ['--bogus']]) {
      const result = await run(args, dir);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stderr.trim().split('\n').length, 1, args.join(' '));
    }
  });
});

describe('summary-lint CLI with Word files', () => {
  let dir: string;
  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-lint-docx-'));
    fs.writeFileSync(path.join(dir, '总结.md'), DUPLICATED);
    const exported = await run(['--export-docx', '各单位/甲单位工作总结.docx', '总结.md'], dir).catch(() => undefined);
    // the folder does not exist yet: export reports it and exits 2
    assert.equal(exported?.code, 2);
    fs.mkdirSync(path.join(dir, '各单位'));
    const ok = await run(['--locale', 'en', '--export-docx', '各单位/甲单位工作总结.docx', '总结.md'], dir);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stderr, /wrote 各单位\/甲单位工作总结\.docx/);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks a folder of .docx submissions and reports by paragraph with an excerpt', async () => {
    fs.writeFileSync(path.join(dir, '各单位', '乙单位工作总结.md'), CLEAN);
    const text = await run(['各单位'], dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^各单位\/甲单位工作总结\.docx:¶\d+ error 编号重复：“二、”与前一项相同，应为“三、” numbering-sequence  「二、存在的问题/m);
    const json = JSON.parse((await run(['--format', 'json', '各单位'], dir)).stdout) as { file: string; paragraph?: number; excerpt?: string; rule: string }[];
    const duplicate = json.find((f) => f.rule === 'numbering-sequence');
    assert.equal(duplicate?.file, path.join('各单位', '甲单位工作总结.docx'));
    assert.ok(duplicate?.paragraph && duplicate.excerpt?.startsWith('二、存在的问题'));
  });

  it('says plainly that a broken .docx cannot be read, and checks the rest', async () => {
    fs.writeFileSync(path.join(dir, 'broken.docx'), 'not a zip');
    const result = await run(['--locale', 'en', 'broken.docx', '总结.md'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /broken\.docx: not a readable Word file/);
    assert.match(result.stdout, /总结\.md:9:3 error/);
  });
});
