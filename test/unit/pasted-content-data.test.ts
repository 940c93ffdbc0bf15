import assert from 'node:assert/strict';
import fs from 'node:fs';
import { appendedArticles, JUNK_KINDS, junkIn, mayBeJunk, pastedContent } from '../../src/core/rules/pasted-content';
import { corpusDocuments } from '../support/corpus';
import { parseSummary } from '../../src/core/index';
import junkData from '../../src/core/rules/data/pasted-content.json';

// The kinds of website junk are data (src/core/rules/data/pasted-content.json): every example there runs here.
describe('pasted-content: website junk kinds (data)', () => {
  it('has the kinds real copies bring', () => {
    const ids = JUNK_KINDS.map((k) => k.id);
    for (const id of ['publication-line', 'share-widget', 'breadcrumb', 'document-site', 'file-name', 'template-blurb', 'template-title', 'second-article', 'attachment-download']) assert.ok(ids.includes(id), id);
  });
  for (const kind of JUNK_KINDS) {
    describe(kind.id, () => {
      it('has examples both ways', () => assert.ok(kind.flagged.length > 0 && kind.kept.length > 0));
      for (const line of kind.flagged) {
        it(`finds: ${line}`, () => assert.ok(junkIn(line, kind.titleOnly).some((j) => j.kind.id === kind.id), `${kind.id} not found`));
      }
      for (const line of kind.kept) {
        it(`keeps: ${line}`, () => assert.deepEqual(junkIn(line, true).map((j) => j.kind.id), []));
      }
    });
  }

  // `needs` lets a line skip a kind's patterns: it must never skip a line the patterns would take. Every
  // line of the corpus and of the examples, and every example line inside longer text, is held to that.
  it('`needs`: no line the patterns match lacks all of a kind\'s needs words', () => {
    const lines = new Set<string>();
    const add = (text: string) => text.split(/\r\n|\r|\n/).forEach((line) => lines.add(line));
    for (const doc of corpusDocuments()) add(fs.readFileSync(doc.file, 'utf8'));
    for (const example of pastedContent.meta.examples) add(example.text);
    for (const kind of JUNK_KINDS) {
      for (const line of [...kind.flagged, ...kind.kept]) {
        add(line);
        add(`  ${line}  `);
        add(`全年完成各项任务。 ${line}`);
      }
    }
    let matched = 0;
    for (const kind of JUNK_KINDS) {
      for (const content of lines) {
        const trimmed = content.trim();
        const byLine = kind.line !== undefined && kind.line.test(trimmed) && (!kind.alsoNeeds || kind.alsoNeeds.test(trimmed));
        const bySpan = kind.span !== undefined && kind.span.test(content);
        if (!byLine && !bySpan) continue;
        matched++;
        assert.ok(mayBeJunk(kind, content), `${kind.id}: its patterns match a line with none of its needs words: ${content.slice(0, 80)}`);
      }
    }
    assert.ok(matched > 20, `only ${matched} matching lines: the check would prove little`);
  });

  it('has at most 31 kinds: the needs pre-check keeps one bit per kind', () => assert.ok(JUNK_KINDS.length <= 31, `${JUNK_KINDS.length} kinds`));

  describe('appendedArticle: a second article with no 篇二 (ending, title, opening)', () => {
    for (const example of junkData.appendedArticle.flagged) {
      it(`finds the title in: ${example.replace(/\n/g, ' / ').slice(0, 60)}`, () => {
        const want = /\[\[(.+?)\]\]/.exec(example)![1];
        const text = example.replace(/\[\[|\]\]/g, '');
        assert.deepEqual(appendedArticles(parseSummary(text, { fileName: 'a.txt' })).map((r) => text.slice(r.start, r.end)), [want]);
      });
    }
    for (const example of junkData.appendedArticle.kept) {
      it(`keeps: ${example.replace(/\n/g, ' / ').slice(0, 60)}`, () => assert.deepEqual(appendedArticles(parseSummary(example, { fileName: 'a.txt' })), []));
    }
  });
});
