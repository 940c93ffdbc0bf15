import * as vscode from 'vscode';
import type { SummaryDocuments } from './summaryDocuments';

/**
 * Colours section markers (一、 （一） 1. （1） ①) and enumerations (一是/二要/首先…) in summaries
 * only. A TextMate grammar cannot know whether a file is a summary, so it coloured 一是 in every
 * README and every .txt, and the scopes it used (storage.type, keyword.control, invalid.illegal)
 * are red or loud in many themes. Semantic tokens are asked of the extension per document, so
 * they follow its "is a summary" decision, and the scopes they map to (package.json
 * semanticTokenScopes: markup.heading for markers, markup.bold for enumerations) are ones every
 * theme renders as quiet emphasis, the way it shows Markdown headings and bold text. The level is
 * a modifier, so a user can colour levels apart with editor.semanticTokenColorCustomizations.
 *
 * Only the visible range is ever asked for (a range provider), with a pattern per line: no
 * analysis is waited for, so colouring costs nothing while typing in a 1.6 MB document.
 */
export const TOKEN_TYPES = ['summaryMarker', 'summaryEnumeration'] as const;
export const TOKEN_MODIFIERS = ['level1', 'level2', 'level3', 'level4', 'level5'] as const;
export const LEGEND = new vscode.SemanticTokensLegend([...TOKEN_TYPES], [...TOKEN_MODIFIERS]);

const NUMERAL = '一二三四五六七八九十百零〇';
/** at a line start, after indentation or a Markdown heading's #s: the marker and its level, deepest forms first */
const MARKERS: { level: number; pattern: RegExp }[] = [
  { level: 2, pattern: new RegExp(`^[（(][${NUMERAL}]+[）)][、.．]?`) },
  { level: 4, pattern: /^(?:[（(][0-9]{1,3}[）)][、.．]?|[0-9]{1,3}[）)]|[\u2474-\u2487])/ },
  { level: 1, pattern: new RegExp(`^[${NUMERAL}]+[、.．，]`) },
  { level: 3, pattern: /^[0-9]{1,3}[.．、](?![0-9])/ },
  { level: 5, pattern: /^[\u2460-\u2473][、.．]?/ },
];
const LINE_LEAD = /^(?:#{1,6}[ \t]+|[ \t\u3000]*)/;
const ENUMERATION = new RegExp(`(?<=^|[。；;：:，,！!？?\\s\\u3000])(?:[${NUMERAL}]{1,3}[是要]|第[${NUMERAL}]{1,3}(?=[，、,])|首先|其次|再次|最后)(?![是要])`, 'g');
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export class SummarySemanticTokens implements vscode.DocumentRangeSemanticTokensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changeEmitter.event;

  constructor(private readonly summaries: SummaryDocuments) {}

  /** A document became or stopped being a summary: ask again. */
  refresh(): void {
    this.changeEmitter.fire();
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  provideDocumentRangeSemanticTokens(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): vscode.SemanticTokens {
    const builder = new vscode.SemanticTokensBuilder(LEGEND);
    if (!this.summaries.isSummary(document)) return builder.build();
    const markdown = document.languageId === 'markdown';
    let inFence = markdown ? fenceOpenBefore(document, range.start.line) : undefined;
    for (let line = range.start.line; line <= range.end.line && line < document.lineCount; line++) {
      if (token.isCancellationRequested) break;
      const text = document.lineAt(line).text;
      if (markdown) {
        const fence = FENCE.exec(text);
        if (fence) {
          if (!inFence) inFence = fence[1]![0]!;
          else if (fence[1]![0] === inFence) inFence = undefined;
          continue;
        }
        if (inFence) continue;
      }
      const lead = LINE_LEAD.exec(text)![0].length;
      const rest = text.slice(lead);
      for (const { level, pattern } of MARKERS) {
        const found = pattern.exec(rest);
        if (!found) continue;
        builder.push(line, lead, found[0].length, 0, 1 << (level - 1));
        break;
      }
      for (const match of text.matchAll(ENUMERATION)) builder.push(line, match.index, match[0].length, 1, 0);
    }
    return builder.build();
  }
}

/** The fence character of a Markdown code block still open at `line`, if any (a scan of the lines above). */
function fenceOpenBefore(document: vscode.TextDocument, line: number): string | undefined {
  let open: string | undefined;
  for (let i = 0; i < line; i++) {
    const fence = FENCE.exec(document.lineAt(i).text);
    if (!fence) continue;
    if (!open) open = fence[1]![0]!;
    else if (fence[1]![0] === open) open = undefined;
  }
  return open;
}
