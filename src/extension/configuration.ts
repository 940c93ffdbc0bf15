import * as vscode from 'vscode';
import type { SummaryConfig, RuleId, SeveritySetting } from '../core/index';
import { DEFAULT_CONFIG, LineIndex, RULE_IDS, parseConfig } from '../core/index';
import { localized } from './locale';

export const CONFIG_FILE_NAME = '.summaryrc.json';

/**
 * The linter configuration for each workspace folder: `.summaryrc.json` (shared with the CLI), with
 * the editor settings `officialSummary.profile`, `officialSummary.houseStyle` and
 * `officialSummary.rules` on top when the user has set them. The language server reads the same
 * file and settings for its analysis; the extension needs them for the profile list, new skeletons
 * and the Word export, and shows the problems in the file as diagnostics on the file itself.
 */
export class ConfigurationStore implements vscode.Disposable {
  private readonly fileConfigs = new Map<string, Promise<SummaryConfig>>();
  private readonly problems = vscode.languages.createDiagnosticCollection('official-summary-config');
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reload = () => this.invalidate();
    this.subscriptions.push(
      this.problems,
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document.uri.path.endsWith(`/${CONFIG_FILE_NAME}`)) reload();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('officialSummary')) reload();
      }),
    );
    this.readEveryFolder();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private invalidate(): void {
    this.fileConfigs.clear();
    this.readEveryFolder();
  }

  /** Each folder's file read (a few hundred bytes each), so its problems show without waiting for a use. */
  private readEveryFolder(): void {
    for (const folder of vscode.workspace.workspaceFolders ?? []) void this.fileConfig(folder);
  }

  /** The configuration for a document: its workspace folder's file plus the settings. */
  async configFor(uri: vscode.Uri): Promise<SummaryConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    const fromFile = folder ? await this.fileConfig(folder) : DEFAULT_CONFIG;
    return withSettings(fromFile, uri);
  }

  private fileConfig(folder: vscode.WorkspaceFolder): Promise<SummaryConfig> {
    const key = folder.uri.toString();
    let pending = this.fileConfigs.get(key);
    if (!pending) {
      pending = this.readFile(folder);
      this.fileConfigs.set(key, pending);
    }
    return pending;
  }

  private async readFile(folder: vscode.WorkspaceFolder): Promise<SummaryConfig> {
    const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
    let text: string;
    try {
      // The saved file, as the CLI reads it: an open editor of it may not have caught up yet with a change
      // on disk when the watcher fires (a git checkout, another tool), and would pin the old settings.
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      this.problems.delete(uri);
      return DEFAULT_CONFIG;
    }
    const { config, problems } = parseConfig(text);
    const lines = new LineIndex(text);
    const position = (offset: number) => {
      const { line, character } = lines.positionAt(offset);
      return new vscode.Position(line, character);
    };
    this.problems.set(
      uri,
      problems.map((problem) => {
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(position(problem.start), position(problem.end)),
          localized(problem.message),
          vscode.DiagnosticSeverity.Warning,
        );
        diagnostic.source = 'official-summary';
        return diagnostic;
      }),
    );
    return config;
  }
}

function withSettings(base: SummaryConfig, uri: vscode.Uri): SummaryConfig {
  const settings = vscode.workspace.getConfiguration('officialSummary', uri);
  const config: SummaryConfig = { ...base, rules: { ...base.rules }, profiles: [...base.profiles] };
  const profile = settings.get<string>('profile', '');
  if (profile) config.profile = profile;
  const houseStyle = settings.get<string>('houseStyle', '');
  if (houseStyle) config.houseStyle = houseStyle;
  const rules = settings.get<Record<string, string>>('rules', {});
  for (const [rule, severity] of Object.entries(rules)) {
    if ((RULE_IDS as readonly string[]).includes(rule) && ['error', 'warning', 'info', 'off'].includes(severity)) {
      config.rules[rule as RuleId] = severity as SeveritySetting;
    }
  }
  return config;
}
