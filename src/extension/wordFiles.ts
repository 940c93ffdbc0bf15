import * as path from 'path';
import * as vscode from 'vscode';
import type { AnalysisService } from './analysis';
import type { SummaryDocuments } from './summaryDocuments';

type WordSupport = typeof import('../docx/index');

let wordSupport: WordSupport | undefined;

/** dist/docx.js, beside this bundle, required on first use only. */
function loadWordSupport(): WordSupport {
  wordSupport ??= require(path.join(__dirname, 'docx.js')) as WordSupport;
  return wordSupport;
}

const WORD_FILTER = { Word: ['docx'] };

/** Open a .docx as a Markdown summary; export the current summary as a GB/T 9704 .docx. */
export function registerWordCommands(analyses: AnalysisService, summaries: SummaryDocuments, activeSummary: () => Promise<vscode.TextDocument | undefined>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('officialSummary.openDocx', async (source?: vscode.Uri) => {
      const uri = source ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: WORD_FILTER, openLabel: vscode.l10n.t('Open as summary') }))?.[0];
      if (!uri) return undefined;
      let text: string;
      try {
        text = await loadWordSupport().docxToMarkdown(await vscode.workspace.fs.readFile(uri));
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0} as a Word file: {1}', path.basename(uri.path), (error as Error).message));
        return undefined;
      }
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
      await summaries.setMark(document.uri, 'summary');
      await vscode.window.showTextDocument(document);
      return document;
    }),
    vscode.commands.registerCommand('officialSummary.exportDocx', async (target?: vscode.Uri) => {
      const document = await activeSummary();
      if (!document) return undefined;
      const analysis = await analyses.analysisOf(document);
      if (!analysis) return undefined;
      const suggested = document.isUntitled
        ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'), `${analysis.document.title?.text ?? 'summary'}.docx`)
        : document.uri.with({ path: document.uri.path.replace(/\.[^./]*$/, '') + '.docx' });
      const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: suggested, filters: WORD_FILTER }));
      if (!uri) return undefined;
      try {
        await vscode.workspace.fs.writeFile(uri, await loadWordSupport().exportDocx(analysis.document));
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot write {0}: {1}', path.basename(uri.path), (error as Error).message));
        return undefined;
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} (GB/T 9704 layout).', path.basename(uri.path)));
      return uri;
    }),
  ];
}
