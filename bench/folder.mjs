// The folder check of issue 13: `summary-lint <folder>` beside `markdownlint-cli2 "<folder>/**/*.md"` on
// the same 116 Markdown files (9 MB), wall time and CPU time, several rounds, the tools taking turns.
// Run alone with `node bench/folder.mjs [--rounds N] [--json]`; `npm run bench` runs it too (see run.mjs).
import esbuild from 'esbuild';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const outDir = path.join(benchDir, 'out');

export const FOLDER_FILES = 116;

/**
 * Builds the folder from the corpus fixtures, deterministically: whole copies of the fixtures
 * (real documents, not pieces), taken round-robin in name order until there are 116 files, which
 * comes to about 9 MiB (zh-long-02, 1.6 MB, at most four times). File names keep "report"/"summary", so
 * both tools check every file. Returns the folder and the SHA-256 of its contents, printed with the
 * results, so two runs can be seen to have measured the same folder.
 */
export function buildFolder(target = path.join(outDir, 'folder-116')) {
  const fixturesDir = path.join(root, 'test/fixtures/corpus');
  const fixtures = fs
    .readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.md') && name !== 'SOURCES.md')
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(fixturesDir, name), 'utf8') }));
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const hash = crypto.createHash('sha256');
  let total = 0;
  const uses = new Map();
  for (let index = 0, next = 0; index < FOLDER_FILES; index++) {
    let fixture = fixtures[next++ % fixtures.length];
    // the 1.6 MB one at most four times: 116 files, about 9 MiB
    while (fixture.text.length > 500_000 && (uses.get(fixture.name) ?? 0) >= 4) fixture = fixtures[next++ % fixtures.length];
    uses.set(fixture.name, (uses.get(fixture.name) ?? 0) + 1);
    const name = `${String(index + 1).padStart(3, '0')}-${fixture.name.replace(/\.md$/, '')}-report.md`;
    fs.writeFileSync(path.join(target, name), fixture.text);
    hash.update(name).update(fixture.text);
    total += Buffer.byteLength(fixture.text, 'utf8');
  }
  return { folder: target, files: FOLDER_FILES, bytes: total, sha256: hash.digest('hex').slice(0, 16) };
}

/** The CLI as the npm package ships it (production bundle), built from the work tree into bench/out. */
export async function bundleCli() {
  const outfile = path.join(outDir, 'cli.cjs');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
  return outfile;
}

const TIME = '/usr/bin/time';

/** Wall time of one run, and its CPU time (user + system, all threads) when /usr/bin/time is there. */
function timedRun(command, args, cwd) {
  const cpuFile = path.join(os.tmpdir(), `official-summary-bench-cpu-${process.pid}.txt`);
  const withTime = fs.existsSync(TIME);
  const [program, programArgs] = withTime ? [TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(program, programArgs, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let cpuMs = NaN;
      if (withTime) {
        const [user, system] = fs.readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        cpuMs = (user + system) * 1000;
        fs.rmSync(cpuFile, { force: true });
      }
      resolve({ code, wallMs, cpuMs, stdout: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs the comparison and returns { rows, ratio, ratioSingle, identical, folderInfo } for the report. */
export async function benchFolder({ rounds = 5, log = () => undefined } = {}) {
  const folderInfo = buildFolder();
  const cli = await bundleCli();
  const markdownlintCli2 = path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  if (!fs.existsSync(markdownlintCli2)) throw new Error('markdownlint-cli2 is not installed (npm ci)');
  const cwd = path.dirname(folderInfo.folder);
  const relative = path.basename(folderInfo.folder);
  const tools = {
    'summary-lint (threads)': [process.execPath, [cli, '--format', 'json', relative]],
    'summary-lint --jobs 1': [process.execPath, [cli, '--format', 'json', '--jobs', '1', relative]],
    'markdownlint-cli2': [process.execPath, [markdownlintCli2, `${relative}/**/*.md`]],
  };
  const names = Object.keys(tools);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  const cpuSamples = Object.fromEntries(names.map((n) => [n, []]));
  let identical = true;
  let findings = 0;
  for (let round = -1; round < rounds; round++) {
    // the tools take turns going first; round -1 warms the file cache and is not counted
    const order = names.map((_, i) => names[(i + Math.max(round, 0)) % names.length]);
    const outputs = {};
    for (const name of order) {
      const [command, args] = tools[name];
      const result = await timedRun(command, args, cwd);
      outputs[name] = result.stdout;
      if (round >= 0) {
        samples[name].push(result.wallMs);
        cpuSamples[name].push(result.cpuMs);
      }
    }
    if (outputs['summary-lint (threads)'] !== outputs['summary-lint --jobs 1']) identical = false;
    findings = JSON.parse(outputs['summary-lint --jobs 1']).length;
    log(`folder round ${round + 1}/${rounds}: ${names.map((n) => `${n} ${samples[n].at(-1)?.toFixed(0) ?? '-'} ms`).join(', ')}`);
  }
  const rows = names.map((name) => ({ name, medianMs: median(samples[name]), bestMs: Math.min(...samples[name]), cpuMs: median(cpuSamples[name]), samples: samples[name], cpuSamples: cpuSamples[name] }));
  const pairedRatio = (a, b, from = samples) => median(from[a].map((value, i) => value / from[b][i]));
  return {
    folderInfo,
    rows,
    findings,
    identical,
    ratio: pairedRatio('summary-lint (threads)', 'markdownlint-cli2'),
    ratioSingle: pairedRatio('summary-lint --jobs 1', 'markdownlint-cli2'),
    cpuRatio: pairedRatio('summary-lint (threads)', 'markdownlint-cli2', cpuSamples),
    cpuRatioSingle: pairedRatio('summary-lint --jobs 1', 'markdownlint-cli2', cpuSamples),
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(', '),
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
  };
}

export function folderReport(result) {
  const lines = [];
  const { folderInfo } = result;
  lines.push(
    `#### Folder check (${folderInfo.files} Markdown files, ${(folderInfo.bytes / 1048576).toFixed(1)} MiB, built from the corpus fixtures, sha256 ${folderInfo.sha256}; ${result.cores} cores; wall time per run, median of ${result.rows[0].samples.length})`,
    '',
    '| tool | median wall ms | best wall ms | median CPU ms (user + sys, all threads) |',
    '|---|---:|---:|---:|',
    ...result.rows.map((row) => `| ${row.name} | ${row.medianMs.toFixed(0)} | ${row.bestMs.toFixed(0)} | ${Number.isFinite(row.cpuMs) ? row.cpuMs.toFixed(0) : 'n/a'} |`),
    '',
    `summary-lint / markdownlint-cli2 (wall, paired): **${result.ratio.toFixed(2)}×** with threads (target ≤ 0.50×), ${result.ratioSingle.toFixed(2)}× on one thread. ` +
      `CPU time: ${result.cpuRatio.toFixed(2)}× with threads, ${result.cpuRatioSingle.toFixed(2)}× on one thread. ` +
      `Threaded output identical to \`--jobs 1\`: ${result.identical ? 'yes' : '**NO**'} (${result.findings} findings). Load average after: ${result.loadAverage}.`,
  );
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const roundsAt = argv.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 5;
  const result = await benchFolder({ rounds, log: (line) => console.error(line) });
  console.log(argv.includes('--json') ? JSON.stringify(result, null, 2) : folderReport(result));
}
