import * as vscode from 'vscode';
import { globMatches, looksLikeSummary } from '../core/index';

const SUPPORTED_LANGUAGES = new Set(['markdown', 'plaintext']);
// vscode-test-web: the folder @vscode/test-web mounts (VS Code for the Web in test/web)
const SUPPORTED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web']);
const MARKS_KEY = 'officialSummary.marks';
const PROFILE_CHOICES_KEY = 'officialSummary.profileChoices';

type Mark = 'summary' | 'not-summary';

/**
 * Decides which open documents are summaries: an explicit mark from the user wins, then the
 * exclude and include globs of the settings, then the core's own guess from the file name,
 * front matter and title. A README or a note is never nagged by default.
 */
export class SummaryDocuments implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** Fires when marks, profile choices or the include/exclude settings change. */
  readonly onDidChange = this.changeEmitter.event;
  /** per URI, with the document it was made for (a reopened untitled document is a new one at version 1) */
  private readonly verdicts = new Map<string, { version: number; isSummary: boolean; document: vscode.TextDocument }>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly state: vscode.Memento) {
    this.subscriptions.push(
      this.changeEmitter,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('officialSummary.include') || event.affectsConfiguration('officialSummary.exclude')) {
          this.verdicts.clear();
          this.changeEmitter.fire(undefined);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.verdicts.delete(document.uri.toString());
        // an untitled name is given again to the next new document: it must not inherit this one's mark or profile
        if (document.uri.scheme === 'untitled') void this.forget(document.uri);
      }),
    );
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  isSummary(document: vscode.TextDocument): boolean {
    if (!SUPPORTED_LANGUAGES.has(document.languageId) || !SUPPORTED_SCHEMES.has(document.uri.scheme)) return false;
    const key = document.uri.toString();
    const cached = this.verdicts.get(key);
    if (cached && cached.document === document && cached.version === document.version) return cached.isSummary;
    const isSummary = this.decide(document.uri, document.getText(), document);
    this.verdicts.set(key, { version: document.version, isSummary, document });
    return isSummary;
  }

  /** The same decision for a file that is not open (workspace check). */
  isSummaryFile(uri: vscode.Uri, text: string): boolean {
    return this.decide(uri, text);
  }

  markOf(uri: vscode.Uri): Mark | undefined {
    return this.marks()[uri.toString()];
  }

  async setMark(uri: vscode.Uri, mark: Mark | undefined): Promise<void> {
    const marks = { ...this.marks() };
    if (mark) marks[uri.toString()] = mark;
    else delete marks[uri.toString()];
    await this.state.update(MARKS_KEY, marks);
    this.verdicts.delete(uri.toString());
    this.changeEmitter.fire(uri);
  }

  /** The profile the user chose for this file with the "choose profile" command, if any. */
  profileChoiceOf(uri: vscode.Uri): string | undefined {
    return this.state.get<Record<string, string>>(PROFILE_CHOICES_KEY, {})[uri.toString()];
  }

  async setProfileChoice(uri: vscode.Uri, profileId: string | undefined): Promise<void> {
    const choices = { ...this.state.get<Record<string, string>>(PROFILE_CHOICES_KEY, {}) };
    if (profileId) choices[uri.toString()] = profileId;
    else delete choices[uri.toString()];
    await this.state.update(PROFILE_CHOICES_KEY, choices);
    this.changeEmitter.fire(uri);
  }

  /** Drops the mark and the profile choice of a file, telling listeners when there was one. */
  private async forget(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const marks = this.marks();
    const choices = this.state.get<Record<string, string>>(PROFILE_CHOICES_KEY, {});
    if (!(key in marks) && !(key in choices)) return;
    const { [key]: _mark, ...otherMarks } = marks;
    const { [key]: _choice, ...otherChoices } = choices;
    await this.state.update(MARKS_KEY, otherMarks);
    await this.state.update(PROFILE_CHOICES_KEY, otherChoices);
    this.changeEmitter.fire(uri);
  }

  private marks(): Record<string, Mark> {
    return this.state.get<Record<string, Mark>>(MARKS_KEY, {});
  }

  private decide(uri: vscode.Uri, text: string, document?: vscode.TextDocument): boolean {
    const mark = this.markOf(uri);
    if (mark) return mark === 'summary';
    const settings = vscode.workspace.getConfiguration('officialSummary', uri);
    if (matchesAny(uri, settings.get<string[]>('exclude', []), document)) return false;
    if (matchesAny(uri, settings.get<string[]>('include', []), document)) return true;
    if (!settings.get<boolean>('detectByContent', true)) return false;
    return looksLikeSummary(baseName(uri), text);
  }
}

function baseName(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1);
}

function matchesAny(uri: vscode.Uri, globs: readonly string[], document?: vscode.TextDocument): boolean {
  for (const glob of globs) {
    if (!glob) continue;
    if (document) {
      if (vscode.languages.match({ pattern: glob }, document) > 0) return true;
    } else if (globMatches(glob, uri.path)) {
      return true;
    }
  }
  return false;
}
