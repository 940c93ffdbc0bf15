// Loaded by the real VS Code extension host (code-server, through scripts/run-e2e.mjs) as its
// `extensionTestsPath`: times `await extension.activate()` for the extension under development, i.e.
// VS Code loading dist/extension.js and running activate(), before any summary is opened.
// When the host runs the empty extension bench/run.mjs stages (official-summary-bench.bench-empty)
// instead, that one is timed the same way: the cost any activation has in such a host.
// (code-server's web workbench honours one extensionDevelopmentPath only, hence separate runs.)
// The harness prints only lines tagged "[mocha] " and ends on the "N passed, N failed" tally.
const vscode = require('vscode');
const Module = require('node:module');
const path = require('node:path');

const TAG = '[mocha] ';
exports.run = async function run() {
  const log = (line) => console.log(TAG + line);
  try {
    // Let the host finish its own start-up work (built-in extensions activating, the workbench
    // connecting) first, so the time below is the activation and not a queue behind it.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    let emptyMs;
    const empty = vscode.extensions.getExtension('official-summary-bench.bench-empty');
    if (empty && !empty.isActive) {
      const t = performance.now();
      await empty.activate();
      emptyMs = performance.now() - t;
    }
    const extension = vscode.extensions.getExtension('official-summary.official-summary');
    if (!extension && emptyMs !== undefined) {
      log(`bench-activation ${JSON.stringify({ emptyMs, node: process.version })}`);
      log('1 passed, 0 failed');
      return;
    }
    if (!extension) throw new Error('extension official-summary.official-summary not found');
    const wasActive = extension.isActive;
    // Time the loading of the bundle itself (read + compile + evaluate) by wrapping Node's .js loader
    // for that one file; the rest of activate() is the call and the promise it returns.
    const bundle = path.join(extension.extensionPath, 'dist', 'extension.js');
    const original = Module._extensions['.js'];
    let loadMs;
    Module._extensions['.js'] = function (module, filename) {
      if (filename !== bundle) return original.call(this, module, filename);
      const t = performance.now();
      try { return original.call(this, module, filename); } finally { loadMs = performance.now() - t; }
    };
    const started = performance.now();
    try {
      await extension.activate();
    } finally {
      Module._extensions['.js'] = original;
    }
    const ms = performance.now() - started;
    log(`bench-activation ${JSON.stringify({ wasActive, ms, loadMs, emptyMs, visibleEditors: vscode.window.visibleTextEditors.length, node: process.version })}`);
    log('1 passed, 0 failed');
  } catch (error) {
    log(`bench-activation-error ${error && error.message}`);
    log('0 passed, 1 failed');
    throw error;
  }
};
