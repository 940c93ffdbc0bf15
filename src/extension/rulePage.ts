import * as vscode from 'vscode';
import type { RuleId } from '../core/index';
import { t } from './locale';

/**
 * Rule links (Diagnostic.code targets) point into this scheme, one URI per rule. VS Code opens
 * them as read-only text; the extension replaces that at once with a rendered page scrolled to the
 * rule, so a click never lands in the installed extension's docs/rules.md as an editable file.
 */
export const RULE_PAGE_SCHEME = 'official-summary-rule';
const VIEW_TYPE = 'officialSummary.rulePage';

export function rulePageUri(rule: RuleId): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_PAGE_SCHEME, path: `/${rule}` });
}

export class RulePages implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: { rule: string; html: string } | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {
    this.subscriptions.push(
      vscode.workspace.registerTextDocumentContentProvider(RULE_PAGE_SCHEME, { provideTextDocumentContent: () => this.rulesText() }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) if (editor.document.uri.scheme === RULE_PAGE_SCHEME) void this.replaceWithPage(editor.document.uri);
      }),
    );
  }

  dispose(): void {
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** The page shown now (tests). */
  get shown(): { rule: string; html: string } | undefined {
    return this.panel ? this.current : undefined;
  }

  private async rulesText(): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules.md')));
  }

  private async replaceWithPage(uri: vscode.Uri): Promise<void> {
    const rule = uri.path.replace(/^\//, '');
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()) await vscode.window.tabGroups.close(tab);
      }
    }
    await this.show(rule);
  }

  async show(rule: string): Promise<void> {
    const markdown = await this.rulesText();
    let body: string;
    try {
      body = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    } catch {
      body = `<pre>${escapeHtml(markdown)}</pre>`; // the Markdown extension is disabled: still readable
    }
    // Anchors on the rule headings (## numbering-sequence), whatever the renderer gave them.
    body = body.replace(/<h([1-3])((?:(?!\sid=)[^>])*)>([a-z]+(?:-[a-z]+)*)<\/h\1>/g, '<h$1$2 id="$3">$3</h$1>');
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>body{font-family:var(--vscode-font-family);line-height:1.6;max-width:60em;padding:0 1.5em}code,pre{font-family:var(--vscode-editor-font-family)}pre{padding:.6em;background:var(--vscode-textCodeBlock-background);overflow:auto}:target{outline:1px solid var(--vscode-focusBorder)}</style>
</head><body>${body}
<script nonce="${nonce}">document.getElementById(${JSON.stringify(rule)})?.scrollIntoView();</script></body></html>`;
    this.current = { rule, html };
    const title = t('Rule {0}', rule);
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, title, vscode.ViewColumn.Active, { enableScripts: true, enableFindWidget: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else {
      this.panel.reveal();
    }
    this.panel.title = title;
    this.panel.webview.html = html;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
