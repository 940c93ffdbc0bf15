import { DEFAULT_CONFIG, type SummaryConfig } from '../config/config';
import type { Level, SummaryDocument } from '../model/types';
import { pickMessage, type Locale, type Message } from '../types';
import { nextMarkers, requiredParts, skeleton, type MarkerSuggestion } from './editor-support';

/**
 * Typed at a line start these open the suggestions even where an editor's quick suggestions are
 * off (Markdown): the full-width space that indents Chinese paragraphs, the space after `#`, and `#`.
 */
export const COMPLETION_TRIGGER_CHARACTERS = ['　', ' ', '#'];

/** How much of a marker a user may have typed before no marker is offered any more. */
const MAX_TYPED_MARKER_LENGTH = 4;

/** Where a marker can start on a line: the indentation (and `#`s) before it, and what was typed after. */
export interface MarkerLineContext {
  /** the indentation and Markdown heading `#`s before the marker */
  lineStart: string;
  /** what was typed of the marker so far */
  typed: string;
}

/**
 * The line's text before the cursor → where a marker would go, or undefined when the cursor is
 * past anything a marker could be (a phrase, a space after a word). Needs no analysis, so an
 * editor can answer most keystrokes at once.
 */
export function markerLineContext(lineTextBeforeCursor: string): MarkerLineContext | undefined {
  const lineStart = /^[\s　]*(?:#{1,6}[ \t]+)?/.exec(lineTextBeforeCursor)![0];
  const typed = lineTextBeforeCursor.slice(lineStart.length);
  if (typed.length > MAX_TYPED_MARKER_LENGTH || /\s/.test(typed)) return undefined;
  return { lineStart, typed };
}

/** The level of the last marker before `offset`: where a writer most likely continues. */
function currentLevel(doc: SummaryDocument, offset: number): Level | undefined {
  let level: Level | undefined;
  for (const marker of doc.markers) {
    if (marker.start >= offset) break;
    level = marker.level;
  }
  return level;
}

/** nextMarkers with the next sibling at the current level first (四、 after 三、 rather than （一）). */
export function orderedNextMarkers(doc: SummaryDocument, offset: number, config: SummaryConfig = DEFAULT_CONFIG): MarkerSuggestion[] {
  const markers = nextMarkers(doc, offset, config);
  const level = currentLevel(doc, offset);
  const preferred = markers.findIndex((m) => m.level === level);
  if (preferred <= 0) return markers;
  return [markers[preferred]!, ...markers.slice(0, preferred), ...markers.slice(preferred + 1)];
}

/** A skeleton with 20XX replaced by the year the file name gives (2025年工作总结.md → 2025). */
export function skeletonForFile(text: string, fileName: string): string {
  const year = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/.exec(fileName.split(/[\\/]/).pop() ?? '')?.[1];
  return year ? text.replace(/20XX/g, year) : text;
}

/** What a line start offers: the next markers, then the missing required parts with a skeleton. */
export interface CompletionOffer {
  markers: MarkerSuggestion[];
  parts: { name: Message; skeleton: string }[];
}

export function completionOffer(doc: SummaryDocument, offset: number, config: SummaryConfig = DEFAULT_CONFIG): CompletionOffer {
  return {
    markers: orderedNextMarkers(doc, offset, config),
    parts: requiredParts(doc)
      .filter((part) => !part.present && part.skeleton)
      .map((part) => ({ name: part.name, skeleton: part.skeleton })),
  };
}

/**
 * The items of an offer that what was typed is a prefix of. Editors replace everything from the
 * item's range start to the cursor when an item is accepted, and keep a list open while the typed
 * text matches nothing: so only matching items are offered, and once nothing matches the answer is
 * empty and the list closes (Enter makes a new line).
 */
export function matchingOffer(offer: CompletionOffer, typed: string, locale: Locale): { markers: MarkerSuggestion[]; parts: { name: string; skeleton: string }[] } {
  return {
    markers: offer.markers.filter((marker) => marker.text.startsWith(typed)),
    parts: offer.parts.map((part) => ({ name: pickMessage(part.name, locale), skeleton: part.skeleton })).filter((part) => part.name.startsWith(typed)),
  };
}

/** An empty summary (named 2025年工作总结.md, or marked): the whole skeleton of its profile. */
export function wholeSkeleton(doc: SummaryDocument, config: SummaryConfig, locale: Locale, fileName: string): { name: string; text: string } {
  const profile = doc.profile.profile;
  return { name: pickMessage(profile.name, locale), text: skeletonForFile(skeleton(profile.id, locale, config), fileName) };
}
