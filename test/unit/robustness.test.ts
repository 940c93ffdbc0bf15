/**
 * Hostile and odd input for the core: each case asserts something about the result that could fail,
 * and runs under a hang guard: the time named in its title, times HANG_FACTOR, after which it counts
 * as hung (quadratic or worse). That is no benchmark (speed is `npm run bench`'s business): a shared,
 * loaded 2-core machine must never fail these by being slow.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyze, applyEdits, collectFixEdits, formatChineseNumeral, LineIndex, type Finding } from '../../src/core/index';
import { FIXTURE_CORPUS } from '../support/corpus';

const HANG_FACTOR = 6;

interface Timed {
  findings: Finding[];
  markers: number;
  ms: number;
}

/** analyze within `boundMs`, with every range inside the text; a rule that throws (logged by lintDocument) fails. */
function analyzeWithin(text: string, fileName: string, nominalMs: number): Timed {
  const boundMs = nominalMs * HANG_FACTOR;
  const original = console.error;
  const ruleFailures: string[] = [];
  console.error = (...args: unknown[]) => void ruleFailures.push(args.map(String).join(' '));
  const started = performance.now();
  let result;
  try {
    result = analyze(text, { fileName });
  } finally {
    console.error = original;
  }
  const ms = performance.now() - started;
  assert.deepEqual(ruleFailures, [], 'a rule threw');
  assert.ok(ms < boundMs, `analyze took ${ms.toFixed(0)} ms on ${text.length} chars of ${fileName}, bound ${boundMs} ms`);
  for (const f of result.findings) {
    assert.ok(0 <= f.start && f.start <= f.end && f.end <= text.length, `${f.rule} range ${f.start}-${f.end} outside 0-${text.length}`);
    for (const e of f.fix?.edits ?? []) assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${f.rule} edit ${e.start}-${e.end} outside 0-${text.length}`);
  }
  return { findings: result.findings, markers: result.document.markers.length, ms };
}

/**
 * The same, in a worker thread that is terminated at the bound: a hang (or a catastrophic regex)
 * fails the test instead of blocking the run. With `fixAll`, fix-all (collectFixEdits + applyEdits)
 * is timed too and the fixed text returned.
 */
async function analyzeIsolated(text: string, fileName: string, nominalMs: number, fixAll = false): Promise<Timed & { fixed?: string }> {
  const boundMs = nominalMs * HANG_FACTOR;
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const core = require(workerData.core);
    const ruleFailures = [];
    console.error = (...args) => ruleFailures.push(args.map(String).join(' '));
    const started = performance.now();
    try {
      const { text, fileName, fixAll } = workerData;
      const result = core.analyze(text, { fileName });
      const fixed = fixAll ? core.applyEdits(text, core.collectFixEdits(result.findings)) : undefined;
      parentPort.postMessage({ findings: result.findings, markers: result.document.markers.length, ms: performance.now() - started, fixed, ruleFailures });
    } catch (error) {
      parentPort.postMessage({ error: String((error && error.stack) || error).split('\\n').slice(0, 4).join('\\n'), ms: performance.now() - started });
    }`;
  const worker = new Worker(source, { eval: true, workerData: { core: CORE, text, fileName, fixAll } });
  const started = performance.now();
  try {
    const message = await new Promise<{ findings: Finding[]; markers: number; ms: number; fixed?: string; ruleFailures: string[]; error?: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${fixAll ? 'analyze + fix-all' : 'analyze'} did not finish within ${boundMs} ms on ${text.length} chars of ${fileName}`)), boundMs + 5000);
      worker.once('message', (m) => (clearTimeout(timer), resolve(m)));
      worker.once('error', (e) => (clearTimeout(timer), reject(e)));
    });
    assert.equal(message.error, undefined, `analyze threw on ${text.length} chars of ${fileName}: ${message.error}`);
    assert.deepEqual(message.ruleFailures, [], 'a rule threw');
    assert.ok(message.ms < boundMs, `${fixAll ? 'analyze + fix-all' : 'analyze'} took ${message.ms.toFixed(0)} ms on ${text.length} chars of ${fileName}, bound ${boundMs} ms`);
    for (const f of message.findings) {
      assert.ok(0 <= f.start && f.start <= f.end && f.end <= text.length, `${f.rule} range ${f.start}-${f.end} outside 0-${text.length}`);
    }
    return { findings: message.findings, markers: message.markers, ms: message.ms ?? performance.now() - started, fixed: message.fixed };
  } finally {
    await worker.terminate();
  }
}
/** out/test/unit → out/src/core/index.js */
const CORE = path.resolve(__dirname, '../../src/core/index.js');

const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
/** 1-based line:column (UTF-16) of an offset, as the CLI and VS Code show it. */
function lineColumn(text: string, offset: number): string {
  const p = new LineIndex(text).positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

const SUMMARY = '2025年工作总结\n\n　　今年以来，我们认真履职。现将有关情况总结如下：\n\n　　一、加强学习\n\n　　二、完善制度\n\n　　二、存在的问题\n\n　　下一步，我们将继续努力。\n';
/** the duplicated 二、 of SUMMARY is at line 9, column 3 */
const DUPLICATE_AT = '9:3';

const FORMATS = ['a.md', 'a.txt'];

describe('hostile input: core', function () {
  this.timeout(0); // each case has its own hang guard (HANG_FACTOR)

  for (const fileName of FORMATS) {
    describe(fileName, () => {
      it('empty and whitespace-only documents: no throw, no structure findings, nothing to fix', () => {
        for (const text of ['', ' ', '\n', '\r\n\r\n', '\t\n　　\n \u00a0\n', '\ufeff', '\ufeff\n\n']) {
          const { findings } = analyzeWithin(text, fileName, 2000);
          const structural = findings.filter((f) => f.rule !== 'required-section');
          assert.deepEqual(structural, [], JSON.stringify(text));
          for (const f of findings) assert.ok(f.end <= text.length && !f.fix, `${f.rule} on ${JSON.stringify(text)}`);
        }
      });

      it('NUL and other control characters: markers still read, fixes keep them', () => {
        const text = '2025年工作总结\n\n一、甲\u0000乙\n\n一、丙\u0001\u0007\u001b[0m\n\n三、存在的问题\u0000\n';
        const { findings } = analyzeWithin(text, fileName, 2000);
        const sequence = of(findings, 'numbering-sequence');
        assert.ok(sequence.length >= 1, 'the duplicated 一、 is still found');
        const fixed = applyEdits(text, collectFixEdits(findings));
        assert.equal(fixed.split('\u0000').length, 3, 'NULs kept');
        assert.ok(fixed.includes('\u0001\u0007\u001b[0m'));
      });

      it('binary junk (random bytes decoded as latin1 and as UTF-8): no throw, bounded', async () => {
        let seed = 42;
        const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
        const bytes = Buffer.from(Array.from({ length: 200_000 }, () => Math.floor(random() * 256)));
        await analyzeIsolated(bytes.toString('latin1'), fileName, 20_000);
        await analyzeIsolated(bytes.toString('utf8'), fileName, 20_000);
        await analyzeIsolated(bytes.toString('utf16le'), fileName, 20_000); // lone surrogates, private use, everything
      });

      it('a BOM: the title is read, offsets count the BOM, fixes keep it', () => {
        const text = '\ufeff' + SUMMARY;
        const result = analyze(text, { fileName });
        assert.equal(result.document.title?.text, '2025年工作总结');
        const duplicate = of(result.findings, 'numbering-sequence')[0];
        assert.ok(duplicate, 'duplicate found');
        assert.equal(text.slice(duplicate.start, duplicate.end), '二、');
        assert.equal(lineColumn(text, duplicate.start), '9:3', 'the BOM is a character of line 1 only');
        const fixed = applyEdits(text, collectFixEdits(result.findings));
        assert.ok(fixed.startsWith('\ufeff2025年工作总结'));
      });

      it('CRLF and mixed line endings: the same finding at the same line and column', () => {
        const variants = {
          lf: SUMMARY,
          crlf: SUMMARY.replace(/\n/g, '\r\n'),
          mixed: SUMMARY.split('\n').map((l, i, all) => (i < all.length - 1 ? l + (i % 2 ? '\r\n' : '\n') : l)).join(''),
        };
        for (const [name, text] of Object.entries(variants)) {
          const duplicate = of(analyzeWithin(text, fileName, 2000).findings, 'numbering-sequence');
          assert.equal(duplicate.length, 1, name);
          assert.equal(text.slice(duplicate[0].start, duplicate[0].end), '二、', name);
          assert.equal(lineColumn(text, duplicate[0].start), DUPLICATE_AT, name);
          assert.equal(applyEdits(text, collectFixEdits(duplicate)), text.replace('二、存在', '三、存在'), `${name}: line breaks kept`);
        }
      });

      it('bare CR line endings (old Mac files): read as line breaks, as VS Code and LineIndex do', () => {
        // BUG B2 (see /tmp/robustness-bugs.md): the block readers split on \n only
        const text = SUMMARY.replace(/\n/g, '\r');
        const { findings } = analyzeWithin(text, fileName, 2000);
        const duplicate = of(findings, 'numbering-sequence');
        assert.equal(duplicate.length, 1);
        assert.equal(lineColumn(text, duplicate[0].start), DUPLICATE_AT);
        applyEdits(text, collectFixEdits(findings)); // no overlapping edits
      });

      it('a 10 MB document (the long corpus file repeated): completes within 90 s', async () => {
        const source = fs.readFileSync(path.join(FIXTURE_CORPUS, 'zh-long-02.md'), 'utf8');
        let text = '';
        while (Buffer.byteLength(text) < 10 * 1024 * 1024) text += source;
        const { findings, ms } = await analyzeIsolated(text, fileName, 90_000);
        assert.ok(findings.length > 0, 'the repeated document has findings');
        console.log(`      10 MB ${fileName}: ${(ms / 1000).toFixed(1)} s, ${findings.length} findings`);
      });

      it('a single 1 MB line, with and without a marker: within 15 s', async () => {
        await analyzeIsolated('甲'.repeat(350_000), fileName, 15_000);
        const { markers } = await analyzeIsolated('一、' + '加强学习，'.repeat(200_000) + '(', fileName, 15_000);
        assert.equal(markers, 1);
      });

      it('150 000 half-width commas on one 600 K-character line: every one found, within 15 s', async () => {
        // BUG B13: the punctuation rule rescans the line for every mark (18 s)
        const { findings } = await analyzeIsolated('2025年工作总结\n\n' + '一、甲,'.repeat(150_000), fileName, 15_000);
        assert.equal(of(findings, 'punctuation').length, 150_000, 'every half-width comma in the long line is found');
      });

      it('30 000 short lines each with a marker and a half-width comma: within 8 s', async () => {
        // BUG B13: the punctuation rule walks every marker of the document for every block (7.6 s)
        const { findings } = await analyzeIsolated('2025年工作总结\n\n' + '一、甲,\n'.repeat(30_000), fileName, 8_000);
        assert.equal(of(findings, 'punctuation').length, 30_000);
      });

      it('quotes nested 5000 deep: no throw, within 20 s', async () => {
        // BUG B4 (Markdown): RangeError, maximum call stack size exceeded, in src/core/blocks.ts
        await analyzeIsolated('> '.repeat(5000) + '一、甲\n', fileName, 20_000);
        await analyzeIsolated('>'.repeat(5000) + ' 一、甲\n\n二、乙\n', fileName, 20_000);
      });

      it('lists nested 5000 deep: no throw, within 20 s', async () => {
        // BUG B4/B5 (Markdown): ~30 s, then RangeError
        await analyzeIsolated('- '.repeat(5000) + '一、甲\n', fileName, 20_000);
        await analyzeIsolated('1. '.repeat(5000) + '一、甲\n', fileName, 20_000);
      });

      it('5000 lines of quoted markers: within 10 s', async () => {
        // BUG B5 (Markdown): 10 s on the shared 2-core machine
        const { markers } = await analyzeIsolated(Array.from({ length: 5000 }, (_, i) => `> > 第${i}行\n> > ${formatChineseNumeral((i % 9) + 1)}、甲`).join('\n\n'), fileName, 10_000);
        assert.ok(markers >= 5000);
      });

      it('30 000 numbered lines with one duplicate: one finding there, within 30 s', async () => {
        // BUG B5 (Markdown): one 30 000-item list takes 7–15 s in remark
        const parts: string[] = ['2025年工作总结'];
        for (let g = 1; g <= 34; g++) {
          parts.push(`${formatChineseNumeral(g)}、第${g}部分`);
          parts.push(Array.from({ length: 900 }, (_, i) => (g === 3 && i === 500 ? '500. 重复项' : `${i + 1}. ${i === 499 && g === 3 ? '重复项' : '项目'}`)).join('\n'));
        }
        const text = parts.join('\n\n') + '\n';
        const duplicateAt = text.indexOf('500. 重复项', text.indexOf('500. 重复项') + 1);
        const { findings, markers } = await analyzeIsolated(text, fileName, 30_000);
        assert.ok(markers >= 30_000, `${markers} markers`);
        const sequence = of(findings, 'numbering-sequence');
        assert.ok(sequence.some((f) => f.start === duplicateAt), sequence.slice(0, 3).map((f) => lineColumn(text, f.start)).join(' '));
        assert.ok(sequence.length <= 2, `${sequence.length} numbering-sequence findings`);
      });

      it('30 000 identical markers: analysis and fix-all within 30 s', async () => {
        // BUG B6: collectFixEdits is quadratic (6000 lines → 20 s)
        const text = Array.from({ length: 30_000 }, () => '1、项目').join('\n\n');
        const { fixed } = await analyzeIsolated(text, fileName, 30_000, true);
        assert.ok(fixed?.startsWith('1、项目\n\n2、项目\n\n3、项目'), fixed?.slice(0, 30));
      });

      it('numerals far past 九十九: a correct run to 一百三十 is clean, a duplicated 一百零一 is found and fixed', () => {
        // BUG B7: five-character numerals (一百一十一 …) are not read as markers
        const run = (numbers: number[]) => '2025年工作总结\n\n' + numbers.map((n) => `${formatChineseNumeral(n)}、第${n}项工作。`).join('\n\n') + '\n';
        const correct = run(Array.from({ length: 130 }, (_, i) => i + 1));
        const clean = analyzeWithin(correct, fileName, 10_000);
        assert.deepEqual(of(clean.findings, 'numbering-sequence').map((f) => correct.slice(f.start, f.end)), []);
        const numbers = Array.from({ length: 105 }, (_, i) => i + 1);
        numbers[101] = 101;
        const wrong = run(numbers);
        const { findings } = analyzeWithin(wrong, fileName, 10_000);
        const duplicate = of(findings, 'numbering-sequence')[0];
        assert.equal(wrong.slice(duplicate.start, duplicate.end), '一百零一、');
        assert.equal(lineColumn(wrong, duplicate.start), `${3 + 101 * 2}:1`);
        let fixed = wrong;
        for (let round = 0; round < 5; round++) fixed = applyEdits(fixed, collectFixEdits(analyze(fixed, { fileName }).findings));
        assert.equal(fixed, wrong.replace('一百零一、第101项工作。\n\n一百零一、', '一百零一、第101项工作。\n\n一百零二、'));
      });

      it('numerals too large or malformed are never a crash: 一千零一、 九千九百九十九、 一万、 十十、 零、', () => {
        const text = '2025年工作总结\n\n一千零一、甲\n\n九千九百九十九、乙\n\n一万、丙\n\n十十、丁\n\n零、戊\n\n（一千）己\n\n99999. 庚\n\n⑳⒇㉑㊿\n';
        analyzeWithin(text, fileName, 2000);
      });

      it('characters outside the BMP before findings: offsets in UTF-16 code units', () => {
        const text = '2025年工作总结😀\n\n😀𠮷一、甲\n\n一、乙👨‍👩‍👧甲,丙\n\n𠮷𠮷𠮷,\n\n一、丁\n';
        const { findings } = analyzeWithin(text, fileName, 2000);
        for (const f of of(findings, 'punctuation')) assert.equal(text.slice(f.start, f.end), ',', `punctuation at ${lineColumn(text, f.start)}`);
        const commas = of(findings, 'punctuation').map((f) => lineColumn(text, f.start));
        assert.ok(commas.includes('5:13'), `the comma after the family emoji (8 code units) is at 5:13: ${commas.join(' ')}`);
        const sequence = of(findings, 'numbering-sequence').map((f) => `${lineColumn(text, f.start)} ${text.slice(f.start, f.end)}`);
        assert.ok(sequence.includes('9:1 一、'), sequence.join(' | '));
      });

      it('pathological Markdown emphasis and link openers: within 20 s', async () => {
        // BUG B5 (Markdown): remark/micromark is quadratic here ('*a' × 100 000: > 120 s)
        await analyzeIsolated('*a'.repeat(100_000), fileName, 20_000);
        await analyzeIsolated('[a]('.repeat(50_000), fileName, 20_000);
        await analyzeIsolated('<'.repeat(100_000) + '（'.repeat(100_000), fileName, 20_000);
      });

      it('runs of backticks: within 10 s', async () => {
        // BUG B12: the inline-code mask in src/core/prose.ts backtracks catastrophically (8 × 1900 backticks: 32 s)
        await analyzeIsolated('`'.repeat(5000), fileName, 10_000);
        await analyzeIsolated(Array.from({ length: 8 }, () => '一、甲' + '`'.repeat(1900) + '乙').join('\n\n'), fileName, 10_000);
      });
    });
  }
});
