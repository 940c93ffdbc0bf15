import { trimEndOffset } from './offsets';
import type { AppendixPart, Block, DateMark, Marker, Range } from './types';

/**
 * The label of an appendix on a line of its own: `附件`, `附件1`, `附件2 名词解释`, `附录一`. Not the
 * 附件说明 (`附件：1.名称`, with a colon, before the signature: `doc.attachments`), not `附件下载`.
 */
const APPENDIX_LABEL = /^(附件|附录)(?:[\s\u3000]*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}))?(?:[\s\u3000]+([^\s\u3000].{0,29}))?$/u;
/** What an appended title may not hold: sentence punctuation (a line with it is prose, not a title). */
const SENTENCE_MARK = /[。，,；;：:！!？?]/;
/** A line that hands over appended material after the letter is signed: `附上一份调查（允许多选）：`. */
const APPENDED_INTRO = /^(附上|附后|随附|现附|另附)[^。！!？?]{0,30}$/u;
/** The longest line taken as an appendix's own title. */
const TITLE_MAX = 40;

export interface AppendixInput {
  text: string;
  blocks: Block[];
  markers: readonly Marker[];
  scopeBreaks: readonly number[];
  /** signature dates (a date line under a name): a letter signed is over, what follows is appended */
  signatureDates: readonly DateMark[];
  /** the title, attachment note and closing: never an appendix */
  frame: readonly Range[];
  /** where the closing found at the end begins: a 附件 line above it is the note (colon left out), not an appendix */
  closingStart?: number;
}

/** Every label and intro begins with 附, 随附, 现附 or 另附 (after indentation, `#` and emphasis): a test of a few characters before any slicing. */
function opensWithAppendixWord(text: string, start: number): boolean {
  for (let i = start; i < text.length && i < start + 12; i++) {
    const ch = text[i];
    if (ch === '附' || ch === '随' || ch === '现' || ch === '另') return true;
    if (ch !== '#' && ch !== '*' && ch !== '_' && ch !== ' ' && ch !== '\t' && ch !== '\u3000') return false;
  }
  return false;
}

const inside = (ranges: readonly Range[], offset: number) => ranges.some((r) => offset >= r.start && offset < Math.max(r.end, r.start + 1));

/** A block's first line without indentation, Markdown heading marks and emphasis, and where it starts. */
function firstLine(text: string, block: Block): { text: string; start: number } {
  const end = block.lineStarts.length > 1 ? block.lineStarts[1] : block.end;
  const raw = text.slice(block.start, end).replace(/[\r\n]+$/, '');
  const words = raw.replace(/^[#\s\u3000*_]+|[\s\u3000*_]+$/g, '');
  return { text: words, start: block.start + raw.indexOf(words) };
}

/**
 * Appendices after the body: a 附件 / 附件N / 附录 line of its own after the first section, or, after
 * a signature date, a line that hands over appended material (附上一份调查：). Each is a part of its
 * own, up to the next unnumbered heading line (the next appendix, another document's title) or the
 * end; its numbered items are its own, not the body's sections. The line right after a bare `附件`
 * that reads like a title (short, no sentence punctuation, no marker) is the appendix's title.
 */
export function findAppendices({ text, blocks, markers, scopeBreaks, signatureDates, frame, closingStart }: AppendixInput): AppendixPart[] {
  const parts: AppendixPart[] = [];
  if (!markers.length) return parts;
  const firstMarker = markers[0].lineStart;
  const markedLines = new Set(markers.map((m) => m.lineStart));
  const breaks = new Set(scopeBreaks);
  const isProseLike = (block: Block) => block.kind === 'heading' || block.kind === 'paragraph';
  const nextContent = (index: number) => {
    for (let i = index + 1; i < blocks.length; i++) if (/\S/.test(text.slice(blocks[i].start, blocks[i].end))) return i;
    return -1;
  };
  blocks.forEach((block, index) => {
    if (!isProseLike(block) || block.start <= firstMarker || !opensWithAppendixWord(text, block.start) || markedLines.has(block.start) || inside(frame, block.start)) return;
    if (parts.length && block.start < parts[parts.length - 1].end) return;
    const line = firstLine(text, block);
    const label = APPENDIX_LABEL.exec(line.text);
    let labelled = false;
    if (label && block.lineStarts.length === 1) {
      // a title on the label's line (附件2 名词解释) reads like a title, not like a sentence
      if (label[3] && SENTENCE_MARK.test(label[3])) return;
      labelled = true;
    } else if (!(APPENDED_INTRO.test(line.text) && signatureDates.some((d) => d.end <= block.start))) return;
    const next = nextContent(index);
    // an appendix has content: a label at the very end of the text is nothing
    if (next < 0 && block.lineStarts.length === 1) return;
    const heading = { start: line.start, end: line.start + line.text.length, text: line.text };
    const part: AppendixPart = { start: block.start, end: text.length, heading, sections: [] };
    let contentFrom = block.end;
    if (labelled && !label![3] && next >= 0) {
      const candidate = blocks[next];
      const title = firstLine(text, candidate);
      if (
        isProseLike(candidate) &&
        candidate.lineStarts.length === 1 &&
        !markedLines.has(candidate.start) &&
        breaks.has(candidate.start) &&
        title.text.length <= TITLE_MAX &&
        !SENTENCE_MARK.test(title.text)
      ) {
        part.title = { start: title.start, end: title.start + title.text.length, text: title.text };
        contentFrom = candidate.end;
      }
    }
    // the appendix ends where the frame (a closing) begins, or at the next unnumbered heading line
    // (another appendix's label, the next document's title) — not at a short line among its items
    // (a survey's `D.其它`) after which its own numbering carries on
    const frameEnd = Math.min(text.length, ...frame.map((r) => r.start).filter((s) => s >= contentFrom));
    const end = scopeBreaks.find((b) => b >= contentFrom && b < frameEnd && !numberingCarriesOn(text, markers, block.start, b)) ?? frameEnd;
    // an appendix follows the signature: a bare 附件 whose items run into the closing names the
    // attachments (a 附件说明 with its colon left out), it is no appendix
    if (labelled && closingStart !== undefined && block.start < closingStart && end >= closingStart) return;
    part.end = trimEndOffset(text, block.start, end);
    parts.push(part);
  });
  return parts;
}

const family = (m: Marker) => `${m.level}/${m.style === 'decimal' ? 'd' : m.style === 'roman' ? 'r' : 'c'}`;

/**
 * Does the first marker after the line at `at` carry on a run begun in the appendix (the `4、` after
 * `3、` past a short option line)? Then that line is inside the appendix. Another appendix's label
 * never is.
 */
function numberingCarriesOn(text: string, markers: readonly Marker[], appendixStart: number, at: number): boolean {
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(at, lineEnd < 0 ? text.length : lineEnd).replace(/^[#\s\u3000*_]+|[\s\u3000*_]+$/g, '');
  if (APPENDIX_LABEL.test(line)) return false;
  const next = markers.find((m) => m.lineStart > at);
  if (!next) return false;
  const before = markers.filter((m) => m.lineStart >= appendixStart && m.lineStart < at && family(m) === family(next)).pop();
  return before !== undefined && next.number === before.number + 1;
}
