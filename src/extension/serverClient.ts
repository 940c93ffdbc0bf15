import * as vscode from 'vscode';
import { DidOpenTextDocumentNotification, type BaseLanguageClient, type LanguageClientOptions, type Middleware } from 'vscode-languageclient';
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

/**
 * The extension's side of the language server (src/server): the analysis runs there, in its own
 * process (or web worker), and this class is everything the extension asks of it. It knows only
 * BaseLanguageClient, so the node entry (extension.ts) and a browser entry can both make one.
 */
export class SummaryServer implements vscode.Disposable {
  private readonly updateEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after the server replaced the diagnostics of a document. */
  readonly onDidUpdate = this.updateEmitter.event;
  private clientInstance: BaseLanguageClient | undefined;
  /** the line of the last completion answer with items, per document: an empty answer there closes the list */
  private lastOffered: { uri: string; line: number } | undefined;

  constructor(private readonly summaries: SummaryDocuments) {}

  get client(): BaseLanguageClient {
    if (!this.clientInstance) throw new Error('the language client is not made yet');
    return this.clientInstance;
  }

  dispose(): void {
    this.updateEmitter.dispose();
  }

  /** The options the client is made with; `make` builds the transport's client (node: IPC, browser: worker). */
  start(make: (options: LanguageClientOptions) => BaseLanguageClient): Promise<void> {
    this.clientInstance = make(this.options());
    return this.clientInstance.start();
  }

  stop(): Promise<void> | undefined {
    return this.clientInstance?.stop();
  }

  private options(): LanguageClientOptions {
    const middleware: Middleware = {
      // the state the extension holds for a file goes first, so the server's first analysis has it
      didOpen: async (document, next) => {
        await this.sendState(document.uri);
        return next(document);
      },
      // VS Code may open a new untitled document under a closed one's name before it reports the close:
      // the server then dropped the new one with the old, so it is opened there again
      didClose: async (document, next) => {
        await next(document);
        const reopened = vscode.workspace.textDocuments.find((d) => d !== document && !d.isClosed && d.uri.toString() === document.uri.toString());
        if (!reopened) return;
        await this.sendState(reopened.uri);
        await this.client.sendNotification(DidOpenTextDocumentNotification.type, this.client.code2ProtocolConverter.asOpenTextDocumentParams(reopened));
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

  /** Tells the server the user's mark and profile choice for a file (also when they are cleared). */
  async sendState(uri: vscode.Uri): Promise<void> {
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
    if (this.summaries.markOf(uri) || this.summaries.profileChoiceOf(uri)) await this.sendState(uri);
    const result = await this.client.sendRequest<CheckTextResult>(Methods.checkText, { uri: uri.toString(), text });
    const diagnostics = await this.client.protocol2CodeConverter.asDiagnostics(result.diagnostics);
    return { isSummary: result.isSummary, diagnostics: diagnostics.map(withRulePage) };
  }

  /** A request that answers null when the server is not running (stopped after crashes) rather than throwing. */
  private async request<R>(method: string, params: unknown): Promise<R | null> {
    try {
      return await this.client.sendRequest<R | null>(method, params);
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
