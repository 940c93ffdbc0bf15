import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../core/index';

/**
 * Core edits (UTF-16 offsets into one version) as one WorkspaceEdit. With `documentChanges` the edit
 * names the version it was computed for, and a client refuses it once the document has changed.
 */
export function toWorkspaceEdit(document: TextDocument, edits: readonly TextEdit[], versioned: boolean): WorkspaceEdit {
  const textEdits: LspTextEdit[] = edits.map((edit) => ({
    range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
    newText: edit.newText,
  }));
  if (versioned) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] };
  return { changes: { [document.uri]: textEdits } };
}
