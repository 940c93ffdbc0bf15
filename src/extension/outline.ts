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

/** How long after a whole refresh the view may still be fetching items (changed items wait that long to be sent). */
const WHOLE_REFRESH_SETTLES_MS = 300;
/**
 * While the writer types, the tree is built again only once typing has paused this long: the
 * request, the comparison and the rows sent (the workbench renders a node sent again with all its
 * rows below: a report's heading in a concatenation holds a hundred) then do not fall between keys.
 */
const UPDATE_WAITS_FOR_PAUSE_MS = 1000;
const LEVEL_ICONS = ['symbol-namespace', 'symbol-class', 'symbol-method', 'symbol-field', 'symbol-constant'];

/**
 * The summary's real structure for the active editor: title, opening, unnumbered headings holding
 * their sections, the section tree (run-in paragraph headings included), 一是 headings, the parts of
 * their own (notes, the second half of a bilingual report, the attachment note, the closing), and
 * the profile's checklist of required parts. The language server builds it (officialSummary/outline,
 * its `tree`); this only turns it into tree items.
 */
export class OutlineProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<OutlineNode | OutlineNode[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private roots: OutlineNode[] = [];
  private builtFor: { uri: string; version: number; outline: OutlineResult } | undefined;
  /** the tree no longer describes the document: the next request builds it again */
  private stale = true;
  private document: vscode.TextDocument | undefined;
  /** the nodes the view was given since it last asked for everything: an update names only those (another is "not found" there) */
  private known = new WeakSet<OutlineNode>();
  private lastWholeRefresh = 0;
  /** what each node's row looked like after the last update, so an update makes each row once */
  private readonly rowKeys = new WeakMap<OutlineNode, string>();
  /** the rebuild under way, so concurrent callers share one request */
  private pending: { document: vscode.TextDocument; version: number; done: Promise<void> } | undefined;
  /** when the document shown was last edited, and the update waiting for a pause in typing */
  private lastEdit = 0;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly typing: vscode.Disposable;

  constructor(
    private readonly server: SummaryServer,
    private readonly summaries: SummaryDocuments,
  ) {
    this.typing = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === this.document && event.contentChanges.length > 0) this.lastEdit = Date.now();
    });
  }

  dispose(): void {
    this.typing.dispose();
    if (this.updateTimer) clearTimeout(this.updateTimer);
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

  /** The whole tree is asked for again (another document, or the view is hidden). */
  refresh(): void {
    this.stale = true;
    this.fireAll();
  }

  private fireAll(): void {
    this.known = new WeakSet();
    this.lastWholeRefresh = Date.now();
    this.changeEmitter.fire(undefined);
  }

  /** How long until typing in the document shown counts as paused (0: it has). */
  untilTypingPauses(): number {
    return Math.max(0, this.lastEdit + UPDATE_WAITS_FOR_PAUSE_MS - Date.now());
  }

  /** The server has new findings for the document shown: `update()` once typing has paused. */
  updateWhenTypingPauses(): void {
    if (this.updateTimer) clearTimeout(this.updateTimer);
    const wait = this.untilTypingPauses();
    if (wait === 0) {
      this.updateTimer = undefined;
      void this.update();
      return;
    }
    this.updateTimer = setTimeout(() => this.updateWhenTypingPauses(), wait);
  }

  /**
   * The server has new findings for the document shown: the tree is built again at once, and the
   * view is asked again only for the items that look different. Typing in a section changes its
   * count and its ancestors' and nothing else, while a whole refresh sent every item of a large
   * document (hundreds) to the workbench at each pause in typing.
   */
  async update(): Promise<void> {
    if (!this.builtFor) {
      this.refresh(); // never shown: nothing to compare with
      return;
    }
    this.stale = true;
    await this.rebuild();
  }

  /**
   * Tells the view what a rebuild changed, whoever asked for it (the view itself asks again for the
   * top level when it reveals a node, and would keep the old items below). After the tasks already
   * queued, so that a getChildren that caused the rebuild has answered first.
   */
  private announce(change: OutlineChange, byView: boolean): void {
    setTimeout(() => {
      const sinceWhole = Date.now() - this.lastWholeRefresh;
      if (change === 'all') {
        // the view asked for everything just now: the new tree is what it got
        if (!(byView && sinceWhole < WHOLE_REFRESH_SETTLES_MS)) this.fireAll();
        return;
      }
      // while the view may still be fetching after a whole refresh, the items wait until it has them
      // (a whole refresh again instead kept a typist's every pause re-rendering the whole tree)
      if (sinceWhole < WHOLE_REFRESH_SETTLES_MS) {
        setTimeout(() => this.announce(change, false), WHOLE_REFRESH_SETTLES_MS - sinceWhole);
        return;
      }
      // a node the view has not been given yet reads its new values when it is
      const shown = change.filter((node) => this.known.has(node));
      if (shown.length > 0) this.changeEmitter.fire(shown);
    }, 0);
  }

  /** Where a node of the tree as last built starts (its item's click resolves it then, not when the item was made). */
  offsetOf(id: string): { uri: vscode.Uri; offset: number } | undefined {
    if (!this.builtFor) return undefined;
    const node = allOf(this.roots).find((n) => n.id === id);
    const offset = node && startOf(node);
    return offset === undefined ? undefined : { uri: vscode.Uri.parse(this.builtFor.uri), offset };
  }

  async getChildren(node?: OutlineNode): Promise<OutlineNode[]> {
    if (!node) await this.rebuild(true);
    const children = node ? node.children : this.roots;
    for (const child of children) this.known.add(child);
    return children;
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
    return allOf(this.roots);
  }

  /** Builds the tree for the document as it is now (what changed is announced to the view). */
  private async rebuild(byView = false): Promise<void> {
    const document = this.document;
    if (!document || document.isClosed) {
      this.roots = [];
      this.builtFor = undefined;
      return;
    }
    if (!this.stale && this.builtFor && this.builtFor.uri === document.uri.toString() && this.builtFor.version === document.version) return;
    const version = document.version;
    if (!this.pending || this.pending.document !== document || this.pending.version !== version) {
      const done = this.server.outline(document).then((outline): void => {
        if (this.document !== document) return;
        // no answer because the text moved on while the server read it: the tree stays as it was
        // until the next publish (taking "none" emptied the view and refreshed it whole twice)
        if (!outline && document.version !== version) return;
        this.stale = false;
        this.announce(this.take(document, outline), byView);
      });
      this.pending = { document, version, done };
    }
    const pending = this.pending;
    await pending.done;
    if (this.pending === pending) this.pending = undefined;
  }

  /** The server's outline as the tree: the same nodes updated in place when its shape is the same. */
  private take(document: vscode.TextDocument, outline: OutlineResult | null): OutlineChange {
    if (!outline) {
      this.roots = [];
      this.builtFor = undefined;
      return 'all';
    }
    const built = { uri: document.uri.toString(), version: outline.version, outline };
    const next = buildTree(outline);
    if (this.builtFor?.uri !== built.uri || !sameShape(this.roots, next)) {
      this.builtFor = built;
      this.roots = next;
      return 'all';
    }
    // the view's elements stay, with the new values, and only those that look different are sent again
    const nodes = allOf(this.roots);
    const before = nodes.map((node) => this.rowKeys.get(node) ?? JSON.stringify(this.rowOf(node)));
    this.builtFor = built;
    mergeInto(this.roots, next);
    return nodes.filter((node, i) => {
      const key = JSON.stringify(this.rowOf(node));
      this.rowKeys.set(node, key);
      return key !== before[i];
    });
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const row = this.rowOf(node);
    const item = new vscode.TreeItem(row.label, row.collapsible);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon(row.icon, row.iconColor ? new vscode.ThemeColor(row.iconColor) : undefined);
    if (row.description !== undefined) item.description = row.description;
    if (row.tooltip !== undefined) item.tooltip = row.markdownTooltip ? new vscode.MarkdownString().appendText(row.tooltip) : row.tooltip;
    if (row.contextValue !== undefined) item.contextValue = row.contextValue;
    const uri = this.builtFor?.uri;
    if (row.click && uri) {
      const target = vscode.Uri.parse(uri);
      item.command = row.click.kind === 'reveal'
        ? { title: t('Go to'), command: 'officialSummary.revealOffset', arguments: [target, node.id] }
        : { title: t('Insert missing part'), command: 'officialSummary.insertRequiredPart', arguments: [target, row.click.version, row.click.partId] };
    }
    return item;
  }

  /**
   * What a node's row shows and does, as plain values: the tree item is made from it, and an update
   * compares it (not the item, whose making costs more) to see which rows changed.
   */
  private rowOf(node: OutlineNode): OutlineRow {
    const outline = this.builtFor?.outline;
    const collapsible = node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
    const none = vscode.TreeItemCollapsibleState.None;
    const charactersLabel = (n: number) => t('{0} chars', n);
    // a part with a length limit (sectionLength in .summaryrc.json) shows its count, as configured, against it
    const limited = (length: OutlineLength | undefined) => (length ? `${t('{0} chars', length.count)} / ${length.limit}` : undefined);
    // by the node's id: typing above a node moves its offset, and the row need not be sent again for that
    const reveal = { kind: 'reveal' } as const;
    switch (node.kind) {
      case 'title':
        return { label: node.label, collapsible: none, icon: 'symbol-file', description: outline?.profileName, tooltip: t('Title'), contextValue: 'title', click: reveal };
      case 'opening':
        return { label: t('Opening'), collapsible: none, icon: 'symbol-text', description: limited(node.length) ?? charactersLabel(node.characters), contextValue: 'opening', click: reveal };
      case 'section': {
        const section = node.section;
        const heading = `${section.marker.text}${section.marker.headingText}`;
        const worst = node.findings.some((f) => f.severity === 'error') ? 'error' : node.findings.length > 0 ? 'warning' : undefined;
        const tooltip = [heading, t('Level {0} · {1}', section.level, charactersLabel(section.characters)), ...node.findings.map((f) => `${f.severity === 'error' ? '⛔' : '⚠'} ${f.message}`)].join('\n\n');
        return {
          label: heading,
          collapsible,
          description: limited(section.length) ?? charactersLabel(section.characters),
          ...(worst
            ? { icon: worst, iconColor: worst === 'error' ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground' }
            : { icon: LEVEL_ICONS[section.level - 1] ?? 'symbol-field' }),
          tooltip,
          markdownTooltip: true,
          contextValue: 'section',
          click: reveal,
        };
      }
      case 'node': {
        const shown = node.node;
        return {
          label: nodeLabel(shown),
          collapsible,
          icon: NODE_ICONS[shown.kind] ?? 'symbol-misc',
          description: charactersLabel(shown.characters),
          tooltip: `${nodeKindName(shown.kind)}\n\n${shown.label}`,
          contextValue: shown.kind,
          click: reveal,
        };
      }
      case 'parts': {
        const missing = node.children.filter((c) => c.kind === 'part' && !c.present).length;
        return { label: t('Required parts'), collapsible, icon: 'checklist', description: missing ? t('{0} missing', missing) : '✓', contextValue: 'parts' };
      }
      case 'part': {
        const row = { label: `${node.present ? '✓' : '✗'} ${node.label}`, collapsible: none, icon: node.present ? 'pass' : 'circle-slash', iconColor: node.present ? 'testing.iconPassed' : 'problemsWarningIcon.foreground' };
        if (node.present) return { ...row, contextValue: 'part-present', tooltip: t('Present'), ...(node.start !== undefined ? { click: reveal } : {}) };
        return { ...row, contextValue: 'part-missing', tooltip: t('Missing: click to insert a skeleton for it'), click: { kind: 'insert-part', version: this.builtFor?.version, partId: node.partId } };
      }
    }
  }
}

/** A node's row as plain values (OutlineProvider.rowOf). */
interface OutlineRow {
  label: string;
  collapsible: vscode.TreeItemCollapsibleState;
  icon: string;
  iconColor?: string;
  description?: string | undefined;
  tooltip?: string;
  /** shown as Markdown (its text escaped): a finding's message may hold `backticks` */
  markdownTooltip?: boolean;
  contextValue?: string;
  click?: { kind: 'reveal' } | { kind: 'insert-part'; version: number | undefined; partId: string };
}

/** 'all': the tree's shape changed (or there is none); else the nodes whose items changed. */
type OutlineChange = 'all' | OutlineNode[];

/** Where a click on the node goes: the marker of a section, the words of a heading. */
function startOf(node: OutlineNode): number | undefined {
  switch (node.kind) {
    case 'title':
    case 'opening':
      return node.start;
    case 'section':
      return node.section.marker.start;
    case 'node':
      return node.node.labelStart;
    case 'part':
      return node.start;
    case 'parts':
      return undefined;
  }
}

function allOf(nodes: OutlineNode[]): OutlineNode[] {
  const out: OutlineNode[] = [];
  const visit = (list: OutlineNode[]) => list.forEach((n) => { out.push(n); visit(n.children); });
  visit(nodes);
  return out;
}

function sameShape(before: OutlineNode[], after: OutlineNode[]): boolean {
  return before.length === after.length && before.every((node, i) => node.id === after[i]!.id && node.kind === after[i]!.kind && sameShape(node.children, after[i]!.children));
}

/** Puts the new values into the nodes the view holds (same ids, same places), keeping their parents and children. */
function mergeInto(before: OutlineNode[], after: OutlineNode[]): void {
  before.forEach((node, i) => {
    const next = after[i]!;
    mergeInto(node.children, next.children);
    // a value the new node lacks (a length limit removed) goes too
    const kept = node as Record<string, unknown>;
    for (const key of Object.keys(kept)) if (key !== 'parent' && key !== 'children' && !(key in next)) delete kept[key];
    Object.assign(node, { ...next, parent: node.parent, children: node.children });
  });
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
