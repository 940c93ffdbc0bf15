import type { Block, LineCandidate, TableRegion } from './types';

/** Lines between two table rows with nothing but short fragments between them still belong to the table. */
const MAX_GAP_LINES = 8;

/** The six mandated parts of a disclosure report: a level-one marker naming one is a section, never a table row. */
const DISCLOSURE_PART_TITLE = /总体情况|主动公开政府信息|收到和处理政府信息公开申请|行政复议、?行政诉讼|存在的主要问题|其他需要报告/;

/** How many certain statistics-table labels make a document one that carries those tables. */
const STATISTICS_DOCUMENT = 3;

interface LineInfo {
  start: number;
  table: boolean;
  /** a line of running text: a sentence ends on it */
  prose: boolean;
}

function linesOf(text: string, blocks: readonly Block[], tableLines: ReadonlySet<number>): LineInfo[] {
  const lines: LineInfo[] = [];
  for (const block of blocks) {
    if (block.kind === 'front-matter' || block.kind === 'code') continue;
    block.lineStarts.forEach((start, i) => {
      const end = i + 1 < block.lineStarts.length ? block.lineStarts[i + 1] : block.end;
      const table = block.kind === 'table' || block.kind === 'html' || tableLines.has(start);
      lines.push({ start, table, prose: !table && /[。！？!?]/.test(text.slice(start, end)) });
    });
  }
  return lines;
}

export interface TableReading {
  tables: TableRegion[];
  /** the candidates that label table rows, by line start */
  rowLabels: Set<LineCandidate>;
}

/**
 * Which marker candidates label table rows, and where the tables are. A candidate is a row label
 * when its line is a row of cells, when it is a statistics-table label (国办公开办函〔2021〕30号), or,
 * in a document that has those tables, when it stands between two table rows with no sentence
 * between them (a PDF copy breaks the cells into fragments: `（三）不` / `予公开`, `三、本法提供`) —
 * unless it names one of the six mandated parts of a disclosure report.
 */
export function readTables(text: string, blocks: readonly Block[], candidates: readonly LineCandidate[], tableLineStarts: readonly number[]): TableReading {
  const statisticsLabels = candidates.filter((c) => c.table === 'statistics').length;
  const rowLabels = new Set<LineCandidate>();
  for (const c of candidates) if (c.table === 'cells' || c.table === 'statistics') rowLabels.add(c);
  const tableSet = new Set(tableLineStarts);
  for (const c of rowLabels) tableSet.add(c.lineStart);
  const lines = linesOf(text, blocks, tableSet);
  const indexOfLine = new Map<number, number>();
  lines.forEach((line, i) => indexOfLine.set(line.start, i));

  const inGap = (lineIndex: number): boolean => {
    let before = -1;
    for (let i = lineIndex - 1; i >= 0 && i >= lineIndex - MAX_GAP_LINES; i--) {
      if (lines[i].table) {
        before = i;
        break;
      }
      if (lines[i].prose) return false;
    }
    if (before < 0) return false;
    for (let i = lineIndex + 1; i < lines.length && i <= lineIndex + MAX_GAP_LINES; i++) {
      if (lines[i].table) return true;
      if (lines[i].prose) return false;
    }
    return false;
  };

  for (const c of candidates) {
    if (rowLabels.has(c)) continue;
    const lineIndex = indexOfLine.get(c.lineStart);
    if (lineIndex === undefined || lines[lineIndex].prose) continue;
    if (c.candidate.level === 1 && DISCLOSURE_PART_TITLE.test(c.headingText)) continue;
    const wrappedLabel = c.table === 'statistics-prefix';
    if ((wrappedLabel || statisticsLabels >= STATISTICS_DOCUMENT) && inGap(lineIndex)) {
      rowLabels.add(c);
      lines[lineIndex].table = true;
    }
  }

  // regions: runs of table lines, a short gap of fragments bridged
  const tables: TableRegion[] = [];
  let open: { start: number; lastLine: number } | undefined;
  const lineEnd = (i: number) => (i + 1 < lines.length ? lines[i + 1].start : text.length);
  lines.forEach((line, i) => {
    if (line.table) {
      if (open && i - open.lastLine <= MAX_GAP_LINES && !lines.slice(open.lastLine + 1, i).some((l) => l.prose)) open.lastLine = i;
      else {
        if (open) tables.push({ start: open.start, end: trimEnd(text, lineEnd(open.lastLine)) });
        open = { start: line.start, lastLine: i };
      }
    }
  });
  if (open) tables.push({ start: open.start, end: trimEnd(text, lineEnd(open.lastLine)) });
  return { tables, rowLabels };
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /[\r\n]/.test(text[e - 1])) e--;
  return e;
}

/** A heading text as a table of contents repeats it: without leader dots, page numbers and spacing. */
function tocKey(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[.．·…\s\u3000]+\d*\s*$/, '')
    .replace(/[\s\u3000*_]+/g, '')
    .toLowerCase();
}

/**
 * The entries of a table of contents: a list of links to the headings (`1. [Scope](#scope)`), or a
 * block of three numbered lines or more most of whose texts are the texts of numbered lines elsewhere.
 * A table of contents mirrors the numbering; it is not a second one.
 */
export function tableOfContents(candidates: readonly LineCandidate[], blocks: readonly Block[]): Set<LineCandidate> {
  const entries = new Set<LineCandidate>();
  const byBlock = new Map<number, LineCandidate[]>();
  for (const c of candidates) {
    if (/^\[[^\]]+\]\(#[^)]*\)\s*$/.test(c.headingText)) entries.add(c);
    const list = byBlock.get(c.blockIndex);
    if (list) list.push(c);
    else byBlock.set(c.blockIndex, [c]);
  }
  const keyOf = (c: LineCandidate) => `${c.candidate.text.replace(/[.．]$/, '')} ${tocKey(c.headingText)}`;
  // the headings an entry may mirror: numbered lines standing alone (a heading, or a one-line paragraph)
  const headings = new Set<string>();
  for (const c of candidates) {
    const block = blocks[c.blockIndex];
    if (c.runIn) continue;
    if (c.at === 'heading' || (c.lineIndex === 0 && block && block.lineStarts.length === 1)) headings.add(keyOf(c));
  }
  for (const list of byBlock.values()) {
    if (list.length < 3) continue;
    const keys = list.map(keyOf);
    if (new Set(keys).size < keys.length * 0.8) continue; // a table of contents names different headings
    const mirrored = keys.filter((key) => headings.has(key)).length;
    if (mirrored / list.length >= 0.6) for (const c of list) entries.add(c);
  }
  return entries;
}
