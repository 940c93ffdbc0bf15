import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { outlineOf, type OutlineNode } from '../core/index';
import type { DocumentAnalysis } from './analysis';

const LEVEL_KINDS = [SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Method, SymbolKind.Field, SymbolKind.Constant];

/** The outline's nodes that are symbols, and their kind; the opening, the attachment note and the closing are no symbols. */
const NODE_KINDS: Partial<Record<OutlineNode['kind'], SymbolKind>> = {
  heading: SymbolKind.String,
  enumeration: SymbolKind.Key,
  notes: SymbolKind.Array,
  'other-half': SymbolKind.File,
};

/**
 * A summary's structure as one tree of document symbols: the title, with the core's outline nested
 * under it (outlineOf: unnumbered headings holding their sections, the sections by level, 一是
 * headings, the notes part and the second half of a bilingual report).
 *
 * An editor whose Markdown support lists `#` headings itself can ask for them to be left out
 * (initializationOptions.markdownHeadingSymbols: false): then a Markdown summary gives only the
 * nodes that are no headings, with no title around them.
 */
export function documentSymbols(document: TextDocument, analysis: DocumentAnalysis, includeMarkdownHeadings: boolean): DocumentSymbol[] {
  if (analysis.version !== document.version) return [];
  const doc = analysis.document;
  const isMarkdown = doc.format === 'markdown';
  const range = (start: number, end: number): Range => ({ start: document.positionAt(start), end: document.positionAt(end) });
  const isMarkdownHeading = (node: OutlineNode) =>
    isMarkdown && ((node.kind === 'section' && node.section!.marker.at === 'heading') || (node.kind === 'heading' && node.depth !== undefined));
  const toSymbols = (nodes: readonly OutlineNode[]): DocumentSymbol[] => {
    const symbols: DocumentSymbol[] = [];
    for (const node of nodes) {
      const kind = node.kind === 'section' ? (LEVEL_KINDS[node.section!.level - 1] ?? SymbolKind.Field) : NODE_KINDS[node.kind];
      if (kind === undefined) continue;
      const children = toSymbols(node.children);
      if (!includeMarkdownHeadings && isMarkdownHeading(node)) {
        symbols.push(...children);
        continue;
      }
      const name = node.kind === 'section' ? `${node.section!.marker.text}${node.section!.marker.headingText}`.trim() || node.section!.marker.text : node.label;
      const fullEnd = Math.max(trimTrailingWhitespace(doc.text, node.start, node.end), node.labelEnd);
      symbols.push({ name, kind, range: range(node.start, fullEnd), selectionRange: range(node.labelStart, node.labelEnd), children });
    }
    return symbols;
  };
  const top = toSymbols(outlineOf(doc).roots);
  if (isMarkdown && !includeMarkdownHeadings) return top;
  const title = doc.title;
  if (!title) return top;
  const end = Math.max(trimTrailingWhitespace(doc.text, title.end, doc.text.length), title.end);
  return [{ name: title.text, kind: SymbolKind.File, range: range(title.start, end), selectionRange: range(title.start, title.end), children: top }];
}

export function trimTrailingWhitespace(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text[trimmed - 1]!)) trimmed--;
  return trimmed;
}
