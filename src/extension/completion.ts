import * as vscode from 'vscode';
import type { Level, MarkerSuggestion, SummaryDocument } from '../core/index';
import { nextMarkers, requiredParts, skeleton } from '../core/index';
import type { AnalysisService } from './analysis';
import { localized, messageLocale, t } from './locale';

/**
 * Typed at a line start these open the suggestions even where quick suggestions are off (Markdown):
 * the full-width space that indents Chinese paragraphs, and the space after `#`. Ctrl+Space and
 * the "Insert next section" command work everywhere.
 */
export const COMPLETION_TRIGGER_CHARACTERS = ['　', ' ', '#'];

/** How much of a marker a user may have typed before we stop offering markers. */
const MAX_TYPED_MARKER_LENGTH = 4;

/** What a line start offers, computed once per place: typing on narrows it without a new analysis. */
interface Offer {
  uri: string;
  /** The version it was computed for: typing a marker adds at most one version per character. */
  version: number;
  line: number;
  /** The indentation (and `#`s) the offer was computed after. */
  lineStart: string;
  markers: MarkerSuggestion[];
  parts: { name: string; skeleton: string }[];
}

/**
 * At a line start: the next marker at each level in house style, and the missing required parts.
 *
 * VS Code replaces everything from the item's range start to the cursor when an item is accepted,
 * also text typed after the list opened, and it keeps a list opened by Ctrl+Space showing when
 * the typed text matches nothing. So the list is marked incomplete (VS Code asks again at every
 * keystroke) and only items the typed text is a prefix of are offered: once the text is no
 * marker (十四、主要工作) the answer is empty, the list closes, and Enter makes a new line.
 */
export class SummaryCompletions implements vscode.CompletionItemProvider {
  private lastOffer: Offer | undefined;

  constructor(private readonly analyses: AnalysisService) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList> {
    const none = new vscode.CompletionList([], true);
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const lineStart = /^[\s　]*(?:#{1,6}[ \t]+)?/.exec(before)![0];
    const typed = before.slice(lineStart.length);
    // Answered at once, without an analysis: a re-request at every keystroke must not wait.
    if (typed.length > MAX_TYPED_MARKER_LENGTH || /\s/.test(typed)) return this.closeOfferPassed(document, position, none);
    if (document.getText().trim() === '') return this.wholeSkeleton(document, position, token);
    const offer = await this.offerAt(document, position, lineStart, typed, token);
    if (!offer) return none;

    const replaceRange = new vscode.Range(position.line, lineStart.length, position.line, position.character);
    const items: vscode.CompletionItem[] = [];
    offer.markers.filter((marker) => marker.text.startsWith(typed)).forEach((marker, index) => {
      const item = new vscode.CompletionItem(
        { label: marker.text, description: localized(marker.detail) },
        vscode.CompletionItemKind.EnumMember,
      );
      item.detail = t('Next section marker, level {0}', marker.level);
      item.insertText = marker.text;
      item.range = replaceRange;
      item.sortText = `0${index}`;
      item.filterText = marker.text;
      item.preselect = index === 0;
      items.push(item);
    });
    offer.parts.filter((part) => part.name.startsWith(typed)).forEach((part, index) => {
      const item = new vscode.CompletionItem(
        { label: part.name, description: t('missing part') },
        vscode.CompletionItemKind.Snippet,
      );
      item.detail = t('Insert the skeleton of the missing part "{0}"', part.name);
      item.documentation = new vscode.MarkdownString().appendCodeblock(part.skeleton, 'text');
      item.insertText = part.skeleton;
      item.range = replaceRange;
      item.filterText = part.name;
      item.sortText = `1${index}`;
      items.push(item);
    });
    if (items.length === 0) return this.closeOfferPassed(document, position, none);
    return new vscode.CompletionList(items, true);
  }

  /** An empty summary (named 2025年工作总结.md, or marked): the whole skeleton of its profile. */
  private async wholeSkeleton(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList> {
    const analysis = await this.analyses.analysisOf(document);
    if (!analysis || token.isCancellationRequested) return new vscode.CompletionList([], false);
    const profile = analysis.document.profile.profile;
    const name = localized(profile.name);
    const text = skeletonForFile(skeleton(profile.id, messageLocale(), analysis.config), document.fileName);
    const item = new vscode.CompletionItem({ label: name, description: t('whole skeleton') }, vscode.CompletionItemKind.Snippet);
    item.detail = t('Insert the skeleton of a {0}', name);
    item.documentation = new vscode.MarkdownString().appendCodeblock(text, 'text');
    item.insertText = text;
    item.range = new vscode.Range(new vscode.Position(0, 0), position);
    item.filterText = document.lineAt(position.line).text.slice(0, position.character);
    item.preselect = true;
    return new vscode.CompletionList([item], false);
  }

  /**
   * The user typed past what this line was offered (a marker and then a phrase). A list opened by
   * Ctrl+Space would stay open ("No suggestions") and take the next Enter: close it.
   */
  private closeOfferPassed(document: vscode.TextDocument, position: vscode.Position, answer: vscode.CompletionList): vscode.CompletionList {
    const last = this.lastOffer;
    if (last && last.uri === document.uri.toString() && last.line === position.line) {
      this.lastOffer = undefined;
      void vscode.commands.executeCommand('hideSuggestWidget');
    }
    return answer;
  }

  /**
   * The markers and parts for this line start. While the user types a marker on the same line the
   * offer made when the list opened still holds (the text typed since is all on this line), so it
   * is reused rather than waiting for an analysis of every keystroke's version.
   */
  private async offerAt(
    document: vscode.TextDocument,
    position: vscode.Position,
    lineStart: string,
    typed: string,
    token: vscode.CancellationToken,
  ): Promise<Offer | undefined> {
    const last = this.lastOffer;
    const typedSinceOffer =
      typed && last && last.uri === document.uri.toString() && last.line === position.line && last.lineStart === lineStart &&
      document.version - last.version <= typed.length;
    if (typedSinceOffer) return last;
    const analysis = await this.analyses.analysisOf(document);
    if (!analysis || token.isCancellationRequested || analysis.version !== document.version) return undefined;
    const offer: Offer = {
      uri: document.uri.toString(),
      version: analysis.version,
      line: position.line,
      lineStart,
      markers: orderedNextMarkers(analysis.document, document.offsetAt(position), analysis.config),
      parts: requiredParts(analysis.document)
        .filter((part) => !part.present && part.skeleton)
        .map((part) => ({ name: localized(part.name), skeleton: part.skeleton })),
    };
    this.lastOffer = offer;
    return offer;
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

/** A skeleton with 20XX replaced by the year the file name gives (2025年工作总结.md → 2025). */
export function skeletonForFile(text: string, fileName: string): string {
  const year = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/.exec(fileName.split(/[\\/]/).pop() ?? '')?.[1];
  return year ? text.replace(/20XX/g, year) : text;
}
