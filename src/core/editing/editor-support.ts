import { DEFAULT_CONFIG, houseStyleOf, type SummaryConfig } from '../config/config';
import { formatMarker } from '../text/markers';
import type { Level, Marker, MarkerStyle, Section, SummaryDocument } from '../model/types';
import { findProfile, DEFAULT_PROFILE_ID } from '../config/profiles';
import { explicitRenumberEdits } from '../model/siblings';
import { partsOf, siblingRunsOf, viewOf } from '../model/views';
import type { Locale, Message, TextEdit } from '../types';
import { readingView, splitLines } from '../text/lines';

/**
 * The Renumber command: every run of siblings numbered 1, 2, 3… as the rules read the runs (a restart
 * after a heading or a lead-in stays a restart), touching only runs that are certainly one list.
 */
export function renumberEdits(doc: SummaryDocument): TextEdit[] {
  return explicitRenumberEdits(doc, siblingRunsOf(doc));
}

export interface MarkerSuggestion {
  level: Level;
  text: string;
  detail: Message;
}

const LEVEL_NAMES: Record<Level, Message> = {
  1: { zh: '一级标题', en: 'level 1' },
  2: { zh: '二级标题', en: 'level 2' },
  3: { zh: '三级标题', en: 'level 3' },
  4: { zh: '四级标题', en: 'level 4' },
  5: { zh: '五级', en: 'level 5' },
};

/**
 * The markers that may come next at `offset`, innermost level first: the next sibling at each open
 * level (四、 after 三、) and the first child of the innermost section, in house style.
 */
export function nextMarkers(doc: SummaryDocument, offset: number, config: SummaryConfig = DEFAULT_CONFIG): MarkerSuggestion[] {
  const house = houseStyleOf(config);
  const open = new Map<Level, Marker>();
  for (const marker of doc.markers) {
    if (marker.start >= offset) break;
    for (const level of [...open.keys()]) if (level > marker.level) open.delete(level);
    open.set(marker.level, marker);
  }
  const styleFor = (level: Level, written?: MarkerStyle): MarkerStyle => {
    if (written && (written === house.canonical[level] || house.accepted[level]?.includes(written))) return written;
    return house.canonical[level];
  };
  const suggestions: MarkerSuggestion[] = [];
  const levels = [...open.keys()].sort((a, b) => b - a);
  const innermost = levels[0];
  if (innermost !== undefined && innermost < 4 && doc.profile.profile.language === 'zh') {
    const child = (innermost + 1) as Level;
    suggestions.push({ level: child, text: formatMarker(house.canonical[child], 1), detail: detail(child, true) });
  }
  for (const level of levels) {
    const marker = open.get(level)!;
    if (marker.style === 'decimal' || marker.style === 'roman') {
      suggestions.push({ level, text: formatMarker(marker.style, marker.number + 1, marker.path), detail: detail(level, false) });
      continue;
    }
    suggestions.push({ level, text: formatMarker(styleFor(level, marker.style), marker.number + 1), detail: detail(level, false) });
  }
  if (!open.has(1) && doc.profile.profile.language === 'zh') {
    suggestions.push({ level: 1, text: formatMarker(house.canonical[1], 1), detail: detail(1, true) });
  }
  return suggestions;
}

function detail(level: Level, first: boolean): Message {
  const name = LEVEL_NAMES[level];
  return first ? { zh: `${name.zh}（新的一组）`, en: `${name.en} (first of a new run)` } : { zh: `${name.zh}（下一个）`, en: `${name.en} (next)` };
}

export interface RequiredPartView {
  id: string;
  name: Message;
  present: boolean;
  section?: Section;
  at?: number;
  insertAt: number;
  skeleton: string;
}

/**
 * The profile's parts, present or missing, for the outline's checklist and completion: one list per
 * document version, which both read (do not change it).
 */
export function requiredParts(doc: SummaryDocument): readonly RequiredPartView[] {
  return viewOf(doc, 'required-parts', () => partsOf(doc).map((status) => {
    const view: RequiredPartView = { id: status.id, name: status.name, present: status.present, insertAt: status.insertAt, skeleton: status.part.skeleton };
    if (status.section) view.section = status.section;
    if (status.at !== undefined) view.at = status.at;
    return view;
  }));
}

export function skeleton(profileId: string, _locale: Locale = 'zh-CN', config: SummaryConfig = DEFAULT_CONFIG): string {
  const profile = findProfile(profileId, config.profiles) ?? findProfile(DEFAULT_PROFILE_ID)!;
  return profile.skeleton;
}

const SUMMARY_WORDS = /(总结|述职|述廉|报告|汇报|summary|report)/i;
const NEVER_SUMMARIES = /^(readme|changelog|contributing|license|licence|code_of_conduct|security)(\.|$)/i;

/**
 * Should the editor lint this file unasked? Only when it says it is a summary: front matter
 * `profile:`, or a file name or title with 总结/述职/报告/汇报/summary/report.
 */
export function looksLikeSummary(fileName: string, text: string): boolean {
  const baseName = fileName.split(/[\\/]/).pop() ?? fileName;
  if (NEVER_SUMMARIES.test(baseName)) return false;
  // read as the linter reads: a bare CR is a line break too
  const head = readingView(text.slice(0, 4000));
  if (/^\ufeff?---[ \t]*\r?\n[\s\S]*?^profile\s*:/m.test(head) && /^\ufeff?---/.test(head)) return true;
  if (SUMMARY_WORDS.test(baseName.replace(/\.[^.]+$/, ''))) return true;
  const withoutFrontMatter = head.replace(/^\ufeff?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/, '');
  const firstLine = splitLines(withoutFrontMatter).find((line) => line.trim() !== '') ?? '';
  const title = firstLine.replace(/^[\s\u3000#]+/, '').trim();
  return title.length <= 80 && SUMMARY_WORDS.test(title);
}
