import * as vscode from 'vscode';
import type { Level, MarkerSuggestion, SummaryDocument } from '../core/index';
import { nextMarkers, requiredParts } from '../core/index';
import type { AnalysisService } from './analysis';
import { localized } from './locale';

/**
 * Typed at a line start these open the suggestions even where quick suggestions are off (Markdown):
 * the full-width space that indents Chinese paragraphs, and the space after `#`. Ctrl+Space and
 * the "Insert next section" command work everywhere.
 */
export const COMPLETION_TRIGGER_CHARACTERS = ['　', ' ', '#'];

/** How much of a marker a user may have typed before we stop offering markers. */
const MAX_TYPED_MARKER_LENGTH = 4;

/** At a line start: the next marker at each level in house style, and the missing required parts. */
export class SummaryCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly analyses: AnalysisService) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionItem[] | undefined> {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const lineStart = /^[\s　]*(?:#{1,6}[ \t]+)?/.exec(before)![0];
    const typed = before.slice(lineStart.length);
    if (typed.length > MAX_TYPED_MARKER_LENGTH || /\s/.test(typed)) return undefined;
    const analysis = await this.analyses.analysisOf(document);
    if (!analysis || token.isCancellationRequested || analysis.version !== document.version) return undefined;

    const replaceRange = new vscode.Range(position.line, lineStart.length, position.line, position.character);
    const offset = document.offsetAt(position);
    const items: vscode.CompletionItem[] = [];
    orderedNextMarkers(analysis.document, offset, analysis.config).forEach((marker, index) => {
      const item = new vscode.CompletionItem(
        { label: marker.text, description: localized(marker.detail) },
        vscode.CompletionItemKind.EnumMember,
      );
      item.detail = vscode.l10n.t('Next section marker, level {0}', marker.level);
      item.insertText = marker.text;
      item.range = replaceRange;
      item.sortText = `0${index}`;
      item.filterText = typed ? marker.text : undefined;
      item.preselect = index === 0;
      items.push(item);
    });
    requiredParts(analysis.document)
      .filter((part) => !part.present && part.skeleton)
      .forEach((part, index) => {
        const name = localized(part.name);
        const item = new vscode.CompletionItem(
          { label: name, description: vscode.l10n.t('missing part') },
          vscode.CompletionItemKind.Snippet,
        );
        item.detail = vscode.l10n.t('Insert the skeleton of the missing part "{0}"', name);
        item.documentation = new vscode.MarkdownString().appendCodeblock(part.skeleton, 'text');
        item.insertText = part.skeleton;
        item.range = replaceRange;
        item.filterText = name;
        item.sortText = `1${index}`;
        items.push(item);
      });
    return items;
  }
}

/** The level of the last marker before `offset`: where a writer most likely continues. */
function currentLevel(document: SummaryDocument, offset: number): Level | undefined {
  let level: Level | undefined;
  for (const marker of document.markers) {
    if (marker.start >= offset) break;
    level = marker.level;
  }
  return level;
}

/** nextMarkers with the next sibling at the current level first (四、 after 三、 rather than （一）). */
export function orderedNextMarkers(
  document: SummaryDocument,
  offset: number,
  config: Parameters<typeof nextMarkers>[2],
): MarkerSuggestion[] {
  const markers = nextMarkers(document, offset, config);
  const level = currentLevel(document, offset);
  const preferred = markers.findIndex((m) => m.level === level);
  if (preferred <= 0) return markers;
  return [markers[preferred]!, ...markers.slice(0, preferred), ...markers.slice(preferred + 1)];
}
