import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { MANIFEST, renderManifest, renderRuleDocs, renderSchema, RULE_DOCS, ruleSettings, SCHEMA } from '../support/rule-docs';
import { ALL_RULES, analyze, applyEdits, collectFixEdits, parseConfig, RULE_IDS, type SummaryConfig } from '../../src/core/index';

/** An example's configuration, which must itself be valid: a typo there would test nothing. */
function exampleConfig(json: string | undefined): { config?: SummaryConfig } {
  if (json === undefined) return {};
  const { config, problems } = parseConfig(json);
  assert.deepEqual(problems.map((p) => p.message.en), [], `the example's config ${json}`);
  return { config };
}

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
          const options = { fileName, ...exampleConfig(example.config) };
          const { findings } = analyze(example.text, options);
          const own = findings.filter((f) => f.rule === rule.meta.id);
          assert.deepEqual(own.map((f) => example.text.slice(f.start, f.end)), example.flagged);
          for (const finding of own) {
            assert.match(finding.message.zh, /[\u4e00-\u9fff]/);
            assert.match(finding.message.en, /[A-Za-z]/);
          }
          if (example.messages) {
            assert.equal(example.messages.length, own.length, 'one expected message per finding');
            example.messages.forEach((expected, index) => {
              if (expected.zh !== undefined) assert.equal(own[index].message.zh, expected.zh);
              if (expected.en !== undefined) assert.equal(own[index].message.en, expected.en);
            });
          }
          if (example.fixed !== undefined) {
            const fixed = applyEdits(example.text, collectFixEdits(own));
            assert.equal(fixed, example.fixed);
            const again = analyze(fixed, options).findings.filter((f) => f.rule === rule.meta.id && f.fix);
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

  it('the rule settings of schemas/summaryrc.schema.json and package.json are generated from the rules (`npm run docs`)', () => {
    assert.equal(fs.readFileSync(SCHEMA, 'utf8'), renderSchema());
    assert.equal(fs.readFileSync(MANIFEST, 'utf8'), renderManifest());
    const settings = ruleSettings();
    assert.deepEqual(Object.keys(settings), ALL_RULES.map((r) => r.meta.id));
  });
});
