import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, openFixture, openUntitledCopy, sleep, waitFor, waitForDiagnostics } from './helpers';

// Runs first (the file name sorts first): in a fresh profile no summary has been opened yet.
suite('The Summary Outline has a place of its own', () => {
  suiteTeardown(closeAllEditors);

  test('a Markdown note starts no language server; once a summary title is typed into it the server starts, and the first summary reveals the outline in its own activity-bar container, once', async () => {
    const extension = await api();
    assert.strictEqual(extension.outlineView.visible, false, 'hidden before any summary is opened');
    const note = await openUntitledCopy('markdown', '# Release notes\n\nSome thoughts on the release.\n');
    await sleep(1000);
    assert.strictEqual(extension.serverStarted(), false, 'no language server (nor its client library) for a Markdown note');
    await note.edit((edit) => edit.replace(note.document.lineAt(0).range, '# 2024年度个人工作总结'));
    await waitFor('the server started', () => extension.serverStarted());
    await waitForDiagnostics(note.document.uri, (d) => d.length > 0, 15000);
    await waitFor('the outline revealed', () => extension.outlineView.visible, 15000);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === note.document, 'the editor keeps focus');

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
