import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { startFeatures, type OfficialSummaryApi } from './features';
import { t } from './locale';

export type { OfficialSummaryApi } from './features';

/** The node entry: the language server (dist/server.js, beside this bundle) in its own process, over IPC. */
export function activate(context: vscode.ExtensionContext): OfficialSummaryApi {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  return startFeatures(context, (options) => {
    const run = { module: serverModule, transport: TransportKind.ipc };
    return new LanguageClient('officialSummary', t('Official Summary'), { run, debug: run }, options);
  });
}

export function deactivate(): void {
  // Everything is in context.subscriptions (the client stops with them).
}
