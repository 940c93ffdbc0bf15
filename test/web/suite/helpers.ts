// What the web suites share. Browser-only: no Node modules (the suites run in a Web Worker).
import * as assert from './assert';
import * as vscode from 'vscode';
import type { OfficialSummaryWebApi } from '../../../src/web/extension';

export const EXTENSION_ID = 'official-summary.official-summary';
export const SOURCE = 'official-summary';
/** An original document with the faults of the seed example: a repeated 四、, a placeholder, a paid-content marker. */
export const SUMMARY_FILE = '2023年度宣传工作总结.txt';

export function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture folder is open (vscode-test-web://mount)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function api(): Promise<OfficialSummaryWebApi> {
  const extension = vscode.extensions.getExtension<OfficialSummaryWebApi>(EXTENSION_ID);
  assert.ok(extension, 'the extension under development is loaded');
  return extension.activate();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` gives a value; the limit only ends a hopeless wait, the test asserts on the value. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, limitMs = 20000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await sleep(50);
  }
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const diagnostics = ourDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  });
}

export async function openSummary(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(SUMMARY_FILE));
  return vscode.window.showTextDocument(document);
}

/** Back to the fixture as served (the mounted folder keeps edits in memory only). */
export async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('officialSummary').update(key, value, vscode.ConfigurationTarget.Global);
}
