import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, openFixture, renderedText, ruleOf, waitFor, waitForDiagnostics } from '../helpers';

// VS Code in 简体中文 with messageLanguage left at auto: every surface of the extension in Chinese,
// read from the rendered workbench, not only from the extension's objects.
suite('VS Code in Chinese: what a Chinese user reads', () => {
  suiteTeardown(closeAllEditors);

  test('VS Code runs in zh-cn and the extension follows it', () => {
    assert.strictEqual(vscode.env.language, 'zh-cn');
    assert.strictEqual(vscode.workspace.getConfiguration('officialSummary').get('messageLanguage'), 'auto');
  });

  test('Problems messages, the Summary Outline, the status bar and quick-fix titles are in Chinese', async () => {
    const editor = await openFixture('2024年度机关工作总结.md');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    const duplicate = diagnostics.find((d) => ruleOf(d) === 'numbering-sequence')!;
    assert.match(duplicate.message, /编号/, duplicate.message);

    await vscode.commands.executeCommand('officialSummary.outline.focus');
    const { outline } = await api();
    await waitFor('the outline shows the summary', () => outline.currentDocument === editor.document);
    let seen = '';
    const rows = await waitFor('outline rows rendered', async () => {
      seen = (await renderedText('.pane-body .monaco-list-row')).join(' | ');
      return /开头\s*\d+ 字/.test(seen) ? seen : undefined;
    }).catch((error: Error) => assert.fail(`${error.message}; rendered rows: ${seen}`));
    // The checklist is below the pane's fold (rows are rendered only when visible): read its item.
    const parts = (await outline.allNodes()).find((node) => node.kind === 'parts')!;
    const partsItem = outline.getTreeItem(parts);
    assert.match(`${partsItem.label} ${partsItem.description}`, /必备部分 (缺 \d+ 项|✓)/);
    assert.doesNotMatch(rows, /Opening|Required parts|\d+ chars|missing/, rows);
    const headers = (await renderedText('.pane-header')).join(' | ');
    assert.match(headers, /总结大纲/, headers);

    await vscode.window.showTextDocument(editor.document);
    const status = await waitFor('our status bar item rendered', async () =>
      (await renderedText('.statusbar-item')).find((text) => /工作总结 · \d+ 节 · \d+ 字/.test(text)));
    assert.doesNotMatch(status, /sections|chars/, status);

    editor.selection = new vscode.Selection(duplicate.range.start, duplicate.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    let menuSeen = '';
    const menu = await waitFor('the quick-fix menu rendered', async () => {
      menuSeen = (await renderedText('.action-widget')).join(' | ');
      return /重新编排全文序号/.test(menuSeen) ? menuSeen : undefined;
    }).catch((error: Error) => assert.fail(`${error.message}; rendered menu: ${menuSeen}`));
    assert.doesNotMatch(menu, /Renumber|Fix all/, menu);
    await vscode.commands.executeCommand('hideCodeActionWidget');
  });
});
