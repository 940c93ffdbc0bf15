import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, DocumentAnalyzer, splitChunks, type Analysis } from '../../src/core/index';
import { FIXTURE_CORPUS } from '../support/corpus';

/** What a user sees of an analysis: findings and the outline. */
function visible(analysis: Analysis): unknown {
  return {
    findings: analysis.findings.map((f) => [f.rule, f.severity, f.start, f.end, f.message.en, f.fix?.edits]),
    markers: analysis.document.markers.map((m) => [m.text, m.start, m.level, m.headingText]),
    title: analysis.document.title?.text,
    profile: analysis.document.profile.profile.id,
  };
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const INSERTS = ['一、', '（二）', '1.', '\n\n', '\n', '。', 'XX', '二是', '##paidbegin##', '```', '# ', '  ', '2024年以来', '中'];

describe('incremental analysis', () => {
  it('splits chunks at blank lines, but not inside fences or HTML comments', () => {
    const text = 'a\nb\n\n```\nx\n\ny\n```\n\n<!-- c\n\nd -->\n\ne\n';
    const chunks = splitChunks(text, 0, 'markdown').map((c) => text.slice(c.start, c.end));
    assert.deepEqual(chunks, ['a\nb\n', '```\nx\n\ny\n```\n', '<!-- c\n\nd -->\n', 'e\n']);
  });

  for (const name of ['zh-work-summary-06.md', 'zh-disclosure-report-01.md', 'en-report-03.md', 'zh-gov-work-report-05.md']) {
    it(`${name}: random edits through one analyzer equal a fresh analysis every time`, () => {
      let text = fs.readFileSync(path.join(FIXTURE_CORPUS, name), 'utf8');
      for (const fileName of [name, name.replace(/\.md$/, '.txt')]) {
        const analyzer = new DocumentAnalyzer({ fileName });
        const next = random(name.length * 7919 + fileName.length);
        for (let step = 0; step < 40; step++) {
          const at = Math.floor(next() * (text.length + 1));
          if (next() < 0.5) {
            text = text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
          } else {
            text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 30)));
          }
          assert.deepEqual(visible(analyzer.analyze(text)), visible(analyze(text, { fileName })), `${fileName}, step ${step}`);
        }
      }
    });
  }

  it('re-parses only the chunk an edit touched', () => {
    const text = fs.readFileSync(path.join(FIXTURE_CORPUS, 'zh-gov-work-report-02.md'), 'utf8');
    const analyzer = new DocumentAnalyzer({ fileName: 'a.md' });
    const first = analyzer.analyze(text).document;
    const middle = first.chunks[Math.floor(first.chunks.length / 2)];
    const edited = text.slice(0, middle.start) + '中' + text.slice(middle.start);
    const second = analyzer.analyze(edited).document;
    const reused = second.chunks.filter((chunk, i) => chunk.parse === first.chunks[i]?.parse);
    assert.equal(second.chunks.length, first.chunks.length);
    assert.equal(reused.length, first.chunks.length - 1, 'every chunk but the edited one comes from the cache');
  });

  it('analyzes in slices, gives the thread back, and equals the one-pass result', async () => {
    const text = fs.readFileSync(path.join(FIXTURE_CORPUS, 'zh-long-01.md'), 'utf8');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const sliced = await new DocumentAnalyzer({ fileName: 'a.md' }).analyzeInSlices(text, { sliceMs: 2 });
    clearInterval(ticker);
    assert.ok(sliced);
    assert.deepEqual(visible(sliced), visible(analyze(text, { fileName: 'a.md' })));
    assert.ok(ticks > 0, 'timers ran while the document was analysed');
  });

  it('drops a result that a newer version made stale', async () => {
    const text = fs.readFileSync(path.join(FIXTURE_CORPUS, 'zh-long-01.md'), 'utf8');
    const result = await new DocumentAnalyzer({ fileName: 'a.md' }).analyzeInSlices(text, { sliceMs: 0, isCancelled: () => true });
    assert.equal(result, undefined);
  });
});

describe('collecting fixes', () => {
  const core = require('../../src/core/index') as typeof import('../../src/core/index');
  const finding = (edits: { start: number; end: number; newText: string }[]) => ({
    rule: 'placeholder' as const, severity: 'error' as const, start: 0, end: 0, message: { zh: '', en: '' }, fix: { title: { zh: '', en: '' }, edits },
  });

  it('never returns overlapping edits, whatever the groups (random groups, touching ranges)', () => {
    const next = random(2024);
    for (let round = 0; round < 3000; round++) {
      const findings = Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
        finding(Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
          const start = Math.floor(next() * 40);
          return { start, end: start + Math.floor(next() * 6), newText: 'x' };
        })),
      );
      const edits = core.collectFixEdits(findings);
      for (let i = 1; i < edits.length; i++) {
        assert.ok(edits[i].start >= edits[i - 1].end, `round ${round}: ${JSON.stringify(edits)}`);
        assert.ok(!(edits[i].start === edits[i - 1].start && (edits[i].start === edits[i].end || edits[i - 1].start === edits[i - 1].end)));
      }
      // whole groups only: every group is taken entirely or not at all
      const taken = new Set(edits);
      for (const f of findings) {
        const inside = f.fix.edits.filter((e) => taken.has(e)).length;
        assert.ok(inside === 0 || inside === f.fix.edits.length);
      }
    }
  });

  it('keeps a line deletion and drops the bracket fix inside that line (touching deletions before it)', () => {
    const edits = core.collectFixEdits([
      finding([{ start: 0, end: 10, newText: '' }]),
      finding([{ start: 10, end: 20, newText: '' }]),
      finding([{ start: 14, end: 15, newText: '（' }, { start: 18, end: 19, newText: '）' }]),
    ]);
    assert.deepEqual(edits.map((e) => [e.start, e.end]), [[0, 10], [10, 20]]);
  });
});

describe('parsing chunks in batches', () => {
  const parse = require('../../src/core/reader/read') as typeof import('../../src/core/reader/read');
  const samples = [
    '# 标题\n\n1. 甲\n\n   续写的段落\n\n2. 乙\n',
    '- 一、甲\n\n  - （一）乙\n\n    1. 丙\n\n<div>\n\n一、不在这里\n\n</div>\n\n    缩进的段落\n\n段落\n===\n',
    '> 引用\n\n> 另一段\n\n[a]: http://example.org\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    '<script>\n\nx\n\n</script>\n\n一、甲\n\n```\n\n二、乙\n\n```\n',
  ];
  const files = fs.readdirSync(FIXTURE_CORPUS).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md' && f !== 'zh-long-02.md');

  it('gives every chunk the same blocks as parsing it alone', () => {
    for (const text of [...samples, ...files.map((f) => fs.readFileSync(path.join(FIXTURE_CORPUS, f), 'utf8'))]) {
      const chunks = splitChunks(text, 0, 'markdown');
      const together = parse.parseChunks(text, chunks, 'markdown');
      const alone = chunks.map((c) => parse.parseChunk(text.slice(c.start, c.end), 'markdown'));
      assert.deepEqual(together.map((p) => p.blocks), alone.map((p) => p.blocks), text.slice(0, 40));
      assert.deepEqual(together.map((p) => p.candidates), alone.map((p) => p.candidates));
    }
  });

  it('whatever block shapes stand next to each other', () => {
    // every pair of shapes, each before and after the other: indented code, lists, quotes, rules,
    // setext underlines, fences, HTML (the kinds that run on across blank lines too), definitions
    const shapes = ['段落\n', '1. 甲\n', '2. 乙\n', '- 甲\n', '* 甲\n', '+ 甲\n', '2) 乙\n', '10. 丙\n', '1.\n', '-\n', '> 引用\n', '> - 甲\n', '> 1. 甲\n>     码\n', '# 标题\n', '#\n', '# 标题\n    码\n', '    码\n', '\t码\n', '    - 乙\n', '  1. 甲\n', '   - 乙\n', '   \t甲\n', '甲\n    乙\n', '> 甲\n    乙\n', '- 甲\n  - 乙\n', '1. 甲\n   乙\n', '===\n', '---\n', '***\n', '* * *\n', '```\n码\n```\n', '```\n未闭合\n', '<div>\n甲\n', '<!-- 注 -->\n', '<p>甲</p>\n', '<script>\n甲\n', '<?x\n', '<!X\n', '[a]: http://example.org\n', '|a|b|\n'];
    for (const a of shapes) {
      for (const b of shapes) {
        const text = [a, b, a, b].join('\n');
        const chunks = splitChunks(text, 0, 'markdown');
        const together = parse.parseChunks(text, chunks, 'markdown');
        const alone = chunks.map((c) => parse.parseChunk(text.slice(c.start, c.end), 'markdown'));
        assert.deepEqual(together.map((p) => p.blocks), alone.map((p) => p.blocks), JSON.stringify([a, b]));
      }
    }
  });

  it('also after random Markdown is dropped into the corpus (lists, code, HTML, quotes, indentation)', () => {
    const pieces = ['\n\n    ', '\n\n1. ', '\n\n2. ', '\n\n- ', '\n\n  - ', '\n\n> ', '\n\n<div>\n\n', '\n\n```\n', '\n    \n', '\n\n<!-- ', ' -->\n\n', '\n===\n', '\t', '\n\n\t一、'];
    const next = random(99);
    for (let round = 0; round < 150; round++) {
      let text = fs.readFileSync(path.join(FIXTURE_CORPUS, files[round % files.length]), 'utf8').slice(0, 6000);
      for (let k = 0; k < 8; k++) {
        const at = Math.floor(next() * text.length);
        text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at);
      }
      const chunks = splitChunks(text, 0, 'markdown');
      const together = parse.parseChunks(text, chunks, 'markdown');
      const alone = chunks.map((c) => parse.parseChunk(text.slice(c.start, c.end), 'markdown'));
      assert.deepEqual(together.map((p) => p.blocks), alone.map((p) => p.blocks), `round ${round}`);
    }
  });
});
