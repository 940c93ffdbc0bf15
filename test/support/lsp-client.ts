import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** The compiled CLI (out/test/support → out/src/cli/main.js), started as an editor starts it. */
export const CLI_MAIN = path.resolve(__dirname, '../../src/cli/main.js');

/**
 * A plain JSON-RPC client for `summary-lint --lsp --stdio`: it answers workspace/configuration from
 * `settings` and records every publishDiagnostics in arrival order.
 */
/** A short 工作总结 with one repeated 二、: what the server tests open. */
export const LSP_SUMMARY = [
  '2025年工作总结',
  '',
  '　　今年以来，我们认真履职。现将有关情况总结如下：',
  '',
  '　　一、加强学习',
  '',
  '　　（一）理论学习',
  '',
  '　　认真学习。',
  '',
  '　　（二）业务学习',
  '',
  '　　二、完善制度',
  '',
  '　　二、存在的问题',
  '',
  '　　下一步，我们将继续努力。',
  '',
].join('\n');

export class LspTestClient {
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly configurationRequests: unknown[] = [];
  settings: Record<string, unknown> = {};
  private readonly child: ChildProcess;
  private readonly waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  stderr = '';

  constructor(env: Record<string, string | undefined> = {}, cli = CLI_MAIN) {
    this.child = spawn(process.execPath, [cli, '--lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'officialSummary' ? this.settings : null));
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.listen();
  }

  async initialize(rootUri: string, overrides: Partial<InitializeParams> = {}): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'test' }],
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true } },
      },
      locale: 'en',
      ...overrides,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** The next (or an already received) publish that `test` accepts. */
  diagnostics(test: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const known = this.published.find(test);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  async close(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    this.connection.dispose();
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }
}
