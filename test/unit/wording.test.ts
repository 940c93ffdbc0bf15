import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, collectFixEdits, parseConfig } from '../../src/core/index';
import { BUILTIN_WORDING } from '../../src/core/config/wording-dictionary';
import { wordingHits } from '../../src/core/rules/wording';
import { renderWordingDocs, WORDING_DOCS } from '../support/rule-docs';

/** `要认真[[布署]]工作` → the text without the marks, and the marked spans. */
function unmark(example: string): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  let text = '';
  for (const part of example.split(/(\[\[[^\]]*\]\])/)) {
    if (part.startsWith('[[')) {
      spans.push({ start: text.length, end: text.length + part.length - 4 });
      text += part.slice(2, -2);
    } else text += part;
  }
  return { text, spans };
}

describe('wording dictionary', () => {
  it('every entry has a unique id, a kind with its field, a source, and examples either way', () => {
    const ids = new Set<string>();
    for (const entry of BUILTIN_WORDING) {
      assert.ok(!ids.has(entry.id), `duplicate id ${entry.id}`);
      ids.add(entry.id);
      assert.ok(entry.source.length > 0, entry.id);
      assert.ok(entry.examples.length > 0 && entry.counterExamples.length > 0, `${entry.id} needs examples and counter-examples`);
      const needed = { misspelling: entry.replace, confusable: entry.suggest, formulation: entry.standard }[entry.kind];
      assert.ok(needed, `${entry.id} (${entry.kind}) needs its replace/suggest/standard`);
      if (entry.kind === 'confusable') assert.ok(entry.advice?.zh && entry.advice.en, `${entry.id} says how to choose`);
    }
    assert.ok(BUILTIN_WORDING.length >= 100, `${BUILTIN_WORDING.length} entries`);
  });

  for (const entry of BUILTIN_WORDING) {
    it(`${entry.id}: its examples are flagged exactly where marked, its counter-examples not`, () => {
      for (const example of entry.examples) {
        const { text, spans } = unmark(example);
        assert.ok(spans.length > 0, `example without [[…]]: ${example}`);
        assert.deepEqual(wordingHits(text), spans.map((s) => ({ ...s, id: entry.id })), example);
        // and through the whole rule, as a document
        const doc = `工作总结\n\n${text}\n`;
        const findings = analyze(doc, { fileName: 'example.txt' }).findings.filter((f) => f.rule === 'wording');
        assert.deepEqual(findings.map((f) => doc.slice(f.start, f.end)), spans.map((s) => text.slice(s.start, s.end)), example);
        if (entry.kind === 'misspelling') {
          const fixed = applyEdits(doc, collectFixEdits(findings));
          let expected = doc;
          for (const s of [...spans].reverse()) expected = expected.slice(0, s.start + 6) + entry.replace + expected.slice(s.end + 6);
          assert.equal(fixed, expected);
        } else assert.ok(findings.every((f) => !f.fix), 'report-only: no fix');
      }
      for (const counter of entry.counterExamples) {
        assert.deepEqual(wordingHits(counter).filter((h) => h.id === entry.id), [], counter);
      }
    });
  }

  it('docs/wording.md lists every entry (run `npm run docs` after changing the dictionary)', () => {
    assert.equal(fs.readFileSync(WORDING_DOCS, 'utf8'), renderWordingDocs());
    assert.ok(path.basename(WORDING_DOCS) === 'wording.md');
  });
});

describe('wording settings in .summaryrc.json', () => {
  it('adds entries of each kind and disables built-in ones', () => {
    const { config, problems } = parseConfig(
      JSON.stringify({
        wording: {
          disable: ['bu-shu', 'deng-lu'],
          entries: [
            { id: 'county', kind: 'misspelling', find: '沐阳县', replace: '沭阳县' },
            { id: 'lingdao', kind: 'formulation', find: ['“两个维护”'], standard: '“两个维护”', notAfter: '^\\s*[，。]', source: '党章' },
            { id: 'qita', kind: 'confusable', find: '其它', suggest: '其他', after: '^(?:人|同志)', advice: { zh: '指人用“其他”', en: 'for people use 其他' } },
          ],
        },
      }),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.wording?.disable, ['bu-shu', 'deng-lu']);
    const text = '工作总结\n\n沐阳县认真布署，登陆系统，其它同志积极参与。\n';
    const findings = analyze(text, { fileName: 'a.txt', config }).findings.filter((f) => f.rule === 'wording');
    assert.deepEqual(findings.map((f) => text.slice(f.start, f.end)), ['沐阳县', '其它']);
    assert.equal(findings[0].message.en, '`沐阳县` is a misspelling; expected `沭阳县`');
    assert.equal(findings[1].message.en, '`其它` may be meant as `其他` here: for people use 其他');
    // without the settings the built-in entries are back
    const plain = analyze(text, { fileName: 'a.txt' }).findings.filter((f) => f.rule === 'wording');
    assert.deepEqual(plain.map((f) => text.slice(f.start, f.end)), ['布署', '登陆']);
  });

  it('reports each wrong setting at its place and keeps the good entries', () => {
    const text = `{
  "wording": {
    "disable": ["no-such-entry", 3],
    "entries": [
      {"id": "ok", "kind": "misspelling", "find": "甲乙", "replace": "甲丙"},
      {"id": "bu-shu", "kind": "misspelling", "find": "x", "replace": "y"},
      {"id": "nokind", "find": "x", "replace": "y"},
      {"id": "noreplace", "kind": "misspelling", "find": "x"},
      {"id": "badfind", "kind": "formulation", "find": [], "standard": "y"},
      {"id": "badre", "kind": "confusable", "find": "x", "suggest": "y", "after": "("},
      {"id": "slowre", "kind": "confusable", "find": "x", "suggest": "y", "after": "^(a+)+$"},
      {"id": "typo", "kind": "misspelling", "find": "x", "replace": "y", "replce": "z"},
      "not an object"
    ],
    "extra": true
  }
}`;
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config.wording?.entries.map((e) => e.id), ['ok']);
    assert.deepEqual(config.wording?.disable, []);
    const at = (p: { start: number; end: number }) => text.slice(p.start, p.end);
    assert.deepEqual(problems.map(at), [
      '"extra"',
      '"no-such-entry"',
      '3',
      '"bu-shu"',
      '{"id": "nokind", "find": "x", "replace": "y"}',
      '{"id": "noreplace", "kind": "misspelling", "find": "x"}',
      '[]',
      '"("',
      '"^(a+)+$"',
      '"replce"',
      '"not an object"',
    ]);
    assert.match(problems[1].message.en, /No built-in wording entry "no-such-entry"/);
    assert.match(problems[3].message.en, /id "bu-shu" is taken/);
    assert.match(problems[5].message.en, /needs a non-empty string replace/);
  });

  it('wording must be an object', () => {
    const { problems } = parseConfig('{"wording": []}');
    assert.match(problems[0].message.en, /wording must be an object/);
  });
});
