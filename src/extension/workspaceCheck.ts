import * as vscode from 'vscode';
import { LineIndex } from '../core/index';
import type { AnalysisService } from './analysis';
import type { DiagnosticsController } from './diagnostics';
import { toDiagnostic } from './ruleDocs';
import type { SummaryDocuments } from './summaryDocuments';
import { t } from './locale';

export interface WorkspaceCheckResult {
  filesScanned: number;
  summaries: number;
  findings: number;
}

const CANDIDATE_FILES = '**/*.{md,markdown,txt}';
const SKIPPED_FOLDERS = '**/{node_modules,.git,out,dist,.vscode-test}/**';

/** Lints every summary in the workspace, open or not; the results go to the Problems panel. */
export async function checkWorkspace(
  analyses: AnalysisService,
  summaries: SummaryDocuments,
  diagnostics: DiagnosticsController,
): Promise<WorkspaceCheckResult> {
  const result: WorkspaceCheckResult = { filesScanned: 0, summaries: 0, findings: 0 };
  forgetFilesNotShown(diagnostics.collection);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Checking summaries in the workspace'), cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles(CANDIDATE_FILES, SKIPPED_FOLDERS, undefined, token);
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        result.filesScanned++;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) {
          const analysis = await analyses.analysisOf(open);
          if (!analysis) continue;
          result.summaries++;
          result.findings += analysis.findings.length;
          diagnostics.collection.set(uri, analysis.findings.map((f) => toDiagnostic(f, (offset) => open.positionAt(offset))));
          continue;
        }
        let text: string;
        try {
          text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          continue; // unreadable (deleted meanwhile, permissions): nothing to report on
        }
        if (!summaries.isSummaryFile(uri, text)) continue;
        const analysis = await analyses.analyzeFile(uri, text);
        const lines = new LineIndex(text);
        const positionAt = (offset: number) => {
          const { line, character } = lines.positionAt(offset);
          return new vscode.Position(line, character);
        };
        result.summaries++;
        result.findings += analysis.findings.length;
        diagnostics.collection.set(uri, analysis.findings.map((f) => toDiagnostic(f, positionAt)));
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
