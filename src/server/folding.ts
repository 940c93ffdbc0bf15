import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Section } from '../core/index';
import type { DocumentAnalysis } from './analysis';
import { trimTrailingWhitespace } from './symbols';

/** One folding range per section, from its heading line to its last non-blank line. */
export function foldingRanges(document: TextDocument, analysis: DocumentAnalysis): FoldingRange[] {
  if (analysis.version !== document.version) return [];
  const ranges: FoldingRange[] = [];
  const visit = (sections: readonly Section[]) => {
    for (const section of sections) {
      const startLine = document.positionAt(section.start).line;
      const endLine = document.positionAt(trimTrailingWhitespace(analysis.document.text, section.start, section.end)).line;
      if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
      visit(section.children);
    }
  };
  visit(analysis.document.sections);
  return ranges;
}
