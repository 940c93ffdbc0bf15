import * as vscode from 'vscode';
import type { Finding, Section, SummaryDocument, TextEdit } from '../core/index';
import { BUILTIN_PROFILES, collectFixEdits, insertPartEdits, renumberEdits, requiredParts, skeleton } from '../core/index';
import { orderedNextMarkers, skeletonForFile } from './completion';
import type { AnalysisService } from './analysis';
import type { ConfigurationStore } from './configuration';
import type { DiagnosticsController } from './diagnostics';
import { applyCoreEdits } from './edits';
import { localized, messageLocale, t } from './locale';
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
  if (count === 0) return t('No problem here can be fixed automatically.');
  return count === 1 ? t('Fixed 1 problem.') : t('Fixed {0} problems.', count);
}

export function registerCommands(services: CommandServices): vscode.Disposable[] {
  const { analyses, summaries, diagnostics, configuration } = services;

  /** The summary the user is working on: the active editor's, else the one the outline shows. */
  const activeSummary = async (): Promise<vscode.TextDocument | undefined> => {
    const document = vscode.window.activeTextEditor?.document ?? services.outlineDocument();
    if (document && summaries.isSummary(document)) return document;
    void vscode.window.showInformationMessage(t('Open a summary first (or mark this file as a summary).'));
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
          placeHolder: t('Which kind of document?'),
        }))?.profileId;
      if (!chosen) return undefined;
      const config = await configuration.configFor(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'));
      // The current file, when it is still empty (a new 2025年工作总结.md): filled rather than a new tab.
      const current = vscode.window.activeTextEditor;
      const empty = current && ['markdown', 'plaintext'].includes(current.document.languageId) && current.document.getText().trim() === '' ? current : undefined;
      let document: vscode.TextDocument;
      if (empty) {
        document = empty.document;
        const text = skeletonForFile(skeleton(chosen, messageLocale(), config), document.fileName);
        await empty.edit((edit) => edit.replace(new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end), text));
      } else {
        const language = vscode.workspace.getConfiguration('officialSummary').get<string>('newSummaryLanguage', 'markdown');
        document = await vscode.workspace.openTextDocument({ language, content: skeleton(chosen, messageLocale(), config) });
      }
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
        void vscode.window.showInformationMessage(t('The numbering is already in order.'));
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
      const offset = document.offsetAt(line.range.end);
      const newText = line.isEmptyOrWhitespace ? marker.text : `\n\n${siblingLineStart(document, analysis.document, marker.level, offset) ?? /^[ \t　]*/.exec(line.text)![0]}${marker.text}`;
      const edits = await insertionWithRenumbering(analyses, document, analysis.document, offset, newText);
      const ok = await applyCoreEdits(document, analysis.version, edits);
      if (ok) {
        // Where the inserted marker ends once the edits before it (none but the insertion) are applied.
        const inserted = edits.find((edit) => edit.start === offset && edit.end === offset)!;
        const end = document.positionAt(offset + inserted.newText.length);
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
        t('{0} summaries checked, {1} findings.', result.summaries, result.findings),
      );
      return result;
    }),

    vscode.commands.registerCommand('officialSummary.chooseProfile', async (profileId?: string) => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) return undefined;
      const items = [
        { label: t('Automatic (front matter, title, settings)'), description: '', profileId: '' },
        ...(await profileItems(document.uri)),
      ];
      const chosen = profileId ?? (await vscode.window.showQuickPick(items, { placeHolder: t('Profile for this file') }))?.profileId;
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

/**
 * What goes before a marker of `level` on its line (indentation, or `## ` in Markdown), taken from
 * the next marker of that level after `offset`: a section inserted before its siblings looks like them.
 */
function siblingLineStart(document: vscode.TextDocument, model: SummaryDocument, level: number, offset: number): string | undefined {
  const sibling = model.markers.find((marker) => marker.start >= offset && marker.level === level);
  if (!sibling) return undefined;
  const position = document.positionAt(sibling.start);
  const lineStart = document.lineAt(position.line).text.slice(0, position.character);
  return /^[ \t　]*(?:#{1,6}[ \t]+)?$/.test(lineStart) ? lineStart : undefined;
}

/**
 * The insertion of a new section marker plus the renumbering it causes (一、 inserted before 一、
 * makes the old one 二、), in one edit list. Renumbering that the document needed already (an older
 * fault elsewhere) is left to the user: only edits that the insertion brought are kept.
 */
async function insertionWithRenumbering(
  analyses: AnalysisService,
  document: vscode.TextDocument,
  model: SummaryDocument,
  offset: number,
  newText: string,
): Promise<TextEdit[]> {
  const text = document.getText();
  const variant = text.slice(0, offset) + newText + text.slice(offset);
  const variantModel = (await analyses.analyzeVariant(document, variant)).document;
  const key = (edit: TextEdit) => `${edit.start}:${edit.end}:${edit.newText}`;
  const existing = new Set(renumberEdits(model).map(key));
  let inserted = newText;
  const edits: TextEdit[] = [];
  const insertedEnd = offset + newText.length;
  // Right to left, so edits inside the inserted text keep their offsets valid.
  for (const edit of renumberEdits(variantModel).reverse()) {
    if (edit.start >= offset && edit.end <= insertedEnd) {
      inserted = inserted.slice(0, edit.start - offset) + edit.newText + inserted.slice(edit.end - offset);
      continue;
    }
    const original = edit.start >= insertedEnd ? { ...edit, start: edit.start - newText.length, end: edit.end - newText.length } : edit;
    if (!existing.has(key(original))) edits.push(original);
  }
  return [{ start: offset, end: offset, newText: inserted }, ...edits.reverse()];
}
