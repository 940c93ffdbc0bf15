import { CompletionItemKind, InsertTextFormat, MarkupKind, type CancellationToken, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionOffer, markerLineContext, matchingOffer, pickMessage, wholeSkeleton, type CompletionOffer, type Locale, type MarkerLineContext } from '../core/index';
import type { DocumentAnalysis } from './analysis';
import { translator } from './l10n';
import { pathOf } from './summaryDocuments';

export { COMPLETION_TRIGGER_CHARACTERS } from '../core/index';

/** Where the cursor is in the line: at a place a marker can start, or not (answered without an analysis). */
export function markerContext(document: TextDocument, position: Position): MarkerLineContext | undefined {
  return markerLineContext(document.getText({ start: { line: position.line, character: 0 }, end: position }));
}

/** What a line start offered, kept while the user types the marker: no analysis per keystroke. */
interface Offer {
  uri: string;
  version: number;
  line: number;
  lineStart: string;
  locale: Locale;
  offer: CompletionOffer;
}

/**
 * Completion at a line start: the next marker at each level in house style, the missing required
 * parts, and in an empty summary its whole skeleton (src/core/editing/completion.ts).
 *
 * The list is incomplete (the editor asks again at every keystroke) and holds only the items the
 * typed text is a prefix of: an editor replaces everything from the item's range start to the
 * cursor, also text typed after the list opened, so once the text is no marker (十四、主要工作) the
 * answer is empty, the list closes, and Enter makes a new line.
 */
export class Completions {
  private last: Offer | undefined;

  /**
   * The answer at `position`. While the user types a marker on the line an offer was made for, that
   * offer still holds (the text typed since is all on this line): it is reused rather than waiting
   * for an analysis of every keystroke's version.
   */
  async answer(document: TextDocument, position: Position, where: MarkerLineContext, analysisOf: () => Promise<DocumentAnalysis | undefined>, token: CancellationToken): Promise<CompletionList> {
    const none: CompletionList = { isIncomplete: true, items: [] };
    const last = this.last;
    const typedSinceOffer =
      where.typed !== '' && last !== undefined && last.uri === document.uri && last.line === position.line && last.lineStart === where.lineStart &&
      document.version - last.version <= where.typed.length;
    let offer: Offer;
    if (typedSinceOffer) {
      offer = last;
    } else {
      const analysis = await analysisOf();
      if (!analysis || token.isCancellationRequested) return none;
      if (analysis.document.text.trim() === '' && document.getText().trim() === '') return this.skeletonOfEmpty(document, position, analysis);
      // the line start's offset: the same in the analysed version when only this line changed since
      const offset = document.offsetAt({ line: position.line, character: where.lineStart.length });
      offer = { uri: document.uri, version: analysis.version, line: position.line, lineStart: where.lineStart, locale: analysis.locale, offer: completionOffer(analysis.document, offset, analysis.config) };
      this.last = offer;
    }
    const locale = offer.locale;
    const t = translator(locale);
    const range = { start: { line: position.line, character: where.lineStart.length }, end: position };
    const matching = matchingOffer(offer.offer, where.typed, locale);
    const items: CompletionItem[] = [];
    matching.markers.forEach((marker, index) => {
      items.push({
        label: marker.text,
        labelDetails: { description: pickMessage(marker.detail, locale) },
        kind: CompletionItemKind.EnumMember,
        detail: t('Next section marker, level {0}', marker.level),
        textEdit: { range, newText: marker.text },
        filterText: marker.text,
        sortText: `0${index}`,
        preselect: index === 0,
      });
    });
    matching.parts.forEach((part, index) => {
      items.push({
        label: part.name,
        labelDetails: { description: t('missing part') },
        kind: CompletionItemKind.Snippet,
        detail: t('Insert the skeleton of the missing part "{0}"', part.name),
        documentation: { kind: MarkupKind.Markdown, value: '```text\n' + part.skeleton + '\n```' },
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range, newText: part.skeleton },
        filterText: part.name,
        sortText: `1${index}`,
      });
    });
    return { isIncomplete: true, items };
  }

  private skeletonOfEmpty(document: TextDocument, position: Position, analysis: DocumentAnalysis): CompletionList {
    const t = translator(analysis.locale);
    const { name, text } = wholeSkeleton(analysis.document, analysis.config, analysis.locale, pathOf(document.uri));
    const item: CompletionItem = {
      label: name,
      labelDetails: { description: t('whole skeleton') },
      kind: CompletionItemKind.Snippet,
      detail: t('Insert the skeleton of a {0}', name),
      documentation: { kind: MarkupKind.Markdown, value: '```text\n' + text + '\n```' },
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: { start: { line: 0, character: 0 }, end: position }, newText: text },
      filterText: document.getText({ start: { line: position.line, character: 0 }, end: position }),
      preselect: true,
    };
    return { isIncomplete: false, items: [item] };
  }
}
