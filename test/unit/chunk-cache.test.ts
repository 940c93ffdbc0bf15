import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFile, fixText } from '../../src/cli/check';
import { toReported } from '../../src/cli/format';
import { analyze, ChunkCache, DEFAULT_CONFIG, LineIndex, type SummaryConfig } from '../../src/core/index';

const CORPUS = path.join(__dirname, '../../../test/fixtures/corpus');

describe('one chunk cache for many texts (the CLI\'s files)', () => {
  it('keeps what earlier passes read until it holds keepChars characters, then drops what the latest passes did not use', () => {
    const kept = new ChunkCache<number>({ keepChars: 10 });
    kept.store('aaaa', 1);
    kept.endPass();
    kept.store('bbbb', 2);
    kept.endPass();
    assert.equal(kept.lookup('aaaa'), 1, 'under the budget nothing goes');
    kept.store('cccc', 3);
    kept.endPass(); // 12 characters kept: the older generation is let go on the next pass
    kept.store('dddd', 4);
    kept.endPass();
    assert.equal(kept.lookup('dddd'), 4);
    assert.equal(kept.lookup('bbbb'), undefined, 'dropped once over the budget');

    const perVersion = new ChunkCache<number>();
    perVersion.store('aaaa', 1);
    perVersion.endPass();
    perVersion.endPass();
    assert.equal(perVersion.lookup('aaaa'), undefined, 'without keepChars: the latest version and the one before');
  });

  it('checking files one after another gives each the findings a fresh analysis gives it, copies and --fix passes included', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-lint-cache-'));
    try {
      const names = fs.readdirSync(CORPUS).filter((n) => n.endsWith('.md') && n !== 'SOURCES.md').sort().slice(0, 8);
      // each document twice, the copy after the others, as a folder of submissions may hold it
      const files = [...names, ...names].map((name, i) => {
        const file = path.join(folder, `${String(i).padStart(2, '0')}-${name}`);
        fs.writeFileSync(file, fs.readFileSync(path.join(CORPUS, name), 'utf8'));
        return file;
      });
      const options = { config: DEFAULT_CONFIG, fix: false, locale: 'en' as const };
      const freshly = (file: string, config: SummaryConfig) => {
        const text = fs.readFileSync(file, 'utf8');
        return toReported(path.basename(file), text, analyze(text, { fileName: file, config }).findings, 'en', new LineIndex(text));
      };
      for (const file of files) {
        const checked = await checkFile(file, path.basename(file), true, options);
        assert.deepEqual(checked.reported, freshly(file, DEFAULT_CONFIG), path.basename(file));
      }
      // another configuration never reads the first one's work on a chunk
      const strict: SummaryConfig = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, placeholder: 'off' } };
      for (const file of files.slice(0, 4)) {
        const checked = await checkFile(file, path.basename(file), true, { ...options, config: strict });
        assert.deepEqual(checked.reported, freshly(file, strict), path.basename(file));
        assert.ok(!checked.reported.some((r) => r.rule === 'placeholder'));
        // --fix's passes read through the cache too: the findings left are those of a fresh analysis of the fixed text
        const fixed = fixText(fs.readFileSync(file, 'utf8'), file, strict);
        assert.deepEqual(fixed.findings, analyze(fixed.text, { fileName: file, config: strict }).findings, path.basename(file));
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
