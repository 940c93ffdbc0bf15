import * as assert from './assert';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

describe('VS Code for the Web', () => {
  it('runs the extension from its browser entry, with the language server in a Web Worker', async () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'the workbench is VS Code for the Web');
    const { client } = await api();
    await waitFor('the language client to start the server in its worker', () => client.isRunning());
    assert.equal(client.initializeResult?.serverInfo?.name, 'summary-lint', 'the server that answered is ours');
  });
});
