import * as vscode from 'vscode';
import type { Section } from '../core/index';
import type { AnalysisService } from './analysis';

const LEVEL_KINDS = [
  vscode.SymbolKind.Namespace,
  vscode.SymbolKind.Class,
  vscode.SymbolKind.Method,
  vscode.SymbolKind.Field,
  vscode.SymbolKind.Constant,
];

/**
 * Sections as document symbols for the Outline view and breadcrumbs. In Markdown, VS Code already
 * lists `#` headings, so only sections that are not Markdown headings are given (paragraph
 * headings, list items, numbered lines), keeping their own nesting; plain text gets everything.
 */
export class SummarySymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly analyses: AnalysisService) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const analysis = await this.analyses.analysisOf(document);
    if (!analysis || token.isCancellationRequested || analysis.version !== document.version) return [];
    const isMarkdown = analysis.document.format === 'markdown';
    const range = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));

    const toSymbols = (sections: readonly Section[]): vscode.DocumentSymbol[] => {
      const symbols: vscode.DocumentSymbol[] = [];
      for (const section of sections) {
        const children = toSymbols(section.children);
        if (isMarkdown && section.marker.at === 'heading') {
          symbols.push(...children); // the built-in Markdown outline shows this heading already
          continue;
        }
        const name = `${section.marker.text}${section.marker.headingText}`.trim() || section.marker.text;
        const fullEnd = trimTrailingWhitespace(analysis.document.text, section.start, section.end);
        const symbol = new vscode.DocumentSymbol(
          name,
          '',
          LEVEL_KINDS[section.level - 1] ?? vscode.SymbolKind.Field,
          range(section.start, Math.max(fullEnd, section.headingEnd)),
          range(section.headingStart, section.headingEnd),
        );
        symbol.children = children;
        symbols.push(symbol);
      }
      return symbols;
    };

    const symbols = toSymbols(analysis.document.sections);
    const title = analysis.document.title;
    if (!isMarkdown && title) {
      const titleSymbol = new vscode.DocumentSymbol(title.text, '', vscode.SymbolKind.File, range(title.start, title.end), range(title.start, title.end));
      return [titleSymbol, ...symbols];
    }
    return symbols;
  }
}

export function trimTrailingWhitespace(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text[trimmed - 1]!)) trimmed--;
  return trimmed;
}
