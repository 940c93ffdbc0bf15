import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { BUILTIN_PROFILES } from '../../src/core/index';
import { renderSnippetFile, skeletonSnippetBody, skeletonSnippetName, SNIPPETS_FILE, YEAR_FROM_FILE_NAME } from '../support/snippets';

/** A snippet body as the text it inserts with every placeholder left at its default. */
function expand(body: string[], fileNameBase: string): string {
  let text = body.join('\n').replace(/\$0$/, '');
  const defaults = new Map<string, string>();
  const year = /((?:19|20)\d{2})/.exec(fileNameBase)?.[1] ?? '20XX';
  text = text.split(YEAR_FROM_FILE_NAME).join(year);
  text = text.replace(/\$\{(\d+):([^{}]*)\}/g, (_m, n: string, value: string) => (defaults.set(n, value), value));
  text = text.replace(/\$\{(\d+)\}/g, (_m, n: string) => defaults.get(n) ?? '');
  return text.replace(/\\([$}\\])/g, '$1');
}

describe('snippets: one skeleton source', () => {
  it('snippets/summary.code-snippets is current with the profiles\' skeletons (npm run snippets)', () => {
    const file = fs.readFileSync(SNIPPETS_FILE, 'utf8');
    assert.equal(file, renderSnippetFile(JSON.parse(file)));
  });

  it('each skeleton snippet inserts exactly the skeleton New Summary inserts, the year from the file name', () => {
    const snippets = JSON.parse(fs.readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, { body: string[] }>;
    for (const profile of BUILTIN_PROFILES) {
      const snippet = snippets[skeletonSnippetName(profile)];
      assert.ok(snippet, `a snippet for ${profile.id}`);
      assert.equal(expand(snippet.body, 'Untitled-1'), profile.skeleton, profile.id);
      assert.equal(expand(snippet.body, '2025年工作总结'), profile.skeleton.replace(/20XX/g, '2025'), profile.id);
    }
  });

  it('placeholders become tab stops, XX单位 and 20XX mirrored', () => {
    const body = skeletonSnippetBody('XX单位20XX年总结\n\n　　20XX年以来，……。XX单位\n');
    assert.match(body[0]!, /^\$\{1:XX单位\}\$\{2:\$\{TM_FILENAME_BASE/);
    assert.equal(body[2], '　　${2}年以来，${3:……}。${1}');
    assert.equal(body.at(-1), '$0');
  });
});
