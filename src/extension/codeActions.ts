import * as vscode from 'vscode';
import type { Finding, RuleId } from '../core/index';
import { collectFixEdits, renumberEdits } from '../core/index';
import type { AnalysisService, DocumentAnalysis } from './analysis';
import { toWorkspaceEdit } from './edits';
import { localized, t } from './locale';
import { DIAGNOSTIC_SOURCE, ruleOf } from './ruleDocs';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('officialSummary');
const NUMBERING_RULES: ReadonlySet<RuleId> = new Set(['numbering-sequence', 'numbering-style', 'numbering-hierarchy']);

/**
 * Quick fixes built from the fixes the rules attach to their findings. Each action carries one
 * WorkspaceEdit (one undo step). VS Code stamps code-action edits with the document version they
 * were computed for and refuses them once the document has changed.
 */
export class SummaryCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly analyses: AnalysisService) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const analysis = await this.analyses.analysisOf(document);
    if (!analysis || token.isCancellationRequested || analysis.version !== document.version) return [];
    const wantsFixAll = context.only ? FIX_ALL_KIND.intersects(context.only) : context.triggerKind === vscode.CodeActionTriggerKind.Invoke;
    const wantsQuickFixes = !context.only || vscode.CodeActionKind.QuickFix.intersects(context.only);
    const actions: vscode.CodeAction[] = [];
    if (wantsQuickFixes) actions.push(...this.quickFixes(document, analysis, context.diagnostics));
    if (wantsFixAll) {
      const fixAll = this.fixAll(document, analysis);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  private quickFixes(
    document: vscode.TextDocument,
    analysis: DocumentAnalysis,
    diagnostics: readonly vscode.Diagnostic[],
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const offeredFixAllFor = new Set<RuleId>();
    let offeredRenumber = false;
    const offeredDisable = new Set<string>();
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const rule = ruleOf(diagnostic);
      const finding = rule ? findingFor(document, analysis.findings, rule, diagnostic.range) : undefined;
      if (!rule || !finding) continue;
      if (finding.fix && finding.fix.edits.length > 0) {
        const action = new vscode.CodeAction(localized(finding.fix.title), vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document, finding.fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      const fixableOfRule = analysis.findings.filter((f) => f.rule === rule && f.fix);
      if (fixableOfRule.length > 1 && !offeredFixAllFor.has(rule)) {
        offeredFixAllFor.add(rule);
        const action = new vscode.CodeAction(
          t('Fix all {0} problems ({1})', rule, fixableOfRule.length),
          vscode.CodeActionKind.QuickFix,
        );
        action.edit = toWorkspaceEdit(document, collectFixEdits(analysis.findings, rule));
        action.diagnostics = diagnostics.filter((d) => ruleOf(d) === rule);
        actions.push(action);
      }
      const lineKey = `${rule}@${diagnostic.range.start.line}`;
      if (document.languageId === 'markdown' && !offeredDisable.has(lineKey)) {
        offeredDisable.add(lineKey);
        actions.push(disableForLineAction(document, rule, diagnostic));
      }
      if (NUMBERING_RULES.has(rule) && !offeredRenumber) {
        const edits = renumberEdits(analysis.document);
        if (edits.length > 0) {
          offeredRenumber = true;
          const action = new vscode.CodeAction(t('Renumber the whole document'), vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(document, edits);
          actions.push(action);
        }
      }
    }
    return actions;
  }

  private fixAll(document: vscode.TextDocument, analysis: DocumentAnalysis): vscode.CodeAction | undefined {
    const edits = collectFixEdits(analysis.findings);
    if (edits.length === 0) return undefined;
    const action = new vscode.CodeAction(t('Fix all auto-fixable summary problems'), FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(document, edits);
    return action;
  }
}

const NEXT_LINE_DIRECTIVE = /^([ \t\u3000]*)<!--[ \t]*summary-lint-disable-next-line((?:[ \t]+[a-z-]+)*)[ \t]*-->[ \t]*$/;

/**
 * "Disable <rule> for this line": a next-line comment above the diagnostic's line, indented like
 * it; where such a comment is already there, the rule is added to it. Markdown only: an HTML
 * comment is invisible there, in plain text it would be part of the submission.
 */
function disableForLineAction(document: vscode.TextDocument, rule: RuleId, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(t('Disable {0} for this line', rule), vscode.CodeActionKind.QuickFix);
  const line = document.lineAt(diagnostic.range.start.line);
  const edit = new vscode.WorkspaceEdit();
  const above = line.lineNumber > 0 ? document.lineAt(line.lineNumber - 1) : undefined;
  const existing = above && NEXT_LINE_DIRECTIVE.exec(above.text);
  if (above && existing) {
    const rules = existing[2]!.trim().split(/\s+/).filter(Boolean);
    if (!rules.includes(rule)) rules.push(rule);
    edit.replace(document.uri, above.range, `${existing[1]}<!-- summary-lint-disable-next-line ${rules.join(' ')} -->`);
  } else {
    const indentation = /^[ \t\u3000]*/.exec(line.text)![0];
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    edit.insert(document.uri, line.range.start, `${indentation}<!-- summary-lint-disable-next-line ${rule} -->${eol}`);
  }
  action.edit = edit;
  action.diagnostics = [diagnostic];
  return action;
}

function findingFor(
  document: vscode.TextDocument,
  findings: readonly Finding[],
  rule: RuleId,
  range: vscode.Range,
): Finding | undefined {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  return findings.find((f) => f.rule === rule && f.start === start && f.end === end);
}
