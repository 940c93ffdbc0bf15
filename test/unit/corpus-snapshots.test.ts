import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtureNames, FIXTURE_CORPUS } from '../support/corpus';
import { fixedByCli, fixedSnapshotFile, outlineSnapshotFile, renderOutline, unifiedDiff } from '../support/snapshots';

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

describe('corpus snapshots (reviewed in fixed/REVIEW.md and outlines/REVIEW.md; re-record with `npm run corpus:record`)', () => {
  describe('unified diff helper', () => {
    it('shows a changed line with its context, and nothing for equal texts', () => {
      assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', 'x'), '');
      assert.equal(unifiedDiff('1\n2\n3\n4\n5\n', '1\n2\nthree\n4\n5\n', 'x', 1), '--- a/x\n+++ b/x\n@@ -2,3 +2,3 @@\n 2\n-3\n+three\n 4\n');
    });

    it('shows a deleted line and a lost final newline', () => {
      assert.equal(unifiedDiff('a\nfooter\nb\n', 'a\nb', 'x'), '--- a/x\n+++ b/x\n@@ -1,3 +1,2 @@\n a\n-footer\n-b\n+b\n\\ No newline at end of file\n');
    });
  });

  describe('summary-lint --fix changes exactly what fixed/<doc>.diff shows', () => {
    for (const name of fixtureNames()) {
      it(name, async () => {
        const file = path.join(FIXTURE_CORPUS, name);
        const diff = unifiedDiff(fs.readFileSync(file, 'utf8'), await fixedByCli(file), name);
        assert.equal(diff, read(fixedSnapshotFile(name)), `--fix on ${name} differs from its reviewed snapshot`);
      });
    }
  });

  describe('the outline of the model matches outlines/<doc>.txt', () => {
    for (const name of fixtureNames()) {
      it(name, () => {
        const text = fs.readFileSync(path.join(FIXTURE_CORPUS, name), 'utf8');
        assert.equal(renderOutline(text, name), read(outlineSnapshotFile(name)));
      });
    }
  });
});
