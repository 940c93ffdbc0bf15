import * as vscode from 'vscode';
import type { OutlineFinding, OutlineLength, OutlineResult, OutlineSection } from '../server/protocol';
import { t } from './locale';
import type { SummaryServer } from './serverClient';
import type { SummaryDocuments } from './summaryDocuments';

export type OutlineNode =
  | { kind: 'title'; id: string; label: string; start: number; end: number; parent?: undefined; children: OutlineNode[] }
  | { kind: 'opening'; id: string; start: number; end: number; characters: number; length?: OutlineLength; parent?: undefined; children: OutlineNode[] }
  | { kind: 'section'; id: string; section: OutlineSection; parent?: OutlineNode; children: OutlineNode[]; findings: OutlineFinding[] }
  | { kind: 'parts'; id: string; parent?: undefined; children: OutlineNode[] }
  | { kind: 'part'; id: string; partId: string; label: string; present: boolean; start?: number; parent: OutlineNode; children: OutlineNode[] };

const LEVEL_ICONS = ['symbol-namespace', 'symbol-class', 'symbol-method', 'symbol-field', 'symbol-constant'];

/**
 * The summary's real structure for the active editor: title, opening, the section tree (run-in
 * paragraph headings included), and the profile's checklist of required parts. The language server
 * builds it (officialSummary/outline); this only turns it into tree items.
 */
export class OutlineProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private roots: OutlineNode[] = [];
  private builtFor: { uri: string; version: number; outline: OutlineResult } | undefined;
  private document: vscode.TextDocument | undefined;
  /** the rebuild under way, so concurrent callers share one request */
  private pending: { document: vscode.TextDocument; version: number; done: Promise<void> } | undefined;

  constructor(
    private readonly server: SummaryServer,
    private readonly summaries: SummaryDocuments,
  ) {}

  dispose(): void {
    this.changeEmitter.dispose();
  }

  /** The document the tree shows (the active summary editor's). */
  get currentDocument(): vscode.TextDocument | undefined {
    return this.document;
  }

  setDocument(document: vscode.TextDocument | undefined): void {
    this.document = document && this.summaries.isSummary(document) ? document : undefined;
    this.refresh();
  }

  refresh(): void {
    this.builtFor = undefined;
    this.changeEmitter.fire(undefined);
  }

  async getChildren(node?: OutlineNode): Promise<OutlineNode[]> {
    if (node) return node.children;
    await this.rebuild();
    return this.roots;
  }

  getParent(node: OutlineNode): OutlineNode | undefined {
    return node.parent;
  }

  /** The deepest section containing the offset, from the tree as last built. */
  async nodeAt(offset: number): Promise<OutlineNode | undefined> {
    await this.rebuild();
    let best: OutlineNode | undefined;
    const visit = (nodes: OutlineNode[]) => {
      for (const node of nodes) {
        if (node.kind === 'section' && node.section.start <= offset && offset < Math.max(node.section.end, node.section.start + 1)) {
          best = node;
          visit(node.children);
          return;
        }
      }
    };
    visit(this.roots.filter((n) => n.kind === 'section'));
    if (best) return best;
    const opening = this.roots.find((n) => n.kind === 'opening');
    if (opening && opening.kind === 'opening' && opening.start <= offset && offset < opening.end) return opening;
    const title = this.roots.find((n) => n.kind === 'title');
    return title && title.kind === 'title' && offset <= title.end ? title : undefined;
  }

  /** Every node, depth first (tests and reveal). */
  async allNodes(): Promise<OutlineNode[]> {
    await this.rebuild();
    const out: OutlineNode[] = [];
    const visit = (nodes: OutlineNode[]) => nodes.forEach((n) => { out.push(n); visit(n.children); });
    visit(this.roots);
    return out;
  }

  private async rebuild(): Promise<void> {
    const document = this.document;
    if (!document || document.isClosed) {
      this.roots = [];
      this.builtFor = undefined;
      return;
    }
    if (this.builtFor && this.builtFor.uri === document.uri.toString() && this.builtFor.version === document.version) return;
    const version = document.version;
    if (!this.pending || this.pending.document !== document || this.pending.version !== version) {
      const done = this.server.outline(document).then((outline) => {
        if (this.document !== document) return;
        if (!outline) {
          this.roots = [];
          return;
        }
        this.builtFor = { uri: document.uri.toString(), version: outline.version, outline };
        this.roots = buildTree(outline);
      });
      this.pending = { document, version, done };
    }
    const pending = this.pending;
    await pending.done;
    if (this.pending === pending) this.pending = undefined;
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const outline = this.builtFor?.outline;
    const uri = this.builtFor ? vscode.Uri.parse(this.builtFor.uri) : undefined;
    const collapsible = node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
    const charactersLabel = (n: number) => t('{0} chars', n);
    // a part with a length limit (sectionLength in .summaryrc.json) shows its count, as configured, against it
    const limited = (length: OutlineLength | undefined) => (length ? `${t('{0} chars', length.count)} / ${length.limit}` : undefined);
    switch (node.kind) {
      case 'title': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('symbol-file');
        item.description = outline?.profileName;
        item.tooltip = t('Title');
        item.contextValue = 'title';
        item.command = revealCommand(uri, node.start);
        return item;
      }
      case 'opening': {
        const item = new vscode.TreeItem(t('Opening'), vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('symbol-text');
        item.description = limited(node.length) ?? charactersLabel(node.characters);
        item.contextValue = 'opening';
        item.command = revealCommand(uri, node.start);
        return item;
      }
      case 'section': {
        const section = node.section;
        const item = new vscode.TreeItem(`${section.marker.text}${section.marker.headingText}`, collapsible);
        item.id = node.id;
        item.description = limited(section.length) ?? charactersLabel(section.characters);
        const worst = node.findings.some((f) => f.severity === 'error') ? 'error' : node.findings.length > 0 ? 'warning' : undefined;
        item.iconPath = worst
          ? new vscode.ThemeIcon(worst, new vscode.ThemeColor(worst === 'error' ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground'))
          : new vscode.ThemeIcon(LEVEL_ICONS[section.level - 1] ?? 'symbol-field');
        const tooltip = new vscode.MarkdownString();
        tooltip.appendText(`${section.marker.text}${section.marker.headingText}\n\n`);
        tooltip.appendText(t('Level {0} · {1}', section.level, charactersLabel(section.characters)));
        for (const finding of node.findings) tooltip.appendText(`\n\n${finding.severity === 'error' ? '⛔' : '⚠'} ${finding.message}`);
        item.tooltip = tooltip;
        item.contextValue = 'section';
        item.command = revealCommand(uri, section.marker.start);
        return item;
      }
      case 'parts': {
        const item = new vscode.TreeItem(t('Required parts'), collapsible);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('checklist');
        const missing = node.children.filter((c) => c.kind === 'part' && !c.present).length;
        item.description = missing ? t('{0} missing', missing) : '✓';
        item.contextValue = 'parts';
        return item;
      }
      case 'part': {
        const item = new vscode.TreeItem(`${node.present ? '✓' : '✗'} ${node.label}`, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(
          node.present ? 'pass' : 'circle-slash',
          new vscode.ThemeColor(node.present ? 'testing.iconPassed' : 'problemsWarningIcon.foreground'),
        );
        if (node.present) {
          item.contextValue = 'part-present';
          item.tooltip = t('Present');
          if (node.start !== undefined) item.command = revealCommand(uri, node.start);
        } else {
          item.contextValue = 'part-missing';
          item.tooltip = t('Missing: click to insert a skeleton for it');
          item.command = {
            title: t('Insert missing part'),
            command: 'officialSummary.insertRequiredPart',
            arguments: [uri, this.builtFor?.version, node.partId],
          };
        }
        return item;
      }
    }
  }
}

function revealCommand(uri: vscode.Uri | undefined, offset: number): vscode.Command | undefined {
  if (!uri) return undefined;
  return { title: t('Go to'), command: 'officialSummary.revealOffset', arguments: [uri, offset] };
}

function buildTree(outline: OutlineResult): OutlineNode[] {
  const roots: OutlineNode[] = [];
  if (outline.title) roots.push({ kind: 'title', id: 'title', label: outline.title.text, start: outline.title.start, end: outline.title.end, children: [] });
  if (outline.opening) {
    const { start, end, characters, length } = outline.opening;
    roots.push({ kind: 'opening', id: 'opening', start, end, characters, ...(length ? { length } : {}), children: [] });
  }
  const sectionNode = (section: OutlineSection, path: string, parent: OutlineNode | undefined): OutlineNode => {
    const node: OutlineNode = { kind: 'section', id: `section:${path}`, section, parent, children: [], findings: section.findings };
    node.children = section.children.map((child, index) => sectionNode(child, `${path}.${index}`, node));
    return node;
  };
  outline.sections.forEach((section, index) => roots.push(sectionNode(section, String(index), undefined)));
  if (outline.parts.length > 0) {
    const group: OutlineNode = { kind: 'parts', id: 'parts', children: [] };
    group.children = outline.parts.map((part) => ({
      kind: 'part' as const,
      id: `part:${part.id}`,
      partId: part.id,
      label: part.name,
      present: part.present,
      ...(part.start === undefined ? {} : { start: part.start }),
      parent: group,
      children: [],
    }));
    roots.push(group);
  }
  return roots;
}
