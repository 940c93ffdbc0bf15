/**
 * Two shortcuts of the reader (reader/blocks.ts), each right only if remark's block structure stays
 * exactly what it is without it:
 * - a chunk of plain prose is read as one paragraph without remark (blocksWithoutRemark);
 * - remark skips micromark's inline constructs (INLINE_CONSTRUCTS).
 * Checked on every chunk of the corpus fixtures and on random text built from the characters that
 * matter to Markdown (fixed seed; `npm run fuzz` explores more).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { splitChunks } from '../../src/core/index';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { INLINE_CONSTRUCTS, markdownBlocks, blocksWithoutRemark } from '../../src/core/reader/blocks';
import { FIXTURE_CORPUS } from '../support/corpus';
import { runs, SEED } from '../support/seed';

function chunksOf(text: string): string[] {
  return splitChunks(text, 0, 'markdown').map((chunk) => text.slice(chunk.start, chunk.end));
}

/** Checks every plain chunk against remark; returns how many chunks were plain. */
function checkChunks(chunks: readonly string[], where: string): number {
  let plain = 0;
  for (const chunk of chunks) {
    const blocks = blocksWithoutRemark(chunk);
    if (!blocks) continue;
    plain++;
    assert.deepEqual(blocks, markdownBlocks(chunk, 0), `${where}: ${JSON.stringify(chunk.slice(0, 60))}`);
  }
  return plain;
}

describe('the simplest chunks are read as remark reads them, without remark', () => {
  it('gives every plain chunk of the corpus fixtures the blocks remark gives it', () => {
    const files = fs.readdirSync(FIXTURE_CORPUS).filter((f) => /\.(md|txt)$/.test(f) && f !== 'SOURCES.md');
    let plain = 0;
    let all = 0;
    for (const file of files) {
      const chunks = chunksOf(fs.readFileSync(path.join(FIXTURE_CORPUS, file), 'utf8'));
      all += chunks.length;
      plain += checkChunks(chunks, file);
    }
    // most chunks of a summary are prose: the shortcut must actually be taken
    assert.ok(plain > all / 2, `${plain} of ${all} chunks plain`);
  });

  it('declines chunks whose lines could open another block', () => {
    for (const chunk of ['# 标题\n- 甲\n续\n', '#标题\n', '- 甲\n续\n', '- 甲\n  - 乙\n', '- # 甲\n', '- - -\n', '* * *\n', '-     码\n', '一、甲\n- 乙\n', '甲\n===\n', '甲\n---\n', '> 引用\n', '  - 甲\n', '甲\n   # 乙\n', '    码\n乙\n', '<div>\n', '```\n', '~~~\n', '[a]: http://x\n', '\ufeff甲\n', '*强调*\n', '_甲_\n']) {
      assert.equal(blocksWithoutRemark(chunk), undefined, JSON.stringify(chunk));
    }
    // a marker without a space after its dot is no list item, a full-width indent is text, a later
    // line continues the paragraph however indented, and indented code is read as the prose it is
    assert.deepEqual(blocksWithoutRemark('1.加强学习\n'), [{ kind: 'paragraph', start: 0, end: 6, lineStarts: [0] }]);
    // a # heading line, and lines of list items with a line of text each
    assert.deepEqual(blocksWithoutRemark('## 一、总体情况  \n'), [{ kind: 'heading', start: 0, end: 11, lineStarts: [0], depth: 2 }]);
    assert.deepEqual(blocksWithoutRemark('# 总结\n正文\n续\n')?.map((b) => [b.kind, b.start, b.end]), [['heading', 0, 4], ['paragraph', 5, 9]]);
    assert.deepEqual(blocksWithoutRemark('1. 甲\n2) 乙\n- 丙\n')?.map((b) => [b.kind, b.start, b.end]), [['list-item', 0, 4], ['list-item', 5, 9], ['list-item', 10, 13]]);
    assert.deepEqual(blocksWithoutRemark('\u3000\u3000一、总体情况\n2024年，我们……  \n')?.map((b) => [b.start, b.end]), [[0, 21]]);
    assert.deepEqual(blocksWithoutRemark('  甲\n      乙\n')?.map((b) => [b.start, b.end, b.lineStarts]), [[2, 11, [2, 4]]]);
    assert.deepEqual(blocksWithoutRemark('    甲\n\t乙\n')?.map((b) => [b.kind, b.start, b.end]), [['paragraph', 0, 8]]);
  });

  it('agrees with remark on random text made of the characters that matter to block structure', () => {
    const pieces = ['甲', '乙', 'a', '# ', '## ', '- ', '1. ', '2) ', '\n- ', '\n1. ', ' ', '  ', '    ', '\t', '\u3000', '\u00a0', '\ufeff', '\n', '\r\n', '\r', '#', '-', '*', '+', '=', '_', '`', '~', '<', '>', '[', ']', '1', '12', '.', ')', '（', '、', '\\', '&amp;', '|', '!', '：', '\u0000'];
    let plain = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }), (parts) => {
        plain += checkChunks(chunksOf(parts.join('')), 'random');
      }),
      { seed: SEED, numRuns: runs(3000), endOnFailure: false, verbose: 0 },
    );
    assert.ok(plain > 100, `only ${plain} plain chunks were generated`);
  });
});

type MdNode = { type: string; children?: MdNode[]; position?: { start: { offset?: number }; end: { offset?: number } } };

/** The tree's block nodes (type and range), without the inline content of paragraphs and headings. */
function blockStructure(node: MdNode): unknown {
  const range = [node.position?.start.offset, node.position?.end.offset];
  if (node.type === 'paragraph' || node.type === 'heading' || !node.children) return [node.type, range];
  return [node.type, range, node.children.map(blockStructure)];
}

describe('remark without inline constructs reads the same blocks', () => {
  const withInline = unified().use(remarkParse);
  const withoutInline = unified().use(remarkParse).data('micromarkExtensions', [{ disable: { null: INLINE_CONSTRUCTS } }]);
  const same = (text: string, where: string) =>
    assert.deepEqual(blockStructure(withoutInline.parse(text) as MdNode), blockStructure(withInline.parse(text) as MdNode), `${where}: ${JSON.stringify(text.slice(0, 80))}`);

  it('on every Markdown fixture of the corpus, whole', () => {
    const files = fs.readdirSync(FIXTURE_CORPUS).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md');
    for (const file of files) same(fs.readFileSync(path.join(FIXTURE_CORPUS, file), 'utf8'), file);
  });

  it('on random Markdown: inline marks in and around every kind of block', () => {
    const pieces = ['甲', 'a', ' ', '    ', '\t', '\n', '\n\n', '\r\n', '# ', '## ', '- ', '1. ', '> ', '```', '~~~', '===', '---', '*', '**', '_', '`', '``', '[', ']', '(', ')', '[a]: /u', '![', '<', '>', '<div>', '</div>', '<!--', '-->', '<span>', '\\', '&amp;', '&#35;', '|', 'http://x.org', '<http://x.org>'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 60 }), (parts) => same(parts.join(''), 'random')),
      { seed: SEED, numRuns: runs(2000), endOnFailure: false, verbose: 0 },
    );
  });
});
