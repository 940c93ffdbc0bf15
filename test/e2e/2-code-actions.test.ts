import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  closeAllEditors, openUntitledCopy, readFixture, ruleOf, scratchDirectory, waitFor, waitForDiagnostics,
} from './helpers';
import { codeActionsWhere } from '../editor-support/codeActions';

const SUMMARY = '2024年度机关工作总结.md';

/** The code actions offered at the range, once there are any (see codeActionsWhere). */
const codeActions = (uri: vscode.Uri, range: vscode.Range, kind?: string) => codeActionsWhere(uri, range, kind, (actions) => actions.length > 0);

suite('Quick fixes, fix all, fix on save, renumber', () => {
  teardown(closeAllEditors);

  test('the quick fix on a diagnostic changes just that marker, and one undo restores the text', async () => {
    const original = readFixture(SUMMARY);
    const editor = await openUntitledCopy('markdown', original);
    const document = editor.document;
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-style'));
    const style = diagnostics.find((d) => ruleOf(d) === 'numbering-style')!;
    const actions = await codeActions(document.uri, style.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.includes('（一）'));
    assert.ok(fix?.edit, `a quick fix for numbering-style among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.strictEqual(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.strictEqual(fix.isPreferred, true, 'the rule\'s own fix is the preferred one');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(document.lineAt(6).text, '　　（一）强化组织领导。一是健全工作机制；二是压实工作责任；四是加强督促考核。');
    assert.strictEqual(document.getText(), original.replace('(一)', '（一）'), 'nothing else changed');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), original, 'one undo restores the text');
  });

  test('"fix all of this rule" fixes every finding of the rule in one edit', async () => {
    const text = '2024年工作总结\n\n　　一、主要工作\n\n　　(一)第一项。\n\n　　(二)第二项。\n\n　　二、存在的问题\n\n　　三、下一步打算\n';
    const editor = await openUntitledCopy('plaintext', text);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.filter((x) => ruleOf(x) === 'numbering-style').length === 2);
    const first = diagnostics.find((d) => ruleOf(d) === 'numbering-style')!;
    const actions = await codeActions(editor.document.uri, first.range, vscode.CodeActionKind.QuickFix.value);
    const fixAll = actions.find((a) => /numbering-style/.test(a.title));
    assert.ok(fixAll?.edit, `a fix-all action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.strictEqual(editor.document.getText(), text.replace('(一)', '（一）').replace('(二)', '（二）'));
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'numbering-style'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), text, 'the fix-all is one undo step');
  });

  test('source.fixAll.officialSummary is offered and fixes everything fixable', async () => {
    const original = readFixture(SUMMARY);
    const editor = await openUntitledCopy('markdown', original);
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await codeActions(editor.document.uri, whole, 'source.fixAll');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.officialSummary');
    assert.ok(fixAll?.edit, `source.fixAll.officialSummary among: ${actions.map((a) => `${a.kind?.value}:${a.title}`).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const fixed = editor.document.getText();
    assert.ok(fixed.includes('（一）强化组织领导'), 'style fixed');
    assert.ok(fixed.includes('　　三、加强队伍建设'), 'duplicate renumbered');
    assert.ok(fixed.includes('　　四、2025年工作打算'), 'the following number stays right');
  });

  test('fix on save through editor.codeActionsOnSave', async () => {
    const directory = scratchDirectory();
    const file = path.join(directory, '2024年工作总结.md');
    fs.writeFileSync(file, '# 2024年工作总结\n\n　　一、主要工作\n\n　　(一)第一项。\n\n　　（二）第二项。\n');
    const markdown = vscode.workspace.getConfiguration('', { languageId: 'markdown' });
    try {
      await markdown.update('editor.codeActionsOnSave', { 'source.fixAll.officialSummary': 'explicit' }, vscode.ConfigurationTarget.Global, true);
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      const editor = await vscode.window.showTextDocument(document);
      await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-style'));
      await editor.edit((b) => b.insert(new vscode.Position(document.lineCount - 1, 0), '\n'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the saved file is fixed', () => fs.readFileSync(file, 'utf8').includes('　　（一）第一项。'));
      assert.ok(!document.isDirty, 'saved');
    } finally {
      await markdown.update('editor.codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  test('the Renumber command renumbers the whole document as one edit', async () => {
    const text = '2024年工作总结\n\n　　一、甲。\n\n　　一、乙。\n\n　　四、丙。\n\n　　（一）子一。\n\n　　（三）子二。\n';
    const editor = await openUntitledCopy('plaintext', text);
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    assert.strictEqual(await vscode.commands.executeCommand('officialSummary.renumber'), true);
    assert.strictEqual(editor.document.getText(), text.replace('一、乙', '二、乙').replace('四、丙', '三、丙').replace('（三）子二', '（二）子二'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), text);
  });

  test('the "Fix all auto-fixable problems" command applies every fix as one edit', async () => {
    const original = readFixture(SUMMARY);
    const editor = await openUntitledCopy('markdown', original);
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-style'));
    assert.strictEqual(await vscode.commands.executeCommand('officialSummary.fixAll'), true);
    const fixed = editor.document.getText();
    assert.ok(fixed.includes('（一）强化组织领导') && fixed.includes('　　三、加强队伍建设'), fixed);
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'numbering-style' || ruleOf(x) === 'numbering-sequence'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  });

  test('an edit prepared for an older version of the document is refused', async () => {
    const text = readFixture(SUMMARY);
    const editor = await openUntitledCopy('markdown', text);
    const preparedFor = editor.document.version;
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), '　　新增一句。\n'));
    const changed = editor.document.getText();
    const applied = await vscode.commands.executeCommand('officialSummary.insertRequiredPart', editor.document.uri, preparedFor, 'problems');
    assert.strictEqual(applied, false);
    assert.strictEqual(editor.document.getText(), changed, 'nothing was inserted');
  });
});
