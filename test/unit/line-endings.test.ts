/**
 * The findings do not depend on how lines end (LF, CRLF, a bare CR) nor on a leading BOM or a stray
 * U+FEFF at a paragraph start (copy-paste leaves them), in the core and through the CLI.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, LineIndex, type Finding } from '../../src/core/index';
import { runCli } from '../../src/cli/main';
import { SHARED_EXAMPLE } from '../support/corpus';
import { documentOf, mutatedCorpus } from '../support/generators';
import { runs, SEED } from '../support/seed';

type Eol = '\n' | '\r\n' | '\r';
const withEol = (text: string, eol: Eol) => text.replace(/\r\n|\r|\n/g, eol);
const tidy = (message: string) => message.replace(/\r\n|\r/g, '\n').replace(/\ufeff/g, '');

/** A finding by place (line, column) and words: what a reader of the report sees. */
function seen(text: string, findings: Finding[], offsetOf: (offset: number) => number = (o) => o): string[] {
  const index = new LineIndex(text);
  return findings.map((f) => {
    const start = index.positionAt(offsetOf(f.start));
    const end = index.positionAt(offsetOf(f.end));
    return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.rule} ${tidy(f.message.en)}`;
  }).sort();
}

const findingsOf = (text: string, fileName: string) => analyze(text, { fileName }).findings;

/** One document per shape the generators make, LF line ends throughout. */
const lfDocument = fc.oneof(documentOf({ bareCr: false }), mutatedCorpus(3000)).map((d) => ({ fileName: d.fileName, text: withEol(d.text.replace(/^\ufeff/, ''), '\n') }));

describe('line endings, BOM and stray U+FEFF do not change the findings', () => {
  it('LF, CRLF and bare CR give the same findings at the same lines and columns', () => {
    fc.assert(
      fc.property(lfDocument, ({ text, fileName }) => {
        const lf = seen(text, findingsOf(text, fileName));
        for (const eol of ['\r\n', '\r'] as const) {
          const other = withEol(text, eol);
          assert.deepEqual(seen(other, findingsOf(other, fileName)), lf, JSON.stringify(eol));
        }
      }),
      { seed: SEED, numRuns: runs(250), endOnFailure: false },
    );
  });

  it('a leading BOM shifts every finding by one character and changes nothing else', () => {
    fc.assert(
      fc.property(lfDocument, ({ text, fileName }) => {
        const withBom = '\ufeff' + text;
        assert.deepEqual(seen(text, findingsOf(withBom, fileName), (o) => Math.max(0, o - 1)), seen(text, findingsOf(text, fileName)));
      }),
      { seed: SEED, numRuns: runs(250), endOnFailure: false },
    );
  });

  it('a stray U+FEFF at the start of a paragraph changes nothing but the offsets after it', () => {
    fc.assert(
      fc.property(lfDocument, fc.nat(), ({ text, fileName }, pick) => {
        const paragraphStarts = [...text.matchAll(/(?:^|\n\n)(?=[^\n\s])/g)].map((m) => m.index + m[0].length);
        fc.pre(paragraphStarts.length > 0);
        const at = paragraphStarts[pick % paragraphStarts.length];
        const stray = text.slice(0, at) + '\ufeff' + text.slice(at);
        const back = (o: number) => (o > at ? o - 1 : o);
        assert.deepEqual(seen(text, findingsOf(stray, fileName), back), seen(text, findingsOf(text, fileName)), `U+FEFF at ${at}`);
      }),
      { seed: SEED, numRuns: runs(250), endOnFailure: false },
    );
  });

  describe('through the CLI: one document saved with LF, CRLF, CR and with a BOM', () => {
    const sample = [
      '2024年度工作总结',
      '',
      '今年以来，我们认真履行职责，现将工作总结如下：',
      '',
      '一、主要工作',
      '完成了XX项任务, 共计3个。',
      '',
      '三、存在问题',
      '##paidbegin##',
      '',
      '四、下一步计划',
      '2023年工作打算如下。',
      '',
    ].join('\n');

    it('gives the same JSON findings (line, column, rule, message) every way', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'official-summary-eol-'));
      try {
        const variants: Record<string, string> = { lf: sample, crlf: withEol(sample, '\r\n'), cr: withEol(sample, '\r'), bom: '\ufeff' + sample };
        const reports: Record<string, unknown[]> = {};
        for (const [name, text] of Object.entries(variants)) {
          fs.writeFileSync(path.join(dir, `${name}.txt`), text);
          let stdout = '';
          await runCli(['--format', 'json', `${name}.txt`], { cwd: dir, env: { LANG: 'en_US.UTF-8' }, stdout: (t: string) => (stdout += t), stderr: () => undefined });
          reports[name] = (JSON.parse(stdout) as { line: number; column: number; rule: string; message: string }[]).map((f) => `${f.rule} ${f.line}:${f.column} ${tidy(f.message)}`);
        }
        assert.ok(reports.lf.length >= 4, 'the sample has findings to compare');
        assert.deepEqual(reports.crlf, reports.lf);
        assert.deepEqual(reports.cr, reports.lf);
        // the BOM is not a column of the first line for the writer: VS Code does not show it
        assert.deepEqual(reports.bom.length, reports.lf.length);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('the seed example with bare CR line ends keeps its pasted-content findings (needs ../shared)', function () {
    if (!fs.existsSync(SHARED_EXAMPLE)) {
      console.log(`      skipped: ${SHARED_EXAMPLE} is not here`);
      this.skip();
    }
    const text = fs.readFileSync(SHARED_EXAMPLE, 'utf8');
    const pasted = (t: string) => findingsOf(t, 'seed.txt').filter((f) => f.rule === 'pasted-content').length;
    assert.ok(pasted(text) >= 6);
    assert.equal(pasted(withEol(text, '\r')), pasted(text));
  });
});
