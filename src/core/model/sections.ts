import { trimEndOffset } from './offsets';
import { lineStartBefore } from '../text/lines';
import type { Block, LineCandidate, Marker, NotePart, Section } from './types';

/** Turns line candidates into markers; an ambiguous one (`3、4月份`) only where its neighbours expect it. */
export function resolveMarkers(candidates: LineCandidate[], titleIndex: number): Marker[] {
  const markers: Marker[] = [];
  // the last number seen at each level since a higher level last appeared
  const lastAtLevel: number[] = [];
  for (const { blockIndex, lineStart, candidate, at, headingText, headingEnd, indent, headingDepth } of candidates) {
    if (blockIndex === titleIndex) continue;
    if (candidate.ambiguous && (lastAtLevel[candidate.level] ?? 0) !== candidate.number - 1) continue;
    const marker: Marker = {
      text: candidate.text,
      start: candidate.start,
      end: candidate.end,
      level: candidate.level,
      number: candidate.number,
      style: candidate.style,
      at,
      headingText,
      headingEnd,
      lineStart,
      blockIndex,
      indent,
    };
    if (headingDepth !== undefined) marker.headingDepth = headingDepth;
    if (candidate.path) marker.path = candidate.path;
    markers.push(marker);
    lastAtLevel[candidate.level] = candidate.number;
    lastAtLevel.length = candidate.level + 1;
  }
  return markers;
}


/**
 * Unnumbered headings and short standalone lines (a sub-title, the next document's title) start a
 * new numbering scope: numbers restarting after one are not a fault.
 */
export function findScopeBreaks(text: string, blocks: Block[], titleIndex: number, markers: Marker[]): number[] {
  const markedLines = new Set(markers.map((m) => m.lineStart));
  const breaks: number[] = [];
  blocks.forEach((block, index) => {
    if (index === titleIndex || markedLines.has(block.start)) return;
    if (block.kind === 'heading') {
      breaks.push(block.start);
      return;
    }
    if (block.kind !== 'paragraph' || block.lineStarts.length !== 1) return;
    const line = text.slice(block.start, block.end).trim();
    if (line.length > 0 && line.length <= 30 && !/[。，；：,;:！？!?]/.test(line) && !/^[-—–*_=]+$/.test(line)) breaks.push(block.start);
  });
  return breaks;
}

/** A heading line that names a block of notes, on its own: `名词解释`, `注释：`, `**Notes**`. */
const NOTES_HEADING = /^(名词解释|名词注释|注释|注解|附注|注|Notes|Endnotes)[：:]?$/i;

/**
 * Notes after the body (名词解释 then 1.–44.): a part of its own. Only a heading line of its own that
 * comes after a section and right before a numbered note counts; the part ends at the next scope
 * break (an appendix's heading) or the end of the text.
 */
export function findNoteParts(text: string, blocks: Block[], markers: Marker[], scopeBreaks: number[]): NotePart[] {
  const parts: NotePart[] = [];
  if (!markers.length) return parts;
  const markedLines = new Set(markers.map((m) => m.lineStart));
  blocks.forEach((block, index) => {
    if ((block.kind !== 'heading' && block.kind !== 'paragraph') || block.lineStarts.length !== 1 || markedLines.has(block.start)) return;
    const line = text.slice(block.start, block.end);
    const name = line.replace(/^[#\s\u3000*_]+|[\s\u3000*_]+$/g, '');
    if (!NOTES_HEADING.test(name)) return;
    if (block.start <= markers[0].lineStart) return;
    // the next block must be a numbered note: a heading line followed by prose is no notes part
    const next = blocks[index + 1];
    if (!next || !markedLines.has(next.start)) return;
    const headingStart = block.start + line.indexOf(name);
    const end = scopeBreaks.find((b) => b > next.start) ?? text.length;
    parts.push({ start: block.start, end: trimEndOffset(text, block.start, end), heading: { start: headingStart, end: headingStart + name.length, text: name } });
  });
  return parts;
}

/**
 * Lead-ins after which a list may start again at one: a label line (`下周计划：`), or a sentence or
 * paragraph ending in ： or : (`计划如下：`, `Below is the plan for next quarter:`), standing right before
 * the marker. Returns the offsets of such lines.
 */
export function findLeadIns(text: string, markers: Marker[]): number[] {
  const leadIns: number[] = [];
  const markedLines = new Set(markers.map((m) => m.lineStart));
  for (const marker of markers) {
    let end = marker.lineStart;
    while (end > 0 && /[\s\u3000\u00a0]/.test(text[end - 1])) end--;
    if (end === 0) continue;
    const start = lineStartBefore(text, end);
    if (markedLines.has(start)) continue;
    const line = text.slice(start, end).replace(/[\s\u3000\u00a0*_]+$/, '');
    if (/[：:]$/.test(line)) leadIns.push(start);
  }
  return leadIns;
}

function family(marker: Marker): string {
  return marker.style === 'decimal' ? 'd' : marker.style === 'roman' ? 'r' : 'c';
}

/** Is `inner` (a new marker) inside the open section `outer`? */
function encloses(outer: OpenSection, inner: Marker): boolean {
  const o = outer.marker;
  // an item nested by indentation holds only what is indented as deep as it
  if (outer.nestedByIndent && inner.indent < o.indent - 1) return false;
  // Markdown headings nest by their `#` depth first: `## 1.` holds `#### 1.`, `### 3.` under `## 2.` is its child
  if (o.headingDepth !== undefined && inner.headingDepth !== undefined) {
    return o.headingDepth !== inner.headingDepth ? o.headingDepth < inner.headingDepth : o.level < inner.level;
  }
  if (o.level < inner.level) return true;
  // a list under a numbered heading is its content: `## 1. Goals` then `1. …`
  if (o.headingDepth !== undefined && inner.at === 'list-item' && o.level === inner.level) return true;
  // a list indented under an item is its own run: `1. …` then `    1. …`, `1.` then `    I.`
  if (o.headingDepth === undefined && inner.headingDepth === undefined && inner.indent > o.indent + 1) {
    if (inner.number === 1 || (outer.childIndent !== undefined && inner.indent >= outer.childIndent - 1)) return true;
  }
  return false;
}

interface OpenSection extends Section {
  childIndent?: number;
}

export function buildSections(text: string, markers: Marker[], scopeBreaks: number[], leadIns: number[] = [], noteParts: readonly NotePart[] = []): Section[] {
  const roots: Section[] = [];
  const open: OpenSection[] = [];
  // per list of siblings: its current scope, and the runs (level and family) begun in it
  const listStates = new Map<Section[], { scope: number; runs: Set<string> }>();
  let breakIndex = 0;
  let leadInIndex = 0;
  let noteIndex = 0;
  let previousStart = -1;
  for (const marker of markers) {
    // a notes part closes every open section: its notes are no items of the last section
    let crossedNotes = false;
    while (noteIndex < noteParts.length && noteParts[noteIndex].start < marker.start) {
      if (noteParts[noteIndex].start > previousStart) crossedNotes = true;
      noteIndex++;
    }
    if (crossedNotes) while (open.length) close(open.pop()!, marker.lineStart, text);
    let crossedBreak = false;
    let crossedLeadIn = false;
    while (breakIndex < scopeBreaks.length && scopeBreaks[breakIndex] < marker.start) {
      if (scopeBreaks[breakIndex] > previousStart) crossedBreak = true;
      breakIndex++;
    }
    while (leadInIndex < leadIns.length && leadIns[leadInIndex] < marker.start) {
      if (leadIns[leadInIndex] > previousStart) crossedLeadIn = true;
      leadInIndex++;
    }
    previousStart = marker.start;
    while (open.length && !encloses(open[open.length - 1], marker)) close(open.pop()!, marker.lineStart, text);
    const parent = open[open.length - 1];
    // scopes count per list of siblings: a lead-in inside a nested list does not split the outer run
    const siblings = parent ? parent.children : roots;
    let list = listStates.get(siblings);
    if (!list) listStates.set(siblings, (list = { scope: 0, runs: new Set() }));
    const runKey = `${marker.level}/${family(marker)}`;
    let openedBy: Section['scopeOpenedBy'];
    // the notes begin a numbering scope of their own, whatever ran before them
    if (crossedNotes || ((crossedBreak || crossedLeadIn) && marker.number <= 1 && list.runs.has(runKey))) {
      list.scope++;
      list.runs.clear();
      openedBy = crossedBreak ? 'break' : 'lead-in';
    }
    list.runs.add(runKey);
    const scope = list.scope;
    const section: OpenSection = {
      marker,
      level: marker.level,
      number: marker.number,
      headingStart: marker.start,
      headingEnd: marker.headingEnd,
      start: marker.lineStart,
      end: text.length,
      children: [],
      scope,
    };
    if (openedBy) section.scopeOpenedBy = openedBy;
    if (parent) {
      section.parent = parent;
      parent.children.push(section);
      if (parent.level >= marker.level && parent.marker.headingDepth === undefined && marker.headingDepth === undefined && marker.indent > parent.marker.indent + 1) {
        section.nestedByIndent = true;
        parent.childIndent ??= marker.indent;
      }
    } else roots.push(section);
    open.push(section);
  }
  while (open.length) close(open.pop()!, text.length, text);
  for (const section of allSections(roots)) delete (section as OpenSection).childIndent;
  return roots;
}

function allSections(roots: Section[]): Section[] {
  const out: Section[] = [];
  const stack = [...roots];
  while (stack.length) {
    const s = stack.pop()!;
    out.push(s);
    stack.push(...s.children);
  }
  return out;
}

function close(section: Section, end: number, text: string): void {
  section.end = trimEndOffset(text, section.start, end);
}
