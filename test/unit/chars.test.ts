import assert from 'node:assert/strict';
import { codePointAtIndex, fullWidthOf, halfWidthOf, isCjk, isCjkAt, isCjkPunctuation, isFullWidthPunctuation, isHalfWidthPunctuation, isIdeograph } from '../../src/core/text/chars';

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
