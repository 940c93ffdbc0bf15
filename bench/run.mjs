#!/usr/bin/env node
// `npm run bench` (= node --expose-gc bench/run.mjs): the speed benchmark of issue 4, described in
// bench/README.md. Not part of `npm test`.
//
// Options:
//   --rounds N        measured rounds after warm-up (default 7)
//   --warmup N        warm-up rounds (default 2)
//   --quick           3 rounds, 1 warm-up, 1 memory run per mode, no real VS Code
//   --no-memory       skip the peak-memory child processes
//   --no-package      skip staging the production build / .vsix (bundle sizes then come from dist/)
//   --no-vscode       skip activation inside a real VS Code (code-server)
//   --no-folder       skip the folder check beside markdownlint-cli2 (bench/folder.mjs; also runs alone)
//   --update-readme   rewrite the results block of bench/README.md with this run
//   --keep-stage      keep the staged copies in $TMPDIR/official-summary-bench/
//   --no-echo         skip the typing-echo measurement in a real VS Code
//   --echo-only       only the typing-echo measurement (with --update-readme: its own README block)
//   --echo-keys N     keys typed per run (default 120); --echo-runs N runs per mode (default 1)
// Generated files go to bench/out/ (git-ignored): the bundled core, results.json and results.md; the
// staged package copies to $TMPDIR/official-summary-bench/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleCore } from './lib/build.mjs';
import { benchFolder, folderReport } from './folder.mjs';
import { measureEcho } from './lib/echo.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const outDir = path.join(benchDir, 'out');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const index = argv.indexOf(name);
  return index >= 0 && argv[index + 1] !== undefined ? Number(argv[index + 1]) : fallback;
};
const quick = flag('--quick');
const ROUNDS = option('--rounds', quick ? 3 : 7);
const WARMUP = option('--warmup', quick ? 1 : 2);
const MEMORY_RUNS = quick ? 1 : 3;
const SLICE_MS = option('--slice-ms', 15);
const EDIT_STEPS = quick ? 10 : 30;

if (typeof globalThis.gc !== 'function') {
  console.error('bench: run with node --expose-gc (npm run bench does)');
  process.exit(2);
}
const gc = globalThis.gc;
const startedAt = Date.now();
const log = (...parts) => console.error(`[bench +${((Date.now() - startedAt) / 1000).toFixed(0)}s]`, ...parts);

// ---------------------------------------------------------------- helpers
const median = (values) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)) : 'n/a');
const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
let sink; // results go here so no call is optimised away
function timed(fn) {
  const t = performance.now();
  sink = fn();
  return performance.now() - t;
}
function table(headers, rows, align) {
  const all = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, i) => Math.max(3, ...all.map((row) => [...row[i]].length)));
  const pad = (cell, i) => (align?.[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]));
  const line = (row) => `| ${row.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align?.[i] === 'r' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n');
}
const output = []; // the markdown report, printed and saved
function emit(text = '') {
  output.push(text);
  console.log(text);
}

// ---------------------------------------------------------------- typing echo (real VS Code)
const ECHO_KEYS = option('--echo-keys', 120);
const ECHO_RUNS = option('--echo-runs', 1);
const ECHO_DOCUMENT = path.join(root, 'test/fixtures/corpus/zh-long-02.md');
const percentile = (values, p) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
/** Runs the echo measurement and returns its markdown report and the extension-on/off figures. */
function typingEcho() {
  const e2eCache = path.resolve(process.env.E2E_CACHE_DIR ?? path.join(os.homedir(), '.cache/official-summary-e2e'));
  if (!fs.existsSync(path.join(e2eCache, 'cs/node_modules/code-server/out/node/entry.js'))) return { unavailable: `needs code-server in ${e2eCache} (npm run e2e:setup)` };
  if (!fs.existsSync(path.join(root, 'dist/extension.js'))) return { unavailable: 'needs dist/extension.js (npm run build)' };
  const measured = measureEcho({ root, benchDir, documentPath: ECHO_DOCUMENT, keys: ECHO_KEYS, runs: ECHO_RUNS, log });
  const stats = (runs) => {
    const all = runs.flatMap((r) => r.results);
    return { refocused: runs.reduce((sum, r) => sum + (r.refocused ?? 0), 0), keys: all.length, median: median(all), p95: percentile(all, 95), max: all.length ? Math.max(...all) : NaN, over50: all.filter((v) => v > 50).length, firstFindingsMs: runs[0]?.firstFindingsMs };
  };
  const on = stats(measured.on);
  const off = stats(measured.off);
  const lines = [];
  lines.push(`#### Typing echo in a real VS Code (code-server + headless chromium), ${path.basename(ECHO_DOCUMENT)} (${kb(fs.statSync(ECHO_DOCUMENT).size)})`);
  lines.push('');
  lines.push(`Keydown (capture phase) to the mutation that shows the character in the editor's view lines, for ${ECHO_KEYS} letters typed per run after \`ECHO\` on a line in the middle of the document, each taken back with Backspace, with pauses of 60–400 ms (fixed seed), ${ECHO_RUNS} run(s) per mode, a fresh code-server each; "off" = an empty extension in its place.`);
  lines.push('');
  lines.push(table(['extension', 'keys', 'median ms', 'p95 ms', 'max ms', 'keys over 50 ms', 'first findings after opening'], [
    ['on (official-summary)', on.keys, ms(on.median), ms(on.p95), ms(on.max), on.over50, on.firstFindingsMs !== undefined ? `${(on.firstFindingsMs / 1000).toFixed(1)} s` : 'n/a'],
    ['off (empty extension)', off.keys, ms(off.median), ms(off.p95), ms(off.max), off.over50, '—'],
  ], ['l', 'r', 'r', 'r', 'r', 'r', 'r']));
  lines.push('', `Focus given back to the editor before a key (a workbench notification had taken it): ${on.refocused} times with the extension, ${off.refocused} without.`);
  if (measured.errors.length) lines.push('', `Failed runs: ${measured.errors.length}:`, '', '```', ...measured.errors, '```');
  return { on, off, report: lines.join('\n'), runs: measured };
}
function echoTarget(echo) {
  const limit = 1.5 * echo.off.max;
  const pass = echo.on.max <= limit;
  return [`typing echo max, extension on ≤ 1.5 × off (${ms(echo.off.max)} ms)`, `${ms(echo.on.max)} ms`, `≤ ${ms(limit)} ms`, Number.isFinite(limit) && Number.isFinite(echo.on.max) ? (pass ? 'PASS' : 'MISS') : 'UNAVAILABLE',
    Number.isFinite(limit) ? (pass ? `${(((limit - echo.on.max) / limit) * 100).toFixed(0)}% under` : `${(echo.on.max / limit).toFixed(2)}× the target (+${ms(echo.on.max - limit)} ms)`) + `; medians ${ms(echo.on.median)} / ${ms(echo.off.median)} ms` : ''];
}
function writeReadmeBlock(name, text) {
  const readme = path.join(benchDir, 'README.md');
  const START = `<!-- ${name}:start -->`;
  const END = `<!-- ${name}:end -->`;
  const current = fs.readFileSync(readme, 'utf8');
  const a = current.indexOf(START);
  const b = current.indexOf(END);
  if (a < 0 || b < a) console.error(`bench: README.md has no ${name} markers; not updated`);
  else fs.writeFileSync(readme, `${current.slice(0, a + START.length)}\n${text}\n${current.slice(b)}`);
}
if (flag('--echo-only')) {
  const echo = typingEcho();
  const text = echo.unavailable ? `Typing echo: unavailable, ${echo.unavailable}.` : `${echo.report}\n\n${table(['target', 'measured', 'target', 'result', 'by how much'], [echoTarget(echo)])}\n\nMeasured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- ${argv.join(' ')}\`; load average after: ${os.loadavg().map((v) => v.toFixed(2)).join(', ')} (${os.cpus().length} cores).`;
  console.log(text);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'echo.json'), JSON.stringify(echo, null, 2));
  if (flag('--update-readme')) writeReadmeBlock('echo', text);
  process.exit(0);
}

// ---------------------------------------------------------------- machine
const cpus = os.cpus();
const machine = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus.length,
  cpuModel: cpus[0]?.model?.trim(),
  memory: mb(os.totalmem()),
  loadBefore: os.loadavg().map((v) => v.toFixed(2)).join(', '),
};

// ---------------------------------------------------------------- the core under test
log('bundling src/core/index.ts with esbuild into bench/out/core.mjs');
const corePath = await bundleCore(root, outDir);
const core = await import(pathToFileURL(corePath).href);
const { unified } = await import('unified');
const remarkParse = (await import('remark-parse')).default;
const { lint: markdownlint } = await import('markdownlint/sync');
// markdown-it, for reference only (no target): the issue quotes it as the fast end (~0.04 s per MB).
// It is not a dependency of this project (it comes with @vscode/vsce), so it is optional.
let MarkdownIt;
try { MarkdownIt = (await import('markdown-it')).default; } catch { MarkdownIt = undefined; }
const config = core.DEFAULT_CONFIG;

const hasAnalyzer = typeof core.DocumentAnalyzer === 'function';
let sliceApi = 'unavailable';
if (typeof core.analyzeInSlices === 'function') sliceApi = 'analyzeInSlices(text, options)';
else if (hasAnalyzer && typeof core.DocumentAnalyzer.prototype.analyzeInSlices === 'function') sliceApi = 'new DocumentAnalyzer(options).analyzeInSlices(text, slicing)';
function analyzeInSlices(text, fileName, isCancelled = () => false) {
  if (typeof core.analyzeInSlices === 'function') return core.analyzeInSlices(text, { fileName, config, sliceMs: SLICE_MS, isCancelled });
  return new core.DocumentAnalyzer({ fileName, config }).analyzeInSlices(text, { sliceMs: SLICE_MS, isCancelled });
}

// ---------------------------------------------------------------- the corpus
const fixturesDir = path.join(root, 'test/fixtures/corpus');
const sharedDir = path.resolve(root, '../shared/corpus');
const LONG = 'zh-long-02.md';
const corpus = new Map();
for (const name of fs.readdirSync(fixturesDir).sort()) {
  if (name.endsWith('.md') && name !== 'SOURCES.md') corpus.set(name, { name, from: 'test/fixtures/corpus', text: fs.readFileSync(path.join(fixturesDir, name), 'utf8') });
}
if (fs.existsSync(sharedDir)) {
  for (const name of fs.readdirSync(sharedDir).sort()) {
    if (name.endsWith('.md') && name !== 'SOURCES.md' && !corpus.has(name)) corpus.set(name, { name, from: '../shared/corpus', text: fs.readFileSync(path.join(sharedDir, name), 'utf8') });
  }
}
// zh-long-02, the 1.6 MB compendium: the fixture copy, unless it is missing or much shorter than the one in
// ../shared/corpus that the issue names (the fixture was cut to 1 MB in the work tree for a while).
const sharedLong = path.join(sharedDir, LONG);
if (fs.existsSync(sharedLong) && (!corpus.has(LONG) || Buffer.byteLength(corpus.get(LONG).text) < 0.9 * fs.statSync(sharedLong).size)) {
  corpus.set(LONG, { name: LONG, from: '../shared/corpus', text: fs.readFileSync(sharedLong, 'utf8') });
}
const files = [...corpus.values()].sort((a, b) => a.name.localeCompare(b.name));
const longFile = corpus.get(LONG);
if (!longFile) throw new Error(`${LONG} not found in test/fixtures/corpus`);
const bytes = (text) => Buffer.byteLength(text, 'utf8');
log(`corpus: ${files.length} files (${files.filter((f) => f.from !== 'test/fixtures/corpus').map((f) => f.name).join(', ') || 'none'} from ../shared/corpus)`);

// ---------------------------------------------------------------- 1. full lint
const tools = {
  ours: (file) => core.analyze(file.text, { fileName: file.name, config }),
  remark: (file) => unified().use(remarkParse).parse(file.text),
  markdownlint: (file) => markdownlint({ strings: { [file.name]: file.text }, config: { default: true } }),
};
if (MarkdownIt) {
  const md = new MarkdownIt();
  tools['markdown-it'] = (file) => md.parse(file.text, {});
}
const toolNames = Object.keys(tools);
log(`full lint: ${files.length} files × ${toolNames.length} tools, ${WARMUP} warm-up + ${ROUNDS} rounds`);
// Small files are run several times per sample (at least ~20 ms per sample), same count for every tool.
const reps = new Map();
for (let round = 0; round < WARMUP; round++) {
  for (const file of files) {
    let slowest = 0;
    for (const tool of toolNames) slowest = Math.max(slowest, timed(() => tools[tool](file)));
    reps.set(file.name, Math.max(1, Math.min(100, Math.ceil(20 / Math.max(slowest, 0.01)))));
  }
}
const samples = new Map(files.map((f) => [f.name, Object.fromEntries(toolNames.map((t) => [t, []]))]));
// process CPU time beside wall time: less sensitive to other sessions' load (but it includes V8's GC helper threads)
const cpuSamples = new Map(files.map((f) => [f.name, Object.fromEntries(toolNames.map((t) => [t, []]))]));
for (let round = 0; round < ROUNDS; round++) {
  for (const file of files) {
    const n = reps.get(file.name);
    const order = toolNames.map((_, i) => toolNames[(i + round) % toolNames.length]); // rotate who goes first
    for (const tool of order) {
      gc();
      const cpu = process.cpuUsage();
      const t = performance.now();
      for (let i = 0; i < n; i++) sink = tools[tool](file);
      samples.get(file.name)[tool].push((performance.now() - t) / n);
      const used = process.cpuUsage(cpu);
      cpuSamples.get(file.name)[tool].push((used.user + used.system) / 1000 / n);
    }
  }
  log(`full lint round ${round + 1}/${ROUNDS} done`);
}
// Ratios are paired: the median over rounds of (ours / other) measured in the same round, which keeps a
// load swing between rounds (the machine is shared) out of the ratio; times are plain medians.
const pairedRatio = (a, b) => median(a.map((value, i) => value / b[i]));
function summarise(name, perTool, extra) {
  const m = Object.fromEntries(toolNames.map((t) => [t, median(perTool[t])]));
  return { name, ...extra, ...m, vsRemark: pairedRatio(perTool.ours, perTool.remark), vsMarkdownlint: pairedRatio(perTool.ours, perTool.markdownlint), rounds: perTool };
}
const fullRows = files.map((file) => {
  const row = summarise(file.name, samples.get(file.name), { from: file.from, bytes: bytes(file.text), chars: file.text.length });
  row.cpu = summarise(file.name, cpuSamples.get(file.name), {});
  return row;
});
const smallRows = fullRows.filter((r) => r.name !== LONG);
const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);
const corpusTotal = summarise(`all ${smallRows.length} other files (sum)`,
  Object.fromEntries(toolNames.map((t) => [t, Array.from({ length: ROUNDS }, (_, round) => smallRows.reduce((total, row) => total + row.rounds[t][round], 0))])),
  { bytes: sum(smallRows, 'bytes') });
corpusTotal.cpu = summarise('cpu', Object.fromEntries(toolNames.map((t) => [t, Array.from({ length: ROUNDS }, (_, round) => smallRows.reduce((total, row) => total + row.cpu.rounds[t][round], 0))])), {});
const longRow = fullRows.find((r) => r.name === LONG);

// ---------------------------------------------------------------- 2. edit → findings
function findingsKey(findings) {
  return JSON.stringify(findings.map((f) => [f.rule, f.severity, f.start, f.end, f.message, f.fix?.edits]));
}
/** The position just after a CJK letter that is followed by another, at or after `from`. */
function insidePargraphPosition(text, from) {
  const cjk = /[\u4e00-\u9fff]/;
  for (let i = Math.max(1, from); i < text.length; i++) if (cjk.test(text[i - 1]) && cjk.test(text[i])) return i;
  return from;
}
function endPosition(text) {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
function editScenario(label, file, where) {
  const base = file.text;
  const position = where === 'middle' ? insidePargraphPosition(base, base.length >> 1) : endPosition(base);
  const versions = [];
  for (let k = 1; k <= EDIT_STEPS + 5; k++) versions.push(base.slice(0, position) + '字'.repeat(k) + base.slice(position));
  const result = { label, file: file.name, bytes: bytes(base), where, position, steps: EDIT_STEPS };
  if (!hasAnalyzer) {
    // What the extension does without DocumentAnalyzer: a full analyze per version.
    const times = [];
    for (let i = 0; i < Math.min(EDIT_STEPS, base.length > 500_000 ? 5 : EDIT_STEPS); i++) times.push(timed(() => core.analyze(versions[i], { fileName: file.name, config })));
    return { ...result, unavailable: 'DocumentAnalyzer is not exported from src/core/index.ts', fullReanalyzeMedian: median(times) };
  }
  const analyzer = new core.DocumentAnalyzer({ fileName: file.name, config });
  result.coldMs = timed(() => analyzer.analyze(base));
  // warm-up: type 5 characters, then measure EDIT_STEPS more, each a one-character insertion typed after the last
  for (let i = 0; i < 5; i++) analyzer.analyze(versions[i]);
  const times = [];
  const cpuTimes = [];
  let mismatches = 0;
  let checked = 0;
  for (let i = 5; i < versions.length; i++) {
    const cpu = process.cpuUsage();
    times.push(timed(() => analyzer.analyze(versions[i])));
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    if ((i - 5) % Math.ceil(EDIT_STEPS / 3) === 0 || i === versions.length - 1) {
      checked++;
      if (findingsKey(sink.findings) !== findingsKey(core.analyze(versions[i], { fileName: file.name, config }).findings)) mismatches++;
    }
  }
  return { ...result, median: median(times), max: Math.max(...times), cpuMedian: median(cpuTimes), checked, mismatches };
}
const tenKb = [...corpus.values()].filter((f) => /^zh-work-summary/.test(f.name)).sort((a, b) => Math.abs(bytes(a.text) - 10240) - Math.abs(bytes(b.text) - 10240))[0];
log(`edit latency through ${hasAnalyzer ? 'DocumentAnalyzer.analyze' : 'full analyze (DocumentAnalyzer unavailable)'}: ${tenKb.name} and ${LONG}`);
const edits = [
  editScenario('10 KB summary, middle', tenKb, 'middle'),
  editScenario('10 KB summary, end', tenKb, 'end'),
  editScenario(`${LONG}, middle`, longFile, 'middle'),
  editScenario(`${LONG}, end`, longFile, 'end'),
];

// ---------------------------------------------------------------- 3. longest synchronous stretch
async function longestStretch(run) {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let longest = 0;
  let longestCpu = 0; // CPU time the process used inside the longest-CPU gap: a stretch the scheduler stretched counts less
  let ticks = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    longest = Math.max(longest, now - last);
    longestCpu = Math.max(longestCpu, (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000);
    last = now;
    lastCpu = cpu;
    ticks++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const started = performance.now();
  const result = await run();
  const total = performance.now() - started;
  running = false;
  await new Promise((resolve) => setImmediate(resolve));
  const now = performance.now();
  longest = Math.max(longest, now - last);
  return { longest, longestCpu, total, ticks, result };
}
const slices = { api: sliceApi, sliceMs: SLICE_MS };
if (sliceApi === 'unavailable') {
  log('slices: analyzeInSlices unavailable; measuring the synchronous analyze as one stretch');
  const stretches = [];
  for (let i = 0; i < Math.max(3, ROUNDS >> 1); i++) { gc(); stretches.push((await longestStretch(async () => core.analyze(longFile.text, { fileName: LONG, config }))).longest); }
  slices.unavailable = 'analyzeInSlices is not exported from src/core/index.ts';
  slices.syncAnalyzeLongest = median(stretches);
} else {
  log(`slices: ${sliceApi} on ${LONG}, sliceMs ${SLICE_MS}`);
  const expected = findingsKey(core.analyze(longFile.text, { fileName: LONG, config }).findings);
  const cold = [];
  const coldCpu = [];
  const coldTotal = [];
  let equal = true;
  for (let i = 0; i < Math.max(3, ROUNDS >> 1); i++) {
    gc();
    const r = await longestStretch(() => analyzeInSlices(longFile.text, LONG));
    cold.push(r.longest);
    coldCpu.push(r.longestCpu);
    coldTotal.push(r.total);
    if (!r.result || findingsKey(r.result.findings) !== expected) equal = false;
  }
  Object.assign(slices, { coldLongest: median(cold), coldWorst: Math.max(...cold), coldCpu: median(coldCpu), coldTotal: median(coldTotal), equal });
  // after a one-character edit, on an analyzer that has seen the previous version (method API only)
  if (hasAnalyzer && typeof core.DocumentAnalyzer.prototype.analyzeInSlices === 'function') {
    const analyzer = new core.DocumentAnalyzer({ fileName: LONG, config });
    await analyzer.analyzeInSlices(longFile.text, { sliceMs: SLICE_MS });
    const position = insidePargraphPosition(longFile.text, longFile.text.length >> 1);
    const warm = [];
    const warmCpu = [];
    for (let k = 1; k <= Math.max(3, ROUNDS >> 1); k++) {
      const version = longFile.text.slice(0, position) + '字'.repeat(k) + longFile.text.slice(position);
      const r = await longestStretch(() => analyzer.analyzeInSlices(version, { sliceMs: SLICE_MS }));
      warm.push(r.longest);
      warmCpu.push(r.longestCpu);
    }
    Object.assign(slices, { editLongest: median(warm), editWorst: Math.max(...warm), editCpu: median(warmCpu) });
  }
  // cancellation: a stale run returns undefined
  let calls = 0;
  const cancelled = await analyzeInSlices(longFile.text, LONG, () => ++calls > 2);
  slices.cancelReturnsUndefined = cancelled === undefined;
}

// ---------------------------------------------------------------- 4. package: production bundles and .vsix
function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}
// Staged copies live outside the work tree: inside it, `tsc -p .` (tsconfig includes bench/**/*.ts)
// would compile the staged copy of src/ and test/ too.
const stageRoot = path.join(os.tmpdir(), 'official-summary-bench');
const stageDir = path.join(stageRoot, 'stage');
const packaging = {};
if (!flag('--no-package')) try {
  log(`packaging: staging a copy of the project in ${stageDir} and running \`npm run package\` there`);
  fs.rmSync(stageDir, { recursive: true, force: true });
  const skip = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test', 'bench']);
  fs.mkdirSync(stageDir, { recursive: true });
  for (const entry of fs.readdirSync(root)) {
    if (skip.has(entry) || entry.endsWith('.vsix')) continue;
    fs.cpSync(path.join(root, entry), path.join(stageDir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(stageDir, 'node_modules'), 'dir');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  packaging.script = pkg.scripts?.package;
  const vsixPath = path.join(stageDir, 'official-summary.vsix');
  if (packaging.script) {
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
    const r = run('npm', ['run', 'package', '--', '--out', vsixPath], { cwd: stageDir, env });
    packaging.status = r.status;
    if (r.status === 0 && fs.existsSync(vsixPath)) {
      packaging.vsixBytes = fs.statSync(vsixPath).size;
      const listing = run('unzip', ['-l', vsixPath]);
      packaging.vsixFiles = listing.status === 0 ? listing.stdout.trim().split('\n').slice(3, -2).length : undefined;
    } else packaging.error = (r.stderr || r.stdout).trim().split('\n').slice(-6).join('\n');
  } else packaging.error = 'package.json has no "package" script';
  if (!fs.existsSync(path.join(stageDir, 'dist/extension.js'))) {
    const r = run(process.execPath, ['esbuild.js', '--production'], { cwd: stageDir });
    if (r.status !== 0) packaging.buildError = (r.stderr || r.stdout).trim().split('\n').slice(-6).join('\n');
  }
  for (const bundle of ['extension.js', 'cli.js']) {
    const file = path.join(stageDir, 'dist', bundle);
    if (fs.existsSync(file)) packaging[bundle] = fs.statSync(file).size;
  }
} catch (error) {
  packaging.error = `staging failed: ${error.message}`;
}
for (const bundle of ['extension.js', 'cli.js']) {
  const file = path.join(root, 'dist', bundle);
  if (fs.existsSync(file)) packaging[`dev ${bundle}`] = fs.statSync(file).size;
}

// ---------------------------------------------------------------- 5. activation
const activation = {};
// the production bundle staged by this run; with --no-package, the work tree's dist/ as found
const activationBundle = !flag('--no-package') && fs.existsSync(path.join(stageDir, 'dist/extension.js')) ? path.join(stageDir, 'dist/extension.js') : path.join(root, 'dist/extension.js');
if (fs.existsSync(activationBundle)) {
  log(`activation: evaluating ${path.relative(root, activationBundle)} in fresh Node processes (vscode stubbed)`);
  activation.bundle = activationBundle.startsWith(stageRoot) ? 'the staged production dist/extension.js' : path.relative(root, activationBundle);
  const requires = [];
  const activates = [];
  for (let i = 0; i < 7; i++) {
    const r = run(process.execPath, [path.join(benchDir, 'lib/require-child.cjs'), activationBundle]);
    try {
      const value = JSON.parse(r.stdout.trim().split('\n').pop());
      requires.push(value.requireMs);
      if (Number.isFinite(value.activateMs)) activates.push(value.activateMs);
      else activation.stubActivateError = value.activateError;
    } catch { activation.requireError = (r.stderr || r.stdout).trim().split('\n').slice(-3).join('\n'); }
  }
  activation.requireMs = median(requires);
  activation.stubActivateMs = median(activates);
}
const cacheDir = path.resolve(process.env.E2E_CACHE_DIR ?? path.join(os.homedir(), '.cache/official-summary-e2e'));
const codeServer = path.join(cacheDir, 'cs/node_modules/code-server/out/node/entry.js');
const harness = path.join(root, 'scripts/run-e2e.mjs');
if (flag('--no-vscode') || quick) activation.vscode = 'skipped (--no-vscode / --quick)';
else if (!fs.existsSync(codeServer) || !fs.existsSync(harness)) activation.vscode = `unavailable: needs scripts/run-e2e.mjs and code-server in ${cacheDir} (npm run e2e:setup)`;
else if (flag('--no-package') || !fs.existsSync(path.join(stageDir, 'dist/extension.js'))) activation.vscode = 'unavailable: no production build staged by this run (see packaging)';
else try {
  const folder = path.join(stageRoot, 'empty-workspace');
  fs.mkdirSync(folder, { recursive: true });
  // In code-server the workbench fires onLanguage:plaintext at startup with no editor open, so the
  // extension is already active when a test starts. A copy of the production package with an activation
  // event that never fires lets the test trigger (and time) the activation itself; the code is the same.
  const vscodeStage = path.join(stageRoot, 'stage-vscode');
  fs.rmSync(vscodeStage, { recursive: true, force: true });
  fs.mkdirSync(vscodeStage, { recursive: true });
  for (const entry of fs.readdirSync(stageDir)) {
    if (/^(dist|l10n|snippets|syntaxes|schemas)$|^package\.nls.*\.json$/.test(entry)) fs.cpSync(path.join(stageDir, entry), path.join(vscodeStage, entry), { recursive: true });
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(stageDir, 'package.json'), 'utf8'));
  activation.shippedActivationEvents = manifest.activationEvents;
  manifest.activationEvents = ['onCommand:officialSummary.benchActivationNeverFires'];
  fs.writeFileSync(path.join(vscodeStage, 'package.json'), JSON.stringify(manifest, null, 2));
  // An empty extension, timed the same way in its own runs: what any activation costs in such a host
  // (VS Code's own work plus this loaded machine), so the difference is what our extension adds.
  const emptyStage = path.join(stageRoot, 'stage-empty');
  fs.mkdirSync(emptyStage, { recursive: true });
  fs.writeFileSync(path.join(emptyStage, 'package.json'), JSON.stringify({
    name: 'bench-empty', publisher: 'official-summary-bench', version: '0.0.0', engines: { vscode: '^1.90.0' },
    main: './extension.js', activationEvents: ['onCommand:officialSummaryBench.neverFires'],
  }, null, 2));
  fs.writeFileSync(path.join(emptyStage, 'extension.js'), 'exports.activate = function () { return {}; };\n');
  const times = [];
  const loads = [];
  const empties = [];
  const runs = option('--vscode-runs', 5);
  // ours and the empty extension alternate, one fresh code-server per run
  for (let i = 0; i < 2 * runs; i++) {
    const empty = i % 2 === 1;
    log(`activation in real VS Code (code-server), ${empty ? 'empty extension' : 'official-summary'} run ${(i >> 1) + 1}/${runs}`);
    const r = run(process.execPath, [harness, folder, `--extensionDevelopmentPath=${empty ? emptyStage : vscodeStage}`, `--extensionTestsPath=${path.join(benchDir, 'vscode/activation-test.js')}`], { timeout: 240_000 });
    const line = r.stdout.split('\n').find((l) => l.startsWith('bench-activation '));
    if (line) {
      const value = JSON.parse(line.slice('bench-activation '.length));
      if (empty) { if (Number.isFinite(value.emptyMs)) empties.push(value.emptyMs); continue; }
      if (value.wasActive) activation.vscodeWasActive = true;
      times.push(value.ms);
      loads.push(value.loadMs);
      activation.hostNode = value.node;
    } else activation.vscodeError = (r.stdout + r.stderr).trim().split('\n').slice(-4).join('\n');
  }
  activation.vscodeMs = median(times);
  activation.vscodeLoadMs = median(loads.filter(Number.isFinite));
  activation.vscodeEmptyMs = median(empties);
  activation.vscodeEmptyRuns = empties;
  activation.vscodeLoadRuns = loads;
  activation.vscodeRuns = times;
  activation.vscode = times.length ? `code-server ${JSON.parse(fs.readFileSync(path.join(cacheDir, 'cs/node_modules/code-server/package.json'), 'utf8')).version}` : 'failed';
} catch (error) {
  activation.vscode = `failed: ${error.message}`;
}

// ---------------------------------------------------------------- 6. peak memory
const memory = {};
if (!flag('--no-memory')) {
  const longPath = longFile.from === '../shared/corpus' ? sharedLong : path.join(fixturesDir, LONG);
  for (const mode of ['remark', 'ours', 'analyzer', 'markdownlint']) {
    log(`memory: ${mode} on ${LONG} in fresh processes`);
    const runs = [];
    for (let i = 0; i < MEMORY_RUNS; i++) {
      const r = run(process.execPath, ['--expose-gc', path.join(benchDir, 'lib/memory-child.mjs'), mode, longPath, corePath], { cwd: root });
      try {
        const value = JSON.parse(r.stdout.trim().split('\n').pop());
        if (value.unavailable) { memory[mode] = { unavailable: value.unavailable }; break; }
        runs.push(value);
      } catch { memory[mode] = { error: (r.stderr || r.stdout).trim().split('\n').slice(-3).join('\n') }; break; }
    }
    if (runs.length) {
      const pick = (key) => median(runs.map((v) => v[key]));
      memory[mode] = { peakRssDelta: pick('peakRssDelta'), maxRss: pick('maxRssAfter'), rssBefore: pick('rssBefore'), retainedHeapDelta: pick('retainedHeapDelta'), ms: pick('ms') };
    }
  }
}

// ---------------------------------------------------------------- report
const loadAfter = os.loadavg().map((v) => v.toFixed(2)).join(', ');
emit(`### Run of ${machine.date.slice(0, 16).replace('T', ' ')} UTC`);
emit();
emit(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memory} RAM, Node ${machine.node}. Load average before: ${machine.loadBefore}; after: ${loadAfter}. ` +
  `${WARMUP} warm-up + ${ROUNDS} measured rounds, medians.`);
emit();
emit(`#### Full lint (ms per file, median of ${ROUNDS}; ratios = median of the per-round ratios; ours = core \`analyze\`, remark = \`unified().use(remarkParse).parse\` alone, markdownlint = \`lint\` from markdownlint/sync, all rules)`);
emit();
const withMdIt = toolNames.includes('markdown-it');
const fullTable = [...fullRows.filter((r) => r.name !== LONG), corpusTotal, longRow].map((r) => [
  r.name === corpusTotal.name ? `**${r.name}**` : r.name === LONG ? `**${r.name}**` : r.name,
  kb(r.bytes), ms(r.ours), ms(r.remark), ms(r.markdownlint), ratio(r.vsRemark), ratio(r.vsMarkdownlint),
  ...(withMdIt ? [ms(r['markdown-it'])] : []),
]);
emit(table(['file', 'size', 'ours', 'remark-parse', 'markdownlint', 'ours/remark', 'ours/markdownlint', ...(withMdIt ? ['markdown-it (reference)'] : [])], fullTable, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
const extras = files.filter((f) => f.from !== 'test/fixtures/corpus' && f.name !== LONG).map((f) => f.name);
if (extras.length) emit(`\nFrom ../shared/corpus (not in the fixtures): ${extras.join(', ')}.`);
const otherLong = longFile.from === '../shared/corpus' ? path.join(fixturesDir, LONG) : sharedLong;
emit(`\n${LONG}: ${longFile.from}/${LONG}, ${kb(bytes(longFile.text))} (${longFile.text.length} characters)${fs.existsSync(otherLong) && fs.readFileSync(otherLong, 'utf8') !== longFile.text ? `; the copy in ${path.relative(root, otherLong)} differs (${kb(fs.statSync(otherLong).size)})` : ''}.`);
emit(`\nThe same ratios from process CPU time instead of wall time (less sensitive to other load): ${LONG} ours/remark ${ratio(longRow.cpu.vsRemark)}, ours/markdownlint ${ratio(longRow.cpu.vsMarkdownlint)}; other files (sum) ours/remark ${ratio(corpusTotal.cpu.vsRemark)}, ours/markdownlint ${ratio(corpusTotal.cpu.vsMarkdownlint)}.`);
emit();
emit(`#### Edit → updated findings (one-character insertions typed one after another, ${EDIT_STEPS} measured after 5 warm-up)`);
emit();
if (!hasAnalyzer) emit('**DocumentAnalyzer is not exported from src/core/index.ts: incremental latency unavailable.** Shown instead: a full `analyze` per version (what the extension does without it).\n');
emit(table(['document', 'path', 'median ms', 'max ms', 'median CPU ms', 'first analyze ms', '= full lint'], edits.map((e) => [
  `${e.label} (${kb(e.bytes)})`,
  e.unavailable ? 'full analyze (fallback)' : 'DocumentAnalyzer.analyze',
  ms(e.unavailable ? e.fullReanalyzeMedian : e.median), e.unavailable ? 'n/a' : ms(e.max), e.unavailable ? 'n/a' : ms(e.cpuMedian), e.unavailable ? 'n/a' : ms(e.coldMs),
  e.unavailable ? 'n/a' : e.mismatches ? `NO (${e.mismatches}/${e.checked} differ)` : `yes (${e.checked} checked)`,
]), ['l', 'l', 'r', 'r', 'r', 'r', 'l']));
emit(`\n10 KB summary: ${tenKb.name} (${kb(bytes(tenKb.text))}, ${tenKb.text.length} characters), the zh-work-summary file closest to 10 KB.`);
emit();
emit(`#### Longest synchronous stretch while ${LONG} is linted (setImmediate ticker; largest gap between ticks)`);
emit();
if (slices.unavailable) emit(`**${slices.unavailable}.** The whole synchronous \`analyze\` is one stretch: ${ms(slices.syncAnalyzeLongest)} ms.`);
else {
  emit(table(['case', 'API', 'sliceMs', 'longest stretch ms (median)', 'worst ms', 'CPU ms in the longest-CPU gap', 'total ms', '= full lint'], [
    ['first analysis (fresh analyzer, as on opening)', slices.api, SLICE_MS, ms(slices.coldLongest), ms(slices.coldWorst), ms(slices.coldCpu), ms(slices.coldTotal), slices.equal ? 'yes' : 'NO'],
    ...(slices.editLongest !== undefined ? [['after a one-character edit (warm analyzer)', slices.api, SLICE_MS, ms(slices.editLongest), ms(slices.editWorst), ms(slices.editCpu), '', '']] : []),
  ], ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l']));
  emit(`\nCancelled run returns undefined: ${slices.cancelReturnsUndefined ? 'yes' : 'NO'}.`);
}
emit();
emit('#### Activation, bundles, package');
emit();
const packRows = [];
if (packaging['extension.js']) packRows.push(['dist/extension.js (production, staged build)', kb(packaging['extension.js'])]);
if (packaging['cli.js']) packRows.push(['dist/cli.js (production, staged build)', kb(packaging['cli.js'])]);
if (packaging['dev extension.js']) packRows.push(['dist/extension.js in the work tree (dev build, as found)', kb(packaging['dev extension.js'])]);
if (packaging['dev cli.js']) packRows.push(['dist/cli.js in the work tree (dev build, as found)', kb(packaging['dev cli.js'])]);
packRows.push(['.vsix (`npm run package` in a staged copy)', packaging.vsixBytes ? `${kb(packaging.vsixBytes)}${packaging.vsixFiles ? ` (${packaging.vsixFiles} files)` : ''}` : `not built: ${(packaging.error ?? 'skipped (--no-package)').split('\n')[0]}`]);
packRows.push([`require() of ${activation.bundle ?? 'dist/extension.js'} in a fresh Node, vscode stubbed (median of 7)`, Number.isFinite(activation.requireMs) ? `${ms(activation.requireMs)} ms` : activation.requireError ?? 'n/a']);
packRows.push(['activate() against an inert vscode stub (median of 7)', Number.isFinite(activation.stubActivateMs) ? `${ms(activation.stubActivateMs)} ms` : `n/a${activation.stubActivateError ? `: ${activation.stubActivateError}` : ''}`]);
packRows.push(['`await extension.activate()` in a real VS Code extension host (code-server, production build, no document open)',
  Number.isFinite(activation.vscodeMs) ? `${ms(activation.vscodeMs)} ms median, ${ms(Math.min(...activation.vscodeRuns))} ms best (runs: ${activation.vscodeRuns.map((v) => ms(v)).join(', ')}); loading the bundle: ${ms(activation.vscodeLoadMs)} ms median, ${ms(Math.min(...activation.vscodeLoadRuns.filter(Number.isFinite)))} best; an empty extension, same harness: ${ms(activation.vscodeEmptyMs)} ms median, ${ms(Math.min(...activation.vscodeEmptyRuns))} best; ${activation.vscode}, extension host Node ${activation.hostNode}${activation.vscodeWasActive ? ' — WARNING: already active before the call' : ''}` : `${activation.vscode}${activation.vscodeError ? `: ${activation.vscodeError.split('\n').pop()}` : ''}`]);
emit(table(['what', 'measured'], packRows));
if (packaging.error && packaging.vsixBytes === undefined) emit(`\n\`npm run package\` output (last lines):\n\n\`\`\`\n${packaging.error}\n\`\`\``);
emit();
if (!flag('--no-memory')) {
  emit(`#### Peak memory for ${LONG} (fresh process each, median of ${MEMORY_RUNS}; peak = maxRSS after the call − RSS before it)`);
  emit();
  emit(table(['what', 'peak RSS − RSS before', 'maxRSS (absolute)', 'heap retained by the result', 'time ms', 'vs remark (Δ)', 'vs remark (abs)'], ['remark', 'ours', 'analyzer', 'markdownlint'].map((mode) => {
    const m = memory[mode] ?? {};
    const label = { remark: 'remark-parse parse alone', ours: 'ours: core analyze', analyzer: 'ours: DocumentAnalyzer.analyze (keeps chunk cache)', markdownlint: 'markdownlint, all rules' }[mode];
    if (m.unavailable || m.error) return [label, m.unavailable ?? `error: ${m.error.split('\n').pop()}`, '', '', '', '', ''];
    const r = memory.remark;
    return [label, mb(m.peakRssDelta), mb(m.maxRss), mb(m.retainedHeapDelta), ms(m.ms), r ? ratio(m.peakRssDelta / r.peakRssDelta) : '', r ? ratio(m.maxRss / r.maxRss) : ''];
  }), ['l', 'r', 'r', 'r', 'r', 'r', 'r']));
  emit();
}

let echo;
if (!flag('--no-echo') && !flag('--no-vscode') && !quick) {
  echo = typingEcho();
  emit(echo.unavailable ? `Typing echo: unavailable, ${echo.unavailable}.` : echo.report);
  emit();
}

// ---------------------------------------------------------------- targets
const targets = [];
function target(name, measured, limit, unit, note = '') {
  if (!Number.isFinite(measured)) { targets.push([name, 'n/a', `≤ ${limit}${unit}`, 'UNAVAILABLE', note]); return; }
  const fmt = (v) => (unit === '×' ? `${v.toFixed(2)}×` : unit === ' MB' ? `${v.toFixed(1)} MB` : `${ms(v)} ms`);
  const pass = measured <= limit;
  const by = pass ? `${(((limit - measured) / limit) * 100).toFixed(0)}% under` : `${(measured / limit).toFixed(2)}× the target (+${unit === '×' ? (measured - limit).toFixed(2) : ms(measured - limit)}${unit === '×' ? '' : ' ms'})`;
  targets.push([name, fmt(measured), `≤ ${unit === '×' ? `${limit}×` : `${limit} ms`}`, pass ? 'PASS' : 'MISS', by + (note ? `; ${note}` : '')]);
}
target(`full lint / remark, ${LONG}`, longRow.vsRemark, 1.3, '×', `CPU time: ${ratio(longRow.cpu.vsRemark)}`);
target('full lint / remark, other corpus files (sum)', corpusTotal.vsRemark, 1.3, '×', `CPU time: ${ratio(corpusTotal.cpu.vsRemark)}`);
target(`full lint / markdownlint, ${LONG}`, longRow.vsMarkdownlint, 0.8, '×', `CPU time: ${ratio(longRow.cpu.vsMarkdownlint)}`);
target('full lint / markdownlint, other corpus files (sum)', corpusTotal.vsMarkdownlint, 0.8, '×', `CPU time: ${ratio(corpusTotal.cpu.vsMarkdownlint)}`);
for (const e of edits) {
  const limit = e.file === LONG ? 60 : 5;
  target(`edit → findings, ${e.label}`, e.unavailable ? NaN : e.median, limit, ' ms', e.unavailable ? `DocumentAnalyzer unavailable; full analyze takes ${ms(e.fullReanalyzeMedian)} ms` : `CPU time ${ms(e.cpuMedian)} ms${e.mismatches ? '; RESULT DIFFERS FROM FULL LINT' : ''}`);
}
if (slices.unavailable) target(`longest synchronous stretch, ${LONG}`, NaN, 50, ' ms', `analyzeInSlices unavailable; sync analyze = ${ms(slices.syncAnalyzeLongest)} ms`);
else {
  target(`longest synchronous stretch, ${LONG}, first analysis`, slices.coldLongest, 50, ' ms', `CPU in the longest gap ${ms(slices.coldCpu)} ms${slices.equal ? '' : '; RESULT DIFFERS FROM FULL LINT'}`);
  if (slices.editLongest !== undefined) target(`longest synchronous stretch, ${LONG}, after an edit`, slices.editLongest, 50, ' ms', `CPU in the longest gap ${ms(slices.editCpu)} ms`);
}
target('activation, real VS Code (await activate()), median', activation.vscodeMs, 50, ' ms', Number.isFinite(activation.vscodeMs) ? `best run ${ms(Math.min(...activation.vscodeRuns))} ms; bundle load ${ms(activation.vscodeLoadMs)} ms; an empty extension ${ms(activation.vscodeEmptyMs)} ms` : `bundle require alone: ${ms(activation.requireMs)} ms`);
if (!flag('--no-memory') && memory.remark?.peakRssDelta) {
  if (memory.ours?.peakRssDelta) target(`peak memory ${LONG}: analyze / remark (peak RSS − RSS before)`, memory.ours.peakRssDelta / memory.remark.peakRssDelta, 1.2, '×', `${mb(memory.ours.peakRssDelta)} vs ${mb(memory.remark.peakRssDelta)}`);
  if (memory.analyzer?.peakRssDelta) target(`peak memory ${LONG}: DocumentAnalyzer / remark (peak RSS − RSS before)`, memory.analyzer.peakRssDelta / memory.remark.peakRssDelta, 1.2, '×', `${mb(memory.analyzer.peakRssDelta)} vs ${mb(memory.remark.peakRssDelta)}`);
  if (memory.ours?.maxRss) target(`peak memory ${LONG}: analyze / remark (absolute maxRSS)`, memory.ours.maxRss / memory.remark.maxRss, 1.2, '×', `${mb(memory.ours.maxRss)} vs ${mb(memory.remark.maxRss)}`);
}
// the folder check of issue 13: summary-lint beside markdownlint-cli2 on one folder of 116 files
let folder;
if (flag('--no-folder')) folder = { skipped: true };
else {
  try {
    log('folder check: summary-lint vs markdownlint-cli2');
    folder = await benchFolder({ rounds: quick ? 2 : 5, log });
    emit(folderReport(folder));
    emit();
    target('folder check, 116 files: summary-lint / markdownlint-cli2 (wall)', folder.ratio, 0.5, '×', `CPU time ${ratio(folder.cpuRatio)}; one thread ${ratio(folder.ratioSingle)} wall${folder.identical ? '' : '; THREADED OUTPUT DIFFERS'}`);
  } catch (error) {
    emit(`#### Folder check\n\nNot measured: ${error.message}\n`);
  }
}
if (echo && !echo.unavailable) targets.push(echoTarget(echo));
emit('#### Targets');
emit();
emit(table(['target', 'measured', 'target', 'result', 'by how much'], targets));
emit();
emit(`Generated by \`npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}\` in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);

const report = output.join('\n');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'results.md'), report + '\n');
fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify({ machine, loadAfter, rounds: ROUNDS, warmup: WARMUP, full: fullRows, corpusTotal, edits, slices, packaging, activation, memory, folder, echo, targets }, null, 2));
if (flag('--update-readme')) {
  const readme = path.join(benchDir, 'README.md');
  const START = '<!-- results:start -->';
  const END = '<!-- results:end -->';
  const current = fs.existsSync(readme) ? fs.readFileSync(readme, 'utf8') : `${START}\n${END}\n`;
  const a = current.indexOf(START);
  const b = current.indexOf(END);
  if (a < 0 || b < a) console.error('bench: README.md has no results markers; not updated');
  else fs.writeFileSync(readme, `${current.slice(0, a + START.length)}\n${report}\n${current.slice(b)}`);
  log('bench/README.md results block updated');
}
if (!flag('--keep-stage')) fs.rmSync(stageRoot, { recursive: true, force: true });
log(`wrote ${path.relative(root, path.join(outDir, 'results.md'))} and results.json`);
