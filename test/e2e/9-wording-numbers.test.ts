import * as assert from 'assert';
import * as vscode from 'vscode';
import { at, closeAllEditors, openUntitledCopy, ruleOf, waitForDiagnostics } from './helpers';
import { codeActionsWhere } from '../editor-support/codeActions';

// The rules of the wording issue as a writer meets them in the editor: one summary with a fault of each.
const SUMMARY = [
  '# 2025年度工作总结。',
  '',
  '今年以来，我局认真布署各项工作，截止目前完成投资２０２５万元，同比增长30%-40%。',
  '',
  '## 一、主要工作',
  '',
  '完成重点项目12个。',
  '',
  '## 二、存在问题',
  '',
  '基层力量不足。',
  '',
  '## 三、下一步打算',
  '',
  '继续抓好落实。',
  '',
  '附件：1.重点项目统计表。',
  '',
  '某某局',
  '',
  '2025年01月05日',
  '',
].join('\n');

suite('Wording, numbers, attachment note, title', () => {
  teardown(closeAllEditors);

  test('each rule shows its finding at its place, and the wording quick fix writes the right word', async () => {
    const editor = await openUntitledCopy('markdown', SUMMARY);
    const document = editor.document;
    const rules = ['title', 'wording', 'number-usage', 'attachment'];
    const diagnostics = await waitForDiagnostics(document.uri, (d) => rules.every((rule) => d.some((x) => ruleOf(x) === rule)));
    const placed = diagnostics.filter((d) => rules.includes(ruleOf(d) ?? '')).map((d) => `${ruleOf(d)} ${at(d)} ${document.getText(d.range)}`);
    assert.deepStrictEqual(placed.sort(), [
      'attachment 16:3-16:5 1.',
      'attachment 16:12-16:13 。',
      'number-usage 2:24-2:28 ２０２５',
      'number-usage 2:35-2:42 30%-40%',
      'number-usage 20:0-20:11 2025年01月05日',
      'title 0:12-0:13 。',
      'wording 2:16-2:20 截止目前',
      'wording 2:9-2:11 布署',
    ].sort());
    const misspelt = diagnostics.find((d) => ruleOf(d) === 'wording' && document.getText(d.range) === '布署')!;
    assert.match(misspelt.message, /部署/, 'the message names the right word');
    const actions = await codeActionsWhere(document.uri, misspelt.range, vscode.CodeActionKind.QuickFix.value, (offered) => offered.some((a) => a.edit && a.title.includes('部署')), 'a quick fix for 布署');
    const fix = actions.find((a) => a.edit && a.title.includes('部署'))!;
    assert.strictEqual(fix.isPreferred, true, `${fix.title} is the preferred fix`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.strictEqual(document.getText(), SUMMARY.replace('布署', '部署'), 'only the word changed');
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'wording' && document.getText(x.range) === '部署'));
  });
});
