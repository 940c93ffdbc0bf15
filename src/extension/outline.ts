import * as vscode from 'vscode';
import type { OutlineFinding, OutlineLength, OutlineResult, OutlineSection, OutlineTreeNode } from '../server/protocol';
import { t } from './locale';
import type { SummaryServer } from './serverClient';
import type { SummaryDocuments } from './summaryDocuments';

export type OutlineNode =
  | { kind: 'title'; id: string; label: string; start: number; end: number; parent?: undefined; children: OutlineNode[] }
  | { kind: 'opening'; id: string; start: number; end: number; characters: number; length?: OutlineLength; parent?: undefined; children: OutlineNode[] }
  | { kind: 'section'; id: string; section: OutlineSection; parent?: OutlineNode; children: OutlineNode[]; findings: OutlineFinding[] }
  /** an unnumbered heading, a 一是 heading, the notes part, the second half, the attachment note, the closing */
  | { kind: 'node'; id: string; node: OutlineTreeNode; parent?: OutlineNode; children: OutlineNode[] }
  | { kind: 'parts'; id: string; parent?: undefined; children: OutlineNode[] }
  | { kind: 'part'; id: string; partId: string; label: string; present: boolean; start?: number; parent: OutlineNode; children: OutlineNode[] };

const LEVEL_ICONS = ['symbol-namespace', 'symbol-class', 'symbol-method', 'symbol-field', 'symbol-constant'];

/**
 * The summary's real structure for the active editor: title, opening, unnumbered headings holding
 * their sections, the section tree (run-in paragraph headings included), 一是 headings, the parts of
 * their own (notes, the second half of a bilingual report, the attachment note, the closing), and
 * the profile's checklist of required parts. The language server builds it (officialSummary/outline,
 * its `tree`); this only turns it into tree items.
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

  /** The deepest node of the document's structure containing the offset, from the tree as last built. */
  async nodeAt(offset: number): Promise<OutlineNode | undefined> {
    await this.rebuild();
    let best: OutlineNode | undefined;
    const rangeOf = (n: OutlineNode): { start: number; end: number } | undefined =>
      n.kind === 'section' ? n.section : n.kind === 'node' ? n.node : undefined;
    const visit = (nodes: OutlineNode[]) => {
      for (const node of nodes) {
        const range = rangeOf(node);
        if (range && range.start <= offset && offset < Math.max(range.end, range.start + 1)) {
          best = node;
          visit(node.children);
          return;
        }
      }
    };
    visit(this.roots);
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
      case 'node': {
        const shown = node.node;
        const item = new vscode.TreeItem(nodeLabel(shown), collapsible);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(NODE_ICONS[shown.kind] ?? 'symbol-misc');
        item.description = charactersLabel(shown.characters);
        item.tooltip = `${nodeKindName(shown.kind)}\n\n${shown.label}`;
        item.contextValue = shown.kind;
        item.command = revealCommand(uri, shown.labelStart);
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

const NODE_ICONS: Partial<Record<OutlineTreeNode['kind'], string>> = {
  heading: 'symbol-structure',
  enumeration: 'symbol-enum-member',
  notes: 'note',
  'other-half': 'globe',
  appendix: 'file-symlink-file',
  attachments: 'files',
  closing: 'symbol-event',
};

/** What a node is, in the message language (its tooltip). */
function nodeKindName(kind: OutlineTreeNode['kind']): string {
  switch (kind) {
    case 'heading': return t('Heading without a number');
    case 'enumeration': return t('Enumeration heading (一是…)');
    case 'notes': return t('Notes part');
    case 'other-half': return t('Second half (the other language)');
    case 'appendix': return t('Appendix');
    case 'attachments': return t('Attachment note');
    case 'closing': return t('Closing');
    default: return kind;
  }
}

/** A node's label: its words as written, the parts named in the message language. */
function nodeLabel(node: OutlineTreeNode): string {
  switch (node.kind) {
    case 'notes': return t('Notes: {0}', node.label);
    case 'other-half': return t('Second half: {0}', node.label);
    case 'attachments': return t('Attachment note');
    case 'closing': return t('Closing');
    default: return node.label;
  }
}

function buildTree(outline: OutlineResult): OutlineNode[] {
  const roots: OutlineNode[] = [];
  /** ids by kind and path among the nodes after the title and the opening: `section:0.1` as before there were headings */
  const toNode = (tree: OutlineTreeNode, path: string, parent: OutlineNode | undefined): OutlineNode | undefined => {
    let node: OutlineNode;
    if (tree.kind === 'section' && tree.section) {
      const section: OutlineSection = { ...tree.section, children: [] };
      node = { kind: 'section', id: `section:${path}`, section, parent, children: [], findings: section.findings };
    } else node = { kind: 'node', id: `${tree.kind}:${path}`, node: tree, parent, children: [] };
    node.children = tree.children.flatMap((child, index) => toNode(child, `${path}.${index}`, node) ?? []);
    return node;
  };
  let index = 0;
  for (const tree of outline.tree ?? []) {
    if (tree.kind === 'title') roots.push({ kind: 'title', id: 'title', label: tree.label, start: tree.start, end: tree.end, children: [] });
    else if (tree.kind === 'opening') {
      const length = outline.opening?.length;
      roots.push({ kind: 'opening', id: 'opening', start: tree.start, end: tree.end, characters: tree.characters, ...(length ? { length } : {}), children: [] });
    } else {
      const node = toNode(tree, String(index++), undefined);
      if (node) roots.push(node);
    }
  }
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
