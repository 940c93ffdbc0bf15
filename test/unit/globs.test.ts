import assert from 'node:assert/strict';
import { globMatches } from '../../src/core/index';

describe('globMatches: the include/exclude globs of the extension and the language server', () => {
  it('** any path, * one segment, ? one character, {a,b} alternatives, relative globs at any depth', () => {
    assert.equal(globMatches('**/README*', '/w/docs/README.md'), true);
    assert.equal(globMatches('**/node_modules/**', '/w/node_modules/x/总结.md'), true);
    assert.equal(globMatches('reports/*.txt', '/w/reports/第三季度工作汇报.txt'), true);
    assert.equal(globMatches('reports/*.txt', '/w/reports/sub/a.txt'), false, '* stays in one segment');
    assert.equal(globMatches('a?.md', '/w/ab.md'), true);
    assert.equal(globMatches('a?.md', '/w/abc.md'), false);
    assert.equal(globMatches('*.{md,txt}', '/w/x/总结.txt'), true);
    assert.equal(globMatches('*.{md,txt}', '/w/x/总结.docx'), false);
    assert.equal(globMatches('/w/a.md', '/w/a.md'), true);
    assert.equal(globMatches('/w/a.md', '/v/w/a.md'), false, 'an absolute glob is anchored');
    assert.equal(globMatches('a.md', '/w/xa.md'), false, 'a relative glob matches whole segments');
  });
});
