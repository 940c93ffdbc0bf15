import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pickMessage, type Finding, type Locale, type Severity } from '../core/index';
import type { AnalysisService } from './analysis';

export const DIAGNOSTIC_SOURCE = 'official-summary';
const TYPING_DELAY_MS = 300;
/** As in the extension: above this a document is checked on open and save, not at every pause in typing. */
export const CHECK_ON_SAVE_ABOVE_CHARS = 3_000_000;

const SEVERITY: Record<Severity, Diagnostic['severity']> = { error: 1, warning: 2, info: 3 };

export function toDiagnostic(finding: Finding, document: TextDocument, locale: Locale, ruleDocs: string): Diagnostic {
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    codeDescription: { href: `${ruleDocs}#${finding.rule}` },
    message: pickMessage(finding.message, locale),
    // the finding's offsets in this version: code actions find it by these, whatever a client does to the range
    data: { start: finding.start, end: finding.end },
  };
}

/**
 * Pushes diagnostics: at once for a newly opened document, after a pause in typing on change. Each run carries a
 * generation number; a run overtaken by a newer change stops (the analysis is cancellable) and a
 * result for an older version is never sent. Every publish names the version it describes.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  /** What was last published per document, so a non-summary's stale squiggles are cleared once. */
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: AnalysisService,
    private readonly ruleDocs: string,
  ) {}

  /** TextDocuments reports an opened document as changed too: the first content is checked at once. */
  onChange(document: TextDocument): void {
    if (!this.generations.has(document.uri)) {
      this.schedule(document.uri, 0);
      return;
    }
    if (document.getText().length > CHECK_ON_SAVE_ABOVE_CHARS) return;
    this.schedule(document.uri, TYPING_DELAY_MS);
  }

  onSave(document: TextDocument): void {
    if (document.getText().length > CHECK_ON_SAVE_ABOVE_CHARS) this.schedule(document.uri, 0);
  }

  onClose(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.generations.delete(uri);
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Checks one document again at once (its mark or profile choice changed). */
  refresh(uri: string): void {
    if (this.documents.get(uri)) this.schedule(uri, 0);
  }

  refreshAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri, 0);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(uri: string, delayMs: number): void {
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.publish(uri, generation);
      }, delayMs),
    );
  }

  private async publish(uri: string, generation: number): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const isStale = () => this.generations.get(uri) !== generation || this.documents.get(uri) !== document || document.version !== version;
    const analysis = await this.analyses.analysisOf(document, isStale);
    if (isStale()) return;
    if (!analysis) {
      if (this.published.delete(uri)) await this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    this.published.add(uri);
    await this.connection.sendDiagnostics({
      uri,
      version,
      diagnostics: analysis.findings.map((finding) => toDiagnostic(finding, document, analysis.locale, this.ruleDocs)),
    });
  }
}
