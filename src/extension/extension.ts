import * as vscode from 'vscode';
import { AnalysisService } from './analysis';
import { SummaryCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { COMPLETION_TRIGGER_CHARACTERS, SummaryCompletions } from './completion';
import { ConfigurationStore } from './configuration';
import { DiagnosticsController } from './diagnostics';
import { SummaryFolding } from './folding';
import { OutlineProvider, type OutlineNode } from './outline';
import { LEGEND, SummarySemanticTokens } from './semanticTokens';
import { SummaryStatusBar } from './statusBar';
import { RulePages } from './rulePage';
import { SummaryDocuments } from './summaryDocuments';
import { SummarySymbolRegistration } from './symbols';
import { t } from './locale';

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
}

/**
 * Activation only wires providers and listeners; nothing is parsed until a document that is a
 * summary is opened, so opening an ordinary Markdown file costs almost nothing.
 */
export function activate(context: vscode.ExtensionContext): OfficialSummaryApi {
  const rulePages = new RulePages(context.extensionUri);
  const summaries = new SummaryDocuments(context.workspaceState);
  const configuration = new ConfigurationStore();
  const analyses = new AnalysisService(configuration, summaries);
  const diagnostics = new DiagnosticsController(analyses);
  const outline = new OutlineProvider(analyses, summaries);
  const outlineView = vscode.window.createTreeView(OUTLINE_VIEW_ID, { treeDataProvider: outline, showCollapseAll: true });
  const statusBar = new SummaryStatusBar(analyses, diagnostics.collection);
  const semanticTokens = new SummarySemanticTokens(summaries);
  const symbols = new SummarySymbolRegistration(analyses, summaries, t('Summary sections'));
  context.subscriptions.push(rulePages, summaries, configuration, analyses, diagnostics, outline, outlineView, statusBar, semanticTokens);

  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(SELECTOR, new SummaryCodeActions(analyses), SummaryCodeActions.metadata),
    symbols,
    vscode.languages.registerFoldingRangeProvider(SELECTOR, new SummaryFolding(analyses)),
    vscode.languages.registerDocumentRangeSemanticTokensProvider(SELECTOR, semanticTokens, LEGEND),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new SummaryCompletions(analyses), ...COMPLETION_TRIGGER_CHARACTERS),
    ...registerCommands({ analyses, summaries, diagnostics, configuration, outlineDocument: () => outline.currentDocument }),
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
    followTimer = setTimeout(async () => {
      if (!outlineView.visible || editor.document !== outline.currentDocument) return;
      const node = await outline.nodeAt(editor.document.offsetAt(editor.selection.active));
      if (node && outlineView.selection[0]?.id !== node.id) {
        await outlineView.reveal(node, { select: true, focus: false, expand: true });
      }
    }, 150);
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(showActiveEditor),
    vscode.window.tabGroups.onDidChangeTabs(showActiveEditor),
    vscode.window.onDidChangeTextEditorSelection((event) => followCursor(event.textEditor)),
    vscode.workspace.onDidOpenTextDocument(() => symbols.update()),
    vscode.workspace.onDidCloseTextDocument(() => symbols.update()),
    diagnostics.onDidUpdate((uri) => {
      symbols.update(); // a document may have become a summary, or stopped being one
      if (outline.currentDocument?.uri.toString() === uri.toString()) {
        outline.refresh();
        void statusBar.update(outline.currentDocument);
      } else if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) {
        showActiveEditor(); // the document just became a summary (typed title, mark)
      }
    }),
    summaries.onDidChange(() => {
      semanticTokens.refresh();
      diagnostics.refreshAll();
      outline.setDocument(undefined);
      showActiveEditor();
    }),
    configuration.onDidChange(() => diagnostics.refreshAll()),
    { dispose: () => followTimer && clearTimeout(followTimer) },
  );

  diagnostics.refreshAll();
  symbols.update();
  showActiveEditor();
  return { outline, outlineView, statusBar: statusBar.item, statusBarVisible: () => statusBar.visible, rulePage: () => rulePages.shown, isSummary: (document) => summaries.isSummary(document) };
}

/** The active tab shows text (a panel or the tree may have the focus), not a binary or custom editor. */
function activeTabIsText(): boolean {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText || input instanceof vscode.TabInputTextDiff;
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
