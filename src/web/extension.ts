// The extension's `browser` entry: VS Code for the Web (vscode.dev, github.dev, test-web). Every
// feature is the desktop's (src/extension/features.ts); only the transport differs: the language
// server runs in a Web Worker (dist/web/server.js) and reads .summaryrc.json through this side.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CONFIG_FILE_REQUEST, type ConfigFileParams, type ConfigFileResult } from '../server/browserConfig';
import { CONFIG_FILE_NAME } from '../server/settings';
import { startFeatures, type OfficialSummaryApi } from '../extension/features';
import { t } from '../extension/locale';

/** What the web extension hands to its tests (test/web): the desktop's API and the language client. */
export interface OfficialSummaryWebApi extends OfficialSummaryApi {
  client: LanguageClient;
}

/** The Web Worker constructor of the extension host (a Web Worker itself); our tsconfig has no DOM library. */
declare const Worker: new (scriptUrl: string) => ConstructorParameters<typeof LanguageClient>[3];

export function activate(context: vscode.ExtensionContext): OfficialSummaryWebApi {
  // only the server bundled with this extension runs in the worker
  const serverScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  let client: LanguageClient | undefined;
  const api = startFeatures(context, (options) => {
    client = new LanguageClient('officialSummary', t('Official Summary'), options, new Worker(serverScript.toString(true)));
    client.onRequest(CONFIG_FILE_REQUEST, (params: ConfigFileParams) => readConfigFile(params.folderUri));
    return client;
  });
  return {
    ...api,
    // made when the server is first needed (a summary is open)
    get client(): LanguageClient {
      if (!client) throw new Error('the language client is not made yet: no summary has been opened');
      return client;
    },
  };
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
  // everything is in context.subscriptions: the client stops with them, and its worker
}
