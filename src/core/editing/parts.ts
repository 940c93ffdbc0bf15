import { partsOf } from '../model/views';
import type { SummaryDocument } from '../model/types';
import { formatMarker, renumberMarkerText } from '../text/markers';
import { splitLines } from '../text/lines';
import type { TextEdit } from '../types';

/**
 * The edits that insert a missing part's skeleton: numbered like its neighbours when the
 * document numbers its top-level sections, with the sections after it renumbered.
 */
export function insertPartEdits(doc: SummaryDocument, partId: string): TextEdit[] {
  const status = partsOf(doc).find((s) => s.id === partId);
  if (!status || status.present) return [];
  const at = status.insertAt;
  const roots = doc.sections.filter((s) => s.level === 1);
  const before = roots.filter((s) => s.start < at);
  const after = roots.filter((s) => s.start >= at);
  let skeleton = status.part.skeleton.replace(/^[一二三四五六七八九十]+、/, '');
  const numbered = roots.length > 0 && status.part.kind !== 'opening';
  if (numbered && /^[^\s　]/.test(skeleton)) {
    const style = roots[0].marker.style === 'cn-dot' ? 'cn-dot' : 'cn-dun';
    const indent = /^[ \t\u3000]*/.exec(doc.text.slice(roots[0].start))?.[0] ?? '';
    skeleton = indent + formatMarker(style, (before[before.length - 1]?.number ?? 0) + 1) + skeleton;
  }
  const edits: TextEdit[] = [{ start: at, end: at, newText: separatedByBlankLines(doc.text, at, skeleton) }];
  if (numbered) {
    const inserted = (before[before.length - 1]?.number ?? 0) + 1;
    after.forEach((section, index) => {
      const wanted = inserted + 1 + index;
      const marker = section.marker;
      if (section.number !== wanted) edits.push({ start: marker.start, end: marker.end, newText: renumberMarkerText(marker.text, marker.style, wanted) });
    });
  }
  return edits;
}

/**
 * The skeleton with just the line breaks that give it one blank line before and after (counting
 * the breaks already there), and one final line break at the end of the text: no blank line is
 * left behind. Written with the text's own line breaks.
 */
function separatedByBlankLines(text: string, at: number, skeleton: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const breaksIn = (whitespace: string) => (whitespace.match(/\n/g) ?? []).length;
  const before = at === 0 ? 2 : breaksIn(/[ \t\r\n]*$/.exec(text.slice(Math.max(0, at - 16), at))![0]);
  const following = /^[ \t\r\n]*/.exec(text.slice(at, at + 16))![0];
  const atEnd = at + following.length >= text.length;
  const after = breaksIn(following);
  const wantedAfter = atEnd ? 1 : 2;
  const body = splitLines(skeleton.replace(/\s+$/, '')).join(eol);
  return eol.repeat(Math.max(0, 2 - before)) + body + eol.repeat(Math.max(0, wantedAfter - after));
}
