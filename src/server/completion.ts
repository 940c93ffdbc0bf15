import { CompletionItemKind, InsertTextFormat, MarkupKind, type CancellationToken, type CompletionItem, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { nextMarkers, pickMessage, requiredParts, type Level, type MarkerSuggestion, type SummaryDocument } from '../core/index';
import type { DocumentAnalysis } from './analysis';

/** As in the extension: the full-width space that indents Chinese paragraphs, a space after `#`, and `#`. */
export const COMPLETION_TRIGGER_CHARACTERS = ['　', ' ', '#'];
const MAX_TYPED_MARKER_LENGTH = 4;

/** The text of the line before `position`: whether the cursor is where a marker can start. */
export function markerContext(document: TextDocument, position: Position): { lineStart: number; typed: string } | undefined {
  const before = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const lineStart = /^[\s　]*(?:#{1,6}[ \t]+)?/.exec(before)![0].length;
  const typed = before.slice(lineStart);
  if (typed.length > MAX_TYPED_MARKER_LENGTH || /\s/.test(typed)) return undefined;
  return { lineStart, typed };
}

/** At a line start: the next marker at each level in house style, then the missing required parts. */
export function completions(document: TextDocument, position: Position, analysis: DocumentAnalysis, token: CancellationToken): CompletionItem[] {
  const where = markerContext(document, position);
  if (!where || token.isCancellationRequested || analysis.version !== document.version) return [];
  const range = { start: { line: position.line, character: where.lineStart }, end: position };
  const zh = analysis.locale !== 'en';
  const items: CompletionItem[] = [];
  orderedNextMarkers(analysis.document, document.offsetAt(position), analysis.config).forEach((marker, index) => {
    items.push({
      label: marker.text,
      labelDetails: { description: pickMessage(marker.detail, analysis.locale) },
      kind: CompletionItemKind.EnumMember,
      detail: zh ? `下一个编号（第 ${marker.level} 级）` : `Next section marker, level ${marker.level}`,
      textEdit: { range, newText: marker.text },
      filterText: where.typed ? marker.text : undefined,
      sortText: `0${index}`,
      preselect: index === 0,
    });
  });
  requiredParts(analysis.document)
    .filter((part) => !part.present && part.skeleton)
    .forEach((part, index) => {
      const name = pickMessage(part.name, analysis.locale);
      items.push({
        label: name,
        labelDetails: { description: zh ? '缺少的部分' : 'missing part' },
        kind: CompletionItemKind.Snippet,
        detail: zh ? `插入缺少的部分“${name}”的框架` : `Insert the skeleton of the missing part "${name}"`,
        documentation: { kind: MarkupKind.Markdown, value: '```text\n' + part.skeleton + '\n```' },
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range, newText: part.skeleton },
        filterText: name,
        sortText: `1${index}`,
      });
    });
  return items;
}

function currentLevel(document: SummaryDocument, offset: number): Level | undefined {
  let level: Level | undefined;
  for (const marker of document.markers) {
    if (marker.start >= offset) break;
    level = marker.level;
  }
  return level;
}

/** nextMarkers with the next sibling at the current level first (四、 after 三、 rather than （一）). */
function orderedNextMarkers(document: SummaryDocument, offset: number, config: Parameters<typeof nextMarkers>[2]): MarkerSuggestion[] {
  const markers = nextMarkers(document, offset, config);
  const level = currentLevel(document, offset);
  const preferred = markers.findIndex((m) => m.level === level);
  if (preferred <= 0) return markers;
  return [markers[preferred]!, ...markers.slice(0, preferred), ...markers.slice(preferred + 1)];
}
