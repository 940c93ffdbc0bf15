import * as vscode from 'vscode';
import type { SummaryServer } from './serverClient';
import { t } from './locale';

export interface WorkspaceCheckResult {
  filesScanned: number;
  summaries: number;
  findings: number;
}

const CANDIDATE_FILES = '**/*.{md,markdown,txt}';
const SKIPPED_FOLDERS = '**/{node_modules,.git,out,dist,.vscode-test}/**';

/**
 * Lints every summary in the workspace, open or not; the results go to the Problems panel. The
 * extension reads the files (the workspace may be virtual) and the language server checks their
 * text (officialSummary/checkText); the server's next publish for an open document replaces them.
 */
export async function checkWorkspace(server: SummaryServer): Promise<WorkspaceCheckResult> {
  const result: WorkspaceCheckResult = { filesScanned: 0, summaries: 0, findings: 0 };
  const collection = (await server.ready()).diagnostics;
  if (!collection) return result;
  forgetFilesNotShown(collection);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Checking summaries in the workspace'), cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles(CANDIDATE_FILES, SKIPPED_FOLDERS, undefined, token);
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        result.filesScanned++;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        let text: string;
        try {
          text = open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          continue; // unreadable (deleted meanwhile, permissions): nothing to report on
        }
        const checked = await server.checkText(uri, text);
        if (!checked.isSummary) continue;
        result.summaries++;
        result.findings += checked.diagnostics.length;
        // an open document too: it may have no tab (then its results were just forgotten above)
        collection.set(uri, checked.diagnostics);
      }
    },
  );
  return result;
}

/**
 * A new check replaces the last one: results for files that are in no editor tab any more (closed,
 * perhaps deleted meanwhile) go; the files that still exist get fresh ones below.
 */
function forgetFilesNotShown(collection: vscode.DiagnosticCollection): void {
  const shown = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText) shown.add(tab.input.uri.toString());
    }
  }
  const stale: vscode.Uri[] = [];
  collection.forEach((uri) => {
    if (!shown.has(uri.toString())) stale.push(uri);
  });
  for (const uri of stale) collection.delete(uri);
}
