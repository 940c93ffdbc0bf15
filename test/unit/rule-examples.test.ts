import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { renderRuleDocs, RULE_DOCS } from '../support/rule-docs';
import { ALL_RULES, analyze, applyEdits, collectFixEdits, parseConfig, RULE_IDS } from '../../src/core/index';

// Every rule documents itself with examples; running them here keeps the docs honest.
describe('rule examples', () => {
  it('every rule id of the contract has exactly one rule', () => {
    assert.deepEqual([...ALL_RULES.map((r) => r.meta.id)].sort(), [...RULE_IDS].sort());
  });

  for (const rule of ALL_RULES) {
    describe(rule.meta.id, () => {
      it('has bilingual metadata and at least one flagged and one clean example', () => {
        assert.ok(rule.meta.description.zh && rule.meta.description.en);
        assert.ok(rule.meta.examples.some((e) => e.flagged.length > 0), 'an example that is flagged');
        assert.ok(rule.meta.examples.some((e) => e.flagged.length === 0), 'an example that is clean');
        if (rule.meta.fixable) assert.ok(rule.meta.examples.some((e) => e.fixed !== undefined), 'a fix example');
      });
      for (const example of rule.meta.examples) {
        it(example.description, () => {
          const fileName = example.format === 'markdown' ? 'example.md' : 'example.txt';
          const parsed = example.config === undefined ? undefined : parseConfig(example.config);
          assert.deepEqual(parsed?.problems ?? [], [], 'the example\'s configuration is valid');
          const config = parsed?.config;
          const { findings } = analyze(example.text, { fileName, config });
          const own = findings.filter((f) => f.rule === rule.meta.id);
          assert.deepEqual(own.map((f) => example.text.slice(f.start, f.end)), example.flagged);
          if (example.messages) assert.deepEqual(own.map((f) => f.message.en), example.messages);
          for (const finding of own) {
            assert.match(finding.message.zh, /[\u4e00-\u9fff]/);
            assert.match(finding.message.en, /[A-Za-z]/);
          }
          if (example.fixed !== undefined) {
            const fixed = applyEdits(example.text, collectFixEdits(own));
            assert.equal(fixed, example.fixed);
            const again = analyze(fixed, { fileName, config }).findings.filter((f) => f.rule === rule.meta.id && f.fix);
            assert.deepEqual(again.map((f) => f.message.en), [], 'the fixed text is clean of fixable findings');
          }
        });
      }
    });
  }
});

describe('rule documentation', () => {
  it('docs/rules.md is generated from the current rules (run `npm run docs` after changing one)', () => {
    assert.equal(fs.readFileSync(RULE_DOCS, 'utf8'), renderRuleDocs());
  });
});
