import * as vscode from 'vscode';
import type { Finding, Section } from '../core/index';
import { formatLimit, partLengths, requiredParts, type PartLength } from '../core/index';
import type { AnalysisService, DocumentAnalysis } from './analysis';
import { findingsWithin } from './analysis';
import { localized, t } from './locale';
import type { SummaryDocuments } from './summaryDocuments';

export type OutlineNode =
  | { kind: 'title'; id: string; label: string; start: number; parent?: undefined; children: OutlineNode[] }
  | { kind: 'opening'; id: string; start: number; end: number; parent?: undefined; children: OutlineNode[] }
  | { kind: 'section'; id: string; section: Section; parent?: OutlineNode; children: OutlineNode[]; findings: Finding[] }
  | { kind: 'parts'; id: string; parent?: undefined; children: OutlineNode[] }
  | { kind: 'part'; id: string; partId: string; label: string; present: boolean; start?: number; parent: OutlineNode; children: OutlineNode[] };

const LEVEL_ICONS = ['symbol-namespace', 'symbol-class', 'symbol-method', 'symbol-field', 'symbol-constant'];

/** Characters a writer counts: everything but whitespace, by code point (CJK convention). */
export function countCharacters(text: string): number {
  let count = 0;
  for (const char of text) if (!/\s/u.test(char)) count++;
  return count;
}

/**
 * The summary's real structure for the active editor: title, opening, the section tree (run-in
 * paragraph headings included), and the profile's checklist of required parts.
 */
export class OutlineProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private roots: OutlineNode[] = [];
  private builtFor: { uri: string; version: number; analysis: DocumentAnalysis; lengths: PartLength[] } | undefined;
  private document: vscode.TextDocument | undefined;

  constructor(
    private readonly analyses: AnalysisService,
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
    return title && this.builtFor?.analysis.document.title && offset <= this.builtFor.analysis.document.title.end ? title : undefined;
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
    const analysis = await this.analyses.analysisOf(document);
    if (!analysis) {
      this.roots = [];
      return;
    }
    this.builtFor = { uri: document.uri.toString(), version: analysis.version, analysis, lengths: partLengths(analysis.document, analysis.config) };
    this.roots = buildTree(analysis);
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const analysis = this.builtFor?.analysis;
    const uri = this.builtFor ? vscode.Uri.parse(this.builtFor.uri) : undefined;
    const collapsible = node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
    const charactersLabel = (n: number) => t('{0} chars', n);
    // a part with a length limit (sectionLength in .summaryrc.json) shows its count, as configured, against it
    const limited = (length: PartLength | undefined) => (length?.limit ? `${t('{0} chars', length.count)} / ${formatLimit(length.limit)}` : undefined);
    const lengths = this.builtFor?.lengths ?? [];
    switch (node.kind) {
      case 'title': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('symbol-file');
        item.description = analysis ? localized(analysis.document.profile.profile.name) : undefined;
        item.tooltip = t('Title');
        item.contextValue = 'title';
        item.command = revealCommand(uri, node.start);
        return item;
      }
      case 'opening': {
        const item = new vscode.TreeItem(t('Opening'), vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('symbol-text');
        item.description = analysis ? (limited(lengths.find((l) => l.partId === 'opening')) ?? charactersLabel(countCharacters(analysis.document.text.slice(node.start, node.end)))) : undefined;
        item.contextValue = 'opening';
        item.command = revealCommand(uri, node.start);
        return item;
      }
      case 'section': {
        const section = node.section;
        const item = new vscode.TreeItem(`${section.marker.text}${section.marker.headingText}`, collapsible);
        item.id = node.id;
        const characters = analysis ? countCharacters(analysis.document.text.slice(section.start, section.end)) : 0;
        item.description = limited(lengths.find((l) => l.start === section.start)) ?? charactersLabel(characters);
        const worst = node.findings.some((f) => f.severity === 'error') ? 'error' : node.findings.length > 0 ? 'warning' : undefined;
        item.iconPath = worst
          ? new vscode.ThemeIcon(worst, new vscode.ThemeColor(worst === 'error' ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground'))
          : new vscode.ThemeIcon(LEVEL_ICONS[section.level - 1] ?? 'symbol-field');
        const tooltip = new vscode.MarkdownString();
        tooltip.appendText(`${section.marker.text}${section.marker.headingText}\n\n`);
        tooltip.appendText(t('Level {0} · {1}', section.level, charactersLabel(characters)));
        for (const finding of node.findings) tooltip.appendText(`\n\n${finding.severity === 'error' ? '⛔' : '⚠'} ${localized(finding.message)}`);
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

function buildTree(analysis: DocumentAnalysis): OutlineNode[] {
  const model = analysis.document;
  const roots: OutlineNode[] = [];
  if (model.title) roots.push({ kind: 'title', id: 'title', label: model.title.text, start: model.title.start, children: [] });
  if (model.opening && model.opening.end > model.opening.start) {
    roots.push({ kind: 'opening', id: 'opening', start: model.opening.start, end: model.opening.end, children: [] });
  }
  const sectionNode = (section: Section, path: string, parent: OutlineNode | undefined): OutlineNode => {
    const ownEnd = section.children[0]?.start ?? section.end;
    const node: OutlineNode = {
      kind: 'section',
      id: `section:${path}`,
      section,
      parent,
      children: [],
      findings: findingsWithin(analysis.findings, section.start, ownEnd),
    };
    node.children = section.children.map((child, index) => sectionNode(child, `${path}.${index}`, node));
    return node;
  };
  model.sections.forEach((section, index) => roots.push(sectionNode(section, String(index), undefined)));
  const parts = requiredParts(model);
  if (parts.length > 0) {
    const group: OutlineNode = { kind: 'parts', id: 'parts', children: [] };
    group.children = parts.map((part) => ({
      kind: 'part' as const,
      id: `part:${part.id}`,
      partId: part.id,
      label: localized(part.name),
      present: part.present,
      start: part.section?.marker.start,
      parent: group,
      children: [],
    }));
    roots.push(group);
  }
  return roots;
}
