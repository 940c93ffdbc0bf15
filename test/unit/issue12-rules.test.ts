import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { analyze, parseConfig, parseSummary, partLengths, type RuleId } from '../../src/core/index';
import { FIXTURE_CORPUS } from '../support/corpus';

const NEW_RULES: RuleId[] = ['wording', 'number-usage', 'title', 'section-length'];

describe('wording, number-usage, title, section-length', () => {
  for (const name of ['zh-gov-work-report-02.md', 'zh-gov-work-report-09.md']) {
    it(`${name}, a clean real document, stays clean of them (section-length on with wide limits too)`, () => {
      const text = fs.readFileSync(path.join(FIXTURE_CORPUS, name), 'utf8');
      const { config } = parseConfig('{"rules": {"section-length": "warning"}, "sectionLength": {"limits": {"opening": {"max": 100000}}}}');
      const own = analyze(text, { fileName: name, config }).findings.filter((f) => NEW_RULES.includes(f.rule));
      assert.deepEqual(own.map((f) => `${f.rule}: ${text.slice(f.start, f.end)}`), []);
    });
  }

  it('the command line reports and fixes them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-lint-12-'));
    try {
      const file = path.join(dir, 'a.txt');
      fs.writeFileSync(file, '2024年工作总结：\n\n　　年初认真布署全年工作，投资增长3.8 %，依据国发[2021]30号文件。\n\n　　　　办公室\n　　　　2025-01-05\n');
      fs.writeFileSync(path.join(dir, '.summaryrc.json'), '{"rules": {"section-length": "warning"}, "sectionLength": {"limits": {"opening": {"max": 10}}}}');
      let stdout = '';
      const code = await runCli(['--format', 'json', 'a.txt'], { cwd: dir, env: {}, stdout: (t) => (stdout += t), stderr: () => undefined });
      assert.equal(code, 0);
      const found = (JSON.parse(stdout) as { rule: string; line: number; column: number; fixable: boolean }[]).filter((f) => NEW_RULES.includes(f.rule as RuleId));
      assert.deepEqual(found.map((f) => `${f.rule} ${f.line}:${f.column} ${f.fixable}`), [
        'title 1:10 true',
        'section-length 3:3 false',
        'wording 3:7 true',
        'number-usage 3:18 true',
        'number-usage 3:28 true',
        'number-usage 6:5 true',
      ]);
      await runCli(['--fix', 'a.txt'], { cwd: dir, env: {}, stdout: () => undefined, stderr: () => undefined });
      assert.equal(fs.readFileSync(file, 'utf8'), '2024年工作总结\n\n　　年初认真部署全年工作，投资增长3.8%，依据国发〔2021〕30号文件。\n\n　　　　办公室\n　　　　2025年1月5日\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sectionLength settings and part lengths', () => {
  it('counts 汉字 or non-whitespace characters per part, with per-profile limits winning', () => {
    const text = '2024年工作总结\n\n　　2024年完成3项任务。\n\n一、主要工作\n\n　　完成了年度任务。\n\n二、存在的问题\n\n　　一是学习不够。\n';
    const { config, problems } = parseConfig('{"sectionLength": {"count": "non-whitespace", "limits": {"opening": {"max": 5}, "problems": {"min": 1}}, "profiles": {"work-summary": {"opening": {"min": 3, "max": 50}}}}}');
    assert.deepEqual(problems, []);
    const lengths = partLengths(parseSummary(text, { fileName: 'a.txt', config }), config);
    assert.deepEqual(lengths.map((l) => [l.partId, l.count, l.limit]), [
      ['opening', 12, { min: 3, max: 50 }],
      ['problems', 14, { min: 1 }],
    ]);
    const hanzi = parseConfig('{"sectionLength": {}}').config;
    assert.deepEqual(partLengths(parseSummary(text, { fileName: 'a.txt', config: hanzi }), hanzi).map((l) => l.count), [6, 12]);
  });

  it('reports each wrong setting at its place', () => {
    const text = '{"sectionLength": {"count": "words", "limits": {"opening": {"min": 500, "max": 300}, "problems": {}, "next-steps": {"max": -1}, "x": 3}, "profiles": [], "extra": 1}}';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(problems.map((p) => text.slice(p.start, p.end)), ['"extra"', '"words"', '{"min": 500, "max": 300}', '{}', '-1', '3', '[]']);
    assert.equal(config.sectionLength?.count, 'hanzi');
    assert.deepEqual(config.sectionLength?.limits, {});
  });
});
