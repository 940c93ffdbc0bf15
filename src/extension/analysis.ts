import * as vscode from 'vscode';
import type { Analysis, Finding, SummaryConfig } from '../core/index';
import { DocumentAnalyzer, analyze } from '../core/index';
import type { ConfigurationStore } from './configuration';
import type { SummaryDocuments } from './summaryDocuments';

export interface DocumentAnalysis extends Analysis {
  /** The document version the offsets refer to. */
  version: number;
  uri: vscode.Uri;
  /** The configuration it was made with (completion needs the house style). */
  config: SummaryConfig;
}

/**
 * One analysis per (document, version, configuration): diagnostics, code actions, the outline,
 * symbols, folding, completion and the status bar all read the same model, parsed once.
 */
export class AnalysisService implements vscode.Disposable {
  // Entries keep the document they were made for: a closed untitled document and the next one,
  // opened under the same name at version 1 before the close event arrived, must not share them.
  private readonly cache = new Map<string, { key: string; analysis: DocumentAnalysis; document: vscode.TextDocument }>();
  /** One incremental analyzer per open document: an edit re-parses only the chunks it touched. */
  private readonly analyzers = new Map<string, { key: string; analyzer: DocumentAnalyzer }>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly configuration: ConfigurationStore,
    private readonly summaries: SummaryDocuments,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cache.delete(document.uri.toString());
        this.analyzers.delete(document.uri.toString());
      }),
    );
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** The analysis of the document as it is now, or undefined if it is not a summary. */
  async analysisOf(document: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    if (!this.summaries.isSummary(document)) return undefined;
    const cached = this.cached(document);
    if (cached) return cached;
    const config = await this.configuration.configFor(document.uri);
    return this.compute(document, config);
  }

  /**
   * Like analysisOf, but a large document is analysed in slices that give the extension host back
   * in between; undefined when `isCancelled` reports that a newer version made this one stale.
   */
  async analysisOfInSlices(document: vscode.TextDocument, isCancelled: () => boolean): Promise<DocumentAnalysis | undefined> {
    if (!this.summaries.isSummary(document)) return undefined;
    const cached = this.cached(document);
    if (cached) return cached;
    const config = await this.configuration.configFor(document.uri);
    const version = document.version;
    const key = this.cacheKey(document);
    const { analyzer, effective } = this.analyzerFor(document, config);
    const result = await analyzer.analyzeInSlices(document.getText(), { isCancelled: () => isCancelled() || document.version !== version });
    if (!result || document.version !== version) return undefined;
    const analysis: DocumentAnalysis = { ...result, version, uri: document.uri, config: effective };
    this.cache.set(document.uri.toString(), { key, analysis, document });
    return analysis;
  }

  private cacheKey(document: vscode.TextDocument): string {
    return `${document.version}|${this.analyzerKey(document)}`;
  }

  private analyzerKey(document: vscode.TextDocument): string {
    const profileChoice = this.summaries.profileChoiceOf(document.uri) ?? '';
    return `${this.configuration.generation}|${profileChoice}|${document.languageId}`;
  }

  private analyzerFor(document: vscode.TextDocument, config: SummaryConfig): { analyzer: DocumentAnalyzer; effective: SummaryConfig } {
    const key = this.analyzerKey(document);
    const effective = withProfileChoice(config, this.summaries.profileChoiceOf(document.uri));
    let entry = this.analyzers.get(document.uri.toString());
    if (!entry || entry.key !== key) {
      entry = {
        key,
        analyzer: new DocumentAnalyzer({
          fileName: document.fileName,
          format: document.languageId === 'markdown' ? 'markdown' : 'text',
          config: effective,
        }),
      };
      this.analyzers.set(document.uri.toString(), entry);
    }
    return { analyzer: entry.analyzer, effective };
  }

  private cached(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const entry = this.cache.get(document.uri.toString());
    return entry && entry.document === document && entry.key === this.cacheKey(document) ? entry.analysis : undefined;
  }

  private compute(document: vscode.TextDocument, config: SummaryConfig): DocumentAnalysis {
    const key = this.cacheKey(document);
    const { analyzer, effective } = this.analyzerFor(document, config);
    const result = analyzer.analyze(document.getText());
    const analysis: DocumentAnalysis = { ...result, version: document.version, uri: document.uri, config: effective };
    this.cache.set(document.uri.toString(), { key, analysis, document });
    return analysis;
  }

  /** Analyses another text as if it were this document's (Insert Next Section renumbers with it). */
  async analyzeVariant(document: vscode.TextDocument, text: string): Promise<Analysis> {
    const config = await this.configuration.configFor(document.uri);
    return analyze(text, {
      fileName: document.fileName,
      format: document.languageId === 'markdown' ? 'markdown' : 'text',
      config: withProfileChoice(config, this.summaries.profileChoiceOf(document.uri)),
    });
  }

  /** Analyses text that is not open in an editor (the workspace check). */
  async analyzeFile(uri: vscode.Uri, text: string): Promise<Analysis> {
    const config = await this.configuration.configFor(uri);
    const profileChoice = this.summaries.profileChoiceOf(uri);
    return analyze(text, {
      fileName: uri.path,
      config: withProfileChoice(config, profileChoice),
    });
  }
}

/** Findings whose range starts inside [start, end). */
export function findingsWithin(findings: readonly Finding[], start: number, end: number): Finding[] {
  return findings.filter((finding) => finding.start >= start && finding.start < end);
}

/**
 * The profile the user chose for one file must win over the title, but the core lets a title
 * pick first. Until the core takes a forced profile, the choice is passed as an extra profile
 * (extras are tried first) whose title pattern matches every title, and as the configured one.
 */
export function withProfileChoice(config: SummaryConfig, profileId: string | undefined): SummaryConfig {
  return profileId ? { ...config, chosenProfile: profileId } : config;
}
