// Shared by the real-VS-Code and the VS Code for the Web suites: imports nothing but `vscode`.
import * as vscode from 'vscode';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled');
}

/**
 * The code actions VS Code offers at the range, asked again until `accept` takes them. Two things
 * make one request not enough: the diagnostics reach the workbench's marker service a moment after
 * they are published, and the workbench cancels a pending request whenever any extension registers
 * or drops a code action provider (built-in extensions still activating do), which a user never sees
 * because the light bulb simply asks again.
 */
export async function codeActionsWhere(
  uri: vscode.Uri,
  range: vscode.Range,
  kind: string | undefined,
  accept: (actions: vscode.CodeAction[]) => boolean,
  what = 'code actions',
  limitMs = 15000,
): Promise<vscode.CodeAction[]> {
  const until = Date.now() + limitMs;
  let last: vscode.CodeAction[] = [];
  let cancelled = 0;
  for (;;) {
    try {
      last = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
      if (accept(last)) return last;
    } catch (error) {
      if (!isCancellation(error)) throw error;
      cancelled += 1;
    }
    if (Date.now() > until) {
      const titles = last.map((action) => `${action.title} (${action.kind?.value ?? 'no kind'})`).join(' | ') || 'none';
      throw new Error(`gave up waiting for ${what}: last offered ${titles}; ${cancelled} request(s) cancelled by the workbench`);
    }
    await sleep(50);
  }
}
