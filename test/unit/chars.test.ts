import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runs, SEED } from '../support/seed';
import { codePointAtIndex, countNonWhitespace, fullWidthOf, halfWidthOf, isCjk, isCjkAt, isCjkPunctuation, isFullWidthPunctuation, isHalfWidthPunctuation, isIdeograph, nonWhitespaceCounter } from '../../src/core/text/chars';
import { WordIndex } from '../../src/core/text/words';

describe('text/chars: the one character classifier', () => {
  it('ideographs from the basic block to the supplementary planes', () => {
    for (const ch of ['中', '㐀', '豈', '〇', '\u{20000}', '\u{2A6DF}', '\u{2B740}', '\u{2F800}', '\u{30000}', '\u{31350}']) assert.ok(isIdeograph(ch), ch);
    for (const ch of ['A', '1', '，', '。', '😀', 'あ', '한', '\u{1F600}', undefined, '']) assert.ok(!isIdeograph(ch), String(ch));
  });

  it('reads a surrogate pair from either of its halves, and an emoji is not Chinese', () => {
    const s = 'a\u{20BB7}b😀';
    assert.equal(codePointAtIndex(s, 1), 0x20bb7);
    assert.equal(codePointAtIndex(s, 2), 0x20bb7);
    assert.ok(isCjkAt(s, 1) && isCjkAt(s, 2));
    assert.ok(!isCjkAt(s, 4) && !isCjkAt(s, 5) && !isCjkAt(s, 0) && !isCjkAt(s, 99) && !isCjkAt(s, -1));
    assert.ok(!isCjk(s[2]), 'a lone low half says nothing on its own');
  });

  it('CJK, full-width and half-width punctuation', () => {
    for (const ch of ['，', '。', '、', '《', '》', '〈', '【', '「', '“', '”', '…', '！', '（']) assert.ok(isCjkPunctuation(ch), ch);
    for (const ch of [',', '.', 'A', '中']) assert.ok(!isCjkPunctuation(ch), ch);
    for (const ch of ['，', '；', '：', '？', '！', '（', '）', '．', '％']) assert.ok(isFullWidthPunctuation(ch), ch);
    for (const ch of [',', ';', '(', '!', '"', '%']) assert.ok(isHalfWidthPunctuation(ch) && !isFullWidthPunctuation(ch), ch);
    assert.ok(!isHalfWidthPunctuation('A') && !isHalfWidthPunctuation('，'));
    assert.equal(fullWidthOf(','), '，');
    assert.equal(fullWidthOf('('), '（');
    assert.equal(fullWidthOf('A'), undefined);
    assert.equal(halfWidthOf('：'), ':');
  });
});

describe('WordIndex (text/words.ts): many words found in one pass', () => {
  it('finds every place each word starts, overlapping and supplementary-plane ones too, in order', () => {
    const index = new WordIndex<string>();
    for (const word of ['工作', '工作总结', '总结', '𠀀字', 'ab']) index.add(word, word.toUpperCase());
    const found: [number, string, string][] = [];
    index.scan('年度工作总结：𠀀字ab工', (at, word, value) => found.push([at, word, value]));
    assert.deepEqual(found, [[2, '工作', '工作'], [2, '工作总结', '工作总结'], [4, '总结', '总结'], [7, '𠀀字', '𠀀字'], [10, 'ab', 'AB']]);
    const none: number[] = [];
    index.scan('没有要找的词', (at) => none.push(at));
    assert.deepEqual(none, []);
  });
});

describe('text/chars: counting characters', () => {
  it('counts characters but whitespace by code point, as a count over the text\'s characters does', () => {
    const naive = (text: string) => [...text].filter((ch) => !/\s/u.test(ch)).length;
    assert.equal(countNonWhitespace('　　一、总体情况\n\n 2025年，\u{20BB7}好。\ufeff\u00a0\u2003'), naive('　　一、总体情况\n\n 2025年，\u{20BB7}好。'));
    assert.equal(countNonWhitespace('a\u{20BB7}b', 2, 4), naive('\udfb7b'), 'a pair cut by the range: its low half counts');
    // every range of random texts of spaces, ideographs, pairs, lone halves and line breaks
    const unit = fc.constantFrom(' ', '\u3000', '\t', '\n', '\r', '\u00a0', '\u2003', '\u200b', '\ufeff', '中', '，', 'a', '\u{20BB7}', '\ud842', '\udfb7', '😀');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 300 }), fc.nat(), fc.nat(), (units, a, b) => {
        const text = units.join('');
        const counter = nonWhitespaceCounter(text);
        const start = text.length ? a % (text.length + 1) : 0;
        const end = start + (text.length ? b % (text.length - start + 1) : 0);
        assert.equal(counter(start, end), naive(text.slice(start, end)), `[${start}, ${end}) of ${JSON.stringify(text)}`);
        assert.equal(countNonWhitespace(text, start, end), naive(text.slice(start, end)));
        assert.equal(counter(0, text.length), naive(text));
      }),
      { seed: SEED, numRuns: runs(500) },
    );
  });
});
