import * as vscode from 'vscode';
import { t } from './locale';
import { DIAGNOSTIC_SOURCE, type SummaryServer } from './serverClient';

/**
 * Profile · sections · characters · findings of the active summary. Clicking opens the Problems panel.
 * The counts come from the language server (officialSummary/status), the findings are those of the
 * squiggles, so they never disagree with what the editor shows, also while a large document's
 * newer analysis is still under way.
 */
export class SummaryStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('officialSummary.status', vscode.StatusBarAlignment.Right, 100);
  private shown = false;
  /** bumped per update, so an answer that arrives after a newer update began is dropped */
  private generation = 0;

  constructor(private readonly server: SummaryServer) {
    this.item.name = t('Official Summary');
    this.item.command = 'workbench.actions.view.problems';
  }

  dispose(): void {
    this.item.dispose();
  }

  /** Whether the item is on the status bar now (the API has no getter for it). */
  get visible(): boolean {
    return this.shown;
  }

  hide(): void {
    this.generation++;
    this.shown = false;
    this.item.hide();
  }

  async update(document: vscode.TextDocument | undefined): Promise<void> {
    const generation = ++this.generation;
    const status = document ? await this.server.status(document) : null;
    if (generation !== this.generation) return;
    if (!document || !status || vscode.window.activeTextEditor?.document !== document) {
      if (!vscode.window.activeTextEditor || !status) this.hide();
      return;
    }
    const squiggles = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const errors = squiggles.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = squiggles.length - errors;
    const profile = status.profileName;
    this.item.text = `$(checklist) ${profile} · ${t('{0} sections', status.sections)} · ${t('{0} chars', status.characters)} · $(error) ${errors} $(warning) ${warnings}`;
    this.item.tooltip = t(
      'Official Summary: profile {0} (chosen by {1}), {2} sections, {3} characters, {4} findings',
      profile,
      status.profileReason,
      status.sections,
      status.characters,
      squiggles.length,
    );
    this.shown = true;
    this.item.show();
  }
}
