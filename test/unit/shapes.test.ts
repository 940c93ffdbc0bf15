import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bulkFixed, checkShape, renumbered, readShape, renderOutline, shapeConfig, shapeFiles, SHAPES_DIR } from '../support/shapes';

describe('real-world shapes (test/fixtures/shapes, inline expectations)', () => {
  it('the harness reads marks and leaves line numbers alone', () => {
    const file = path.join(SHAPES_DIR, 'harness.txt');
    const { text, expectations } = readShape(file);
    assert.ok(!text.includes('⟪'));
    assert.equal(text.split('\n').length, fs.readFileSync(file, 'utf8').split('\n').length);
    assert.ok(expectations.length > 0 && expectations.every((e) => e.line > 0 && e.rule.length > 0));
  });

  for (const file of shapeFiles()) {
    const name = path.relative(SHAPES_DIR, file);
    it(name, () => {
      const result = checkShape(file);
      assert.deepEqual({ unexpected: result.unexpected, missing: result.missing }, { unexpected: [], missing: [] });
      const fixedFile = file.replace(/\.(md|txt)$/, '.fixed');
      if (fs.existsSync(fixedFile)) assert.equal(bulkFixed(result), fs.readFileSync(fixedFile, 'utf8'), 'bulk fixing (--fix, Fix All)');
      const renumberedFile = file.replace(/\.(md|txt)$/, '.renumbered');
      if (fs.existsSync(renumberedFile)) assert.equal(renumbered(result), fs.readFileSync(renumberedFile, 'utf8'), 'the Renumber command');
      const outlineFile = file.replace(/\.(md|txt)$/, '.outline');
      if (fs.existsSync(outlineFile)) assert.equal(renderOutline(result.text, file, shapeConfig(file)), fs.readFileSync(outlineFile, 'utf8'), 'outline');
    });
  }
});
