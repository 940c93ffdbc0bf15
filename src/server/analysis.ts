import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyzer, analyze, type Analysis, type Locale, type SummaryConfig } from '../core/index';
import type { DocumentStateParams } from './protocol';
import { isMarkdown, isSummaryDocument, pathOf } from './summaryDocuments';
import { withSettings, type ConfigSource, type EditorSettings } from './settings';

export interface DocumentAnalysis extends Analysis {
  uri: string;
  /** The document version the offsets refer to. */
  version: number;
  config: SummaryConfig;
  locale: Locale;
}

/** What the analysis of one document depends on besides its text. */
export interface DocumentContext {
  settings: EditorSettings;
  folderUri: string | undefined;
  locale: Locale;
  /** the client's mark and profile choice for the file (officialSummary/documentState) */
  state: DocumentStateParams | undefined;
}

/**
 * One analysis per (document, version, configuration), shared by diagnostics, code actions,
 * completion, symbols, folding and the extension's own requests; one incremental analyzer per
 * open document.
 */
export class AnalysisService {
  private readonly analyzers = new Map<string, { key: string; analyzer: DocumentAnalyzer }>();
  private readonly results = new Map<string, { key: string; analysis: DocumentAnalysis | undefined }>();

  constructor(
    private readonly configFiles: ConfigSource,
    private readonly contextOf: (uri: string) => Promise<DocumentContext>,
  ) {}

  forget(uri: string): void {
    this.analyzers.delete(uri);
    this.results.delete(uri);
  }

  forgetAll(): void {
    this.analyzers.clear();
    this.results.clear();
  }

  /**
   * The analysis of `document` as it is now, undefined for a document that is not a summary or
   * when `isCancelled` says the result is no longer wanted (a newer version, a cancelled request).
   * With `outdatedOk` a result is returned even when the text changed while it was made: it names
   * the version it describes (completion at a line start is still right while the user types on).
   */
  async analysisOf(document: TextDocument, isCancelled: () => boolean = () => false, outdatedOk = false): Promise<DocumentAnalysis | undefined> {
    const context = await this.contextOf(document.uri);
    if (isCancelled()) return undefined;
    // in a browser the client reads the file: the stamp may take a round trip
    const configStamp = await this.configFiles.stampOf(context.folderUri);
    if (isCancelled()) return undefined;
    const text = document.getText();
    if (!isSummaryDocument(document.uri, document.languageId, text, context.settings, context.state?.mark)) return undefined;
    const analyzerKey = `${JSON.stringify(context.settings)}|${configStamp}|${document.languageId}|${context.state?.profileChoice ?? ''}`;
    const resultKey = `${document.version}|${analyzerKey}|${context.locale}|${context.state?.mark ?? ''}`;
    const known = this.results.get(document.uri);
    if (known?.key === resultKey) return known.analysis;
    const config = await this.configOf(context);
    if (isCancelled()) return undefined;
    let entry = this.analyzers.get(document.uri);
    if (!entry || entry.key !== analyzerKey) {
      entry = { key: analyzerKey, analyzer: new DocumentAnalyzer({ fileName: pathOf(document.uri), format: isMarkdown(document.uri, document.languageId) ? 'markdown' : 'text', config }) };
      this.analyzers.set(document.uri, entry);
    }
    const version = document.version;
    // large documents are analysed in slices, so a newer version or a cancelled request stops the work
    const result = await entry.analyzer.analyzeInSlices(text, { isCancelled });
    if (!result || isCancelled() || (!outdatedOk && document.version !== version)) return undefined;
    const analysis: DocumentAnalysis = { ...result, uri: document.uri, version, config, locale: context.locale };
    this.results.set(document.uri, { key: resultKey, analysis });
    return analysis;
  }

  /**
   * Another text analysed as if it were the document's (inserting a section renumbers with it; the
   * workspace check sends files that are not open), undefined when that text is no summary.
   */
  async analyzeText(uri: string, languageId: string, text: string, requireSummary: boolean): Promise<(Analysis & { config: SummaryConfig; locale: Locale }) | undefined> {
    const context = await this.contextOf(uri);
    if (requireSummary && !isSummaryDocument(uri, languageId, text, context.settings, context.state?.mark)) return undefined;
    const config = await this.configOf(context);
    const result = analyze(text, { fileName: pathOf(uri), format: isMarkdown(uri, languageId) ? 'markdown' : 'text', config });
    return { ...result, config, locale: context.locale };
  }

  private async configOf(context: DocumentContext): Promise<SummaryConfig> {
    const config = withSettings(await this.configFiles.configIn(context.folderUri), context.settings);
    // the profile the user chose for this file wins over front matter and title
    return context.state?.profileChoice ? { ...config, chosenProfile: context.state.profileChoice } : config;
  }
}
