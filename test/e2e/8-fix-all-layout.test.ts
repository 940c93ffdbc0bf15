import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openUntitledCopy, ruleOf, sleep, renderedText, waitFor, waitForDiagnostics } from './helpers';

const AD = '更多范文请加入素材库会员群，扫码联系客服。';
const TEXT = '2024年工作总结\n\n　　现将工作总结如下：\n\n　　一、主要工作\n\n　　(一)第一项。\n\n　　二、存在的问题\n\n　　问题不少。\n\n' + AD + '\n';

suite('Fix All and Insert Missing Part: no blank lines left, and a word on what was done', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    await closeAllEditors();
  });

  test('Fix All deletes the advert line with its blank line and says how many problems it fixed', async () => {
    const editor = await openUntitledCopy('plaintext', TEXT);
    const document = editor.document;
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'pasted-content') && d.some((x) => ruleOf(x) === 'numbering-style'));
    const fixable = diagnostics.filter((d) => ruleOf(d) === 'pasted-content' || ruleOf(d) === 'numbering-style').length;
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.strictEqual(await vscode.commands.executeCommand('officialSummary.fixAll'), true);
    assert.strictEqual(document.getText(), TEXT.replace('(一)', '（一）').replace('\n' + AD + '\n', ''), 'the advert went with the blank line before it');
    const toasts = await waitFor('the notification', async () => {
      // the toast, or the screen-reader alert the workbench writes for it (headless chromium may not show toasts)
      const texts = await renderedText('.notifications-toasts .notification-list-item-message, .monaco-alert');
      return texts.some((t) => /Fixed \d+ problems?\.|已修复 \d+ 个问题/.test(t)) ? texts : (await sleep(200), undefined);
    });
    const said = toasts.find((t) => /Fixed|已修复/.test(t))!;
    assert.strictEqual(Number(/\d+/.exec(said)![0]), fixable, `"${said}" counts the ${fixable} fixable problems`);
  });

  test('Insert Missing Part at the end leaves one blank line before the part and none after', async () => {
    const text = TEXT.replace('\n' + AD + '\n', '');
    const editor = await openUntitledCopy('plaintext', text);
    const document = editor.document;
    await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'required-section'));
    assert.strictEqual(await vscode.commands.executeCommand('officialSummary.insertRequiredPart', document.uri, document.version, 'next-steps'), true);
    const after = document.getText();
    assert.ok(after.startsWith(text + '\n　　三、'), `one blank line, then the part: ${JSON.stringify(after.slice(text.length - 6, text.length + 12))}`);
    assert.ok(/[^\n]\n$/.test(after), `ends with one line break, no blank line: ${JSON.stringify(after.slice(-12))}`);
  });
});
