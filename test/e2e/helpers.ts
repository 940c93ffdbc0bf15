import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { OfficialSummaryApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'official-summary.official-summary';
export const SOURCE = 'official-summary';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return folder.uri;
}

export function fixture(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

/** The project root (two levels above the fixture workspace: test/fixtures/workspace). */
export function projectRoot(): string {
  return path.resolve(workspaceRoot().fsPath, '../../..');
}

export async function api(): Promise<OfficialSummaryApi> {
  const extension = vscode.extensions.getExtension<OfficialSummaryApi>(EXTENSION_ID);
  assert.ok(extension, 'the extension under development is loaded');
  return extension.activate();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : undefined;
}

/** Diagnostics once they satisfy `accept` (they arrive debounced). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = 10000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${path.basename(uri.path)}`, () => {
    const diagnostics = ourDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, timeoutMs);
}

export function at(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

export async function openFixture(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(...segments));
  return vscode.window.showTextDocument(document);
}

/** An unsaved copy of a fixture: tests may edit it freely, the repository is never touched. */
export async function openUntitledCopy(language: 'markdown' | 'plaintext', content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document);
}

export function readFixture(...segments: string[]): string {
  return fs.readFileSync(fixture(...segments).fsPath, 'utf8');
}

/** A scratch directory outside the repository for tests that must save files. */
export function scratchDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'official-summary-scratch-'));
}

export async function closeAllEditors(): Promise<void> {
  // Revert first so unsaved test documents close without a "save?" prompt.
  for (let i = 0; i < 20 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Asks the harness for a screenshot of the workbench (only when E2E_SCREENSHOTS is set) and
 * waits until the file is written, so the picture shows this moment.
 */
export async function screenshot(name: string): Promise<void> {
  const directory = process.env.E2E_SCREENSHOTS;
  if (!directory) return;
  const target = path.resolve(projectRoot(), directory, `${name}.png`);
  if (fs.existsSync(target)) fs.rmSync(target);
  console.log(`[screenshot] ${name}`);
  await waitFor(`screenshot ${name}`, () => fs.existsSync(target), 15000);
}

/**
 * The text of every workbench element matching a CSS selector, as the user sees it, read by the
 * harness (scripts/run-e2e.mjs) from the page: notifications, the status bar.
 */
export async function visibleTexts(selector: string): Promise<string[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'official-summary-dom-')), 'texts.json');
  console.log(`[dom-text] ${file} ${selector}`);
  await waitFor(`the page's text of ${selector}`, () => fs.existsSync(file), 15000);
  const texts = JSON.parse(fs.readFileSync(file, 'utf8')) as string[];
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return texts;
}
