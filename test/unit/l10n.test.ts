import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/corpus';

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

/** Every string the extension (desktop and web) and the language server pass to t() (src/server/l10n.ts), in source order. */
function uiStrings(): string[] {
  const sources = ['src/extension', 'src/server', 'src/web']
    .flatMap((folder) => fs.readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(ROOT, folder, f), 'utf8')))
    .join('\n');
  return [...sources.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'"));
}

describe('translations: one language on every surface', () => {
  it('every string the extension shows has a Simplified Chinese translation with the same placeholders', () => {
    const chinese = readJson('l10n/bundle.l10n.zh-cn.json');
    const used = uiStrings();
    assert.ok(used.length > 30, `found only ${used.length} strings: is t() still the way strings are shown?`);
    assert.deepEqual(used.filter((s) => !(s in chinese)), [], 'untranslated');
    for (const english of used) assert.deepEqual(placeholders(chinese[english]!), placeholders(english), english);
  });

  it('the Chinese bundle holds no string the extension no longer shows', () => {
    const used = new Set(uiStrings());
    assert.deepEqual(Object.keys(readJson('l10n/bundle.l10n.zh-cn.json')).filter((s) => !used.has(s)), []);
  });

  it('the extension never calls vscode.l10n.t, which follows only the display language', () => {
    const directory = path.join(ROOT, 'src/extension');
    for (const file of fs.readdirSync(directory)) {
      assert.doesNotMatch(fs.readFileSync(path.join(directory, file), 'utf8'), /l10n\.t\(/, file);
    }
  });

  it('package.nls.zh-cn.json translates every key of package.nls.json, and the manifest uses only defined keys', () => {
    const english = readJson('package.nls.json');
    const chinese = readJson('package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
    for (const [key, value] of Object.entries(chinese)) assert.ok(value.trim() !== '', `${key} is translated`);
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    for (const key of manifest.match(/"%[\w.]+%"/g) ?? []) assert.ok(key.slice(2, -2) in english, `${key} is defined`);
  });
});
