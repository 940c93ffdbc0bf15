import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions, Middleware } from 'vscode-languageclient';
import { RULE_IDS, markerLineContext, type RuleId } from '../core/index';
import {
  OfficialSummaryMethods as Methods,
  type CheckTextResult,
  type DocumentStateParams,
  type EditResult,
  type FixAllResult,
  type InsertNextSectionResult,
  type InsertPartResult,
  type MoveDirection,
  type MoveSectionResult,
  type OutlineResult,
  type StatusResult,
} from '../server/protocol';
import { rulePageUri } from './rulePage';
import type { SummaryDocuments } from './summaryDocuments';

export const DIAGNOSTIC_SOURCE = 'official-summary';
/** What the language client syncs: the languages and schemes SummaryDocuments considers. */
// vscode-test-web: the folder @vscode/test-web mounts (VS Code for the Web in test/web)
const SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web'];
const DOCUMENT_SELECTOR = ['markdown', 'plaintext'].flatMap((language) => SCHEMES.map((scheme) => ({ language, scheme })));

/** Makes the language client for one transport (node: the server in its own process; browser: a web worker). */
export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

/** The methods of the LSP the extension sends itself (by name: the protocol's constants would load the client library at activation). */
const DID_OPEN = 'textDocument/didOpen';

/**
 * The extension's side of the language server (src/server): the analysis runs there, in its own
 * process (or web worker), and this class is everything the extension asks of it. It knows only
 * BaseLanguageClient, so the node entry (extension.ts) and a browser entry can both make one.
 *
 * The server starts when it is first needed (a summary is open, a command asks), not at activation:
 * the extension activates on every Markdown and text file, and most of them are no summaries.
 */
export class SummaryServer implements vscode.Disposable {
  private readonly updateEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after the server replaced the diagnostics of a document. */
  readonly onDidUpdate = this.updateEmitter.event;
  private readonly startEmitter = new vscode.EventEmitter<void>();
  /** Fires once, when the server has started. */
  readonly onDidStart = this.startEmitter.event;
  private clientInstance: BaseLanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private stopped = false;
  /** the line of the last completion answer with items, per document: an empty answer there closes the list */
  private lastOffered: { uri: string; line: number } | undefined;

  constructor(
    private readonly summaries: SummaryDocuments,
    private readonly make: ClientFactory,
  ) {}

  /** The client, once the server was started (`ready()` starts it and gives it to callers outside). */
  private get client(): BaseLanguageClient {
    if (!this.clientInstance) throw new Error('the language client is not made yet');
    return this.clientInstance;
  }

  /** Whether the server was asked to start (it may still be starting). */
  get isStarted(): boolean {
    return this.starting !== undefined;
  }

  dispose(): void {
    this.updateEmitter.dispose();
    this.startEmitter.dispose();
  }

  /** Starts the server if it is not running yet; resolves with the client once it answers. */
  async ready(): Promise<BaseLanguageClient> {
    if (!this.starting) {
      if (this.stopped) throw new Error('the language client was stopped');
      this.clientInstance = this.make(this.options());
      this.starting = this.clientInstance.start().then(() => this.startEmitter.fire());
    }
    await this.starting;
    return this.client;
  }

  stop(): Promise<void> | undefined {
    this.stopped = true;
    return this.clientInstance?.stop();
  }

  private options(): LanguageClientOptions {
    const middleware: Middleware = {
      // the state the extension holds for a file goes first, so the server's first analysis has it
      didOpen: async (document, next) => {
        await this.sendStateNow(document.uri);
        return next(document);
      },
      // VS Code may open a new untitled document under a closed one's name before it reports the close:
      // the server then dropped the new one with the old, so it is opened there again
      didClose: async (document, next) => {
        await next(document);
        const reopened = vscode.workspace.textDocuments.find((d) => d !== document && !d.isClosed && d.uri.toString() === document.uri.toString());
        if (!reopened) return;
        await this.sendStateNow(reopened.uri);
        await this.client.sendNotification(DID_OPEN, this.client.code2ProtocolConverter.asOpenTextDocumentParams(reopened));
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        next(uri, diagnostics.map(withRulePage));
        this.updateEmitter.fire(uri);
      },
      provideCompletionItem: async (document, position, context, token, next) => {
        const here = { uri: document.uri.toString(), line: position.line };
        // past anything a marker could be (a phrase committed after it): answered here at once, as the
        // server would, without a round trip while the user types
        const atMarkerPlace = markerLineContext(document.lineAt(position.line).text.slice(0, position.character)) !== undefined;
        const answer = atMarkerPlace ? await next(document, position, context, token) : new vscode.CompletionList([], true);
        // a cancelled request's answer is not shown: it decides nothing
        if (token.isCancellationRequested) return answer;
        const items = Array.isArray(answer) ? answer : answer?.items ?? [];
        if (items.length > 0) {
          this.lastOffered = here;
        } else if (this.lastOffered?.uri === here.uri && this.lastOffered.line === here.line) {
          // the user typed past what this line was offered: a list opened by Ctrl+Space would stay
          // open ("No suggestions") and take the next Enter
          this.lastOffered = undefined;
          void vscode.commands.executeCommand('hideSuggestWidget');
        }
        return answer;
      },
    };
    return {
      documentSelector: DOCUMENT_SELECTOR,
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      // the extension registers its own symbol provider (exclusive for Markdown summaries, symbols.ts)
      initializationOptions: { documentSymbolProvider: false, markdownHeadingSymbols: true },
      synchronize: {
        configurationSection: 'officialSummary',
        fileEvents: vscode.workspace.createFileSystemWatcher('**/.summaryrc.json'),
      },
      middleware,
      outputChannelName: 'Official Summary',
      connectionOptions: { maxRestartCount: 4 },
    };
  }

  /**
   * Tells the server the user's mark and profile choice for a file (also when they are cleared). A
   * server not started yet is told when the file is opened there (didOpen), so it is not started for this.
   */
  async sendState(uri: vscode.Uri): Promise<void> {
    if (!this.starting) return;
    try {
      await this.starting;
    } catch {
      return; // a server that could not start says so in its output channel
    }
    await this.sendStateNow(uri);
  }

  private async sendStateNow(uri: vscode.Uri): Promise<void> {
    const state: DocumentStateParams = { uri: uri.toString() };
    const mark = this.summaries.markOf(uri);
    const profileChoice = this.summaries.profileChoiceOf(uri);
    if (mark) state.mark = mark;
    if (profileChoice) state.profileChoice = profileChoice;
    await this.client.sendNotification(Methods.documentState, state);
  }

  status(document: vscode.TextDocument): Promise<StatusResult | null> {
    return this.request<StatusResult>(Methods.status, { textDocument: { uri: document.uri.toString() } });
  }

  outline(document: vscode.TextDocument): Promise<OutlineResult | null> {
    return this.request<OutlineResult>(Methods.outline, { textDocument: { uri: document.uri.toString() } });
  }

  renumber(document: vscode.TextDocument): Promise<EditResult | null> {
    return this.request<EditResult>(Methods.renumber, { textDocument: versioned(document) });
  }

  fixAll(document: vscode.TextDocument): Promise<FixAllResult | null> {
    return this.request<FixAllResult>(Methods.fixAll, { textDocument: versioned(document) });
  }

  insertNextSection(document: vscode.TextDocument, offset: number, level: number | undefined): Promise<InsertNextSectionResult | null> {
    return this.request<InsertNextSectionResult>(Methods.insertNextSection, { textDocument: versioned(document), offset, ...(level === undefined ? {} : { level }) });
  }

  insertPart(document: vscode.TextDocument, version: number, partId: string): Promise<InsertPartResult | null> {
    return this.request<InsertPartResult>(Methods.insertPart, { textDocument: { uri: document.uri.toString(), version }, partId });
  }

  moveSection(document: vscode.TextDocument, offset: number, direction: MoveDirection): Promise<MoveSectionResult | null> {
    return this.request<MoveSectionResult>(Methods.moveSection, { textDocument: versioned(document), offset, direction });
  }

  async checkText(uri: vscode.Uri, text: string): Promise<{ isSummary: boolean; diagnostics: vscode.Diagnostic[] }> {
    const client = await this.ready();
    if (this.summaries.markOf(uri) || this.summaries.profileChoiceOf(uri)) await this.sendStateNow(uri);
    const result = await client.sendRequest<CheckTextResult>(Methods.checkText, { uri: uri.toString(), text });
    const diagnostics = await client.protocol2CodeConverter.asDiagnostics(result.diagnostics);
    return { isSummary: result.isSummary, diagnostics: diagnostics.map(withRulePage) };
  }

  /** A request that answers null when the server is not running (stopped after crashes) rather than throwing. */
  private async request<R>(method: string, params: unknown): Promise<R | null> {
    try {
      return await (await this.ready()).sendRequest<R | null>(method, params);
    } catch {
      return null;
    }
  }
}

function versioned(document: vscode.TextDocument): { uri: string; version: number } {
  return { uri: document.uri.toString(), version: document.version };
}

/**
 * Rule links open the rendered rule page of the docs/rules.md shipped inside the extension
 * (rulePage.ts), not the file URL the server names (which would open the file for editing).
 */
function withRulePage(diagnostic: vscode.Diagnostic): vscode.Diagnostic {
  const rule = ruleOf(diagnostic);
  if (rule) diagnostic.code = { value: rule, target: rulePageUri(rule) };
  return diagnostic;
}

function ruleOf(diagnostic: vscode.Diagnostic): RuleId | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  const value = typeof code === 'object' && code !== null ? String(code.value) : typeof code === 'string' ? code : undefined;
  return value && (RULE_IDS as readonly string[]).includes(value) ? (value as RuleId) : undefined;
}
