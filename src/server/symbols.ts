import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Section, SummaryDocument } from '../core/index';
import type { DocumentAnalysis } from './analysis';

const LEVEL_KINDS = [SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Method, SymbolKind.Field, SymbolKind.Constant];

/**
 * A summary's structure as one tree of document symbols: the title, with every section nested under
 * it by level (run-in paragraph headings, list items, numbered lines and Markdown headings alike) and
 * unnumbered Markdown headings (## 附件) beside them.
 *
 * An editor whose Markdown support lists `#` headings itself can ask for them to be left out
 * (initializationOptions.markdownHeadingSymbols: false): then a Markdown summary gives only the
 * sections that are no headings, with no title around them.
 */
export function documentSymbols(document: TextDocument, analysis: DocumentAnalysis, includeMarkdownHeadings: boolean): DocumentSymbol[] {
  if (analysis.version !== document.version) return [];
  const doc = analysis.document;
  const isMarkdown = doc.format === 'markdown';
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
      const fullEnd = Math.max(trimTrailingWhitespace(doc.text, section.start, section.end), section.headingEnd);
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
  const sections = toSymbols(doc.sections);
  if (isMarkdown && !includeMarkdownHeadings) return sections;
  const top = [...sections, ...unnumberedHeadings(doc, range)].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const title = doc.title;
  if (!title) return top;
  const end = Math.max(trimTrailingWhitespace(doc.text, title.end, doc.text.length), title.end);
  return [{ name: title.text, kind: SymbolKind.File, range: range(title.start, end), selectionRange: range(title.start, title.end), children: top }];
}

/** Markdown headings that are neither the title nor a numbered section (## 附件): leaves beside the sections. */
function unnumberedHeadings(doc: SummaryDocument, range: (start: number, end: number) => Range): DocumentSymbol[] {
  if (doc.format !== 'markdown') return [];
  const sectionStarts: number[] = [];
  const collect = (sections: readonly Section[]) => sections.forEach((s) => (sectionStarts.push(s.headingStart), collect(s.children)));
  collect(doc.sections);
  const symbols: DocumentSymbol[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'heading') continue;
    if (doc.title && block.start <= doc.title.start && doc.title.start < block.end) continue;
    if (sectionStarts.some((start) => block.start <= start && start < block.end)) continue;
    const text = doc.text.slice(block.start, block.end).replace(/^#{1,6}[ \t]*/, '').replace(/[ \t]+#*[ \t]*$/, '').trim();
    if (!text) continue;
    const end = trimTrailingWhitespace(doc.text, block.start, block.end);
    symbols.push({ name: text, kind: SymbolKind.String, range: range(block.start, end), selectionRange: range(block.start, end) });
  }
  return symbols;
}

export function trimTrailingWhitespace(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text[trimmed - 1]!)) trimmed--;
  return trimmed;
}
