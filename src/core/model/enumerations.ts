import type { EnumerationItem, EnumerationKind, Section, SummaryDocument } from './types';

/** 最后 is numbered -1 in the model: it closes a 首先/其次/再次 run. */
const LAST = -1;

/** A run of enumeration items of one kind, numbered together: 一是 二是 三是. */
export interface EnumerationRun {
  kind: EnumerationKind;
  items: EnumerationItem[];
}

/** The innermost section whose range holds the offset, or undefined outside every section. */
export function innermostSection(sections: readonly Section[], offset: number): Section | undefined {
  for (const section of sections) {
    if (section.start <= offset && offset < Math.max(section.end, section.headingEnd)) {
      return innermostSection(section.children, offset) ?? section;
    }
  }
  return undefined;
}

/** True when only indentation or Markdown syntax stands between the line start and the item. */
function leadsLine(doc: SummaryDocument, item: EnumerationItem): boolean {
  const block = doc.blocks[item.blockIndex];
  let lineStart = block.start;
  for (const start of block.lineStarts) if (start <= item.start) lineStart = start;
  return /^[\s\u3000#>*_+-]*$/.test(doc.text.slice(lineStart, item.start));
}

interface OpenRun extends EnumerationRun {
  /** an inline run inside one paragraph of an outer paragraph-level run: it ends with its paragraph */
  nestedIn?: number;
}

/**
 * Groups the enumerations into runs: the same kind, the same innermost section (or outside all
 * sections), in order. A run begins again at 一 (首先). A run written inline inside a paragraph
 * while a paragraph-level run (each item opening its paragraph) is open is nested in it and ends
 * with its paragraph: `七是…。\n\n今年办好十件实事：一是…十是…。\n\n八是…`.
 */
export function enumerationRuns(doc: SummaryDocument): EnumerationRun[] {
  const runs: EnumerationRun[] = [];
  const stacks = new Map<string, OpenRun[]>();
  for (const item of doc.enumerations) {
    const section = innermostSection(doc.sections, item.start);
    const key = `${item.kind}@${section ? section.start : 'none'}`;
    const stack = stacks.get(key) ?? [];
    stacks.set(key, stack);
    const leads = leadsLine(doc, item);
    const open = (nestedIn?: number) => {
      const run: OpenRun = { kind: item.kind, items: [item] };
      if (nestedIn !== undefined) run.nestedIn = nestedIn;
      runs.push(run);
      return run;
    };
    let top = stack[stack.length - 1];
    // a nested run ends with its paragraph, unless the next paragraph carries it on (一是… ¶ 二是…)
    if (top?.nestedIn !== undefined && top.nestedIn !== item.blockIndex) {
      const outer = stack[stack.length - 2];
      const nestedNext = top.items[top.items.length - 1].number + 1;
      const outerNext = outer ? outer.items[outer.items.length - 1].number + 1 : undefined;
      if (item.number === nestedNext && item.number !== outerNext) {
        delete top.nestedIn;
        stack.length = 0;
        stack.push(top);
      } else {
        stack.pop();
      }
      top = stack[stack.length - 1];
    }
    if (item.number !== 1) {
      if (top) top.items.push(item);
      else stack.push(open());
      continue;
    }
    const lone = top && top.items.length === 1 && top.items[0].number === 1;
    const opensNested = top && !leads && top.nestedIn === undefined && top.items.every((i) => leadsLine(doc, i));
    if (top && lone && top.items[0].blockIndex === item.blockIndex && top.nestedIn === undefined && !opensNested) {
      top.items.push(item); // 一是…；一是…：a duplicated first item, not a new run
    } else if (opensNested) {
      stack.push(open(item.blockIndex));
    } else if (top?.nestedIn !== undefined) {
      stack[stack.length - 1] = open(item.blockIndex);
    } else {
      stack.length = 0;
      stack.push(open());
    }
  }
  return runs.map(({ kind, items }) => ({ kind, items }));
}

/** A run numbered 1, 2, 3… (首先 其次 再次 … 最后): nothing out of order, nothing missing at its start. */
export function isCleanRun(run: EnumerationRun): boolean {
  return run.items.every((item, index) => {
    if (index === 0) return item.number === 1;
    const previous = run.items[index - 1].number;
    if (previous === LAST) return false;
    return item.number === previous + 1 || (run.kind === 'shouxian' && item.number === LAST);
  });
}
