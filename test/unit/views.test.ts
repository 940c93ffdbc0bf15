import assert from 'node:assert/strict';
import { DocumentAnalyzer, enumerationRunsOf, lineIndexOf, lineRanges, linesOf, partsOf, renumberEdits, requiredParts, siblingRunsOf, splitLines } from '../../src/core/index';

const SUMMARY = [
  '2025年工作总结',
  '',
  '今年以来，我们认真履职。',
  '',
  '一、主要工作',
  '',
  '（一）抓学习。一是读原文；二是写体会。',
  '',
  '（三）抓落实。',
  '',
  '二、存在的问题',
  '',
  '学习不够深入。',
  '',
  '三、下一步打算',
  '',
  '继续努力。',
  '',
].join('\n');

describe('derived views: computed once per document version, read by every consumer', () => {
  it('two consumers of one version get the same object; a new version gets new ones', () => {
    const analyzer = new DocumentAnalyzer({ fileName: 'summary.txt' });
    const first = analyzer.analyze(SUMMARY);
    const doc = first.document;
    // the outline and completion both read requiredParts; the rules read partsOf, siblingRunsOf, enumerationRunsOf
    const outlineParts = requiredParts(doc);
    const completionParts = requiredParts(doc);
    assert.ok(outlineParts.length > 0, 'the profile has parts to check');
    assert.equal(completionParts, outlineParts);
    assert.equal(partsOf(doc), partsOf(doc));
    assert.equal(siblingRunsOf(doc), siblingRunsOf(doc));
    assert.equal(enumerationRunsOf(doc), enumerationRunsOf(doc));
    assert.equal(linesOf(doc), linesOf(doc));
    assert.equal(lineIndexOf(doc), lineIndexOf(doc));
    // what the views say is what the model says: the (一)(三) run renumbered, the 一是/二是 run found
    assert.ok(siblingRunsOf(doc).some((run) => run.map((s) => s.number).join() === '1,3'));
    assert.deepEqual(enumerationRunsOf(doc).map((run) => run.items.map((i) => i.text)), [['一是', '二是']]);
    assert.deepEqual(renumberEdits(doc).map((e) => e.newText), ['（二）']);

    // the same text again: the analyzer hands back the same model, and so the same views
    assert.equal(analyzer.analyze(SUMMARY).document, doc);
    assert.equal(requiredParts(analyzer.analyze(SUMMARY).document), outlineParts);

    // an edit is a new model value, with views of its own
    const edited = analyzer.analyze(SUMMARY.replace('（三）', '（二）')).document;
    assert.notEqual(edited, doc);
    assert.notEqual(siblingRunsOf(edited), siblingRunsOf(doc));
    assert.notEqual(requiredParts(edited), outlineParts);
    assert.deepEqual(renumberEdits(edited), []);
  });
});

describe('text/lines.ts: the one line splitter', () => {
  it('lineRanges: LF, CRLF and a bare CR alike; no empty line after a final break', () => {
    const ranges = (text: string) => lineRanges(text).map((l) => [l.start, l.end, l.next]);
    assert.deepEqual(ranges('ab\ncd'), [[0, 2, 3], [3, 5, 5]]);
    assert.deepEqual(ranges('ab\r\ncd\r\n'), [[0, 2, 4], [4, 6, 8]]);
    assert.deepEqual(ranges('ab\rcd\r\rx'), [[0, 2, 3], [3, 5, 6], [6, 6, 7], [7, 8, 8]]);
    assert.deepEqual(ranges(''), [[0, 0, 0]]);
    assert.deepEqual(ranges('\n'), [[0, 0, 1]]);
  });

  it('splitLines cuts as split would, at every kind of break', () => {
    assert.deepEqual(splitLines('a\r\nb\rc\nd'), ['a', 'b', 'c', 'd']);
    assert.deepEqual(splitLines('a\n'), ['a', '']);
    assert.deepEqual(splitLines(''), ['']);
  });
});
