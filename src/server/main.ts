// The language server under Node: dist/server.js (entry: node.ts) for a client that starts it as a
// Node module, and `summary-lint --lsp --stdio`, which calls startServer from the CLI bundle. The
// transport-neutral server is server.ts; browser.ts starts it in a Web Worker.
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection, type Connection } from 'vscode-languageserver/node';
import { nodeHost } from './nodeFiles';
import { listen } from './server';

/**
 * `summary-lint --lsp --stdio`: the language server over the same core as the CLI and the extension.
 * Transport: standard input and output unless the arguments name another (`--node-ipc`, `--socket=`,
 * `--pipe=`, which vscode-languageserver reads itself).
 */
export function startServer(argv: readonly string[] = process.argv): Connection {
  const otherTransport = argv.some((arg) => arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'));
  const connection = otherTransport
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  listen(connection, nodeHost(__dirname));
  return connection;
}
