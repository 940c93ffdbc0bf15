import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, analyze, applyEdits, collectFixEdits } from '../../src/core/index';
import { ROOT } from './corpus';

export const RULE_DOCS = path.join(ROOT, 'docs/rules.md');

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
      const findings = analyze(example.text, { fileName }).findings.filter((f) => f.rule === meta.id);
      out.push('', `### ${example.description}`, '', '```' + (example.format === 'markdown' ? 'markdown' : 'text'), example.text.replace(/\n$/, ''), '```', '');
      if (!findings.length) out.push('No finding.');
      for (const f of findings) out.push(`- \`${example.text.slice(f.start, f.end)}\`: ${f.message.zh} / ${f.message.en}`);
      if (example.fixed !== undefined) {
        out.push('', 'After the fix:', '', '```' + (example.format === 'markdown' ? 'markdown' : 'text'), applyEdits(example.text, collectFixEdits(findings)).replace(/\n$/, ''), '```');
      }
    }
  }
  return out.join('\n') + '\n';
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(RULE_DOCS), { recursive: true });
  fs.writeFileSync(RULE_DOCS, renderRuleDocs());
  console.log(`wrote ${path.relative(ROOT, RULE_DOCS)}`);
}
