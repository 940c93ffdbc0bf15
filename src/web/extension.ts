// The extension's `browser` entry: VS Code for the Web (vscode.dev, github.dev, test-web). The
// analysis runs in the same language server as on the desktop, here in a Web Worker
// (dist/web/server.js); this side only wires VS Code to it. No Node modules exist here.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { CONFIG_FILE_REQUEST, type ConfigFileParams, type ConfigFileResult } from '../server/browserConfig';
import { CONFIG_FILE_NAME } from '../server/settings';
import { t } from '../extension/locale';
import { registerWordCommands } from './wordFiles';

/** What the web extension hands to its tests (test/web). */
export interface OfficialSummaryWebApi {
  client: LanguageClient;
}

/** The Web Worker constructor of the extension host (a Web Worker itself); our tsconfig has no DOM library. */
declare const Worker: new (scriptUrl: string) => ConstructorParameters<typeof LanguageClient>[3];

export async function activate(context: vscode.ExtensionContext): Promise<OfficialSummaryWebApi> {
  // only the server bundled with this extension runs in the worker
  const serverScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown' }, { language: 'plaintext' }],
    // VS Code's Markdown support lists `#` headings itself
    initializationOptions: { markdownHeadingSymbols: false },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`) },
  };
  const client = new LanguageClient('officialSummary', t('Official Summary'), clientOptions, new Worker(serverScript.toString(true)));
  context.subscriptions.push(client);
  client.onRequest(CONFIG_FILE_REQUEST, (params: ConfigFileParams) => readConfigFile(params.folderUri));
  await client.start();

  context.subscriptions.push(...registerWordCommands());
  return { client };
}

/** The folder's .summaryrc.json through VS Code's file system (whatever the scheme), for the server. */
async function readConfigFile(folderUri: string): Promise<ConfigFileResult> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(vscode.Uri.parse(folderUri), CONFIG_FILE_NAME));
    return { text: new TextDecoder().decode(bytes) };
  } catch {
    return { text: null };
  }
}

export function deactivate(): void {
  // the client is in context.subscriptions: disposing it stops the server and its worker
}
