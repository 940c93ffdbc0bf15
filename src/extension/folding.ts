import * as vscode from 'vscode';
import type { Section } from '../core/index';
import type { AnalysisService } from './analysis';
import { trimTrailingWhitespace } from './symbols';

/** One folding range per section, from its heading line to its last non-blank line. */
export class SummaryFolding implements vscode.FoldingRangeProvider {
  constructor(private readonly analyses: AnalysisService) {}

  async provideFoldingRanges(
    document: vscode.TextDocument,
    _context: vscode.FoldingContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.FoldingRange[]> {
    const analysis = await this.analyses.analysisOf(document);
    if (!analysis || token.isCancellationRequested || analysis.version !== document.version) return [];
    const ranges: vscode.FoldingRange[] = [];
    const visit = (sections: readonly Section[]) => {
      for (const section of sections) {
        const startLine = document.positionAt(section.start).line;
        const endLine = document.positionAt(trimTrailingWhitespace(analysis.document.text, section.start, section.end)).line;
        if (endLine > startLine) ranges.push(new vscode.FoldingRange(startLine, endLine, vscode.FoldingRangeKind.Region));
        visit(section.children);
      }
    };
    visit(analysis.document.sections);
    return ranges;
  }
}
