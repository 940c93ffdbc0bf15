import * as path from 'path';
import * as vscode from 'vscode';
import { startFeatures, type OfficialSummaryApi } from './features';
import { t } from './locale';

export type { OfficialSummaryApi } from './features';

type NodeClient = typeof import('./nodeClient');

/** The node entry: the language server (dist/server.js, beside this bundle) in its own process, over IPC. */
export function activate(context: vscode.ExtensionContext): OfficialSummaryApi {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  return startFeatures(context, (options) => {
    // dist/client.js, beside this bundle, required when the server is first needed
    const { makeNodeClient } = require(path.join(__dirname, 'client.js')) as NodeClient;
    return makeNodeClient(serverModule, t('Official Summary'), options);
  });
}

export function deactivate(): void {
  // Everything is in context.subscriptions (the client stops with them).
}
