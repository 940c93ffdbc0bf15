import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, analyze, applyEdits, collectFixEdits, parseConfig } from '../../src/core/index';
import { ROOT } from './corpus';
import { BUILTIN_WORDING, type WordingEntry } from '../../src/core/config/wording-dictionary';

export const RULE_DOCS = path.join(ROOT, 'docs/rules.md');
export const SCHEMA = path.join(ROOT, 'schemas/summaryrc.schema.json');
export const MANIFEST = path.join(ROOT, 'package.json');
export const WORDING_DOCS = path.join(ROOT, 'docs/wording.md');

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

const WORDING_INTRO = `# The wording dictionary / 用词词典

<!-- Generated from src/core/config/wording.json by \`npm run docs\`; a test checks it is current. -->

The \`wording\` rule looks every entry up in each paragraph (headings included; code, links and
addresses are not read). An entry is one of three kinds:

- **misspelling** (错别字): a form that is wrong wherever it stands. The correction is certain, so it is a
  fix that \`--fix\` and Fix All apply.
- **confusable** (易混词): a word that is right in one sense and wrong in another (登陆/登录, 截止/截至). The
  entry's contexts narrow it to the places where the other word is likely meant, and the message says how
  to choose. No fix: the writer decides.
- **formulation** (规范表述): an official formulation written incompletely or in an outdated form. The
  message gives the standard form and where it comes from. No fix: the sentence around it may need rewording.

An entry may require or exclude a context: \`before\`/\`notBefore\` are regular expressions tested on the
(up to) 30 characters before the found text, anchored with \`$\`; \`after\`/\`notAfter\` on the 40 characters
after it, anchored with \`^\`. That is how \`布署\` stays unflagged in \`发布署名文章\` (发布 + 署名) and \`既使\`
in \`既使群众满意，又使企业受益\` (既 … 又).

## Where the entries come from

- Misspellings: the correct form is the one in 《现代汉语词典》（第7版）; the wrong forms are the
  long-standing typo lists of Chinese proofreading (most are misread idioms), and some were found in the
  corpus (test/fixtures/corpus, ../shared/corpus: 获益非浅, 报歉, 截止目前 …). A form that can also be two
  words side by side (平安祥和 holds 安祥; 严峻工作 holds 峻工) is left out or given a context that excludes
  the words.
- Confusables: the senses as 《现代汉语词典》 gives them.
- Formulations: the document named in each entry (党的二十大报告, 《中国共产党章程》, the notice that named the
  campaign, the law that names the group).

## How to add an entry

In a workspace, add it to \`.summaryrc.json\` (the schema checks the fields; a wrong entry is reported
where it stands and left out, the rest stays in force), and switch built-in entries off by id:

\`\`\`json
{
  "wording": {
    "entries": [
      { "id": "county-name", "kind": "misspelling", "find": "沐阳县", "replace": "沭阳县" },
      { "id": "qita-people", "kind": "confusable", "find": "其它", "suggest": "其他", "after": "^(?:同志|人员)",
        "advice": { "zh": "指人用“其他”", "en": "use 其他 for people" } }
    ],
    "disable": ["zuo-wei"]
  }
}
\`\`\`

To the built-in dictionary (src/core/config/wording.json), add an entry with an \`id\`, its \`kind\`,
\`find\` (a string, or an array of variants such as “” and "" quotes), \`replace\` / \`suggest\` + \`advice\` /
\`standard\`, the \`source\`, at least one \`examples\` sentence with the flagged text marked \`[[…]]\` and at
least one \`counterExamples\` sentence that must stay unflagged (the look-alike word, the right use). The unit
tests run every example; run \`npm run docs\` to update this page, and run the corpus (\`npm run corpus:report\`)
to see that the entry adds no false finding. Add only forms you are sure of: a wrong entry is worse than a
missing one.
`;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function finds(entry: WordingEntry): string {
  return (Array.isArray(entry.find) ? entry.find : [entry.find]).map((f) => `\`${cell(f)}\``).join(' ');
}

function contexts(entry: WordingEntry): string {
  const parts: string[] = [];
  if (entry.before) parts.push(`after \`${cell(entry.before)}\``);
  if (entry.notBefore) parts.push(`not after \`${cell(entry.notBefore)}\``);
  if (entry.after) parts.push(`before \`${cell(entry.after)}\``);
  if (entry.notAfter) parts.push(`not before \`${cell(entry.notAfter)}\``);
  return parts.join('; ');
}

/** docs/wording.md: how the dictionary works, and every built-in entry with its source. */
export function renderWordingDocs(): string {
  const of = (kind: WordingEntry['kind']) => BUILTIN_WORDING.filter((e) => e.kind === kind);
  const out = [WORDING_INTRO, `## The built-in entries (${BUILTIN_WORDING.length})`];
  out.push('', `### Misspellings (${of('misspelling').length})`, '', '| id | wrong | right | context | source |', '|---|---|---|---|---|');
  for (const e of of('misspelling')) out.push(`| ${e.id} | ${finds(e)} | ${cell(e.replace ?? '')} | ${contexts(e)} | ${cell(e.source)} |`);
  out.push('', `### Confusables (${of('confusable').length})`, '', '| id | found | may be meant as | context | how to choose | source |', '|---|---|---|---|---|---|');
  for (const e of of('confusable')) out.push(`| ${e.id} | ${finds(e)} | ${cell(e.suggest ?? '')} | ${contexts(e)} | ${cell(e.advice?.zh ?? '')} | ${cell(e.source)} |`);
  out.push('', `### Formulations (${of('formulation').length})`, '', '| id | found | standard form | context | source |', '|---|---|---|---|---|');
  for (const e of of('formulation')) out.push(`| ${e.id} | ${finds(e)} | ${cell(e.standard ?? '')} | ${contexts(e)} | ${cell(e.source)} |`);
  return out.join('\n') + '\n';
}

/** `npm run docs`: everything generated from the rules' metadata. */
if (require.main === module) {
  fs.mkdirSync(path.dirname(RULE_DOCS), { recursive: true });
  fs.writeFileSync(RULE_DOCS, renderRuleDocs());
  fs.writeFileSync(SCHEMA, renderSchema());
  fs.writeFileSync(MANIFEST, renderManifest());
  fs.writeFileSync(WORDING_DOCS, renderWordingDocs());
  console.log(`wrote ${[RULE_DOCS, SCHEMA, MANIFEST, WORDING_DOCS].map((f) => path.relative(ROOT, f)).join(', ')}`);
}
