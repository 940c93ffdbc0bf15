// Keypress-to-character echo in a real VS Code (code-server + headless chromium, the e2e harness):
// the large document with the extension under development loaded, then with an empty extension in
// its place, alternating, one fresh code-server per run. See bench/README.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function measureEcho({ root, benchDir, documentPath, keys, runs, log }) {
  const harness = path.join(root, 'scripts/run-e2e.mjs');
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'official-summary-echo-'));
  const workspace = path.join(stage, 'workspace');
  fs.mkdirSync(workspace);
  // a copy: typing never touches the fixture (autosave is off in the harness anyway)
  fs.copyFileSync(documentPath, path.join(workspace, path.basename(documentPath)));
  const empty = path.join(stage, 'empty-extension');
  fs.mkdirSync(empty);
  fs.writeFileSync(path.join(empty, 'package.json'), JSON.stringify({ name: 'bench-empty', publisher: 'official-summary-bench', version: '0.0.0', engines: { vscode: '^1.90.0' }, main: './extension.js', activationEvents: [] }));
  fs.writeFileSync(path.join(empty, 'extension.js'), 'exports.activate = function () {};\n');
  const result = { on: [], off: [], errors: [] };
  try {
    for (let i = 0; i < 2 * runs; i++) {
      const on = i % 2 === 0;
      log(`typing echo in real VS Code, extension ${on ? 'on' : 'off'}, run ${(i >> 1) + 1}/${runs} (${keys} keys)`);
      const r = spawnSync(process.execPath, [harness, workspace, `--extensionDevelopmentPath=${on ? root : empty}`, `--extensionTestsPath=${path.join(benchDir, 'vscode/echo-test.js')}`], {
        encoding: 'utf8', timeout: keys * 3000 + 300_000, env: { ...process.env, BENCH_ECHO_KEYS: String(keys), E2E_TIMEOUT_MS: String(keys * 3000 + 240_000) },
      });
      const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('bench-echo '));
      if (!line) { result.errors.push(((r.stdout ?? '') + (r.stderr ?? '')).trim().split('\n').slice(-4).join('\n')); continue; }
      const value = JSON.parse(line.slice('bench-echo '.length));
      (on ? result.on : result.off).push(value);
    }
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  return result;
}
