// dist/client.js: the language client library with its IPC transport, a bundle of its own because it is
// most of the extension's code (about 330 KB of 490): extension.ts requires it when the server is first
// needed (a summary is open, a command asks), so activating on an ordinary Markdown or text file loads none of it.
import { LanguageClient, TransportKind, type LanguageClientOptions } from 'vscode-languageclient/node';

/** The language server (dist/server.js) in its own process, over IPC. */
export function makeNodeClient(serverModule: string, name: string, options: LanguageClientOptions): LanguageClient {
  const run = { module: serverModule, transport: TransportKind.ipc };
  return new LanguageClient('officialSummary', name, { run, debug: run }, options);
}
