import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openUntitledCopy, readFixture, ruleOf, waitForDiagnostics } from './helpers';
import { codeActionsWhere } from '../editor-support/codeActions';

const SUMMARY = '2024年度机关工作总结.md';

const quickFixes = (uri: vscode.Uri, range: vscode.Range) => codeActionsWhere(uri, range, vscode.CodeActionKind.QuickFix.value, (actions) => actions.length > 0, 'quick fixes');

suite('Suppression comments', () => {
  teardown(closeAllEditors);

  test('"Disable <rule> for this line" inserts an indented next-line comment, and the finding goes', async () => {
    const original = readFixture(SUMMARY);
    const editor = await openUntitledCopy('markdown', original);
    const document = editor.document;
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'enumeration-sequence'));
    const skipped = diagnostics.find((d) => ruleOf(d) === 'enumeration-sequence')!;
    const line = skipped.range.start.line;
    const actions = await quickFixes(document.uri, skipped.range);
    const disable = actions.find((a) => /enumeration-sequence/.test(a.title) && a.edit && a.edit.get(document.uri).some((e) => e.newText.includes('summary-lint-disable-next-line')));
    assert.ok(disable?.edit, `a disable action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.strictEqual(document.lineAt(line).text, '　　<!-- summary-lint-disable-next-line enumeration-sequence -->', 'above the line, indented like it');
    assert.strictEqual(document.lineAt(line + 1).text, original.split('\n')[line], 'the line itself is untouched');
    const after = await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'enumeration-sequence'));
    assert.ok(after.some((d) => ruleOf(d) === 'numbering-style' && d.range.start.line === line + 1), 'the other rule on that line still reports');

    // a second rule on the same line joins the same comment
    const style = after.find((d) => ruleOf(d) === 'numbering-style')!;
    const second = (await quickFixes(document.uri, style.range)).find((a) => /numbering-style/.test(a.title) && a.edit?.get(document.uri).some((e) => e.newText.includes('summary-lint-disable-next-line')));
    assert.ok(second?.edit);
    assert.ok(await vscode.workspace.applyEdit(second.edit));
    assert.strictEqual(document.lineAt(line).text, '　　<!-- summary-lint-disable-next-line enumeration-sequence numbering-style -->');
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'numbering-style' && x.range.start.line === line + 1));
  });

  test('plain text is not offered the comment (it would be part of the submission)', async () => {
    const editor = await openUntitledCopy('plaintext', readFixture(SUMMARY).replace(/^# /, ''));
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-style'));
    const style = diagnostics.find((d) => ruleOf(d) === 'numbering-style')!;
    const actions = await quickFixes(editor.document.uri, style.range);
    assert.ok(actions.length > 0, 'the rule\'s own fix is offered');
    assert.ok(!actions.some((a) => a.edit?.get(editor.document.uri).some((e) => e.newText.includes('summary-lint-'))), actions.map((a) => a.title).join(' | '));
  });
});
