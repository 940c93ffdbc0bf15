/**
 * Counterexamples the property tests (`npm run fuzz`) found, kept as fixed cases so they never come
 * back. Each names what went wrong.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyze, DocumentAnalyzer, lintDocument, parseSummary, type Finding, type Rule } from '../../src/core/index';

const shape = (text: string, findings: Finding[]) => findings.map((f) => `${f.rule} ${f.start}-${f.end} ${JSON.stringify(text.slice(f.start, f.end))} ${f.message.en}`);

/** Analyses each version through one analyzer (the editor's path) and afresh; they must agree. */
function assertIncrementalEqualsFresh(fileName: string, versions: string[]): void {
  const analyzer = new DocumentAnalyzer({ fileName });
  for (const [index, text] of versions.entries()) {
    const incremental = analyzer.analyze(text).findings;
    const fresh = analyze(text, { fileName }).findings;
    assert.deepEqual(shape(text, incremental), shape(text, fresh), `version ${index}`);
  }
}

describe('regressions found by the property tests', () => {
  it('a BOM, front matter, an unclosed ``` fence and an insertion at offset 0: incremental equals fresh', () => {
    const first = '\ufeff---\nprofile: work-summary\n---\n2024年工作总结\n\n```\n一、主要工作\n\n三、存在问题\n';
    assertIncrementalEqualsFresh('a.md', [first, 'x' + first, '\n' + first, first]);
  });

  it('a stray U+FEFF at a paragraph start (no file BOM): remark must not shift the offsets after it', () => {
    const text = '2024年工作总结\n\n\ufeff一、主要工作\n\n今年完成了XX项任务。\n\n三、存在问题\n';
    const { document, findings } = analyze(text, { fileName: 'a.md' });
    assert.deepEqual(document.markers.map((m) => m.text), ['一、', '三、']);
    for (const marker of document.markers) assert.equal(text.slice(marker.start, marker.end), marker.text);
    const paragraphEnd = text.indexOf('主要工作') + '主要工作'.length;
    assert.ok(document.blocks.some((b) => b.end === paragraphEnd), 'the paragraph after the U+FEFF ends where its text ends');
    for (const block of document.blocks) assert.ok(block.start >= 0 && block.end <= text.length);
    assert.deepEqual(
      findings.filter((f) => f.rule === 'placeholder').map((f) => text.slice(f.start, f.end)),
      ['XX'],
    );
    assert.deepEqual(
      findings.filter((f) => f.rule === 'numbering-sequence').map((f) => text.slice(f.start, f.end)),
      ['三、'],
    );
    assertIncrementalEqualsFresh('a.md', [text, text.replace('\ufeff', ''), text]);
  });

  it('bare CR line breaks: pasted website junk is found as with LF', () => {
    const lf = '2024年工作总结\n\n一、主要工作\n完成了任务。##paidbegin##\n\n【某某素材库】——每天更新材料1000多篇内部高质量素材，会员群同步每日更新\n';
    const cr = lf.replace(/\n/g, '\r');
    const pasted = (text: string) => analyze(text, { fileName: 'a.txt' }).findings.filter((f) => f.rule === 'pasted-content').map((f) => `${f.start}-${f.end}`);
    assert.ok(pasted(lf).length >= 2, 'the LF text has pasted content to find');
    assert.deepEqual(pasted(cr), pasted(lf));
  });
});

describe('the finding contract is checked where rules report', () => {
  const broken = (report: { start: number; end: number; edits?: readonly { start: number; end: number; newText: string }[] }): Rule => ({
    scope: 'document',
    meta: { id: 'placeholder', description: { zh: '测试', en: 'test' }, defaultSeverity: 'error', fixable: false, tags: [], examples: [] },
    check: () => [{ start: report.start, end: report.end, message: { zh: '坏', en: 'bad' }, ...(report.edits ? { fix: { title: { zh: "修", en: "fix" }, edits: [...report.edits] } } : {}) }],
  });
  const text = '2024年工作总结\n\n一、𠀀字\n';
  const surrogateMiddle = text.indexOf('𠀀') + 1;

  for (const [what, report] of [
    ['a range past the end', { start: 3, end: text.length + 1 }],
    ['a range that cuts a CJK Extension B character in two', { start: surrogateMiddle, end: surrogateMiddle + 2 }],
    ['overlapping fix edits', { start: 0, end: 2, edits: [{ start: 0, end: 2, newText: 'a' }, { start: 1, end: 3, newText: 'b' }] }],
    ['a fix edit outside the text', { start: 0, end: 2, edits: [{ start: -1, end: 2, newText: 'a' }] }],
  ] as const) {
    it(`${what}: the finding is dropped and the rule named`, () => {
      const messages: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void messages.push(args.map(String).join(' '));
      let findings: Finding[];
      try {
        findings = lintDocument(parseSummary(text, { fileName: 'a.txt' }), undefined, [broken(report)]);
      } finally {
        console.error = original;
      }
      assert.deepEqual(findings, []);
      assert.equal(messages.length, 1);
      assert.match(messages[0], /rule placeholder broke the finding contract/);
    });
  }

  it('a report that keeps the contract passes', () => {
    const findings = lintDocument(parseSummary(text, { fileName: 'a.txt' }), undefined, [broken({ start: 0, end: 4, edits: [{ start: 0, end: 4, newText: '2025' }] })]);
    assert.equal(findings.length, 1);
  });
});

describe('regressions that hung (checked in a worker, so a hang fails instead of blocking the run)', () => {
  /** Analyses the text in a worker thread, terminated after `guardMs`. */
  function analyzesInWorker(text: string, fileName: string, guardMs = 20_000): Promise<number> {
    const core = path.resolve(__dirname, '../../src/core/index.js');
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const core = require(workerData.core);
       parentPort.postMessage(core.analyze(workerData.text, { fileName: workerData.fileName }).findings.length);`,
      { eval: true, workerData: { core, text, fileName } },
    );
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error(`analyze did not finish within ${guardMs} ms on ${JSON.stringify(text)}`));
      }, guardMs);
      worker.once('message', (count: number) => {
        clearTimeout(timer);
        void worker.terminate();
        resolve(count);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  it('number-usage: a text that starts with a line break (the signature look-back looped at offset 1)', async () => {
    assert.ok((await analyzesInWorker('\n1.\n#加强工作。工作 ', 'summary.txt')) >= 0);
    assert.ok((await analyzesInWorker('\n\n2025年1月5日', 'summary.txt')) >= 0);
  });
});
