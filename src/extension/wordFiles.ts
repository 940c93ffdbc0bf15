import * as path from 'path';
import * as vscode from 'vscode';
import type { Analysis } from '../core/index';
import type { ConfigurationStore } from './configuration';
import { localized, t } from './locale';
import type { SummaryDocuments } from './summaryDocuments';

type WordSupport = typeof import('../docx/index');

let wordSupport: WordSupport | undefined;

/** dist/docx.js, beside this bundle, required on first use only. */
function loadWordSupport(): WordSupport {
  wordSupport ??= require(path.join(__dirname, 'docx.js')) as WordSupport;
  return wordSupport;
}

const WORD_FILTER = { Word: ['docx'] };

/** Documents opened from a Word file, by document URI: that file is never proposed as the export target. */
const wordOrigins = new Map<string, vscode.Uri>();

export interface ExportOptions {
  /** When error findings (placeholders, a broken numbering) remain: ask (the default), export, or cancel. */
  ifErrorsRemain?: 'ask' | 'export' | 'cancel';
  /** Return the file the save dialog would propose, without asking or writing (tests). */
  proposeOnly?: boolean;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the export is proposed: beside the document (or the Word file it came from), named after it,
 * and never a file that exists: seed.md opened from seed.docx must not offer to overwrite the
 * submission, so the proposal becomes seed (2).docx.
 */
export async function proposedExportUri(document: vscode.TextDocument, title: string | undefined): Promise<vscode.Uri> {
  const origin = wordOrigins.get(document.uri.toString());
  const stem = origin
    ? origin.with({ path: origin.path.replace(/\.docx$/i, '') })
    : document.isUntitled
      ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'), (title ?? 'summary').replace(/[\\/:*?"<>|]/g, '_'))
      : document.uri.with({ path: document.uri.path.replace(/\.[^./]*$/, '') });
  for (let copy = 1; ; copy++) {
    const candidate = stem.with({ path: `${stem.path}${copy === 1 ? '' : ` (${copy})`}.docx` });
    if (!(origin && candidate.toString() === origin.toString()) && !(await exists(candidate))) return candidate;
  }
}

/**
 * The model the Word export writes. The only analysis left in the extension host: one, when the user
 * exports (the layout needs the whole model, which the language server does not send over).
 */
async function analysisForExport(configuration: ConfigurationStore, summaries: SummaryDocuments, document: vscode.TextDocument): Promise<Analysis> {
  const config = await configuration.configFor(document.uri);
  const profileChoice = summaries.profileChoiceOf(document.uri);
  return loadWordSupport().analyze(document.getText(), {
    fileName: document.fileName,
    format: document.languageId === 'markdown' ? 'markdown' : 'text',
    config: profileChoice ? { ...config, chosenProfile: profileChoice } : config,
  });
}

/** Open a .docx as a Markdown summary; export the current summary as a GB/T 9704 .docx. */
export function registerWordCommands(configuration: ConfigurationStore, summaries: SummaryDocuments, activeSummary: () => Promise<vscode.TextDocument | undefined>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('officialSummary.openDocx', async (source?: vscode.Uri) => {
      const uri = source ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: WORD_FILTER, openLabel: t('Open as summary') }))?.[0];
      if (!uri) return undefined;
      let text: string;
      try {
        text = await loadWordSupport().docxToMarkdown(await vscode.workspace.fs.readFile(uri));
      } catch (error) {
        void vscode.window.showErrorMessage(t('Cannot read {0} as a Word file: {1}', path.basename(uri.path), (error as Error).message));
        return undefined;
      }
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
      wordOrigins.set(document.uri.toString(), uri);
      await summaries.setMark(document.uri, 'summary');
      await vscode.window.showTextDocument(document);
      return document;
    }),
    vscode.commands.registerCommand('officialSummary.exportDocx', async (target?: vscode.Uri, options: ExportOptions = {}) => {
      const document = await activeSummary();
      if (!document) return undefined;
      const analysis = await analysisForExport(configuration, summaries, document);
      const suggested = await proposedExportUri(document, analysis.document.title?.text);
      if (options.proposeOnly) return suggested;
      const errors = analysis.findings.filter((finding) => finding.severity === 'error');
      if (errors.length > 0 && options.ifErrorsRemain !== 'export') {
        if (options.ifErrorsRemain === 'cancel') return undefined;
        const exportAnyway = t('Export anyway');
        const showProblems = t('Show problems');
        const answer = await vscode.window.showWarningMessage(
          t('{0} errors remain in this summary, such as: {1}', errors.length, localized(errors[0]!.message)),
          { modal: true, detail: t('Placeholders, pasted website text or broken numbering would go into the Word file as they are.') },
          exportAnyway,
          showProblems,
        );
        if (answer === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
        if (answer !== exportAnyway) return undefined;
      }
      const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: suggested, filters: WORD_FILTER }));
      if (!uri) return undefined;
      try {
        await vscode.workspace.fs.writeFile(uri, await loadWordSupport().exportDocx(analysis.document));
      } catch (error) {
        void vscode.window.showErrorMessage(t('Cannot write {0}: {1}', path.basename(uri.path), (error as Error).message));
        return undefined;
      }
      void vscode.window.showInformationMessage(t('Exported {0} (GB/T 9704 layout).', path.basename(uri.path)));
      return uri;
    }),
  ];
}
