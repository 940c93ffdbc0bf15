import { CodeActionKind, CodeActionTriggerKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { collectFixEdits, pickMessage, renumberEdits, type Finding, type RuleId } from '../core/index';
import type { DocumentAnalysis } from './analysis';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { toWorkspaceEdit } from './edits';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.officialSummary`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];
const NUMBERING_RULES: ReadonlySet<string> = new Set(['numbering-sequence', 'numbering-style', 'numbering-hierarchy']);

const TEXTS = {
  fixAllOfRule: { zh: (rule: string, n: number) => `修复全部 ${rule} 问题（${n} 处）`, en: (rule: string, n: number) => `Fix all ${rule} problems (${n})` },
  renumber: { zh: '重新编号整篇文档', en: 'Renumber the whole document' },
  fixAll: { zh: '修复全部可自动修复的问题', en: 'Fix all auto-fixable summary problems' },
};

/**
 * The extension's code actions (src/extension/codeActions.ts) over LSP: each rule's quick fix for the
 * diagnostic under the cursor, "fix all" of that rule, renumbering for numbering problems, and
 * `source.fixAll` with every certain fix as one edit.
 */
export function codeActions(params: CodeActionParams, document: TextDocument, analysis: DocumentAnalysis, versioned: boolean, token: CancellationToken): CodeAction[] {
  if (token.isCancellationRequested || analysis.version !== document.version) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const zh = analysis.locale !== 'en';
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const offeredFixAllFor = new Set<RuleId>();
    let offeredRenumber = false;
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingFor(diagnostic, document, analysis.findings);
      if (!finding) continue;
      if (finding.fix && finding.fix.edits.length > 0) {
        actions.push({
          title: pickMessage(finding.fix.title, analysis.locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: toWorkspaceEdit(document, finding.fix.edits, versioned),
        });
      }
      const fixableOfRule = analysis.findings.filter((f) => f.rule === finding.rule && f.fix);
      if (fixableOfRule.length > 1 && !offeredFixAllFor.has(finding.rule)) {
        offeredFixAllFor.add(finding.rule);
        actions.push({
          title: (zh ? TEXTS.fixAllOfRule.zh : TEXTS.fixAllOfRule.en)(finding.rule, fixableOfRule.length),
          kind: CodeActionKind.QuickFix,
          diagnostics: params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === finding.rule),
          edit: toWorkspaceEdit(document, collectFixEdits(analysis.findings, finding.rule), versioned),
        });
      }
      if (NUMBERING_RULES.has(finding.rule) && !offeredRenumber) {
        const edits = renumberEdits(analysis.document);
        if (edits.length > 0) {
          offeredRenumber = true;
          actions.push({ title: zh ? TEXTS.renumber.zh : TEXTS.renumber.en, kind: CodeActionKind.QuickFix, edit: toWorkspaceEdit(document, edits, versioned) });
        }
      }
    }
  }
  // as in the extension: source.fixAll when asked for by kind (on save), or in a menu the user opened
  const wantsFixAll = only ? wants(FIX_ALL_KIND) : params.context.triggerKind === CodeActionTriggerKind.Invoked;
  if (wantsFixAll) {
    const edits = collectFixEdits(analysis.findings);
    if (edits.length > 0) actions.push({ title: zh ? TEXTS.fixAll.zh : TEXTS.fixAll.en, kind: FIX_ALL_KIND, edit: toWorkspaceEdit(document, edits, versioned) });
  }
  return actions;
}

/**
 * The finding a diagnostic stands for: by the offsets the server put in `data` (kept by every
 * client; Neovim 0.7 sends ranges back in bytes), else by the exact range, else by rule, line and message.
 */
function findingFor(diagnostic: Diagnostic, document: TextDocument, findings: readonly Finding[]): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') return undefined;
  const ofRule = findings.filter((f) => f.rule === diagnostic.code);
  const data = diagnostic.data as { start?: unknown; end?: unknown } | undefined;
  if (data && typeof data.start === 'number' && typeof data.end === 'number') {
    const byData = ofRule.find((f) => f.start === data.start && f.end === data.end);
    if (byData) return byData;
  }
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const byRange = ofRule.find((f) => f.start === start && f.end === end);
  if (byRange) return byRange;
  const sameLine = ofRule.filter((f) => document.positionAt(f.start).line === diagnostic.range.start.line && (diagnostic.message === f.message.zh || diagnostic.message === f.message.en));
  return sameLine.length === 1 ? sameLine[0] : undefined;
}
