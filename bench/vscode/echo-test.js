// Loaded by the real VS Code extension host (code-server, through scripts/run-e2e.mjs) as its
// `extensionTestsPath`: opens the large document, waits until the extension (when it is loaded) has
// published its first findings, puts the cursor on a fresh line "ECHO" in the middle of the text,
// and asks the harness to type (scripts/run-e2e.mjs, "[echo-bench]"), which measures keypress to
// character echo in the page. Prints "bench-echo {…}" for bench/run.mjs.
const vscode = require('vscode');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const TAG = '[mocha] ';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the inspector's CPU profiler in this process; the function it gives stops it and returns the profile. */
async function startProfile() {
  const inspector = require('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    return profile;
  };
}

exports.run = async function run() {
  const log = (line) => console.log(TAG + line);
  try {
    const keys = Number(process.env.BENCH_ECHO_KEYS || 120);
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const [file] = (await vscode.workspace.fs.readDirectory(folder)).filter(([name]) => name.endsWith('.md')).map(([name]) => name);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, file));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const ours = vscode.extensions.getExtension('official-summary.official-summary');
    let firstFindingsMs;
    if (ours) {
      const started = Date.now();
      await ours.activate();
      for (;;) {
        if (vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'official-summary')) break;
        if (Date.now() - started > 120_000) throw new Error('no findings within 120 s');
        await sleep(100);
      }
      firstFindingsMs = Date.now() - started;
    }
    const line = Math.floor(document.lineCount / 2);
    await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), 'ECHO\n'));
    const at = new vscode.Position(line, 4);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await sleep(3000); // the analysis of that edit, the outline, symbols and tokens settle first
    // ECHO_CPU_PROFILE=FILE: this extension host's CPU profile of the typing too (FILE.exthost.cpuprofile)
    const profiling = process.env.ECHO_CPU_PROFILE ? await startProfile() : undefined;
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-echo-')), 'echo.json');
    console.log(`[echo-bench] ${out} ${keys} 20261201`);
    for (let waited = 0; !fs.existsSync(out); waited += 200) {
      if (waited > keys * 2000 + 60_000) throw new Error('the harness did not report the echo times');
      await sleep(200);
    }
    if (profiling) fs.writeFileSync(`${process.env.ECHO_CPU_PROFILE}.exthost.cpuprofile`, JSON.stringify(await profiling()));
    const measured = JSON.parse(fs.readFileSync(out, 'utf8'));
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
    if (measured.error) throw new Error(measured.error);
    log(`bench-echo ${JSON.stringify({ extension: Boolean(ours), file, characters: document.getText().length, firstFindingsMs, results: measured.results, refocused: measured.refocused })}`);
    log('1 passed, 0 failed');
  } catch (error) {
    log(`bench-echo-error ${error && error.message}`);
    log('0 passed, 1 failed');
    throw error;
  }
};
