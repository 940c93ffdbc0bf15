import * as vscode from 'vscode';
import type { AnalysisService } from './analysis';
import { toDiagnostic } from './ruleDocs';
import { t } from './locale';

const TYPING_DELAY_MS = 300;
/**
 * Above this many characters (the 31 provincial reports in one file make 1.6 million) a document is
 * checked when it is opened and saved, not at every pause in typing: the editor stays quick.
 */
export const CHECK_ON_SAVE_ABOVE_CHARS = 3_000_000;

/**
 * Lints summaries on open and as the user types. Typing is debounced, and every scheduled run
 * carries a generation number: a result that arrives after a newer change was scheduled is dropped.
 */
export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('official-summary');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after the diagnostics of a document were replaced. */
  readonly onDidUpdate = this.changeEmitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly analyses: AnalysisService) {
    this.subscriptions.push(
      this.collection,
      this.changeEmitter,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        if (this.isLarge(event.document)) this.tellLargeOnce(event.document);
        else this.schedule(event.document, TYPING_DELAY_MS);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.isLarge(document)) this.schedule(document, 0);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // a new untitled document may already be open under the closed one's name
        if (!vscode.workspace.textDocuments.some((open) => open !== document && open.uri.toString() === document.uri.toString())) this.forget(document.uri);
      }),
    );
  }

  private readonly toldLarge = new Set<string>();

  private isLarge(document: vscode.TextDocument): boolean {
    return this.lengthOf(document) > CHECK_ON_SAVE_ABOVE_CHARS;
  }

  /** The document's length without copying its text (this runs on every keystroke). */
  private lengthOf(document: vscode.TextDocument): number {
    return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  }

  private tellLargeOnce(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (this.toldLarge.has(key)) return;
    this.toldLarge.add(key);
    void vscode.window.showInformationMessage(
      t('This document is very large ({0} million characters): Official Summary checks it when it is saved, not as you type.', (this.lengthOf(document) / 1e6).toFixed(1)),
    );
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** Lints every open document again (configuration, marks or profile choices changed). */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  schedule(document: vscode.TextDocument, delayMs: number): void {
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(document, generation);
      }, delayMs),
    );
  }

  private async lint(document: vscode.TextDocument, generation: number): Promise<void> {
    const key = document.uri.toString();
    if (document.isClosed) return;
    const version = document.version;
    const isStale = () => this.generations.get(key) !== generation || document.isClosed;
    const analysis = await this.analyses.analysisOfInSlices(document, isStale);
    // Stale: the text changed or a newer run was scheduled while this one waited.
    if (this.generations.get(key) !== generation || document.version !== version || document.isClosed) return;
    if (!analysis) {
      if (this.collection.has(document.uri)) {
        this.collection.delete(document.uri);
        this.changeEmitter.fire(document.uri);
      }
      return;
    }
    this.collection.set(
      document.uri,
      analysis.findings.map((finding) => toDiagnostic(finding, (offset) => document.positionAt(offset))),
    );
    this.changeEmitter.fire(document.uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.generations.delete(key);
    this.collection.delete(uri);
  }
}
