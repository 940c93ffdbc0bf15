import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, openFixture, waitFor } from './helpers';

// Runs first (the file name sorts first): in a fresh profile no summary has been opened yet.
suite('The Summary Outline has a place of its own', () => {
  suiteTeardown(closeAllEditors);

  test('the first summary opened reveals the outline in its own activity-bar container, once', async () => {
    const extension = await api();
    assert.strictEqual(extension.outlineView.visible, false, 'hidden before any summary is opened');
    await openFixture('述职报告.txt');
    await waitFor('the outline revealed', () => extension.outlineView.visible, 15000);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.fileName.endsWith('述职报告.txt'), 'the editor keeps focus');

    // its own container: the view is listed under it, not under the Explorer
    const contributes = vscode.extensions.getExtension('official-summary.official-summary')!.packageJSON.contributes;
    assert.deepStrictEqual(contributes.views.officialSummary.map((v: { id: string }) => v.id), ['officialSummary.outline']);
    assert.strictEqual(contributes.views.explorer, undefined);
    assert.match(contributes.viewsContainers.activitybar[0].icon, /\.svg$/);

    // closed by the user, it stays closed when the next summary opens: revealed only once
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await waitFor('the outline hidden', () => !extension.outlineView.visible);
    await openFixture('2024年度机关工作总结.md');
    await waitFor('the outline shows the new summary', () => extension.outline.currentDocument?.fileName.endsWith('2024年度机关工作总结.md'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.strictEqual(extension.outlineView.visible, false, 'not revealed a second time');

    // the container opens from the activity bar (its command) and shows the outline
    await vscode.commands.executeCommand('workbench.view.extension.officialSummary');
    await waitFor('the container opened', () => extension.outlineView.visible);
  });
});
