import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, applyEdits } from '../../src/core/index';
import { ROOT, SHARED } from '../support/corpus';
import { CLI_MAIN } from '../support/lsp-client';

const SEED = path.join(SHARED, 'examples', '2023年度意识形态工作总结.txt');
const SCRIPT = path.join(ROOT, 'test/fixtures/lsp/nvim-check.lua');

interface NeovimReport {
  steps: string[];
  diagnostics?: { line: number; col: number; code: string; message: string; href?: string }[];
  actions?: string[];
  applied?: string;
  cleared?: boolean;
  error?: string;
}

function hasNeovim(): boolean {
  return spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
}

/**
 * A real editor outside VS Code: Debian's Neovim (0.7), headless, with its built-in LSP client,
 * starting `summary-lint --lsp --stdio`, waiting for diagnostics and applying a quick fix.
 */
describe('summary-lint --lsp in Neovim', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-nvim-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shows the seed example’s diagnostics and applies the fix for the pasted paywall marker', function () {
    if (!hasNeovim()) {
      console.log('      (skipped: nvim is not installed; .ci/run installs it)');
      this.skip();
    }
    if (!fs.existsSync(SEED)) {
      console.log(`      (skipped: the seed example ${SEED} is not here, and it may not be copied into the repository)`);
      this.skip();
    }
    const file = path.join(dir, path.basename(SEED));
    fs.copyFileSync(SEED, file);
    fs.chmodSync(file, 0o644); // shared/ is read-only; the copy is the editor's to write
    const original = fs.readFileSync(file, 'utf8');
    const report = runNeovim(file, 'pasted-content');
    assert.equal(report.error, undefined, report.error);

    // Neovim shows exactly what the core finds
    const expected = analyze(original, { fileName: file, format: 'text' }).findings;
    assert.equal(report.diagnostics?.length, expected.length, JSON.stringify(report));
    assert.ok(report.diagnostics!.every((d) => d.href && d.href.endsWith(`#${d.code}`)));
    assert.ok(report.diagnostics!.some((d) => d.code === 'placeholder'));

    // the quick fix Neovim applied is the rule's own fix, and nothing else changed
    const pasted = expected.find((f) => f.rule === 'pasted-content' && f.fix)!;
    assert.equal(report.applied, pasted.fix!.title.en);
    assert.equal(report.cleared, true, 'the server published again without the fixed finding');
    assert.equal(fs.readFileSync(file, 'utf8'), applyEdits(original, pasted.fix!.edits));
    assert.ok(!fs.readFileSync(file, 'utf8').includes('##paidbegin##'));
  });

  it('does the same on a document of its own with the same kinds of fault', function () {
    if (!hasNeovim()) this.skip();
    const file = path.join(dir, '2024年度工作总结.txt');
    const text = [
      '2024年度工作总结',
      '',
      '　　今年以来，我局认真履职。现将有关情况总结如下：',
      '',
      '　　一、强化组织领导。将意识形态作为**领域的重点任务。##paidbegin##成立领导小组。',
      '',
      '　　二、突出思想武装。全年组织学习XX次。',
      '',
      '　　二、存在的问题',
      '',
      '　　下一步，我们将继续努力。',
      '',
    ].join('\n');
    fs.writeFileSync(file, text);
    const report = runNeovim(file, 'numbering-sequence');
    assert.equal(report.error, undefined, report.error);
    const expected = analyze(text, { fileName: file, format: 'text' }).findings;
    assert.equal(report.diagnostics?.length, expected.length, JSON.stringify(report));
    const duplicate = expected.find((f) => f.rule === 'numbering-sequence' && f.fix)!;
    assert.equal(report.applied, duplicate.fix!.title.en);
    assert.equal(report.cleared, true);
    assert.equal(fs.readFileSync(file, 'utf8'), applyEdits(text, duplicate.fix!.edits));
    assert.match(fs.readFileSync(file, 'utf8'), /　　三、存在的问题/);
  });

  function runNeovim(file: string, rule: string): NeovimReport {
    const reportPath = path.join(dir, 'report.json');
    const result = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${SCRIPT}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 100_000,
      env: { ...process.env, SUMMARY_FILE: file, SUMMARY_RULE: rule, SUMMARY_REPORT: reportPath, SUMMARY_NODE: process.execPath, SUMMARY_CLI: CLI_MAIN, HOME: dir, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir },
      input: '',
    });
    assert.ok(fs.existsSync(reportPath), `nvim wrote no report (exit ${result.status}): ${result.stderr}${result.stdout}`);
    return JSON.parse(fs.readFileSync(reportPath, 'utf8')) as NeovimReport;
  }
});
