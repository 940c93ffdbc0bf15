import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkFile, type CheckOptions, type FileResult } from './check';

/** Set in workerData, so a thread knows it was started by checkFiles and not by a user. */
const WORKER_ROLE = 'official-summary/check-worker';
/** Below this many files a folder is checked on the main thread alone: starting threads would cost more. */
const PARALLEL_FROM_FILES = 8;

export interface FileToCheck {
  file: string;
  shown: string;
  foundInFolder: boolean;
}

type Job = { index: number } & FileToCheck;
type Answer = { index: number; result: FileResult } | { index: number; failed: string };

/**
 * How many threads to use: `--jobs` when given, else one per core the process may use but one.
 * One means the main thread alone. A checking thread keeps about 1.6 cores busy (V8 collects
 * garbage and compiles on threads of its own), so on two cores a worker only competes with the
 * main thread: the 116-file folder of `npm run bench` took 1.8 s on one thread and 2.2 s on two.
 */
export function threadCount(requested: number | undefined, files: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  return files < PARALLEL_FROM_FILES ? 1 : Math.max(1, Math.min(cores - 1, files));
}

/** Files sent ahead to a thread, so it never waits for the main thread between two files. */
const QUEUED_PER_THREAD = 2;

/**
 * Checks files on `threads` threads (the main one and `threads - 1` workers) and hands each result
 * to `onResult` in file order, as soon as it and all the files before it are done, so the output
 * is the single-thread output. Files go out largest first to whichever thread is free, so no
 * thread is left with one long file while the others idle. The workers run this very module, the
 * CLI's own bundle: no path from the command line or the workspace is ever loaded as code.
 */
export async function checkFiles(files: readonly FileToCheck[], options: CheckOptions, threads: number, onResult: (result: FileResult) => void): Promise<void> {
  const checkHere = (index: number) => checkFile(files[index]!.file, files[index]!.shown, files[index]!.foundInFolder, options);
  if (threads <= 1 || files.length <= 1) {
    for (let index = 0; index < files.length; index++) onResult(await checkHere(index));
    return;
  }
  const script = ownScript();
  const results: (FileResult | undefined)[] = new Array(files.length);
  const sizes = files.map((f) => sizeOf(f.file));
  const queue = files.map((_, index) => index).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  let nextToReport = 0;
  const settle = (index: number, result: FileResult) => {
    results[index] = result;
    while (nextToReport < files.length && results[nextToReport]) {
      onResult(results[nextToReport]!);
      results[nextToReport] = undefined;
      nextToReport++;
    }
  };
  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(script, { workerData: { role: WORKER_ROLE, options } });
      const inFlight = new Set<number>();
      const topUp = () => {
        while (inFlight.size < QUEUED_PER_THREAD && queue.length > 0) {
          const index = queue.shift()!;
          inFlight.add(index);
          worker.postMessage({ index, ...files[index]! } satisfies Job);
        }
        if (inFlight.size === 0) void worker.terminate();
      };
      worker.on('message', async (answer: Answer) => {
        inFlight.delete(answer.index);
        // a file the thread could not check is checked here, so it is never silently lost
        settle(answer.index, 'result' in answer ? answer.result : await checkHere(answer.index));
        topUp();
      });
      worker.on('error', () => {
        // a thread that died gives its files back; the others (or the main thread) take them
        queue.unshift(...inFlight);
        inFlight.clear();
      });
      worker.on('exit', () => {
        queue.unshift(...inFlight);
        inFlight.clear();
        resolve();
      });
      topUp();
    });
  const runHere = async () => {
    // the main thread checks files too; between two it lets the workers' messages in
    while (queue.length > 0) {
      const index = queue.shift()!;
      settle(index, await checkHere(index));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  const workers = Array.from({ length: Math.min(threads, files.length) - 1 }, runWorker);
  await runHere();
  await Promise.all(workers);
  // files given back by a thread that died after the main thread had finished
  await runHere();
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * The script the threads run: this module's own file (dist/cli.js in the bundle,
 * out/src/cli/workers.js when compiled by tsc). Checked to be a file of this project beside its
 * package.json, so a symlinked or replaced path cannot slip other code in.
 */
export function ownScript(): string {
  const script = fs.realpathSync(__filename);
  let folder = path.dirname(script);
  for (let depth = 0; depth < 4; depth++) {
    const manifest = path.join(folder, 'package.json');
    if (fs.existsSync(manifest)) {
      const name = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === 'official-summary') return script;
    }
    folder = path.dirname(folder);
  }
  throw new Error(`the worker script ${script} is not inside the official-summary package`);
}

/** In a thread started by checkFiles: check each file the main thread sends. */
function serveChecks(options: CheckOptions): void {
  parentPort!.on('message', (job: Job) => {
    checkFile(job.file, job.shown, job.foundInFolder, options).then(
      (result) => parentPort!.postMessage({ index: job.index, result } satisfies Answer),
      (error: unknown) => parentPort!.postMessage({ index: job.index, failed: String(error) } satisfies Answer),
    );
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) {
  serveChecks((workerData as { options: CheckOptions }).options);
}
