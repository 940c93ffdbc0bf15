import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, parseConfig, RULE_IDS, type Finding } from '../../src/core/index';
import { runCli } from '../../src/cli/main';

const HEAD = '# XX局2024年度工作总结\n\n　　2024年以来，我局认真履职。现将有关情况总结如下：\n\n';
const TAIL = '\n二、存在的问题\n\n　　问题不少。\n\n三、下一步工作打算\n\n　　继续努力。\n';
/** a skipped enumeration (四是 after 二是): one enumeration-sequence finding per copy */
const SKIPPED = '　　一是健全机制；二是压实责任；四是加强考核。\n';

function flagged(text: string, findings: readonly Finding[], rule: string): string[] {
  return findings.filter((f) => f.rule === rule).map((f) => text.slice(f.start, f.end));
}

function lint(body: string, fileName = '2024年工作总结.md', configJson?: string) {
  const text = HEAD + '一、主要工作\n\n' + body + TAIL;
  const config = configJson ? parseConfig(configJson).config : undefined;
  const analysis = analyze(text, { fileName, ...(config ? { config } : {}) });
  return { text, ...analysis };
}

describe('suppression comments and ignore patterns', () => {
  it('finds the skipped enumeration when nothing is suppressed (the baseline the other cases change)', () => {
    const { text, findings } = lint(SKIPPED + '\n' + SKIPPED);
    assert.deepEqual(flagged(text, findings, 'enumeration-sequence'), ['四是', '四是']);
  });

  it('disable-next-line drops the named rule on the next line only', () => {
    const { text, findings, unusedDirectives } = lint('<!-- summary-lint-disable-next-line enumeration-sequence -->\n' + SKIPPED + '\n' + SKIPPED);
    const left = findings.filter((f) => f.rule === 'enumeration-sequence');
    assert.equal(left.length, 1);
    assert.ok(left[0]!.start > text.lastIndexOf('-->'), 'the copy two lines below is still flagged');
    assert.deepEqual(unusedDirectives, []);
  });

  it('disable-next-line naming another rule suppresses nothing and is reported as unused', () => {
    const { text, findings, unusedDirectives } = lint('<!-- summary-lint-disable-next-line punctuation -->\n' + SKIPPED);
    assert.deepEqual(flagged(text, findings, 'enumeration-sequence'), ['四是']);
    assert.equal(unusedDirectives?.length, 1);
    assert.equal(unusedDirectives![0]!.rule, 'punctuation');
    assert.equal(text.slice(unusedDirectives![0]!.start, unusedDirectives![0]!.end), '<!-- summary-lint-disable-next-line punctuation -->');
  });

  it('disable … enable covers the lines between, for the rules named', () => {
    const body = '<!-- summary-lint-disable enumeration-sequence placeholder -->\n' + SKIPPED + '\n　　在XX路办公。\n<!-- summary-lint-enable enumeration-sequence placeholder -->\n\n' + SKIPPED + '\n　　在XX街办公。\n';
    const { text, findings, unusedDirectives } = lint(body);
    const enumerations = findings.filter((f) => f.rule === 'enumeration-sequence');
    assert.equal(enumerations.length, 1);
    assert.ok(enumerations[0]!.start > text.indexOf('summary-lint-enable'));
    // the title's XX (before the comment) and XX街 (after enable) stay; XX路 is suppressed
    const placeholders = findings.filter((f) => f.rule === 'placeholder').map((f) => text.slice(f.start, f.start + 3));
    assert.deepEqual(placeholders, ['XX局', 'XX街']);
    assert.deepEqual(unusedDirectives, []);
  });

  it('a disable naming no rule switches every rule off until the end; enable of one rule brings it back', () => {
    const body = '<!-- summary-lint-disable -->\n' + SKIPPED + '\n　　在XX路办公。\n<!-- summary-lint-enable placeholder -->\n\n' + SKIPPED + '\n　　在XX街办公。\n';
    const { text, findings } = lint(body);
    assert.deepEqual(flagged(text, findings, 'enumeration-sequence'), [], 'still off after enabling another rule');
    const placeholders = findings.filter((f) => f.rule === 'placeholder').map((f) => text.slice(f.start, f.start + 3));
    assert.deepEqual(placeholders, ['XX局', 'XX街']);
  });

  it('a misspelt rule name switches nothing off and is reported', () => {
    const { text, findings, unusedDirectives } = lint('<!-- summary-lint-disable enumeration-sequnce -->\n' + SKIPPED);
    assert.deepEqual(flagged(text, findings, 'enumeration-sequence'), ['四是']);
    assert.deepEqual(unusedDirectives?.map((u) => u.rule), ['enumeration-sequnce']);
  });

  it('text after -- is a reason, not a rule name', () => {
    const { findings, unusedDirectives } = lint('<!-- summary-lint-disable-next-line enumeration-sequence -- 原文如此 -->\n' + SKIPPED);
    assert.equal(findings.filter((f) => f.rule === 'enumeration-sequence').length, 0);
    assert.deepEqual(unusedDirectives, []);
  });

  it('a comment inside a code block is an example, not a directive', () => {
    const { findings } = lint('```\n<!-- summary-lint-disable -->\n```\n\n' + SKIPPED);
    assert.equal(findings.filter((f) => f.rule === 'enumeration-sequence').length, 1);
  });

  it('plain text has no comments: the same text in a .txt is not suppressed', () => {
    const { findings } = lint('<!-- summary-lint-disable-next-line enumeration-sequence -->\n' + SKIPPED, '2024年工作总结.txt');
    assert.equal(findings.filter((f) => f.rule === 'enumeration-sequence').length, 1);
  });

  it('ignore patterns drop the findings whose flagged text a match overlaps, in plain text too', () => {
    const body = '　　在XX路办公，XX街也有。\n';
    const config = '{"ignore": {"placeholder": ["XX路"]}}';
    const { text, findings } = lint(body, '2024年工作总结.txt', config);
    const placeholders = findings.filter((f) => f.rule === 'placeholder').map((f) => text.slice(f.start, f.start + 3));
    assert.deepEqual(placeholders, ['XX局', 'XX街']);
    const unconfigured = lint(body, '2024年工作总结.txt');
    assert.equal(unconfigured.findings.filter((f) => f.rule === 'placeholder').length, 3);
  });

  it('the config parser reports a wrong ignore entry where it stands and keeps the good ones', () => {
    const json = '{"ignore": {"placeholder": ["XX路", "(a+)+"], "no-such-rule": ["x"], "punctuation": "x"}}';
    const { config, problems } = parseConfig(json);
    assert.deepEqual(config.ignore, { placeholder: ['XX路'] });
    assert.deepEqual(problems.map((p) => json.slice(p.start, p.end)), ['"(a+)+"', '"no-such-rule"', '"x"']);
  });
});

describe('summary-lint and suppression', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-lint-suppress-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[]): Promise<{ code: number; stdout: string }> {
    let stdout = '';
    const code = await runCli(args, { cwd: dir, env: {}, stdout: (t) => (stdout += t), stderr: () => undefined });
    return { code, stdout };
  }

  it('honours the comments, and --report-unused-disable-directives reports the one that suppressed nothing', async () => {
    const text = HEAD + '一、主要工作\n\n<!-- summary-lint-disable-next-line enumeration-sequence -->\n' + SKIPPED + '\n<!-- summary-lint-disable-next-line punctuation -->\n　　工作扎实。\n' + TAIL;
    fs.writeFileSync(path.join(dir, '2024年工作总结.md'), text);
    const plain = JSON.parse((await run(['--format', 'json', '2024年工作总结.md'])).stdout) as { rule: string; line: number }[];
    assert.ok(!plain.some((f) => f.rule === 'enumeration-sequence'), 'suppressed');
    assert.ok(!plain.some((f) => f.rule === 'unused-disable-directive'), 'not reported unless asked');
    const reported = await run(['--format', 'json', '--report-unused-disable-directives', '2024年工作总结.md']);
    const unused = (JSON.parse(reported.stdout) as { rule: string; line: number; severity: string }[]).filter((f) => f.rule === 'unused-disable-directive');
    assert.deepEqual(unused.map((f) => [f.line, f.severity]), [[10, 'error']]);
    assert.equal(reported.code, 1, 'an unused directive fails the run, as in ESLint');
  });

  it('reads ignore patterns from .summaryrc.json', async () => {
    fs.writeFileSync(path.join(dir, '.summaryrc.json'), '{"ignore": {"placeholder": ["XX路"]}}');
    fs.writeFileSync(path.join(dir, '2024年工作总结.txt'), '2024年工作总结\n\n　　在XX路办公。\n');
    const findings = JSON.parse((await run(['--format', 'json', '2024年工作总结.txt'])).stdout) as { rule: string }[];
    assert.ok(!findings.some((f) => f.rule === 'placeholder'), JSON.stringify(findings));
  });
});

describe('the shipped JSON schema', () => {
  it('knows the ignore setting for every rule', () => {
    const schema = require('../../../schemas/summaryrc.schema.json') as { properties: { ignore: { properties: Record<string, unknown> } } };
    assert.deepEqual(Object.keys(schema.properties.ignore.properties).sort(), [...RULE_IDS].sort());
  });
});
