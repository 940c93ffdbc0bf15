// The standard @vscode/test-electron entry point. No VS Code can be downloaded here, so
// vscodeExecutablePath points at scripts/run-e2e.mjs, which takes the same command line and runs the
// suites in code-server's real extension host. Where a desktop VS Code is available, set
// E2E_VSCODE_EXECUTABLE to use it instead.
//
// Three runs: the suites against the extension under development, a short suite with VS Code itself
// in zh-cn (test/e2e/zh-cn), then (when E2E_VSIX names a packaged .vsix) a short suite against that
// .vsix installed as a user installs it. The last line printed is the sum: "N passed, N failed".
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const projectRoot = path.resolve(__dirname, '../../..');
  const vscodeExecutablePath = process.env.E2E_VSCODE_EXECUTABLE ?? path.join(projectRoot, 'scripts/run-e2e.mjs');
  const workspace = path.join(projectRoot, 'test/fixtures/workspace');
  const tallyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'official-summary-tally-')), 'tally.jsonl');
  process.env.E2E_TALLY_FILE = tallyFile;
  let failedRuns = 0;
  const run = async (options: Parameters<typeof runTests>[0]) => {
    try {
      await runTests(options);
    } catch {
      failedRuns++; // the harness has printed the failures
    }
  };

  await run({
    vscodeExecutablePath,
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: path.join(__dirname, 'index'),
    launchArgs: [workspace, '--disable-extensions'],
  });
  // The same extension with VS Code itself in Simplified Chinese (a local language pack, offline):
  // its strings as a Chinese user reads them in the rendered workbench.
  process.env.E2E_LOCALE = 'zh-cn';
  await run({
    vscodeExecutablePath,
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: path.join(__dirname, 'zh-cn', 'index'),
    launchArgs: [workspace, '--disable-extensions'],
  });
  delete process.env.E2E_LOCALE;
  const vsix = process.env.E2E_VSIX;
  if (vsix) {
    await run({
      vscodeExecutablePath,
      extensionDevelopmentPath: path.join(projectRoot, 'test/e2e/vsix-probe'),
      extensionTestsPath: path.join(__dirname, 'vsix', 'index'),
      launchArgs: [workspace, `--install-extension=${path.resolve(vsix)}`],
    });
  }

  const tallies = fs.existsSync(tallyFile)
    ? fs.readFileSync(tallyFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { passed: number; failed: number })
    : [];
  fs.rmSync(path.dirname(tallyFile), { recursive: true, force: true });
  const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
  const failed = tallies.reduce((sum, t) => sum + t.failed, 0) + (tallies.length < (vsix ? 3 : 2) ? 1 : 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failedRuns > 0 || failed > 0 ? 1 : 0);
}

void main();
