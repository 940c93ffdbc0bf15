import * as assert from './assert';
import * as vscode from 'vscode';
import { openSummary, revert, ruleOf, waitFor, waitForDiagnostics } from './helpers';
import { codeActionsWhere } from '../../editor-support/codeActions';

describe('quick fixes from the language server in the worker', () => {
  it('applies the fix of the repeated 四、: the part becomes 五、 and the finding goes', async () => {
    const editor = await openSummary();
    const { document } = editor;
    try {
      const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
      const repeated = diagnostics.find((d) => ruleOf(d) === 'numbering-sequence')!;
      const actions = await codeActionsWhere(document.uri, repeated.range, vscode.CodeActionKind.QuickFix.value, (offered) => offered.length > 0);
      // the command's result carries no diagnostics: the preferred action at the finding's range is its fix
      const fix = actions.find((action) => action.isPreferred && action.edit);
      assert.ok(fix?.edit, `a preferred quick fix with an edit for the finding (got: ${actions.map((a) => `${a.title} preferred=${a.isPreferred} edit=${!!a.edit}`).join(' | ')})`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(document.lineAt(14).text, '　　五、工作保障');
      await waitForDiagnostics(document.uri, (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'numbering-sequence'), 'the numbering finding to go');
      assert.equal(document.lineAt(10).text, '　　四、存在问题及下一步计划', 'the first 四、 is left alone');
    } finally {
      await revert(editor);
    }
    await waitFor('the reverted text', () => document.lineAt(14).text === '　　四、工作保障');
  });
});
