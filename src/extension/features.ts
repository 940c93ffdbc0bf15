import * as vscode from 'vscode';
import { CHECK_ON_SAVE_ABOVE_CHARS } from '../server/diagnostics';
import { registerCommands } from './commands';
import { ConfigurationStore } from './configuration';
import { OutlineProvider, type OutlineNode } from './outline';
import { LEGEND, SummarySemanticTokens } from './semanticTokens';
import { SummaryStatusBar } from './statusBar';
import { RulePages } from './rulePage';
import { SummaryServer, type ClientFactory } from './serverClient';
import { SummaryDocuments } from './summaryDocuments';
import { SummarySymbolRegistration } from './symbols';
import { t, watchMessageLocale } from './locale';

const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];
const SUMMARY_ACTIVE_CONTEXT = 'officialSummary.summaryActive';
const OUTLINE_VIEW_ID = 'officialSummary.outline';
const OUTLINE_REVEALED_KEY = 'officialSummary.outlineRevealedOnce';

/** What the extension hands to other extensions and to its own e2e tests. */
export interface OfficialSummaryApi {
  outline: OutlineProvider;
  outlineView: vscode.TreeView<OutlineNode>;
  statusBar: vscode.StatusBarItem;
  statusBarVisible(): boolean;
  /** The rule page on screen, if any (a rule link was followed). */
  rulePage(): { rule: string; html: string } | undefined;
  isSummary(document: vscode.TextDocument): boolean;
  /** Whether the language server was started (it starts with the first summary, or a command that needs it). */
  serverStarted(): boolean;
}

export type { ClientFactory } from './serverClient';

/** How long typing in a document that is no summary waits before it is looked at again (a title being typed). */
const NEW_SUMMARY_CHECK_MS = 400;

/**
 * Everything but the transport, for the node entry (extension.ts) and a browser entry alike. The
 * analysis runs in the language server (src/server): diagnostics, code actions, completion,
 * folding and symbols are its LSP features; the Summary Outline, the status bar and the commands
 * ask it through the officialSummary/* requests (src/server/protocol.ts). What stays in the
 * extension host needs no analysis: which documents are summaries (the user's marks), the marker
 * colours (a pattern per visible line), the rule pages and the Word files.
 *
 * Activation only wires providers and listeners; the language server (and the client library) is
 * started when the first summary is opened, so opening an ordinary Markdown file costs almost nothing.
 */
export function startFeatures(context: vscode.ExtensionContext, makeClient: ClientFactory): OfficialSummaryApi {
  context.subscriptions.push(watchMessageLocale());
  const rulePages = new RulePages(context.extensionUri);
  const summaries = new SummaryDocuments(context.workspaceState);
  const configuration = new ConfigurationStore();
  const server = new SummaryServer(summaries, makeClient);
  const outline = new OutlineProvider(server, summaries);
  const outlineView = vscode.window.createTreeView(OUTLINE_VIEW_ID, { treeDataProvider: outline, showCollapseAll: true });
  const statusBar = new SummaryStatusBar(server);
  const semanticTokens = new SummarySemanticTokens(summaries);
  const symbols = new SummarySymbolRegistration(server, summaries, t('Summary sections'));
  context.subscriptions.push(rulePages, summaries, configuration, server, outline, outlineView, statusBar, semanticTokens, { dispose: () => void server.stop() });

  context.subscriptions.push(
    symbols,
    vscode.languages.registerDocumentRangeSemanticTokensProvider(SELECTOR, semanticTokens, LEGEND),
    ...registerCommands({ server, summaries, configuration, outlineDocument: () => outline.currentDocument, outlineOffsetOf: (id) => outline.offsetOf(id) }),
  );

  let activeWasSummary: { uri: string; isSummary: boolean } | undefined;
  const showActiveEditor = () => {
    const document = vscode.window.activeTextEditor?.document;
    const isSummary = document ? summaries.isSummary(document) : false;
    void vscode.commands.executeCommand('setContext', SUMMARY_ACTIVE_CONTEXT, isSummary);
    // a document that just became a summary (a title typed) gets its colours, one that stopped loses them
    if (document && activeWasSummary?.uri === document.uri.toString() && activeWasSummary.isSummary !== isSummary) semanticTokens.refresh();
    if (document) activeWasSummary = { uri: document.uri.toString(), isSummary };
    // Focus moving to a panel or the tree itself leaves no active editor: keep showing the last summary.
    // A binary or custom editor (a .docx) is no text at all: the counts of the last one would mislead.
    if (!document && outline.currentDocument && !outline.currentDocument.isClosed) {
      if (!activeTabIsText()) statusBar.hide();
      return;
    }
    if (document !== outline.currentDocument) outline.setDocument(isSummary ? document : undefined);
    void statusBar.update(isSummary ? document : undefined);
    if (isSummary) void revealOutlineOnce();
  };

  /**
   * The first summary ever opened shows the Summary Outline's own container, once: afterwards
   * the user decides where it lives (it can be moved) and whether it is open.
   */
  const revealOutlineOnce = async () => {
    if (context.globalState.get<boolean>(OUTLINE_REVEALED_KEY)) return;
    await context.globalState.update(OUTLINE_REVEALED_KEY, true);
    const [first] = await outline.getChildren();
    // reveal without focus or selection: the cursor stays in the editor
    if (first) await outlineView.reveal(first, { select: false, focus: false, expand: false });
    else await vscode.commands.executeCommand(`${OUTLINE_VIEW_ID}.focus`);
  };

  let followTimer: ReturnType<typeof setTimeout> | undefined;
  const followCursor = (editor: vscode.TextEditor) => {
    if (followTimer) clearTimeout(followTimer);
    // the cursor moved by typing: the tree is found again once typing pauses, as it is built again then
    followTimer = setTimeout(async () => {
      if (!outlineView.visible || editor.document !== outline.currentDocument) return;
      const node = await outline.nodeAt(editor.document.offsetAt(editor.selection.active));
      if (node && outlineView.selection[0]?.id !== node.id) {
        await outlineView.reveal(node, { select: true, focus: false, expand: true });
      }
    }, Math.max(150, outline.untilTypingPauses()));
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(showActiveEditor),
    vscode.window.tabGroups.onDidChangeTabs(showActiveEditor),
    vscode.window.onDidChangeTextEditorSelection((event) => followCursor(event.textEditor)),
    vscode.workspace.onDidOpenTextDocument(() => symbols.update()),
    vscode.workspace.onDidCloseTextDocument(() => symbols.update()),
    server.onDidUpdate((uri) => {
      symbols.update(); // a document may have become a summary, or stopped being one
      if (outline.currentDocument?.uri.toString() === uri.toString()) {
        // a hidden view builds nothing now: it is asked again when shown
        if (outlineView.visible) outline.updateWhenTypingPauses();
        else outline.refresh();
        void statusBar.update(outline.currentDocument);
      } else if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) {
        showActiveEditor(); // the document just became a summary (typed title, mark)
      }
    }),
    summaries.onDidChange((uri) => {
      semanticTokens.refresh();
      // the server decides with the same marks: it checks the document again and publishes
      const changed = uri ? [uri] : vscode.workspace.textDocuments.map((d) => d.uri);
      for (const each of changed) void server.sendState(each);
      startIfASummaryIsOpen(vscode.workspace.textDocuments);
      outline.setDocument(undefined);
      showActiveEditor();
    }),
    vscode.workspace.onDidOpenTextDocument((document) => startIfASummaryIsOpen([document])),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      tellLargeOnce(event.document);
      if (!server.isStarted) lookAgainWhenTypingPauses(event.document);
    }),
    server.onDidStart(() => showActiveEditor()),
    { dispose: () => followTimer && clearTimeout(followTimer) },
    { dispose: () => typedTimer && clearTimeout(typedTimer) },
  );

  /** Starts the language server once a summary is open (the server checks every open document then). */
  function startIfASummaryIsOpen(documents: readonly vscode.TextDocument[]): void {
    if (server.isStarted || !documents.some((d) => !d.isClosed && summaries.isSummary(d))) return;
    server.ready().catch(() => undefined); // a server that cannot start says so in its output channel
  }

  // a document becomes a summary as its title is typed
  let typedTimer: ReturnType<typeof setTimeout> | undefined;
  function lookAgainWhenTypingPauses(document: vscode.TextDocument): void {
    if (typedTimer) clearTimeout(typedTimer);
    typedTimer = setTimeout(() => startIfASummaryIsOpen([document]), NEW_SUMMARY_CHECK_MS);
  }

  symbols.update();
  startIfASummaryIsOpen(vscode.workspace.textDocuments);
  showActiveEditor();
  return {
    outline,
    outlineView,
    statusBar: statusBar.item,
    statusBarVisible: () => statusBar.visible,
    rulePage: () => rulePages.shown,
    isSummary: (document) => summaries.isSummary(document),
    serverStarted: () => server.isStarted,
  };
}

const toldLarge = new Set<string>();

/**
 * Above CHECK_ON_SAVE_ABOVE_CHARS the server checks a document when it is opened and saved, not
 * at every pause in typing: said once per document, when the user first types in it.
 */
function tellLargeOnce(document: vscode.TextDocument): void {
  const key = document.uri.toString();
  if (toldLarge.has(key) || !summaryLanguage(document)) return;
  // the length without copying the text (this runs on every keystroke)
  const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  if (length <= CHECK_ON_SAVE_ABOVE_CHARS) return;
  toldLarge.add(key);
  void vscode.window.showInformationMessage(
    t('This document is very large ({0} million characters): Official Summary checks it when it is saved, not as you type.', (length / 1e6).toFixed(1)),
  );
}

function summaryLanguage(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' || document.languageId === 'plaintext';
}

/** The active tab shows text (a panel or the tree may have the focus), not a binary or custom editor. */
function activeTabIsText(): boolean {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText || input instanceof vscode.TabInputTextDiff;
}
