import { trimEndOffset } from './offsets';
import type { Block, LineCandidate, Marker, Section } from './types';

/** Turns line candidates into markers; an ambiguous one (`3、4月份`) only where its neighbours expect it. */
export function resolveMarkers(candidates: LineCandidate[], titleIndex: number): Marker[] {
  const markers: Marker[] = [];
  // the last number seen at each level since a higher level last appeared
  const lastAtLevel: number[] = [];
  for (const { blockIndex, lineStart, candidate, at, headingText, headingEnd } of candidates) {
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
    };
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

export function buildSections(text: string, markers: Marker[], scopeBreaks: number[]): Section[] {
  const roots: Section[] = [];
  const open: Section[] = [];
  let scope = 0;
  let breakIndex = 0;
  let previousStart = -1;
  for (const marker of markers) {
    let crossedBreak = false;
    while (breakIndex < scopeBreaks.length && scopeBreaks[breakIndex] < marker.start) {
      if (scopeBreaks[breakIndex] > previousStart) crossedBreak = true;
      breakIndex++;
    }
    previousStart = marker.start;
    const restartsOpenRun = open.some((s) => s.level === marker.level);
    if (crossedBreak && marker.number === 1 && restartsOpenRun) scope++;
    while (open.length && open[open.length - 1].level >= marker.level) close(open.pop()!, marker.lineStart, text);
    const parent = open[open.length - 1];
    const section: Section = {
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
    if (parent) {
      section.parent = parent;
      parent.children.push(section);
    } else roots.push(section);
    open.push(section);
  }
  while (open.length) close(open.pop()!, text.length, text);
  return roots;
}

function close(section: Section, end: number, text: string): void {
  section.end = trimEndOffset(text, section.start, end);
}
