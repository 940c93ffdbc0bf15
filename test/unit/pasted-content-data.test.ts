import assert from 'node:assert/strict';
import { appendedArticles, JUNK_KINDS, junkIn } from '../../src/core/rules/pasted-content';
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
