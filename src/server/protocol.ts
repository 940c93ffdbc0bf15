// The Official Summary extensions to LSP: what the VS Code extension (desktop and web) asks the
// language server beyond the standard methods. Names and payload shapes only, no runtime
// dependencies: imported by the server, the node client and the browser client alike.
//
// Offsets are UTF-16 code-unit offsets into the text of `version` (the client holds that version
// too, so it maps them with its own document.positionAt). A request for a version the server no
// longer (or not yet) has, a cancelled request and a document that is not a summary answer null.

import type { Diagnostic } from 'vscode-languageserver-protocol';

/** Method names. */
export const OfficialSummaryMethods = {
  /** client → server notification: the per-file state the client holds (marks, profile choices) */
  documentState: 'officialSummary/documentState',
  outline: 'officialSummary/outline',
  status: 'officialSummary/status',
  nextMarkers: 'officialSummary/nextMarkers',
  renumber: 'officialSummary/renumber',
  fixAll: 'officialSummary/fixAll',
  insertNextSection: 'officialSummary/insertNextSection',
  insertPart: 'officialSummary/insertPart',
  moveSection: 'officialSummary/moveSection',
  /** a text that is not open in an editor (the workspace check): the server's diagnostics for it */
  checkText: 'officialSummary/checkText',
} as const;

export type Severity = 'error' | 'warning' | 'info';

/** An edit of the document in the version the answer names (the core's TextEdit). */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface DocumentIdentifier {
  uri: string;
}

export interface VersionedDocumentIdentifier {
  uri: string;
  /** the version the client computed the request for; a different version on the server answers null */
  version: number;
}

// ---------------------------------------------------------------------------------------------
// officialSummary/documentState (notification)

export type DocumentMark = 'summary' | 'not-summary';

/**
 * The client's own state for one file: the user's explicit mark (wins over every other decision
 * about whether the file is a summary) and the profile chosen for it. Sent for every document the
 * client opens and again whenever either changes; a field left out means "none".
 */
export interface DocumentStateParams {
  uri: string;
  mark?: DocumentMark;
  profileChoice?: string;
}

// ---------------------------------------------------------------------------------------------
// officialSummary/status

export interface StatusParams {
  textDocument: DocumentIdentifier;
}

export interface StatusResult {
  version: number;
  profileId: string;
  /** in the message language */
  profileName: string;
  /** how the profile was chosen (front matter, title, settings, …), as the core says it */
  profileReason: string;
  sections: number;
  characters: number;
}

// ---------------------------------------------------------------------------------------------
// officialSummary/outline

export interface OutlineParams {
  textDocument: DocumentIdentifier;
}

export interface OutlineFinding {
  severity: Severity;
  /** in the message language */
  message: string;
}

/** A part's length against the limit .summaryrc.json sets for it (sectionLength). */
export interface OutlineLength {
  count: number;
  /** the limit as written for people: "200–400", "≤ 300" */
  limit: string;
}

export interface OutlineSection {
  level: number;
  start: number;
  end: number;
  marker: { text: string; headingText: string; start: number };
  /** non-whitespace characters of the whole section */
  characters: number;
  length?: OutlineLength;
  /** findings that start in the section's own text (before its first child) */
  findings: OutlineFinding[];
  children: OutlineSection[];
}

export interface OutlinePart {
  id: string;
  /** in the message language */
  name: string;
  present: boolean;
  /** where a present part's section marker starts */
  start?: number;
}

/**
 * What a node of the outline tree stands for: the title, the opening, an unnumbered heading (holding
 * the sections after it), a numbered section, a standalone 一是 heading, the notes part, the second
 * half of a bilingual report, the attachment note, the closing. A client that does not know a kind
 * shows its label.
 */
export type OutlineNodeKind = 'title' | 'opening' | 'heading' | 'section' | 'enumeration' | 'notes' | 'other-half' | 'appendix' | 'attachments' | 'closing';

/** A node of the document's outline (the core's outline view), with its children. */
export interface OutlineTreeNode {
  kind: OutlineNodeKind;
  /** the whole node: its own text and its children's */
  start: number;
  end: number;
  /** where its label stands: what selecting the node reveals */
  labelStart: number;
  /** the words as written (a section's marker and heading, a heading's text, the notes' heading line) */
  label: string;
  /** non-whitespace characters of the whole node */
  characters: number;
  /** for `section`: the section as `OutlineResult.sections` gives it (its children are this node's children) */
  section?: Omit<OutlineSection, 'children'>;
  /** for `other-half`: the language of the second half */
  language?: 'zh' | 'en';
  children: OutlineTreeNode[];
}

export interface OutlineResult {
  version: number;
  /** the profile's name in the message language */
  profileName: string;
  title?: { text: string; start: number; end: number };
  opening?: { start: number; end: number; characters: number; length?: OutlineLength };
  /** the numbered sections as the model nests them (kept for older clients; `tree` is the outline) */
  sections: OutlineSection[];
  /** the outline: title, opening, headings holding their sections, the parts of their own */
  tree: OutlineTreeNode[];
  parts: OutlinePart[];
}

// ---------------------------------------------------------------------------------------------
// officialSummary/nextMarkers

export interface NextMarkersParams {
  textDocument: DocumentIdentifier;
  offset: number;
}

export interface MarkerSuggestion {
  level: number;
  text: string;
  /** in the message language */
  detail: string;
}

export interface NextMarkersResult {
  version: number;
  /** the next sibling at the current level first */
  markers: MarkerSuggestion[];
}

// ---------------------------------------------------------------------------------------------
// edits: renumber, fixAll, insertNextSection, insertPart, moveSection

export interface EditResult {
  version: number;
  /** all edits of one command: the client applies them as one edit (one undo step) */
  edits: OffsetEdit[];
}

export interface RenumberParams {
  textDocument: VersionedDocumentIdentifier;
}

export interface FixAllParams {
  textDocument: VersionedDocumentIdentifier;
}

export interface FixAllResult extends EditResult {
  /** how many findings the edits fix (an overlapping fix waits for the next run) */
  fixed: number;
}

export interface InsertNextSectionParams {
  textDocument: VersionedDocumentIdentifier;
  /** the cursor */
  offset: number;
  /** the level wanted; else the first suggestion (the next sibling at the current level) */
  level?: number;
}

export interface InsertNextSectionResult extends EditResult {
  /** the marker inserted, as renumbered */
  marker: string;
  /** where the cursor goes once the edits are applied (an offset into the new text) */
  cursorAfter: number;
}

export interface InsertPartParams {
  textDocument: VersionedDocumentIdentifier;
  partId: string;
}

export interface InsertPartResult extends EditResult {
  /** where the part starts once inserted (an offset into the old text: nothing before it moves) */
  insertedAt: number;
}

export type MoveDirection = 'up' | 'down';

export interface MoveSectionParams {
  textDocument: VersionedDocumentIdentifier;
  /** an offset inside the section to move (its start, or the cursor): the deepest section there */
  offset: number;
  direction: MoveDirection;
}

export interface MoveSectionResult extends EditResult {
  /** set when there is nothing to swap with: the section is already the first or the last */
  atEdge?: 'first' | 'last';
  /** set when no section contains the offset */
  noSection?: true;
}

// ---------------------------------------------------------------------------------------------
// officialSummary/checkText

export interface CheckTextParams {
  uri: string;
  text: string;
  /** 'markdown' or 'plaintext'; else by the file name */
  languageId?: string;
}

export interface CheckTextResult {
  isSummary: boolean;
  /** LSP diagnostics, as textDocument/publishDiagnostics would carry them */
  diagnostics: Diagnostic[];
}
