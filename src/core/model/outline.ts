import { trimEndOffset } from './offsets';
import type { EnumerationRun } from './enumerations';
import type { Block, Section, SummaryDocument } from './types';

/**
 * What a node of the outline stands for. `heading`: an unnumbered heading (a Markdown heading with
 * no marker, or a plain heading-like line that opens a scope) holding the sections after it;
 * a bold paragraph of a Markdown text (a report's question) is one too, below every `#` depth;
 * `enumeration`: a standalone 一是/二是 heading paragraph; the rest are the parts of their own.
 */
export type OutlineNodeKind = 'title' | 'opening' | 'heading' | 'section' | 'enumeration' | OutlinePartKind;

/** The parts of their own the outline shows (one entry of `PART_KINDS` each). */
export type OutlinePartKind = 'notes' | 'other-half' | 'appendix' | 'attachments' | 'closing';

export interface OutlineNode {
  kind: OutlineNodeKind;
  /** the node's whole range: its own text and its children's */
  start: number;
  end: number;
  /** where the node's label stands (the heading, the marker and heading text, the title): what to reveal */
  labelStart: number;
  labelEnd: number;
  /** the words as written (marker and heading for a section); the opening's and the closing's first words */
  label: string;
  children: OutlineNode[];
  /** for `section`: the model's section */
  section?: Section;
  /** for `heading`: its rank (a Markdown heading's `#` depth; 1 for a report's title line, 2 for other lines, 7 for a bold paragraph) */
  rank?: number;
  /** for a `heading` that is a Markdown heading: its `#` depth */
  depth?: number;
  /** for `other-half`: the language of the second half */
  language?: 'zh' | 'en';
}

/** A document's outline: the top-level nodes in order (title, opening, headings, sections, parts). */
export interface DocumentOutline {
  roots: OutlineNode[];
}

interface PartRange {
  start: number;
  end: number;
  labelStart: number;
  labelEnd: number;
  label: string;
  language?: 'zh' | 'en';
}

/**
 * The parts of their own, one entry each: a new kind of part is one more entry. `rank` says what it
 * closes (a part of rank r ends every open heading of rank ≥ r: 0 ends everything, 1.5 ends all but a
 * report's title line); `holdsSections`: the numbered sections inside its range go under it.
 */
interface PartKind {
  kind: OutlinePartKind;
  rank: number;
  holdsSections: boolean;
  find: (doc: SummaryDocument) => PartRange[];
}

const firstLine = (text: string, start: number, end: number): PartRange => {
  const lineEnd = lineEndWithin(text, start, end);
  const label = text.slice(start, lineEnd).trim();
  const labelStart = start + text.slice(start, lineEnd).indexOf(label);
  return { start, end, labelStart, labelEnd: labelStart + label.length, label };
};

const PART_KINDS: readonly PartKind[] = [
  {
    kind: 'other-half',
    rank: 0,
    holdsSections: true,
    find: (doc) => (doc.otherHalf ? [{ start: doc.otherHalf.start, end: doc.otherHalf.end, labelStart: doc.otherHalf.title.start, labelEnd: doc.otherHalf.title.end, label: doc.otherHalf.title.text, language: doc.otherHalf.language }] : []),
  },
  {
    kind: 'notes',
    rank: 1.5,
    holdsSections: true,
    find: (doc) => (doc.noteParts ?? []).map((p) => ({ start: p.start, end: p.end, labelStart: p.heading.start, labelEnd: p.heading.end, label: p.heading.text })),
  },
  // an appendix's items are a tree of their own in the model, not body sections: the node shows the appendix, not its contents
  {
    kind: 'appendix',
    rank: 1.5,
    holdsSections: false,
    find: (doc) =>
      (doc.appendices ?? []).map((a) => ({ start: a.start, end: a.end, labelStart: a.heading.start, labelEnd: a.title?.end ?? a.heading.end, label: [a.heading.text, a.title?.text].filter(Boolean).join(' ') })),
  },
  { kind: 'attachments', rank: 1.5, holdsSections: false, find: (doc) => (doc.attachments ? [firstLine(doc.text, doc.attachments.start, doc.attachments.end)] : []) },
  { kind: 'closing', rank: 1.5, holdsSections: false, find: (doc) => (doc.closing ? [firstLine(doc.text, doc.closing.start, doc.closing.end)] : []) },
];

function lineEndWithin(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** A report's title line inside a longer text (a concatenation of reports): it outranks the report's own headings. */
const REPORT_TITLE = /(报告|总结|汇报)$/;
/** Lines that are no headings though short and unpunctuated: a date or venue line, a line in brackets, a dash line. */
const NOT_A_HEADING = /^[—–\-－]|^[（(].*[）)]$|\d{1,2}月\d{1,2}日|^↑/;

interface HeadingEntry {
  node: OutlineNode;
  rank: number;
  /** the `#` depth of a Markdown heading */
  depth?: number;
  /** the first section of its group, if it opens one */
  opens?: Section;
  /** a report's title line inside a longer text */
  titleLike: boolean;
  /** a Markdown paragraph that is all bold (`**How do you measure membership?**`): a heading below every `#` depth */
  bold?: boolean;
  /** a plain line standing beside the heading that opens a group (its parent is that heading's) */
  beside?: HeadingEntry;
  /** the section whose children list the heading stands in; undefined: the top level */
  parent?: Section | undefined;
}

/**
 * Where a heading ends the sections open before it: a report's title line ends them all; a Markdown
 * heading ends all but the Markdown headings of a lesser depth (a heading ends a list).
 */
interface Cut {
  at: number;
  /** undefined: ends every section */
  depth?: number;
  /** a paragraph at the margin (a bold heading) ends only the list items open before it */
  listsOnly?: boolean;
}

/**
 * The sections as the outline nests them: the model's tree, except that a section a heading ended
 * (its later children, the next report's 一、 the model ran on under the last （十一）) moves up to
 * the nearest ancestor the heading leaves open, or the top level.
 */
function viewParents(cuts: readonly Cut[]): { parentOf: (section: Section) => Section | undefined; holderAt: (candidate: Section | undefined, offset: number) => Section | undefined } {
  const sorted = [...cuts].sort((a, b) => a.at - b.at);
  const endsSection = (cut: Cut, section: Section) =>
    cut.listsOnly ? section.marker.at === 'list-item' : cut.depth === undefined || !(section.marker.headingDepth !== undefined && section.marker.headingDepth < cut.depth);
  /** the nearest of `candidate` and its ancestors that no cut in (its start, offset] ends */
  const holderAt = (candidate: Section | undefined, offset: number): Section | undefined => {
    let holder = candidate;
    while (holder) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid].at <= holder.start) lo = mid + 1;
        else hi = mid;
      }
      let ended = false;
      for (let i = lo; i < sorted.length && sorted[i].at <= offset; i++) if (endsSection(sorted[i], holder)) { ended = true; break; }
      if (!ended) return holder;
      holder = holder.parent;
    }
    return undefined;
  };
  const parents = new Map<Section, Section | undefined>();
  const parentOf = (section: Section) => {
    if (!parents.has(section)) parents.set(section, holderAt(section.parent, section.start));
    return parents.get(section);
  };
  return { parentOf, holderAt };
}

/**
 * The outline of one document version: the tree the snapshot renderer, the editor's Summary Outline
 * and the document symbols all show. Unnumbered headings hold the sections after them up to the next
 * heading of the same or a higher rank; the parts of their own (notes, the second half, the
 * attachment note, the closing) are nodes; tables and the attachments' contents never appear.
 * Computed from the model and its enumeration runs (the view `enumerationRunsOf`): it finds nothing
 * the builder did not.
 */
export function buildOutline(doc: SummaryDocument, enumerationRuns: readonly EnumerationRun[]): DocumentOutline {
  const text = doc.text;
  const parts = PART_KINDS.flatMap((kind) => kind.find(doc).map((range) => ({ kind, range })));
  // a part that holds sections ends every section open before it, as a report's title does
  const partCuts = parts.filter((p) => p.kind.holdsSections).map((p) => p.range.start);
  const { headings, parentOf, holderAt } = findHeadings(doc, parts.map((p) => p.range), partCuts);
  const childrenOf = new Map<Section | undefined, Section[]>();
  for (const section of sectionsInOrder(doc.sections)) {
    const parent = parentOf(section);
    const list = childrenOf.get(parent) ?? [];
    list.push(section);
    childrenOf.set(parent, list);
  }
  for (const h of headings) {
    if (h.titleLike) h.parent = undefined;
    else if (h.opens) h.parent = parentOf(h.opens);
    else if (h.beside) h.parent = h.beside.parent;
    else if (h.depth !== undefined || h.bold) h.parent = holderAt(innermostSection(doc.sections, h.node.start), h.node.start);
  }
  const headingsIn = new Map<Section | undefined, HeadingEntry[]>();
  for (const h of headings) headingsIn.set(h.parent, [...(headingsIn.get(h.parent) ?? []), h]);
  const enumerationHeadings = standaloneEnumerations(doc, enumerationRuns);

  const sectionNode = (section: Section): OutlineNode => {
    const node: OutlineNode = {
      kind: 'section',
      start: section.start,
      end: section.end,
      labelStart: section.headingStart,
      labelEnd: section.headingEnd,
      label: `${section.marker.text}${section.marker.headingText}`,
      children: [],
      section,
    };
    const items: Item[] = [
      ...(childrenOf.get(section) ?? []).map((child) => ({ node: sectionNode(child) })),
      ...(headingsIn.get(section) ?? []).map(headingItem),
      ...(enumerationHeadings.get(section) ?? []).map((n) => ({ node: n })),
    ];
    node.children = nest(items);
    return node;
  };

  const items: Item[] = [];
  if (doc.title) items.push({ node: { kind: 'title', start: doc.title.start, end: doc.title.end, labelStart: doc.title.start, labelEnd: doc.title.end, label: doc.title.text, children: [] } });
  const opening = openingOutside(doc, headings);
  if (opening) {
    const { start, end } = opening;
    items.push({ node: { kind: 'opening', start, end, labelStart: start, labelEnd: lineEndWithin(text, start, end), label: text.slice(start, lineEndWithin(text, start, end)).trim(), children: [] } });
  }
  for (const { kind, range } of parts) {
    const node: OutlineNode = { kind: kind.kind, start: range.start, end: range.end, labelStart: range.labelStart, labelEnd: range.labelEnd, label: range.label, children: [] };
    if (range.language) node.language = range.language;
    // a part that holds no sections is a leaf: it closes what it ends, holds nothing
    items.push(kind.holdsSections ? { node, rank: kind.rank, explicitEnd: range.end } : { node, closes: kind.rank });
  }
  items.push(...(headingsIn.get(undefined) ?? []).map(headingItem));
  items.push(...(childrenOf.get(undefined) ?? []).map((section) => ({ node: sectionNode(section) })));
  items.push(...(enumerationHeadings.get(undefined) ?? []).map((n) => ({ node: n })));
  const roots = nest(items);
  clipRanges(roots, text, text.length);
  return { roots };
}

interface Item {
  node: OutlineNode;
  /** a container: it holds what follows, up to an item that closes it */
  rank?: number;
  /** a container whose range is known (a part): it holds only what starts inside it */
  explicitEnd?: number;
  /** a leaf that ends the open containers of this rank or more (a leaf part) */
  closes?: number;
  /** a Markdown heading container: a numbered Markdown heading of this depth or less closes it */
  depth?: number;
}

/** The rank and the `#` depth of a bold paragraph heading: below `######` */
const BOLD_RANK = 7;

const headingItem = (h: HeadingEntry): Item => {
  const depth = h.depth ?? (h.bold ? BOLD_RANK : undefined);
  return depth === undefined ? { node: h.node, rank: h.rank } : { node: h.node, rank: h.rank, depth };
};

/** Places items (in document order) under the containers that hold them; returns the top level. */
function nest(items: Item[]): OutlineNode[] {
  items.sort((a, b) => a.node.start - b.node.start || (a.rank ?? 99) - (b.rank ?? 99));
  const top: OutlineNode[] = [];
  const stack: Item[] = [];
  for (const item of items) {
    while (stack.length && stack[stack.length - 1].explicitEnd !== undefined && item.node.start >= stack[stack.length - 1].explicitEnd!) stack.pop();
    const closing = item.rank ?? item.closes;
    if (closing !== undefined) {
      // a part whose range is known holds everything that starts inside it, whatever its rank
      while (stack.length && stack[stack.length - 1].rank! >= closing && stack[stack.length - 1].explicitEnd === undefined) stack.pop();
    }
    const headingDepth = item.node.section?.marker.headingDepth;
    if (headingDepth !== undefined) while (stack.length && stack[stack.length - 1].depth !== undefined && stack[stack.length - 1].depth! >= headingDepth) stack.pop();
    (stack.length ? stack[stack.length - 1].node.children : top).push(item.node);
    if (item.rank !== undefined) stack.push(item);
  }
  return top;
}

/**
 * Every node ends where its next sibling begins (a section the model runs on past a heading ends at
 * the heading), and inside its parent; a container runs on to the end of its parent.
 */
function clipRanges(nodes: OutlineNode[], text: string, parentEnd: number): void {
  nodes.forEach((node, index) => {
    const next = nodes[index + 1];
    const limit = next ? Math.min(next.start, parentEnd) : parentEnd;
    const holds = node.kind === 'heading' || node.kind === 'enumeration';
    if (holds || node.end > limit) node.end = Math.max(node.labelEnd, trimEndOffset(text, node.start, limit));
    clipRanges(node.children, text, node.end);
  });
}

/** Every section, in document order. */
function sectionsInOrder(roots: readonly Section[]): Section[] {
  const out: Section[] = [];
  const visit = (sections: readonly Section[]) => sections.forEach((s) => (out.push(s), visit(s.children)));
  visit(roots);
  return out;
}

/**
 * The unnumbered headings among the scope breaks: Markdown headings with no marker, and plain lines
 * that open a group of sections (the next section, numbered one, follows before any other heading),
 * that are a report's title inside a longer text, or that stand beside such a heading with text of
 * their own (`2024年工作回顾` before `2025年工作安排` and its (一)–(九)). Tables and their captions, the
 * title and the parts' own heading lines are left out. A heading holds a group only from a section
 * numbered one: a run carried on after it (三、 after a table's caption) is not its own.
 */
/**
 * `##整体总结`: a heading written without the space after its #s is a paragraph to CommonMark, but
 * the writer meant a heading (the title finder reads the first one so too). Its depth, or undefined.
 */
function unspacedHeadingDepth(doc: SummaryDocument, block: Block, line: string): number | undefined {
  if (doc.format !== 'markdown' || block.kind !== 'paragraph' || block.lineStarts.length !== 1) return undefined;
  return /^(#{1,6})[^#\s][^。；;！!？?]{0,40}$/.exec(line.trimEnd())?.[1]!.length;
}

function findHeadings(doc: SummaryDocument, parts: readonly PartRange[], partCuts: readonly number[]): { headings: HeadingEntry[] } & ReturnType<typeof viewParents> {
  const text = doc.text;
  const blockAt = new Map<number, number>();
  doc.blocks.forEach((block, index) => blockAt.set(block.start, index));
  const sections = sectionsInOrder(doc.sections);
  const inTable = (offset: number) => doc.tables.some((t) => offset >= t.start && offset < t.end);
  const isPartHeading = (offset: number) => parts.some((p) => offset >= p.start && offset <= p.labelEnd);
  const titleStart = doc.title?.start ?? -1;
  const breaks = [...doc.scopeBreaks].sort((a, b) => a - b);
  const isBreak = new Set(breaks);
  const partStarts = parts.map((p) => p.start);
  let nextSection = 0;
  const markedLines = new Set(doc.markers.map((m) => m.lineStart));

  interface Candidate extends HeadingEntry {
    plain: boolean;
    /** the heading of an appendix, right under its 附件 line: it ends the body's sections */
    appendix?: boolean;
  }
  const candidates: Candidate[] = [];
  breaks.forEach((start, i) => {
    const index = blockAt.get(start);
    if (index === undefined || inTable(start) || isPartHeading(start)) return;
    const block = doc.blocks[index];
    if (doc.title && start <= titleStart && titleStart < block.end) return;
    const lineEnd = lineEndWithin(text, start, block.end);
    // the next section, if it comes before the next break or part, and opens a run
    const nextStop = Math.min(breaks[i + 1] ?? text.length, ...partStarts.filter((p) => p > start));
    while (nextSection < sections.length && sections[nextSection].start <= start) nextSection++;
    const next = sections[nextSection];
    const opens = next && next.start < nextStop && next.number === 1 ? next : undefined;
    const raw = text.slice(start, lineEnd);
    const unspaced = unspacedHeadingDepth(doc, block, raw);
    if (block.kind === 'heading' || unspaced !== undefined) {
      const label = raw.replace(/^#{1,6}[ \t]*/, '').replace(/[ \t]+#+[ \t]*$/, '').replace(/^[*_]+|[*_]+$/g, '').trim();
      // a table's caption (`## 表三：…` over its table) belongs to the table
      const following = doc.blocks[index + 1];
      if (!label || /^表[一二三四五六七八九十\d]+/.test(label) || (following && (following.kind === 'table' || inTable(following.start)))) return;
      const depth = block.depth ?? unspaced ?? 1;
      const labelStart = start + raw.indexOf(label);
      const node: OutlineNode = { kind: 'heading', start, end: lineEnd, labelStart, labelEnd: labelStart + label.length, label, children: [], rank: depth, depth };
      // a numbered Markdown heading of the same depth or less is no section of it
      const holds = opens && !(opens.marker.headingDepth !== undefined && opens.marker.headingDepth <= depth) ? opens : undefined;
      candidates.push({ node, rank: depth, depth, ...(holds ? { opens: holds } : {}), plain: false, titleLike: false });
      return;
    }
    const label = raw.replace(/^[\s\u3000*_]+|[\s\u3000*_]+$/g, '');
    if (label.length < 2 || /[\s\u3000]/.test(label) || NOT_A_HEADING.test(label)) return;
    // an English line only where it begins as a heading does (not a list fragment: `over 11 million …`)
    if (!/^[\u4e00-\u9fff《“0-9A-Z]/.test(label)) return;
    // the second line of a numbered heading the writer wrapped (三、持续提升政府 / 治理效能和服务水平)
    const previous = doc.blocks[index - 1];
    if (previous && previous.lineStarts.length === 1 && markedLines.has(previous.start) && !/[。；;！!？?]/.test(text.slice(previous.start, previous.end))) return;
    const labelStart = start + raw.indexOf(label);
    const titleLike = REPORT_TITLE.test(label);
    const rank = titleLike ? 1 : 2;
    const node: OutlineNode = { kind: 'heading', start, end: lineEnd, labelStart, labelEnd: labelStart + label.length, label, children: [], rank };
    const appendix = previous !== undefined && /^[\s\u3000]*附件[0-9一二三四五六七八九十]*[\s\u3000]*$/.test(text.slice(previous.start, previous.end));
    candidates.push({ node, rank, ...(opens ? { opens } : {}), plain: true, titleLike, ...(appendix ? { appendix } : {}) });
  });
  // an unspaced heading that opens no scope (no numbered run follows it): a heading all the same
  doc.blocks.forEach((block) => {
    if (isBreak.has(block.start) || inTable(block.start) || isPartHeading(block.start)) return;
    if (doc.title && block.start <= titleStart && titleStart < block.end) return;
    const lineEnd = lineEndWithin(text, block.start, block.end);
    const depth = unspacedHeadingDepth(doc, block, text.slice(block.start, lineEnd));
    if (depth === undefined) return;
    const label = text.slice(block.start + depth, lineEnd).trim();
    const labelStart = block.start + depth;
    const node: OutlineNode = { kind: 'heading', start: block.start, end: lineEnd, labelStart, labelEnd: labelStart + label.length, label, children: [], rank: depth, depth };
    candidates.push({ node, rank: depth, depth, plain: false, titleLike: false });
  });
  candidates.push(...boldHeadings(doc, sections, breaks, partStarts, markedLines, inTable).map((h) => ({ ...h, plain: false })));
  candidates.sort((a, b) => a.node.start - b.node.start);

  const cuts: Cut[] = [
    ...partCuts.map((at) => ({ at })),
    ...candidates.flatMap((h): Cut[] =>
      h.titleLike || h.appendix ? [{ at: h.node.start }] : h.depth !== undefined ? [{ at: h.node.start, depth: h.depth }] : h.bold ? [{ at: h.node.start, listsOnly: true }] : [],
    ),
  ];
  const parents = viewParents(cuts);
  const nextPlainOf: (Candidate | undefined)[] = [];
  for (let i = candidates.length - 1, next: Candidate | undefined; i >= 0; i--) {
    nextPlainOf[i] = next;
    if (candidates[i].plain) next = candidates[i];
  }
  const kept: HeadingEntry[] = [];
  candidates.forEach((c, i) => {
    if (!c.plain) return kept.push(c);
    if (c.titleLike) {
      // a second title line of the same report (2025年湖南省政府工作报告 … 政府工作报告) adds nothing
      const before = kept[kept.length - 1];
      if (before?.titleLike && firstIndexAfter(sections, before.node.start, (x) => x.start) === firstIndexAfter(sections, c.node.start - 1, (x) => x.start) && !longBlockBetween(doc, before.node.end, c.node.start)) return;
      kept.push(c);
      return;
    }
    if (c.opens) return kept.push(c);
    // beside a heading that opens a group, with text of its own: a heading whose part has no numbered sections
    const nextPlain = nextPlainOf[i];
    if (!nextPlain || nextPlain.titleLike || !nextPlain.opens) return;
    if (parents.holderAt(innermostSection(doc.sections, c.node.start), c.node.start) || !/[\u4e00-\u9fff]/.test(c.node.label)) return;
    if (!longBlockBetween(doc, c.node.end, nextPlain.node.start)) return;
    kept.push({ ...c, beside: nextPlain });
  });
  return { headings: kept, ...parents };
}

/**
 * Bold paragraphs of a Markdown text that stand as headings: one line, all of it bold
 * (`**How do you measure membership?**`, `**Continuing:**`), no marker, not in a table. Each holds
 * the numbered run right after it (a lazy `1.` answer list), up to the next heading.
 */
function boldHeadings(doc: SummaryDocument, sections: readonly Section[], breaks: readonly number[], partStarts: readonly number[], markedLines: ReadonlySet<number>, inTable: (offset: number) => boolean): HeadingEntry[] {
  if (doc.format !== 'markdown') return [];
  const text = doc.text;
  const starts: number[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph' || block.lineStarts.length !== 1 || markedLines.has(block.start) || inTable(block.start)) continue;
    if (/^[ \t]*(\*\*|__)(?![*_\s])[^*_\n]{1,300}(?<![*_\s])\1[ \t]*$/.test(text.slice(block.start, block.end))) starts.push(block.start);
  }
  return starts.map((start, i) => {
    const lineEnd = lineEndWithin(text, start, text.length);
    const raw = text.slice(start, lineEnd);
    const label = raw.trim().slice(2, -2);
    const labelStart = start + raw.indexOf(label);
    const nextStop = Math.min(starts[i + 1] ?? text.length, breaks[firstIndexAfter(breaks, start, (b) => b)] ?? text.length, ...partStarts.filter((p) => p > start));
    const next = sections[firstIndexAfter(sections, start, (x) => x.start)];
    const opens = next && next.start < nextStop && next.number === 1 ? next : undefined;
    const node: OutlineNode = { kind: 'heading', start, end: lineEnd, labelStart, labelEnd: labelStart + label.length, label, children: [], rank: BOLD_RANK };
    return { node, rank: BOLD_RANK, bold: true, ...(opens ? { opens } : {}), titleLike: false };
  });
}

/** A paragraph of prose (40 characters or more) between the two offsets. */
function longBlockBetween(doc: SummaryDocument, from: number, to: number): boolean {
  for (let i = firstIndexAfter(doc.blocks, from - 1, (b) => b.start); i < doc.blocks.length && doc.blocks[i].start < to; i++) {
    const block = doc.blocks[i];
    if (block.kind === 'paragraph' && block.end - block.start >= 40) return true;
  }
  return false;
}

/** The index of the first item (in order of `key`) whose key is greater than `offset`. */
function firstIndexAfter<T>(items: readonly T[], offset: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A 一是 item that is a paragraph of its own, short and without a sentence end: a heading, not prose. */
const STANDALONE_MAX = 40;

/**
 * Runs of 一是/二是 heading paragraphs (each item alone on its line, no sentence after it), by the
 * section they stand in (undefined: outside every section). An 一是 run into a sentence is prose:
 * every item of the run must stand alone, and there must be two at least.
 */
function standaloneEnumerations(doc: SummaryDocument, runs: readonly EnumerationRun[]): Map<Section | undefined, OutlineNode[]> {
  const bySection = new Map<Section | undefined, OutlineNode[]>();
  const text = doc.text;
  for (const run of runs) {
    if (run.kind !== 'shi' || run.items.length < 2) continue;
    const nodes: OutlineNode[] = [];
    for (const item of run.items) {
      const block = doc.blocks[item.blockIndex];
      if (!block || block.kind !== 'paragraph' || block.lineStarts.length !== 1) break;
      const line = text.slice(block.start, block.end);
      const label = line.replace(/^[\s\u3000*_]+|[\s\u3000*_]+$/g, '');
      const labelStart = block.start + line.indexOf(label);
      if (labelStart !== item.start || label.length > STANDALONE_MAX || /[。；;！!？?：:]/.test(label)) break;
      nodes.push({ kind: 'enumeration', start: block.start, end: block.end, labelStart, labelEnd: labelStart + label.length, label, children: [] });
    }
    if (nodes.length !== run.items.length) continue;
    // a run's items share their innermost section (enumerationRuns groups them so)
    const section = innermostSection(doc.sections, run.items[0].start);
    bySection.set(section, [...(bySection.get(section) ?? []), ...nodes]);
  }
  return bySection;
}

/**
 * The opening as the outline shows it: the text before the first heading (a report's first part,
 * `2024年工作回顾`, is no opening). Where a heading stands right at its start, the text is that
 * heading's (`## Operations` and its questions), and there is no opening. None either where nothing
 * but rules and blank lines is left.
 */
function openingOutside(doc: SummaryDocument, headings: readonly HeadingEntry[]): { start: number; end: number } | undefined {
  if (!doc.opening || doc.opening.end <= doc.opening.start) return undefined;
  let { start, end } = doc.opening;
  const text = doc.text;
  const first = headings.find((h) => h.node.start >= start && h.node.start < end);
  if (first?.node.start === start) return undefined;
  if (first) end = trimEndOffset(text, start, first.node.start);
  if (end <= start || !/[\p{L}\p{N}]/u.test(text.slice(start, end))) return undefined;
  return { start, end };
}

/** The innermost section whose range holds the offset (siblings are in order: found by halving). */
function innermostSection(roots: readonly Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  let level = roots;
  for (;;) {
    const index = firstIndexAfter(level, offset, (s) => s.start) - 1;
    const inside = level[index];
    if (!inside || offset >= Math.max(inside.end, inside.headingEnd)) return found;
    found = inside;
    level = inside.children;
  }
}
