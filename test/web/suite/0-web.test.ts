import * as assert from './assert';
import * as vscode from 'vscode';
import { api, openSummary, sleep, waitFor } from './helpers';

describe('VS Code for the Web', () => {
  it('runs the extension from its browser entry, and starts the language server in a Web Worker with the first summary', async () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'the workbench is VS Code for the Web');
    const extension = await api();
    // a Markdown file that is no summary activates the extension but starts no server
    const note = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n\nSome thoughts on the release.\n' });
    await vscode.window.showTextDocument(note);
    await sleep(1000);
    assert.equal(extension.serverStarted(), false, 'no server for a Markdown note');
    await openSummary();
    await waitFor('the server to be started', () => extension.serverStarted());
    const client = extension.client;
    await waitFor('the language client to start the server in its worker', () => client.isRunning());
    assert.equal(client.initializeResult?.serverInfo?.name, 'summary-lint', 'the server that answered is ours');
  });
});
