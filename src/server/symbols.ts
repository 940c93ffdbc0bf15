import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Section } from '../core/index';
import type { DocumentAnalysis } from './analysis';

const LEVEL_KINDS = [SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Method, SymbolKind.Field, SymbolKind.Constant];

/**
 * Sections as document symbols. In VS Code the built-in Markdown support already lists `#` headings,
 * so the extension leaves them out; other editors have no such outline, so the server gives every
 * section unless the client asks otherwise (initializationOptions.markdownHeadingSymbols: false).
 */
export function documentSymbols(document: TextDocument, analysis: DocumentAnalysis, includeMarkdownHeadings: boolean): DocumentSymbol[] {
  if (analysis.version !== document.version) return [];
  const isMarkdown = analysis.document.format === 'markdown';
  const range = (start: number, end: number): Range => ({ start: document.positionAt(start), end: document.positionAt(end) });
  const toSymbols = (sections: readonly Section[]): DocumentSymbol[] => {
    const symbols: DocumentSymbol[] = [];
    for (const section of sections) {
      const children = toSymbols(section.children);
      if (isMarkdown && !includeMarkdownHeadings && section.marker.at === 'heading') {
        symbols.push(...children);
        continue;
      }
      const name = `${section.marker.text}${section.marker.headingText}`.trim() || section.marker.text;
      const fullEnd = Math.max(trimTrailingWhitespace(analysis.document.text, section.start, section.end), section.headingEnd);
      symbols.push({
        name,
        kind: LEVEL_KINDS[section.level - 1] ?? SymbolKind.Field,
        range: range(section.start, fullEnd),
        selectionRange: range(section.headingStart, section.headingEnd),
        children,
      });
    }
    return symbols;
  };
  const symbols = toSymbols(analysis.document.sections);
  const title = analysis.document.title;
  if (title && (!isMarkdown || includeMarkdownHeadings)) {
    return [{ name: title.text, kind: SymbolKind.File, range: range(title.start, title.end), selectionRange: range(title.start, title.end) }, ...symbols];
  }
  return symbols;
}

export function trimTrailingWhitespace(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text[trimmed - 1]!)) trimmed--;
  return trimmed;
}
