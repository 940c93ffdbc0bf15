import assert from 'node:assert/strict';
import { JUNK_KINDS, junkIn } from '../../src/core/rules/pasted-content';

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
});
