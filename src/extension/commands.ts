import * as vscode from 'vscode';
import { BUILTIN_PROFILES, skeleton, skeletonForFile } from '../core/index';
import type { MoveDirection } from '../server/protocol';
import type { ConfigurationStore } from './configuration';
import { applyCoreEdits } from './edits';
import { localized, messageLocale, t } from './locale';
import type { OutlineNode } from './outline';
import type { SummaryServer } from './serverClient';
import type { SummaryDocuments } from './summaryDocuments';
import { checkWorkspace } from './workspaceCheck';
import { registerWordCommands } from './wordFiles';

export interface CommandServices {
  server: SummaryServer;
  summaries: SummaryDocuments;
  configuration: ConfigurationStore;
  /** The document the outline shows, used when a command comes from the tree. */
  outlineDocument: () => vscode.TextDocument | undefined;
  /** Where a node of the Summary Outline starts now, by its id. */
  outlineOffsetOf: (id: string) => { uri: vscode.Uri; offset: number } | undefined;
}

function fixedMessage(count: number): string {
  if (count === 0) return t('No problem here can be fixed automatically.');
  return count === 1 ? t('Fixed 1 problem.') : t('Fixed {0} problems.', count);
}

export function registerCommands(services: CommandServices): vscode.Disposable[] {
  const { server, summaries, configuration } = services;

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

  /**
   * Moves the section of an outline node, else the one at the cursor, past its sibling: the server
   * swaps the bodies (the markers stay, so the numbering stays in order), one edit, one undo step.
   */
  const move = async (direction: MoveDirection, node?: OutlineNode) => {
    const document = node ? services.outlineDocument() : await activeSummary();
    if (!document) return false;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const offset = node?.kind === 'section' ? node.section.start : editor ? document.offsetAt(editor.selection.active) : undefined;
    if (offset === undefined) return false;
    const result = await server.moveSection(document, offset, direction);
    if (!result || result.noSection) return false;
    if (result.atEdge) {
      void vscode.window.showInformationMessage(result.atEdge === 'first' ? t('This section is already the first.') : t('This section is already the last.'));
      return false;
    }
    return applyCoreEdits(document, result.version, result.edits);
  };

  return [
    ...registerWordCommands(configuration, summaries, activeSummary),
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
      const result = document && (await server.renumber(document));
      if (!document || !result) return false;
      if (result.edits.length === 0) {
        void vscode.window.showInformationMessage(t('The numbering is already in order.'));
        return true;
      }
      return applyCoreEdits(document, result.version, result.edits);
    }),

    vscode.commands.registerCommand('officialSummary.fixAll', async () => {
      const document = await activeSummary();
      const result = document && (await server.fixAll(document));
      if (!document || !result) return false;
      const applied = await applyCoreEdits(document, result.version, result.edits);
      if (applied) void vscode.window.showInformationMessage(fixedMessage(result.fixed));
      return applied;
    }),

    vscode.commands.registerCommand('officialSummary.insertNextSection', async (level?: number) => {
      const document = await activeSummary();
      if (!document) return undefined;
      const editor = await editorFor(document);
      const result = await server.insertNextSection(document, document.offsetAt(editor.selection.active), level);
      if (!result) return undefined;
      const ok = await applyCoreEdits(document, result.version, result.edits);
      if (ok) {
        const end = document.positionAt(result.cursorAfter);
        editor.selection = new vscode.Selection(end, end);
      }
      return ok ? result.marker : undefined;
    }),

    vscode.commands.registerCommand('officialSummary.suggest', async () => {
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
    }),

    vscode.commands.registerCommand('officialSummary.checkWorkspace', async () => {
      const result = await checkWorkspace(server);
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

    // the Summary Outline's items name their node: where it starts is read from the tree as last built
    vscode.commands.registerCommand('officialSummary.revealOffset', async (uri: vscode.Uri, offsetOrNode: number | string) => {
      const node = typeof offsetOrNode === 'string' ? services.outlineOffsetOf(offsetOrNode) : undefined;
      if (typeof offsetOrNode === 'string' && node?.uri.toString() !== uri.toString()) return undefined;
      const offset = node ? node.offset : Number(offsetOrNode);
      const document = await vscode.workspace.openTextDocument(uri);
      const position = document.positionAt(offset);
      const editor = await vscode.window.showTextDocument(document, { preserveFocus: false, selection: new vscode.Range(position, position) });
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return position;
    }),

    vscode.commands.registerCommand('officialSummary.insertRequiredPart', async (uri: vscode.Uri, version: number, partId: string) => {
      const document = await vscode.workspace.openTextDocument(uri);
      // The click was prepared for `version`; if the user typed since, the offsets are stale (the server answers null).
      const result = await server.insertPart(document, version, partId);
      if (!result) return document.version !== version ? applyCoreEdits(document, version, []) : false;
      // Numbered like its neighbours, with the sections after it renumbered, in one edit.
      const ok = await applyCoreEdits(document, result.version, result.edits);
      if (ok) {
        const position = document.positionAt(result.insertedAt);
        await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
      }
      return ok;
    }),

    vscode.commands.registerCommand('officialSummary.moveSectionUp', (node?: OutlineNode) => move('up', node)),
    vscode.commands.registerCommand('officialSummary.moveSectionDown', (node?: OutlineNode) => move('down', node)),
  ];
}
