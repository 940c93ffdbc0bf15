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
  let last: vscode.Diagnostic[] = [];
  return waitFor(`diagnostics of ${path.basename(uri.path)}`, () => {
    last = ourDiagnostics(uri);
    return accept(last) ? last : undefined;
  }, timeoutMs).catch((error: Error) => {
    const seen = last.map((d) => `${ruleOf(d)}@${d.range.start.line}`).join(', ') || 'none';
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    throw new Error(`${error.message} (last seen: ${seen}; document ${open ? 'open' : 'not open'})`);
  });
}

export function at(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

export async function openFixture(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(...segments));
  return vscode.window.showTextDocument(document);
}

/**
 * An unsaved copy of a fixture: tests may edit it freely, the repository is never touched.
 * VS Code names a new untitled document after the lowest free Untitled-N, and a moment after the last
 * test closed its Untitled-N the new one can come up with the closed one's text (its backup, it seems,
 * not yet discarded; seen in about one run in three). Such a document is kept open while another is
 * made, so that the name stays taken, and closed afterwards.
 */
export async function openUntitledCopy(language: 'markdown' | 'plaintext', content: string): Promise<vscode.TextEditor> {
  const restored: vscode.TextDocument[] = [];
  let document = await vscode.workspace.openTextDocument({ language, content });
  while (document.getText() !== content) {
    restored.push(document);
    if (restored.length === 5) throw new Error(`VS Code gave five untitled documents another text than asked (${restored.map((d) => d.uri.toString()).join(', ')})`);
    document = await vscode.workspace.openTextDocument({ language, content });
  }
  for (const stale of restored) {
    await vscode.window.showTextDocument(stale);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
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

export type KeyboardAction = { press: string } | { type: string } | { insertText: string } | { compose: string[]; commit: string } | { readText: string } | { waitForSelector: string } | { waitMs: number };
let keyboardRequests = 0;

/**
 * Real keys, pressed by the harness in the workbench page (scripts/run-e2e.mjs): the suggest widget
 * and other keybindings answer only these, not the `type` command. `insertText` is one input event
 * with the whole text, as an input method commits a phrase; `readText` reads the rendered text of
 * every element a CSS selector matches. Resolves once the harness is done, with what was read.
 */
export async function keyboard(...actions: KeyboardAction[]): Promise<string[][]> {
  const ackDirectory = process.env.E2E_ACK_DIR;
  assert.ok(ackDirectory, 'the harness sets E2E_ACK_DIR (scripts/run-e2e.mjs)');
  const id = `keys-${process.pid}-${++keyboardRequests}`;
  console.log(`[keyboard] ${id} ${JSON.stringify(actions)}`);
  const ack = path.join(ackDirectory, id);
  await waitFor(`the harness to press ${JSON.stringify(actions)}`, () => fs.existsSync(ack) && fs.statSync(ack).size > 0, 20000);
  const answer = JSON.parse(fs.readFileSync(ack, 'utf8')) as { error?: string; texts?: string[][] };
  if (answer.error) throw new Error(answer.error);
  return answer.texts ?? [];
}

/** The rendered text of the elements a CSS selector matches in the workbench page. */
export async function renderedText(selector: string): Promise<string[]> {
  return (await keyboard({ readText: selector }))[0] ?? [];
}
