import * as vscode from 'vscode';
import type { AnalysisService } from './analysis';
import { localized } from './locale';
import { countCharacters } from './outline';

/** Profile · sections · characters · findings of the active summary. Clicking opens the Problems panel. */
export class SummaryStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('officialSummary.status', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly analyses: AnalysisService) {
    this.item.name = vscode.l10n.t('Official Summary');
    this.item.command = 'workbench.actions.view.problems';
  }

  dispose(): void {
    this.item.dispose();
  }

  async update(document: vscode.TextDocument | undefined): Promise<void> {
    const analysis = document ? await this.analyses.analysisOf(document) : undefined;
    if (!document || !analysis || vscode.window.activeTextEditor?.document !== document) {
      if (!vscode.window.activeTextEditor || !analysis) this.item.hide();
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
    const errors = analysis.findings.filter((f) => f.severity === 'error').length;
    const warnings = analysis.findings.length - errors;
    const profile = localized(analysis.document.profile.profile.name);
    this.item.text = `$(checklist) ${profile} · ${vscode.l10n.t('{0} sections', sections)} · ${vscode.l10n.t('{0} chars', characters)} · $(error) ${errors} $(warning) ${warnings}`;
    this.item.tooltip = vscode.l10n.t(
      'Official Summary: profile {0} (chosen by {1}), {2} sections, {3} characters, {4} findings',
      profile,
      analysis.document.profile.reason,
      sections,
      characters,
      analysis.findings.length,
    );
    this.item.show();
  }
}
