import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { ownScript, threadCount } from '../../src/cli/workers';

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const CORPUS = path.join(__dirname, '../../../test/fixtures/corpus');

/** A folder like a batch of submissions: corpus documents, some copied with faults, and files that cannot be read. */
function makeFolder(dir: string): void {
  const documents = fs.readdirSync(CORPUS).filter((n) => n.endsWith('.md') && n !== 'SOURCES.md' && n !== 'zh-long-02.md').sort();
  for (const [index, name] of documents.entries()) {
    const folder = path.join(dir, index % 3 === 0 ? 'a' : index % 3 === 1 ? 'b/c' : '.');
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(path.join(CORPUS, name), path.join(folder, name));
  }
  fs.writeFileSync(path.join(dir, 'b', '2025年工作总结.txt'), '2025年工作总结\n\n　　一、甲\n\n　　一、乙\n\n　　三、丙\n');
  fs.writeFileSync(path.join(dir, 'a', 'binary-report.md'), Buffer.from([0x23, 0x00, 0x01]));
  fs.writeFileSync(path.join(dir, 'b', 'gbk-report.txt'), Buffer.from([0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xdc, 0xbd, 0xe1]));
  fs.writeFileSync(path.join(dir, 'README.md'), '# not a summary\n\n二、\n\n二、\n');
}

describe('summary-lint checks folders on several threads', function () {
  this.timeout(180_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-lint-threads-'));
    makeFolder(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif']) {
    it(`prints exactly what one thread prints (--format ${format})`, async () => {
      const single = await run(['--format', format, '--jobs', '1', '.'], dir);
      const threaded = await run(['--format', format, '--jobs', '3', '.'], dir);
      assert.ok(single.stdout.length > 1000, 'the folder has findings');
      assert.equal(threaded.stdout, single.stdout);
      assert.equal(threaded.stderr, single.stderr);
      assert.equal(threaded.code, single.code);
      assert.equal(single.code, 2, 'the unreadable files are reported');
      assert.match(single.stderr, /binary-report\.md[\s\S]*gbk-report\.txt/, 'problems in file order');
    });
  }

  it('--fix on threads changes the files exactly as on one thread', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-lint-threads-copy-'));
    try {
      fs.cpSync(dir, copy, { recursive: true });
      const single = await run(['--fix', '--jobs', '1', '.'], dir);
      const threaded = await run(['--fix', '--jobs', '2', '.'], copy);
      assert.equal(threaded.stdout, single.stdout);
      const files = (root: string) => fs.readdirSync(root, { recursive: true, withFileTypes: false }).map(String).sort();
      assert.deepEqual(files(copy), files(dir));
      let changed = 0;
      for (const file of files(dir)) {
        const a = path.join(dir, file);
        if (fs.statSync(a).isDirectory()) continue;
        const fixed = fs.readFileSync(a, 'utf8');
        assert.equal(fs.readFileSync(path.join(copy, file), 'utf8'), fixed, file);
        const original = path.join(CORPUS, path.basename(file));
        if (fs.existsSync(original) && fs.readFileSync(original, 'utf8') !== fixed) changed++;
      }
      assert.ok(changed > 0, 'some corpus document had a certain fix');
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('uses one thread per core but one by default for a folder, one thread for a few files, and refuses a bad --jobs', async () => {
    assert.equal(threadCount(undefined, 3), 1);
    assert.equal(threadCount(undefined, 100), Math.max(1, Math.min(100, os.availableParallelism() - 1)));
    assert.equal(threadCount(4, 2), 2);
    for (const jobs of ['0', '1.5', 'many']) {
      const result = await run(['--jobs', jobs, '.'], dir);
      assert.equal(result.code, 2, jobs);
      assert.match(result.stderr, /--jobs/);
    }
  });

  it('the threads run the CLI\'s own script, inside the official-summary package', () => {
    const script = ownScript();
    assert.equal(script, fs.realpathSync(path.join(__dirname, '../../src/cli/workers.js')));
  });
});
