import assert from 'node:assert/strict';
import { formatText, type ReportedFinding } from '../../src/cli/format';

function finding(file: string, severity: ReportedFinding['severity'], fixable = false): ReportedFinding {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 2, rule: 'placeholder', severity, message: 'm', fixable };
}

function summaryLine(findings: ReportedFinding[], locale: 'en' | 'zh-CN'): string {
  return formatText(findings, locale).trim().split('\n').pop()!;
}

describe('the CLI summary line counts in the right grammatical number', () => {
  it('English: one problem, one error, one file', () => {
    assert.equal(summaryLine([finding('a.md', 'error', true)], 'en'), '1 problem (1 error, 0 warnings, 0 info) in 1 file; 1 fixable with --fix');
  });

  it('English: several of each', () => {
    const findings = [finding('a.md', 'error'), finding('a.md', 'error'), finding('b.md', 'warning'), finding('b.md', 'warning'), finding('b.md', 'info')];
    assert.equal(summaryLine(findings, 'en'), '5 problems (2 errors, 2 warnings, 1 info) in 2 files; 0 fixable with --fix');
  });

  it('Chinese counts with measure words, no plural forms', () => {
    assert.equal(summaryLine([finding('a.md', 'warning')], 'zh-CN'), '共 1 个问题（错误 0，警告 1，提示 0），涉及 1 个文件；其中 0 个可用 --fix 自动修复');
  });
});
