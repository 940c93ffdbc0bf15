import * as vscode from 'vscode';
import type { DocumentSymbol as LspDocumentSymbol } from 'vscode-languageclient';
import type { SummaryServer } from './serverClient';
import type { SummaryDocuments } from './summaryDocuments';

/**
 * A summary's structure as one tree of document symbols for the Outline view and breadcrumbs: the
 * title, with the core's outline nested under it (unnumbered headings holding their sections, the
 * sections by level, 一是 headings, the notes part, the second half).
 * The language server builds the tree (textDocument/documentSymbol); the extension asks for it
 * itself, because the registration below is its own.
 */
export class SummarySymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly server: SummaryServer, private readonly summaries: SummaryDocuments) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    if (!this.summaries.isSummary(document)) return [];
    try {
      const client = await this.server.ready();
      // the server's symbols are always the hierarchical kind
      const answer = await client.sendRequest<LspDocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri: document.uri.toString() } }, token);
      if (!answer || token.isCancellationRequested) return [];
      return (await client.protocol2CodeConverter.asDocumentSymbols(answer, token)) ?? [];
    } catch {
      return []; // cancelled, or the server is not running
    }
  }
}

/**
 * Registers the provider so that a summary's Outline is one tree. VS Code shows each provider's
 * symbols as a group of its own, and the built-in Markdown provider lists the `#` headings, so a
 * Markdown summary showed "Markdown Language Features" with the title and, beside it, our group
 * with the sections, not nested. For Markdown documents that are summaries the provider is
 * registered with an exclusive document filter naming exactly those documents: VS Code then asks
 * only it, and it gives the whole tree (headings included). Every other Markdown file keeps the
 * built-in outline. Plain text has no other provider.
 *
 * `exclusive` is a document-filter field the workbench honours (LanguageFeatureRegistry) but the
 * public typings do not declare; where a VS Code ignores it, both groups show, ours complete.
 */
export class SummarySymbolRegistration implements vscode.Disposable {
  private readonly provider: SummarySymbols;
  private readonly always: vscode.Disposable;
  private exclusive: vscode.Disposable | undefined;
  private registeredFor = '';

  constructor(server: SummaryServer, private readonly summaries: SummaryDocuments, private readonly label: string) {
    this.provider = new SummarySymbols(server, summaries);
    this.always = vscode.languages.registerDocumentSymbolProvider([{ language: 'plaintext' }], this.provider, { label });
  }

  /** Re-registers when the set of open Markdown summaries changed. */
  update(): void {
    const documents = vscode.workspace.textDocuments.filter((d) => !d.isClosed && d.languageId === 'markdown' && this.summaries.isSummary(d));
    const key = documents.map((d) => d.uri.toString()).sort().join('\n');
    if (key === this.registeredFor) return;
    this.registeredFor = key;
    this.exclusive?.dispose();
    this.exclusive = undefined;
    if (!documents.length) return;
    const selector = documents.map((d) => ({ language: 'markdown', scheme: d.uri.scheme, pattern: d.uri.fsPath, exclusive: true }) as vscode.DocumentFilter);
    this.exclusive = vscode.languages.registerDocumentSymbolProvider(selector, this.provider, { label: this.label });
  }

  dispose(): void {
    this.always.dispose();
    this.exclusive?.dispose();
  }
}
