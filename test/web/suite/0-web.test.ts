import * as assert from './assert';
import * as vscode from 'vscode';
import { api } from './helpers';

describe('VS Code for the Web', () => {
  it('runs the extension from its browser entry, with the language server in a Web Worker', async () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'the workbench is VS Code for the Web');
    const { client } = await api();
    assert.ok(client.isRunning(), 'the language client has started the server');
    assert.equal(client.initializeResult?.serverInfo?.name, 'summary-lint', 'the server that answered is ours');
  });
});
