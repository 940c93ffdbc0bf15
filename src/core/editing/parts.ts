import { findParts } from '../model/parts';
import type { SummaryDocument } from '../model/types';
import { formatMarker, renumberMarkerText } from '../text/markers';
import type { TextEdit } from '../types';

/**
 * The edits that insert a missing part's skeleton: numbered like its neighbours when the
 * document numbers its top-level sections, with the sections after it renumbered.
 */
export function insertPartEdits(doc: SummaryDocument, partId: string): TextEdit[] {
  const status = findParts(doc).find((s) => s.id === partId);
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
  const needsLeadingBreak = at > 0 && doc.text[at - 1] !== '\n';
  const newText = (needsLeadingBreak ? '\n\n' : at > 1 && doc.text[at - 2] !== '\n' ? '\n' : '') + skeleton.replace(/\n*$/, '\n\n');
  const edits: TextEdit[] = [{ start: at, end: at, newText }];
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
