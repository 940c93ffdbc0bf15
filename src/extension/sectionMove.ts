import * as vscode from 'vscode';
import type { Section } from '../core/index';
import type { DocumentAnalysis } from './analysis';
import { applyCoreEdits, minimalEdit } from './edits';
import { t } from './locale';

export type Direction = 'up' | 'down';

/**
 * Swaps a section with its previous or next sibling as one edit (one Ctrl+Z undoes the move).
 * The markers stay where they are and the bodies move, so the siblings remain numbered in order:
 * moving 三、 up makes it 二、. The blank lines and indentation between the two stay as they were.
 */
export async function moveSection(
  document: vscode.TextDocument,
  analysis: DocumentAnalysis,
  section: Section,
  direction: Direction,
): Promise<boolean> {
  const siblings = section.parent ? section.parent.children : analysis.document.sections;
  const index = siblings.findIndex((s) => s.start === section.start);
  const otherIndex = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || otherIndex < 0 || otherIndex >= siblings.length) {
    void vscode.window.showInformationMessage(
      direction === 'up' ? t('This section is already the first.') : t('This section is already the last.'),
    );
    return false;
  }
  const first = siblings[Math.min(index, otherIndex)]!;
  const second = siblings[Math.max(index, otherIndex)]!;
  const text = analysis.document.text;
  const edit = minimalEdit(text, swapBodies(text, first, second));
  return applyCoreEdits(document, analysis.version, edit ? [edit] : []);
}

/** `first` and `second` are adjacent siblings; their bodies (after the markers) change places. */
function swapBodies(text: string, first: Section, second: Section): string {
  const firstBodyWithGap = text.slice(first.marker.end, second.start);
  const gap = /\s*$/.exec(firstBodyWithGap)![0]; // \s includes the full-width space U+3000
  const firstBody = firstBodyWithGap.slice(0, firstBodyWithGap.length - gap.length);
  const secondBodyWithTail = text.slice(second.marker.end, second.end);
  const tail = /\s*$/.exec(secondBodyWithTail)![0];
  const secondBody = secondBodyWithTail.slice(0, secondBodyWithTail.length - tail.length);
  const betweenMarkerAndBody = text.slice(second.start, second.marker.end);
  return (
    text.slice(0, first.marker.end) +
    secondBody +
    gap +
    betweenMarkerAndBody +
    firstBody +
    tail +
    text.slice(second.end)
  );
}
