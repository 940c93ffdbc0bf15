import * as vscode from 'vscode';
import type { TextEdit } from '../core/index';
import { t } from './locale';

/** Core edits (UTF-16 offsets into one version of the text) as one WorkspaceEdit: one undo step. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of edits) {
    const range = new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end));
    workspaceEdit.replace(document.uri, range, edit.newText);
  }
  return workspaceEdit;
}

/**
 * Applies edits computed for `computedForVersion`. Offsets computed for an older text would land in
 * the wrong place, so such an edit is refused rather than applied.
 */
export async function applyCoreEdits(
  document: vscode.TextDocument,
  computedForVersion: number,
  edits: readonly TextEdit[],
): Promise<boolean> {
  if (document.isClosed || document.version !== computedForVersion) {
    void vscode.window.showWarningMessage(
      t('The document changed while the edit was being prepared; nothing was changed. Please try again.'),
    );
    return false;
  }
  if (edits.length === 0) return true;
  return vscode.workspace.applyEdit(toWorkspaceEdit(document, edits));
}
