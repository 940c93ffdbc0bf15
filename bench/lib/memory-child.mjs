// One measurement of peak memory, in a fresh process: `node --expose-gc memory-child.mjs MODE FILE CORE`.
// MODE: remark (unified().use(remarkParse).parse), ours (core analyze), analyzer (DocumentAnalyzer.analyze,
// the extension's path, which also keeps its chunk cache), markdownlint (all rules).
// Prints one JSON line. The baseline is taken after the modules are loaded and the text is read, and
// after two full GCs; the peak is process.resourceUsage().maxRSS after the call (the kernel's high-water
// mark, so it also sees the peak inside the synchronous call, which no in-thread sampler can).
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const [mode, file, corePath] = process.argv.slice(2);
if (typeof gc !== 'function') throw new Error('run with --expose-gc');
const text = fs.readFileSync(file, 'utf8');
const fileName = file.split('/').pop();

let run;
if (mode === 'remark') {
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  run = () => unified().use(remarkParse).parse(text);
} else if (mode === 'markdownlint') {
  const { lint } = await import('markdownlint/sync');
  run = () => lint({ strings: { [fileName]: text }, config: { default: true } });
} else {
  const core = await import(pathToFileURL(corePath).href);
  if (mode === 'ours') run = () => core.analyze(text, { fileName, config: core.DEFAULT_CONFIG });
  else if (mode === 'analyzer') {
    if (typeof core.DocumentAnalyzer !== 'function') { console.log(JSON.stringify({ mode, unavailable: 'DocumentAnalyzer not exported' })); process.exit(0); }
    const analyzer = new core.DocumentAnalyzer({ fileName, config: core.DEFAULT_CONFIG });
    globalThis.keepAnalyzer = analyzer;
    run = () => analyzer.analyze(text);
  } else throw new Error(`unknown mode ${mode}`);
}

gc(); gc();
const before = process.memoryUsage();
const maxRssBefore = process.resourceUsage().maxRSS * 1024;
const started = performance.now();
const result = run();
const ms = performance.now() - started;
const after = process.memoryUsage();
const maxRssAfter = process.resourceUsage().maxRSS * 1024;
globalThis.keep = result;
gc(); gc();
const retained = process.memoryUsage();
console.log(JSON.stringify({
  mode, ms,
  rssBefore: before.rss, heapBefore: before.heapUsed,
  maxRssBefore, maxRssAfter,
  peakRssDelta: maxRssAfter - before.rss,
  heapAfterNoGc: after.heapUsed,
  retainedHeapDelta: retained.heapUsed - before.heapUsed,
}));
