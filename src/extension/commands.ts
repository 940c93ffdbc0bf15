import * as vscode from 'vscode';
import type { Finding, Section, TextEdit } from '../core/index';
import { BUILTIN_PROFILES, collectFixEdits, insertPartEdits, renumberEdits, requiredParts, skeleton } from '../core/index';
import { orderedNextMarkers } from './completion';
import type { AnalysisService } from './analysis';
import type { ConfigurationStore } from './configuration';
import type { DiagnosticsController } from './diagnostics';
import { applyCoreEdits } from './edits';
import { localized, messageLocale } from './locale';
import type { OutlineNode } from './outline';
import { moveSection, type Direction } from './sectionMove';
import type { SummaryDocuments } from './summaryDocuments';
import { checkWorkspace } from './workspaceCheck';
import { registerWordCommands } from './wordFiles';

export interface CommandServices {
  analyses: AnalysisService;
  summaries: SummaryDocuments;
  diagnostics: DiagnosticsController;
  configuration: ConfigurationStore;
  /** The document the outline shows, used when a command comes from the tree. */
  outlineDocument: () => vscode.TextDocument | undefined;
}

/** How many findings the edits fix: those whose fix is wholly among them (an overlapping one waits for the next run). */
function fixedFindings(findings: readonly Finding[], edits: readonly TextEdit[]): number {
  const applied = new Set(edits.map((e) => `${e.start}:${e.end}:${e.newText}`));
  return findings.filter((f) => f.fix && f.fix.edits.every((e) => applied.has(`${e.start}:${e.end}:${e.newText}`))).length;
}

function fixedMessage(count: number): string {
  if (count === 0) return vscode.l10n.t('No problem here can be fixed automatically.');
  return count === 1 ? vscode.l10n.t('Fixed 1 problem.') : vscode.l10n.t('Fixed {0} problems.', count);
}

export function registerCommands(services: CommandServices): vscode.Disposable[] {
  const { analyses, summaries, diagnostics, configuration } = services;

  /** The summary the user is working on: the active editor's, else the one the outline shows. */
  const activeSummary = async (): Promise<vscode.TextDocument | undefined> => {
    const document = vscode.window.activeTextEditor?.document ?? services.outlineDocument();
    if (document && summaries.isSummary(document)) return document;
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a summary first (or mark this file as a summary).'));
    return undefined;
  };

  const editorFor = async (document: vscode.TextDocument): Promise<vscode.TextEditor> =>
    vscode.window.visibleTextEditors.find((e) => e.document === document) ?? vscode.window.showTextDocument(document);

  const profileItems = async (uri: vscode.Uri | undefined) => {
    const config = uri ? await configuration.configFor(uri) : undefined;
    return [...BUILTIN_PROFILES, ...(config?.profiles ?? [])].map((profile) => ({
      label: localized(profile.name),
      description: profile.id,
      profileId: profile.id,
    }));
  };

  const sectionAtCursor = async (document: vscode.TextDocument): Promise<Section | undefined> => {
    const analysis = await analyses.analysisOf(document);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (!analysis || !editor) return undefined;
    const offset = document.offsetAt(editor.selection.active);
    let found: Section | undefined;
    let level: readonly Section[] = analysis.document.sections;
    for (;;) {
      const inside = level.find((s) => s.start <= offset && offset < s.end);
      if (!inside) return found;
      found = inside;
      level = inside.children;
    }
  };

  const move = async (direction: Direction, node?: OutlineNode) => {
    const document = node ? services.outlineDocument() : await activeSummary();
    if (!document) return false;
    const analysis = await analyses.analysisOf(document);
    const section = node?.kind === 'section' ? node.section : await sectionAtCursor(document);
    if (!analysis || !section) return false;
    return moveSection(document, analysis, section, direction);
  };

  return [
    ...registerWordCommands(analyses, summaries, activeSummary),
    vscode.commands.registerCommand('officialSummary.newSummary', async (profileId?: string) => {
      const chosen =
        profileId ??
        (await vscode.window.showQuickPick(await profileItems(vscode.workspace.workspaceFolders?.[0]?.uri), {
          placeHolder: vscode.l10n.t('Which kind of document?'),
        }))?.profileId;
      if (!chosen) return undefined;
      const language = vscode.workspace.getConfiguration('officialSummary').get<string>('newSummaryLanguage', 'markdown');
      const document = await vscode.workspace.openTextDocument({ language, content: skeleton(chosen, messageLocale(), await configuration.configFor(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'))) });
      await summaries.setMark(document.uri, 'summary');
      await summaries.setProfileChoice(document.uri, chosen);
      await vscode.window.showTextDocument(document);
      return document;
    }),

    vscode.commands.registerCommand('officialSummary.renumber', async () => {
      const document = await activeSummary();
      const analysis = document && (await analyses.analysisOf(document));
      if (!document || !analysis) return false;
      const edits = renumberEdits(analysis.document);
      if (edits.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The numbering is already in order.'));
        return true;
      }
      return applyCoreEdits(document, analysis.version, edits);
    }),

    vscode.commands.registerCommand('officialSummary.fixAll', async () => {
      const document = await activeSummary();
      const analysis = document && (await analyses.analysisOf(document));
      if (!document || !analysis) return false;
      const edits = collectFixEdits(analysis.findings);
      const applied = await applyCoreEdits(document, analysis.version, edits);
      if (applied) void vscode.window.showInformationMessage(fixedMessage(fixedFindings(analysis.findings, edits)));
      return applied;
    }),

    vscode.commands.registerCommand('officialSummary.insertNextSection', async (level?: number) => {
      const document = await activeSummary();
      const analysis = document && (await analyses.analysisOf(document));
      if (!document || !analysis) return undefined;
      const editor = await editorFor(document);
      const cursor = editor.selection.active;
      const markers = orderedNextMarkers(analysis.document, document.offsetAt(cursor), analysis.config);
      const marker = markers.find((m) => m.level === level) ?? markers[0];
      if (!marker) return undefined;
      const line = document.lineAt(cursor.line);
      const indentation = /^[ \t　]*/.exec(line.text)![0];
      let offset: number;
      let newText: string;
      if (line.isEmptyOrWhitespace) {
        offset = document.offsetAt(line.range.end);
        newText = marker.text;
      } else {
        offset = document.offsetAt(line.range.end);
        newText = `\n\n${indentation}${marker.text}`;
      }
      const ok = await applyCoreEdits(document, analysis.version, [{ start: offset, end: offset, newText }]);
      if (ok) {
        const end = document.positionAt(offset + newText.length);
        editor.selection = new vscode.Selection(end, end);
      }
      return ok ? marker.text : undefined;
    }),

    vscode.commands.registerCommand('officialSummary.suggest', async () => {
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
    }),

    vscode.commands.registerCommand('officialSummary.checkWorkspace', async () => {
      const result = await checkWorkspace(analyses, summaries, diagnostics);
      void vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(
        vscode.l10n.t('{0} summaries checked, {1} findings.', result.summaries, result.findings),
      );
      return result;
    }),

    vscode.commands.registerCommand('officialSummary.chooseProfile', async (profileId?: string) => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) return undefined;
      const items = [
        { label: vscode.l10n.t('Automatic (front matter, title, settings)'), description: '', profileId: '' },
        ...(await profileItems(document.uri)),
      ];
      const chosen = profileId ?? (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Profile for this file') }))?.profileId;
      if (chosen === undefined) return undefined;
      await summaries.setProfileChoice(document.uri, chosen || undefined);
      if (chosen && !summaries.isSummary(document)) await summaries.setMark(document.uri, 'summary');
      return chosen;
    }),

    vscode.commands.registerCommand('officialSummary.markAsSummary', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (target) await summaries.setMark(target, 'summary');
    }),

    vscode.commands.registerCommand('officialSummary.unmarkAsSummary', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (target) await summaries.setMark(target, 'not-summary');
    }),

    vscode.commands.registerCommand('officialSummary.revealOffset', async (uri: vscode.Uri, offset: number) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const position = document.positionAt(offset);
      const editor = await vscode.window.showTextDocument(document, { preserveFocus: false, selection: new vscode.Range(position, position) });
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return position;
    }),

    vscode.commands.registerCommand('officialSummary.insertRequiredPart', async (uri: vscode.Uri, version: number, partId: string) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const analysis = await analyses.analysisOf(document);
      const part = analysis && requiredParts(analysis.document).find((p) => p.id === partId);
      if (!analysis || !part || part.present) return false;
      // The click was prepared for `version`; if the user typed since, the offsets are stale.
      if (version !== analysis.version) return applyCoreEdits(document, version, []);
      // Numbered like its neighbours, with the sections after it renumbered, in one edit.
      const ok = await applyCoreEdits(document, analysis.version, insertPartEdits(analysis.document, partId));
      if (ok) {
        const position = document.positionAt(part.insertAt);
        await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
      }
      return ok;
    }),

    vscode.commands.registerCommand('officialSummary.moveSectionUp', (node?: OutlineNode) => move('up', node)),
    vscode.commands.registerCommand('officialSummary.moveSectionDown', (node?: OutlineNode) => move('down', node)),
  ];
}
