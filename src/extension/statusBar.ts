import * as vscode from 'vscode';
import type { AnalysisService } from './analysis';
import { localized, t } from './locale';
import { countCharacters } from './outline';

/**
 * Profile · sections · characters · findings of the active summary. Clicking opens the Problems panel.
 * The counts are those of the squiggles (the diagnostics collection), so they never disagree with
 * what the editor shows, also while a large document's newer analysis is still under way.
 */
export class SummaryStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('officialSummary.status', vscode.StatusBarAlignment.Right, 100);
  private shown = false;

  constructor(
    private readonly analyses: AnalysisService,
    private readonly diagnostics: vscode.DiagnosticCollection,
  ) {
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
    this.shown = false;
    this.item.hide();
  }

  async update(document: vscode.TextDocument | undefined): Promise<void> {
    const analysis = document ? await this.analyses.analysisOf(document) : undefined;
    if (!document || !analysis || vscode.window.activeTextEditor?.document !== document) {
      if (!vscode.window.activeTextEditor || !analysis) this.hide();
      return;
    }
    let sections = 0;
    const count = (list: readonly { children: readonly unknown[] }[]): void => {
      for (const section of list) {
        sections++;
        count(section.children as readonly { children: readonly unknown[] }[]);
      }
    };
    count(analysis.document.sections);
    const characters = countCharacters(analysis.document.text);
    const squiggles = this.diagnostics.get(document.uri) ?? [];
    const errors = squiggles.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = squiggles.length - errors;
    const profile = localized(analysis.document.profile.profile.name);
    this.item.text = `$(checklist) ${profile} · ${t('{0} sections', sections)} · ${t('{0} chars', characters)} · $(error) ${errors} $(warning) ${warnings}`;
    this.item.tooltip = t(
      'Official Summary: profile {0} (chosen by {1}), {2} sections, {3} characters, {4} findings',
      profile,
      analysis.document.profile.reason,
      sections,
      characters,
      squiggles.length,
    );
    this.shown = true;
    this.item.show();
  }
}
