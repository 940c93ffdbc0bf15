import { trimEndOffset } from './offsets';
import { lineStartBefore } from '../text/lines';
import type { Block, LineCandidate, Marker, Section } from './types';

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

export function buildSections(text: string, markers: Marker[], scopeBreaks: number[], leadIns: number[] = []): Section[] {
  const roots: Section[] = [];
  const open: OpenSection[] = [];
  // per list of siblings: its current scope, and the runs (level and family) begun in it
  const listStates = new Map<Section[], { scope: number; runs: Set<string> }>();
  let breakIndex = 0;
  let leadInIndex = 0;
  let previousStart = -1;
  for (const marker of markers) {
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
    if ((crossedBreak || crossedLeadIn) && marker.number <= 1 && list.runs.has(runKey)) {
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
