import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, analyze, applyEdits, collectFixEdits, parseConfig } from '../../src/core/index';
import { ROOT } from './corpus';

export const RULE_DOCS = path.join(ROOT, 'docs/rules.md');
export const SCHEMA = path.join(ROOT, 'schemas/summaryrc.schema.json');
export const MANIFEST = path.join(ROOT, 'package.json');

const SEVERITIES = ['error', 'warning', 'info', 'off'];

/** One rule's severity setting, as the schema and VS Code's settings editor show it. */
function severitySetting(rule: (typeof ALL_RULES)[number]): Record<string, unknown> {
  const { id, description, defaultSeverity } = rule.meta;
  return {
    type: 'string',
    enum: SEVERITIES,
    default: defaultSeverity,
    description: `${description.en} ${description.zh}`,
    markdownDescription: `**${id}**: ${description.en}\n\n${description.zh}`,
  };
}

/** The rule severity settings, from the rules' metadata: the same in the schema and in package.json. */
export function ruleSettings(): Record<string, unknown> {
  return Object.fromEntries(ALL_RULES.map((rule) => [rule.meta.id, severitySetting(rule)]));
}

/** schemas/summaryrc.schema.json with its `rules` properties generated. */
export function renderSchema(current = fs.readFileSync(SCHEMA, 'utf8')): string {
  const schema = JSON.parse(current) as { properties: { rules: { properties: unknown }; ignore?: { properties: unknown } } };
  schema.properties.rules.properties = ruleSettings();
  // the ignore patterns are per rule too: one list of regular expressions for each rule id
  if (schema.properties.ignore) {
    schema.properties.ignore.properties = Object.fromEntries(ALL_RULES.map((rule) => [rule.meta.id, { type: 'array', items: { type: 'string', format: 'regex' } }]));
  }
  return JSON.stringify(schema, null, 2) + '\n';
}

/** package.json with the `officialSummary.rules` setting's properties generated. */
export function renderManifest(current = fs.readFileSync(MANIFEST, 'utf8')): string {
  const manifest = JSON.parse(current) as { contributes: { configuration: { properties: Record<string, { properties?: unknown }> } } };
  manifest.contributes.configuration.properties['officialSummary.rules'].properties = ruleSettings();
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** docs/rules.md, written from the rules' own metadata and examples (the examples' findings are computed). */
export function renderRuleDocs(): string {
  const out: string[] = [
    '# Rules / 规则',
    '',
    '<!-- Generated from the rules\' metadata by `npm run docs`; a test checks it is current. -->',
    '',
    'Severities can be changed per rule in `.summaryrc.json` (`"rules": {"punctuation": "info"}`, or `"off"`).',
    '',
    '| id | default | fixable | what it checks |',
    '|---|---|---|---|',
    ...ALL_RULES.map((r) => `| [${r.meta.id}](#${r.meta.id}) | ${r.meta.defaultSeverity} | ${r.meta.fixable ? 'yes' : 'no'} | ${r.meta.description.en} |`),
  ];
  for (const rule of ALL_RULES) {
    const meta = rule.meta;
    out.push('', `## ${meta.id}`, '', meta.description.zh, '', meta.description.en, '');
    out.push(`Default severity: \`${meta.defaultSeverity}\`. Fixable: ${meta.fixable ? 'yes' : 'no'}. Tags: ${meta.tags.join(', ')}.`);
    for (const example of meta.examples) {
      const fileName = example.format === 'markdown' ? 'example.md' : 'example.txt';
      const config = example.config === undefined ? {} : { config: parseConfig(example.config).config };
      const findings = analyze(example.text, { fileName, ...config }).findings.filter((f) => f.rule === meta.id);
      out.push('', `### ${example.description}`, '');
      if (example.config !== undefined) out.push('With `.summaryrc.json`:', '', '```json', example.config, '```', '');
      out.push('```' + (example.format === 'markdown' ? 'markdown' : 'text'), example.text.replace(/\n$/, ''), '```', '');
      if (!findings.length) out.push('No finding.');
      for (const f of findings) out.push(`- \`${example.text.slice(f.start, f.end)}\`: ${f.message.zh} / ${f.message.en}`);
      if (example.fixed !== undefined) {
        out.push('', 'After the fix:', '', '```' + (example.format === 'markdown' ? 'markdown' : 'text'), applyEdits(example.text, collectFixEdits(findings)).replace(/\n$/, ''), '```');
      }
    }
  }
  return out.join('\n') + '\n';
}

/** `npm run docs`: everything generated from the rules' metadata. */
if (require.main === module) {
  fs.mkdirSync(path.dirname(RULE_DOCS), { recursive: true });
  fs.writeFileSync(RULE_DOCS, renderRuleDocs());
  fs.writeFileSync(SCHEMA, renderSchema());
  fs.writeFileSync(MANIFEST, renderManifest());
  console.log(`wrote ${[RULE_DOCS, SCHEMA, MANIFEST].map((f) => path.relative(ROOT, f)).join(', ')}`);
}
