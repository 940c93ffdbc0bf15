// The language server in a Web Worker (dist/web/server.js), started by the extension's browser
// entry (src/web/extension.ts) in VS Code for the Web. The same server as under Node (server.ts);
// only the host differs: no disk (the client reads .summaryrc.json), no environment, rules online.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { CONFIG_FILE_REQUEST, ClientConfigFiles, type ConfigFileParams, type ConfigFileResult } from './browserConfig';
import { listen } from './server';
import { ONLINE_RULE_DOCS } from './settings';

/** The worker's global scope: it is the port the client posts to. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const configFiles = new ClientConfigFiles((params: ConfigFileParams) => connection.sendRequest<ConfigFileResult | null>(CONFIG_FILE_REQUEST, params));
listen(connection, { configFiles, ruleDocs: ONLINE_RULE_DOCS, env: {} });
