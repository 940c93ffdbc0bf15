import {
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node'; // the browser bundle maps it to vscode-languageserver/browser (esbuild.js)
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version as SERVER_VERSION } from '../../package.json';
import { AnalysisService, type DocumentContext } from './analysis';
import { CODE_ACTION_KINDS, codeActions } from './codeActions';
import { COMPLETION_TRIGGER_CHARACTERS, Completions, markerContext } from './completion';
import { DiagnosticsPublisher } from './diagnostics';
import { foldingRanges } from './folding';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, SETTINGS_SECTION, localeOf, readSettings, type EditorSettings, type ServerHost } from './settings';
import { OfficialSummaryMethods, type DocumentStateParams } from './protocol';
import { registerRequests } from './requests';
import { documentSymbols } from './symbols';

const UNDECLARED_CONFIGURATION_WAIT_MS = 1000;

/** What a client may pass in `initializationOptions`. */
interface InitializationOptions {
  /** false: leave `#` headings out of the symbols (VS Code lists them itself). Default true. */
  markdownHeadingSymbols?: boolean;
  /** settings for a client that has no workspace/configuration (the same shape as `officialSummary`) */
  settings?: unknown;
  /** the same, as Helix passes its `config` table ({ officialSummary = { … } }) */
  officialSummary?: unknown;
  /**
   * false: do not announce document symbols; the client asks textDocument/documentSymbol itself
   * (the VS Code extension registers its own provider, exclusive for Markdown summaries). Default true.
   */
  documentSymbolProvider?: boolean;
}

/** The server on any connection; `host` is what differs between Node and a browser's Web Worker (browser.ts). */
export function listen(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const configFiles = host.configFiles;
  let folders: WorkspaceFolder[] = [];
  let clientLocale: string | undefined;
  let pullsConfiguration = false;
  let versionedEdits = false;
  let markdownHeadingSymbols = true;
  let followsFolderChanges = false;
  let pushedSettings: EditorSettings = DEFAULT_SETTINGS;
  /** true once the client pushed settings (initializationOptions or didChangeConfiguration with a value) */
  let settingsPushed = false;
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  /** the client's marks and profile choices per file (officialSummary/documentState) */
  const documentStates = new Map<string, DocumentStateParams>();
  const completions = new Completions();

  const folderOf = (uri: string): string | undefined => {
    // the deepest workspace folder that holds the document, else the first one
    const holding = folders.filter((f) => uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`)).sort((a, b) => b.uri.length - a.uri.length);
    return holding[0]?.uri ?? folders[0]?.uri;
  };
  const settingsOf = (uri: string): Promise<EditorSettings> => {
    if (settingsPushed) return Promise.resolve(pushedSettings);
    let pending = settingsCache.get(uri);
    if (!pending) {
      const asked = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (value: unknown) => (value === null || value === undefined ? pushedSettings : readSettings(value)),
        () => pushedSettings,
      );
      // Neovim 0.7 answers workspace/configuration without declaring it; a client that declares
      // nothing and never answers must not hold the diagnostics up for long
      pending = pullsConfiguration ? asked : Promise.race([asked, new Promise<EditorSettings>((resolve) => setTimeout(() => resolve(pushedSettings), UNDECLARED_CONFIGURATION_WAIT_MS))]);
      settingsCache.set(uri, pending);
    }
    return pending;
  };
  const contextOf = async (uri: string): Promise<DocumentContext> => {
    const settings = await settingsOf(uri);
    return { settings, folderUri: folderOf(uri), locale: localeOf(settings, clientLocale, host.env), state: documentStates.get(uri) };
  };
  const analyses = new AnalysisService(configFiles, contextOf);
  const ruleDocs = host.ruleDocs;
  const diagnostics = new DiagnosticsPublisher(connection, documents, analyses, ruleDocs);

  /** The analysis a request needs, or undefined when the request was cancelled or the text moved on. */
  const analysisFor = async (uri: string, token: CancellationToken) => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const version = document.version;
    const analysis = await analyses.analysisOf(document, () => token.isCancellationRequested || document.version !== version);
    return analysis && !token.isCancellationRequested && document.version === version ? { document, analysis } : undefined;
  };

  connection.onInitialize((params): InitializeResult => {
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    clientLocale = params.locale;
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    followsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    markdownHeadingSymbols = options.markdownHeadingSymbols !== false;
    const initialSettings = options.settings ?? options.officialSummary;
    if (initialSettings !== undefined) {
      pushedSettings = readSettings(initialSettings);
      settingsPushed = !pullsConfiguration;
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
        documentSymbolProvider: options.documentSymbolProvider !== false,
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'summary-lint', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (pullsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    if (followsFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders = [...folders.filter((f) => !event.removed.some((r) => r.uri === f.uri)), ...event.added];
        analyses.forgetAll();
        diagnostics.refreshAll();
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    // a client without workspace/configuration pushes its settings here
    if (!pullsConfiguration) {
      const settings = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      if (settings !== undefined) {
        pushedSettings = readSettings(settings);
        settingsPushed = true;
      }
    }
    diagnostics.refreshAll();
  });
  connection.onDidChangeWatchedFiles(() => diagnostics.refreshAll());

  documents.onDidChangeContent((event) => diagnostics.onChange(event.document));
  documents.onDidSave((event) => {
    // a saved .summaryrc.json changes every document of its folder
    if (event.document.uri.endsWith(`/${CONFIG_FILE_NAME}`)) diagnostics.refreshAll();
    diagnostics.onSave(event.document);
  });
  documents.onDidClose((event) => {
    analyses.forget(event.document.uri);
    settingsCache.delete(event.document.uri);
    diagnostics.onClose(event.document.uri);
  });

  connection.onCodeAction(async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found ? codeActions(params, found.document, found.analysis, versionedEdits, token) : [];
  });
  connection.onCompletion(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    // most keystrokes are not at a line start: answer those without waiting for an analysis
    const where = document && markerContext(document, params.position);
    if (!document || !where) return { isIncomplete: true, items: [] };
    // typing on while the analysis runs does not void it: the offer is about the line start
    return completions.answer(document, params.position, where, () => analyses.analysisOf(document, () => token.isCancellationRequested, true), token);
  });
  connection.onDocumentSymbol(async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found ? documentSymbols(found.document, found.analysis, markdownHeadingSymbols) : [];
  });
  connection.onFoldingRanges(async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found ? foldingRanges(found.document, found.analysis) : [];
  });
  connection.onNotification(OfficialSummaryMethods.documentState, (params: DocumentStateParams) => {
    const state: DocumentStateParams = { uri: params.uri };
    if (params.mark === 'summary' || params.mark === 'not-summary') state.mark = params.mark;
    if (typeof params.profileChoice === 'string' && params.profileChoice) state.profileChoice = params.profileChoice;
    documentStates.set(params.uri, state);
    diagnostics.refresh(params.uri);
  });
  registerRequests(connection, documents, analyses, analysisFor, ruleDocs);
  connection.onShutdown(() => diagnostics.dispose());

  documents.listen(connection);
  connection.listen();
}
