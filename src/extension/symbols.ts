import * as vscode from 'vscode';
import type { Section, SummaryDocument } from '../core/index';
import type { AnalysisService } from './analysis';
import type { SummaryDocuments } from './summaryDocuments';

const LEVEL_KINDS = [
  vscode.SymbolKind.Namespace,
  vscode.SymbolKind.Class,
  vscode.SymbolKind.Method,
  vscode.SymbolKind.Field,
  vscode.SymbolKind.Constant,
];

/**
 * A summary's structure as one tree of document symbols for the Outline view and breadcrumbs:
 * the title, with every section nested under it by level (run-in paragraph headings, list
 * items, numbered lines and Markdown headings alike) and unnumbered Markdown headings beside them.
 */
export class SummarySymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly analyses: AnalysisService) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const analysis = await this.analyses.analysisOf(document);
    if (!analysis || token.isCancellationRequested || analysis.version !== document.version) return [];
    return summarySymbols(analysis.document, (offset) => document.positionAt(offset));
  }
}

export function summarySymbols(doc: SummaryDocument, positionAt: (offset: number) => vscode.Position): vscode.DocumentSymbol[] {
  const range = (start: number, end: number) => new vscode.Range(positionAt(start), positionAt(end));
  const toSymbols = (sections: readonly Section[]): vscode.DocumentSymbol[] =>
    sections.map((section) => {
      const name = `${section.marker.text}${section.marker.headingText}`.trim() || section.marker.text;
      const fullEnd = trimTrailingWhitespace(doc.text, section.start, section.end);
      const symbol = new vscode.DocumentSymbol(
        name,
        '',
        LEVEL_KINDS[section.level - 1] ?? vscode.SymbolKind.Field,
        range(section.start, Math.max(fullEnd, section.headingEnd)),
        range(section.headingStart, section.headingEnd),
      );
      symbol.children = toSymbols(section.children);
      return symbol;
    });

  const top = [...toSymbols(doc.sections), ...unnumberedHeadings(doc, range)].sort((a, b) => a.range.start.compareTo(b.range.start));
  const title = doc.title;
  if (!title) return top;
  const end = trimTrailingWhitespace(doc.text, title.end, doc.text.length);
  const titleSymbol = new vscode.DocumentSymbol(title.text, '', vscode.SymbolKind.File, range(title.start, Math.max(end, title.end)), range(title.start, title.end));
  titleSymbol.children = top;
  return [titleSymbol];
}

/** Markdown headings that are neither the title nor a numbered section (## 附件): leaves beside the sections. */
function unnumberedHeadings(doc: SummaryDocument, range: (start: number, end: number) => vscode.Range): vscode.DocumentSymbol[] {
  if (doc.format !== 'markdown') return [];
  const sectionStarts: number[] = [];
  const collect = (sections: readonly Section[]) => sections.forEach((s) => (sectionStarts.push(s.headingStart), collect(s.children)));
  collect(doc.sections);
  const symbols: vscode.DocumentSymbol[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'heading') continue;
    if (doc.title && block.start <= doc.title.start && doc.title.start < block.end) continue;
    if (sectionStarts.some((start) => block.start <= start && start < block.end)) continue;
    const text = doc.text.slice(block.start, block.end).replace(/^#{1,6}[ \t]*/, '').replace(/[ \t]+#*[ \t]*$/, '').trim();
    if (!text) continue;
    const end = trimTrailingWhitespace(doc.text, block.start, block.end);
    symbols.push(new vscode.DocumentSymbol(text, '', vscode.SymbolKind.String, range(block.start, end), range(block.start, end)));
  }
  return symbols;
}

export function trimTrailingWhitespace(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text[trimmed - 1]!)) trimmed--;
  return trimmed;
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

  constructor(analyses: AnalysisService, private readonly summaries: SummaryDocuments, private readonly label: string) {
    this.provider = new SummarySymbols(analyses);
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
