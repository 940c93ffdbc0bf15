import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { collectFixEdits, countNonWhitespace, formatLimit, insertPartEdits, nonWhitespaceCounter, orderedNextMarkers, outlineOf, partLengths, pickMessage, renumberEdits, requiredParts, type Finding, type OutlineNode, type PartLength, type Section, type SummaryDocument, type TextEdit } from '../core/index';
import type { AnalysisService, DocumentAnalysis } from './analysis';
import { toDiagnostic } from './diagnostics';
import {
  OfficialSummaryMethods,
  type CheckTextParams,
  type CheckTextResult,
  type EditResult,
  type FixAllParams,
  type FixAllResult,
  type InsertNextSectionParams,
  type InsertNextSectionResult,
  type InsertPartParams,
  type InsertPartResult,
  type MoveSectionParams,
  type MoveSectionResult,
  type NextMarkersParams,
  type NextMarkersResult,
  type OutlineLength,
  type OutlineParams,
  type OutlineResult,
  type OutlineSection,
  type OutlineTreeNode,
  type RenumberParams,
  type StatusParams,
  type StatusResult,
} from './protocol';

type Found = { document: TextDocument; analysis: DocumentAnalysis };

/** The officialSummary/* requests (src/server/protocol.ts): what the VS Code extension's outline, status bar and commands need. */
export function registerRequests(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  analyses: AnalysisService,
  analysisFor: (uri: string, token: CancellationToken) => Promise<Found | undefined>,
  ruleDocs: string,
): void {
  /** The analysis for the version the client named, or undefined when the server's text is another one. */
  const atVersion = async (uri: string, version: number, token: CancellationToken): Promise<Found | undefined> => {
    if (documents.get(uri)?.version !== version) return undefined;
    const found = await analysisFor(uri, token);
    return found && found.analysis.version === version ? found : undefined;
  };

  connection.onRequest(OfficialSummaryMethods.status, async (params: StatusParams, token): Promise<StatusResult | null> => {
    const found = await analysisFor(params.textDocument.uri, token);
    if (!found) return null;
    const { analysis } = found;
    const profile = analysis.document.profile;
    return {
      version: analysis.version,
      profileId: profile.profile.id,
      profileName: pickMessage(profile.profile.name, analysis.locale),
      profileReason: profile.reason,
      sections: countSections(analysis.document.sections),
      characters: countNonWhitespace(analysis.document.text),
    };
  });

  connection.onRequest(OfficialSummaryMethods.outline, async (params: OutlineParams, token): Promise<OutlineResult | null> => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found ? outlineResultOf(found.analysis) : null;
  });

  connection.onRequest(OfficialSummaryMethods.nextMarkers, async (params: NextMarkersParams, token): Promise<NextMarkersResult | null> => {
    const found = await analysisFor(params.textDocument.uri, token);
    if (!found) return null;
    const { analysis } = found;
    const markers = orderedNextMarkers(analysis.document, params.offset, analysis.config);
    return { version: analysis.version, markers: markers.map((m) => ({ level: m.level, text: m.text, detail: pickMessage(m.detail, analysis.locale) })) };
  });

  connection.onRequest(OfficialSummaryMethods.renumber, async (params: RenumberParams, token): Promise<EditResult | null> => {
    const found = await atVersion(params.textDocument.uri, params.textDocument.version, token);
    return found ? { version: found.analysis.version, edits: renumberEdits(found.analysis.document) } : null;
  });

  connection.onRequest(OfficialSummaryMethods.fixAll, async (params: FixAllParams, token): Promise<FixAllResult | null> => {
    const found = await atVersion(params.textDocument.uri, params.textDocument.version, token);
    if (!found) return null;
    const edits = collectFixEdits(found.analysis.findings);
    return { version: found.analysis.version, edits, fixed: fixedFindings(found.analysis.findings, edits) };
  });

  connection.onRequest(OfficialSummaryMethods.insertNextSection, async (params: InsertNextSectionParams, token): Promise<InsertNextSectionResult | null> => {
    const found = await atVersion(params.textDocument.uri, params.textDocument.version, token);
    if (!found) return null;
    const { document, analysis } = found;
    const markers = orderedNextMarkers(analysis.document, params.offset, analysis.config);
    const marker = markers.find((m) => m.level === params.level) ?? markers[0];
    if (!marker) return null;
    const text = analysis.document.text;
    const line = document.positionAt(params.offset).line;
    const lineStart = document.offsetAt({ line, character: 0 });
    const lineEnd = lineEndOffset(text, lineStart);
    const lineText = text.slice(lineStart, lineEnd);
    const newText = lineText.trim() === ''
      ? marker.text
      : `\n\n${siblingLineStart(analysis.document, marker.level, lineEnd) ?? /^[ \t　]*/.exec(lineText)![0]}${marker.text}`;
    const variant = text.slice(0, lineEnd) + newText + text.slice(lineEnd);
    const variantAnalysis = await analyses.analyzeText(document.uri, document.languageId, variant, false);
    if (!variantAnalysis || token.isCancellationRequested || document.version !== analysis.version) return null;
    const edits = insertionWithRenumbering(analysis.document, variantAnalysis.document, lineEnd, newText);
    const inserted = edits[0]!;
    return { version: analysis.version, edits, marker: marker.text, cursorAfter: lineEnd + inserted.newText.length };
  });

  connection.onRequest(OfficialSummaryMethods.insertPart, async (params: InsertPartParams, token): Promise<InsertPartResult | null> => {
    const found = await atVersion(params.textDocument.uri, params.textDocument.version, token);
    if (!found) return null;
    const part = requiredParts(found.analysis.document).find((p) => p.id === params.partId);
    if (!part || part.present) return null;
    // numbered like its neighbours, with the sections after it renumbered, in one edit
    return { version: found.analysis.version, edits: insertPartEdits(found.analysis.document, params.partId), insertedAt: part.insertAt };
  });

  connection.onRequest(OfficialSummaryMethods.moveSection, async (params: MoveSectionParams, token): Promise<MoveSectionResult | null> => {
    const found = await atVersion(params.textDocument.uri, params.textDocument.version, token);
    if (!found) return null;
    const { analysis } = found;
    const section = sectionAt(analysis.document.sections, params.offset);
    if (!section) return { version: analysis.version, edits: [], noSection: true };
    const siblings = section.parent ? section.parent.children : analysis.document.sections;
    const index = siblings.indexOf(section);
    const otherIndex = params.direction === 'up' ? index - 1 : index + 1;
    if (otherIndex < 0 || otherIndex >= siblings.length) return { version: analysis.version, edits: [], atEdge: params.direction === 'up' ? 'first' : 'last' };
    const first = siblings[Math.min(index, otherIndex)]!;
    const second = siblings[Math.max(index, otherIndex)]!;
    const text = analysis.document.text;
    const edit = minimalEdit(text, swapBodies(text, first, second));
    return { version: analysis.version, edits: edit ? [edit] : [] };
  });

  connection.onRequest(OfficialSummaryMethods.checkText, async (params: CheckTextParams): Promise<CheckTextResult> => {
    const languageId = params.languageId ?? '';
    const analysis = await analyses.analyzeText(params.uri, languageId, params.text, true);
    if (!analysis) return { isSummary: false, diagnostics: [] };
    const lines = TextDocument.create(params.uri, languageId, 0, params.text);
    return { isSummary: true, diagnostics: analysis.findings.map((finding) => toDiagnostic(finding, lines, analysis.locale, ruleDocs)) };
  });
}

function countSections(sections: readonly Section[]): number {
  return sections.reduce((sum, section) => sum + 1 + countSections(section.children), 0);
}

function outlineResultOf(analysis: DocumentAnalysis): OutlineResult {
  const model = analysis.document;
  const lengths = partLengths(model, analysis.config);
  const limited = (length: PartLength | undefined): OutlineLength | undefined => (length?.limit ? { count: length.count, limit: formatLimit(length.limit) } : undefined);
  // every section is counted, nested ones again under each node holding them: one pass, then each range at once
  const charactersIn = nonWhitespaceCounter(model.text);
  const findings = findingsByStart(analysis.findings);
  const sectionInfo = (section: Section, ownEnd: number): Omit<OutlineSection, 'children'> => {
    const length = limited(lengths.find((l) => l.start === section.start));
    return {
      level: section.level,
      start: section.start,
      end: section.end,
      marker: { text: section.marker.text, headingText: section.marker.headingText, start: section.marker.start },
      characters: charactersIn(section.start, section.end),
      ...(length ? { length } : {}),
      findings: findings.within(section.start, ownEnd).map((f) => ({ severity: f.severity, message: pickMessage(f.message, analysis.locale) })),
    };
  };
  const toSection = (section: Section): OutlineSection => ({ ...sectionInfo(section, section.children[0]?.start ?? section.end), children: section.children.map(toSection) });
  const toNode = (node: OutlineNode): OutlineTreeNode => {
    const out: OutlineTreeNode = {
      kind: node.kind,
      start: node.start,
      end: node.end,
      labelStart: node.labelStart,
      label: node.label,
      characters: charactersIn(node.start, node.end),
      children: node.children.map(toNode),
    };
    // a section's own findings: those before its first child (a heading or 一是 node inside it, too)
    if (node.section) out.section = { ...sectionInfo(node.section, node.children[0]?.start ?? node.end), start: node.start, end: node.end, characters: out.characters };
    if (node.language) out.language = node.language;
    return out;
  };
  const result: OutlineResult = {
    version: analysis.version,
    profileName: pickMessage(model.profile.profile.name, analysis.locale),
    sections: model.sections.map(toSection),
    tree: outlineOf(model).roots.map(toNode),
    parts: requiredParts(model).map((part) => ({
      id: part.id,
      name: pickMessage(part.name, analysis.locale),
      present: part.present,
      ...(part.section ? { start: part.section.marker.start } : {}),
    })),
  };
  if (model.title) result.title = { text: model.title.text, start: model.title.start, end: model.title.end };
  if (model.opening && model.opening.end > model.opening.start) {
    const length = limited(lengths.find((l) => l.partId === 'opening'));
    result.opening = { start: model.opening.start, end: model.opening.end, characters: charactersIn(model.opening.start, model.opening.end), ...(length ? { length } : {}) };
  }
  return result;
}

/** Findings whose range starts inside [start, end), by binary search: an analysis has them in order of start (engine/lint). */
function findingsByStart(findings: readonly Finding[]): { within(start: number, end: number): Finding[] } {
  const firstAtOrAfter = (offset: number): number => {
    let low = 0;
    let high = findings.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (findings[middle]!.start < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return { within: (start, end) => findings.slice(firstAtOrAfter(start), firstAtOrAfter(end)) };
}

/** How many findings the edits fix: those whose fix is wholly among them (an overlapping one waits for the next run). */
function fixedFindings(findings: readonly Finding[], edits: readonly TextEdit[]): number {
  const applied = new Set(edits.map((e) => `${e.start}:${e.end}:${e.newText}`));
  return findings.filter((f) => f.fix && f.fix.edits.every((e) => applied.has(`${e.start}:${e.end}:${e.newText}`))).length;
}

/** The deepest section containing `offset`. */
function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  let level: readonly Section[] = sections;
  for (;;) {
    const inside = level.find((s) => s.start <= offset && offset < s.end);
    if (!inside) return found;
    found = inside;
    level = inside.children;
  }
}

function lineEndOffset(text: string, lineStart: number): number {
  const newline = text.indexOf('\n', lineStart);
  if (newline < 0) return text.length;
  return newline > lineStart && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/**
 * What goes before a marker of `level` on its line (indentation, or `## ` in Markdown), taken from
 * the next marker of that level after `offset`: a section inserted before its siblings looks like them.
 */
function siblingLineStart(model: SummaryDocument, level: number, offset: number): string | undefined {
  const sibling = model.markers.find((marker) => marker.start >= offset && marker.level === level);
  if (!sibling) return undefined;
  const lineStart = model.text.lastIndexOf('\n', sibling.start - 1) + 1;
  const before = model.text.slice(lineStart, sibling.start);
  return /^[ \t　]*(?:#{1,6}[ \t]+)?$/.test(before) ? before : undefined;
}

/**
 * The insertion of a new section marker plus the renumbering it causes (一、 inserted before 一、
 * makes the old one 二、), in one edit list, the insertion first. Renumbering that the document needed
 * already (an older fault elsewhere) is left to the user: only edits that the insertion brought are kept.
 */
function insertionWithRenumbering(model: SummaryDocument, variantModel: SummaryDocument, offset: number, newText: string): TextEdit[] {
  const key = (edit: TextEdit) => `${edit.start}:${edit.end}:${edit.newText}`;
  const existing = new Set(renumberEdits(model).map(key));
  let inserted = newText;
  const edits: TextEdit[] = [];
  const insertedEnd = offset + newText.length;
  // right to left, so edits inside the inserted text keep their offsets valid
  for (const edit of renumberEdits(variantModel).reverse()) {
    if (edit.start >= offset && edit.end <= insertedEnd) {
      inserted = inserted.slice(0, edit.start - offset) + edit.newText + inserted.slice(edit.end - offset);
      continue;
    }
    const original = edit.start >= insertedEnd ? { ...edit, start: edit.start - newText.length, end: edit.end - newText.length } : edit;
    if (!existing.has(key(original))) edits.push(original);
  }
  return [{ start: offset, end: offset, newText: inserted }, ...edits.reverse()];
}

/**
 * `first` and `second` are adjacent siblings; their bodies (after the markers) change places. The
 * markers stay, so the siblings remain numbered in order (moving 三、 up makes it 二、), and the blank
 * lines and indentation between the two stay as they were.
 */
function swapBodies(text: string, first: Section, second: Section): string {
  const firstBodyWithGap = text.slice(first.marker.end, second.start);
  const gap = /\s*$/.exec(firstBodyWithGap)![0]; // \s includes the full-width space U+3000
  const firstBody = firstBodyWithGap.slice(0, firstBodyWithGap.length - gap.length);
  const secondBodyWithTail = text.slice(second.marker.end, second.end);
  const tail = /\s*$/.exec(secondBodyWithTail)![0];
  const secondBody = secondBodyWithTail.slice(0, secondBodyWithTail.length - tail.length);
  const betweenMarkerAndBody = text.slice(second.start, second.marker.end);
  return text.slice(0, first.marker.end) + secondBody + gap + betweenMarkerAndBody + firstBody + tail + text.slice(second.end);
}

/** The single edit that turns `before` into `after`, touching only the span where they differ. */
function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // never split a surrogate pair: widen the span by one unit where it would
  const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
  if (prefix > 0 && isLowSurrogate(before.charCodeAt(prefix))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}
