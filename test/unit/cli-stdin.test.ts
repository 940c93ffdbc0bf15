import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';

async function run(args: string[], cwd: string, stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd,
    env: {},
    stdout: (t: string) => (stdout += t),
    stderr: (t: string) => (stderr += t),
    ...(stdin !== undefined ? { readStdin: async () => new TextEncoder().encode(stdin) } : {}),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** `1. 1. 1.` is a lazy Markdown list (renumbered by the renderer) but three duplicates in plain text. */
const LAZY_LIST = '2025年工作总结\n\n　　一、加强学习\n\n1. 甲\n1. 乙\n1. 丙\n\n　　二、存在的问题\n';

describe('summary-lint --stdin and --version', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-lint-stdin-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--version prints the version of package.json', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    const result = await run(['--version'], dir);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, `${manifest.version}\n`);
  });

  it('reports standard input under --stdin-filename, whose extension picks the format', async () => {
    const asText = await run(['--stdin', '--stdin-filename', 'sub/总结.txt', '--format', 'json'], dir, LAZY_LIST);
    const asMarkdown = await run(['--stdin', '--stdin-filename', 'sub/总结.md', '--format', 'json'], dir, LAZY_LIST);
    const textRules = (JSON.parse(asText.stdout) as { rule: string; file: string }[]);
    const markdownRules = (JSON.parse(asMarkdown.stdout) as { rule: string }[]);
    assert.ok(textRules.every((f) => f.file === 'sub/总结.txt'));
    assert.equal(textRules.filter((f) => f.rule === 'numbering-sequence').length, 2, asText.stdout);
    assert.equal(markdownRules.filter((f) => f.rule === 'numbering-sequence').length, 0, asMarkdown.stdout);
    assert.equal(asText.code, 1);
  });

  it('finds .summaryrc.json from the folder --stdin-filename names, not only the current one', async () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', '.summaryrc.json'), JSON.stringify({ rules: { 'numbering-sequence': 'off' } }));
    const inSub = await run(['--stdin', '--stdin-filename', 'sub/总结.txt', '--format', 'json'], dir, LAZY_LIST);
    const elsewhere = await run(['--stdin', '--stdin-filename', 'other/总结.txt', '--format', 'json'], dir, LAZY_LIST);
    assert.equal((JSON.parse(inSub.stdout) as { rule: string }[]).filter((f) => f.rule === 'numbering-sequence').length, 0);
    assert.equal((JSON.parse(elsewhere.stdout) as { rule: string }[]).filter((f) => f.rule === 'numbering-sequence').length, 2);
  });

  it('--fix with --stdin prints the fixed text, not a report, and writes no file', async () => {
    const result = await run(['--stdin', '--fix', '--stdin-filename', '总结.txt'], dir, LAZY_LIST);
    assert.equal(result.stdout, LAZY_LIST.replace('1. 乙', '2. 乙').replace('1. 丙', '3. 丙'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('refuses files next to --stdin, --stdin-filename alone, and Word names', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), LAZY_LIST);
    for (const args of [['--stdin', 'a.txt'], ['--stdin-filename', 'a.txt', 'a.txt'], ['--stdin', '--stdin-filename', 'a.docx']]) {
      const result = await run(args, dir, LAZY_LIST);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.equal(result.stdout, '');
    }
  });

  it('declines standard input that is not UTF-8 text', async () => {
    let stderr = '';
    const code = await runCli(['--stdin'], { cwd: dir, env: {}, stdout: () => undefined, stderr: (t) => (stderr += t), readStdin: async () => new Uint8Array([0xb9, 0xa4, 0xd7, 0xf7]) });
    assert.equal(code, 2);
    assert.match(stderr, /UTF-8/);
  });

  it('--only-summaries skips named files that are not summaries, as a folder check does', async () => {
    fs.writeFileSync(path.join(dir, 'README.md'), '# Notes\n\n二、甲\n\n二、乙\n');
    fs.writeFileSync(path.join(dir, '2025年工作总结.txt'), LAZY_LIST);
    const named = await run(['--format', 'json', 'README.md', '2025年工作总结.txt'], dir);
    const only = await run(['--format', 'json', '--only-summaries', 'README.md', '2025年工作总结.txt'], dir);
    const files = (r: { stdout: string }) => [...new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file))].sort();
    assert.deepEqual(files(named), ['2025年工作总结.txt', 'README.md']);
    assert.deepEqual(files(only), ['2025年工作总结.txt']);
  });
});
