import { CodeActionKind, CodeActionTriggerKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { collectFixEdits, pickMessage, renumberEdits, type Finding, type RuleId, type TextEdit } from '../core/index';
import type { DocumentAnalysis } from './analysis';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { toWorkspaceEdit } from './edits';
import { translator } from './l10n';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.officialSummary`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];
const NUMBERING_RULES: ReadonlySet<string> = new Set(['numbering-sequence', 'numbering-style', 'numbering-hierarchy']);

/**
 * Each rule's quick fix for the diagnostic under the cursor, "fix all" of that rule, "disable for
 * this line" (Markdown), renumbering for numbering problems, and `source.fixAll` with every certain
 * fix as one edit. Each action is one edit (one undo step), stamped with the version it was made for.
 */
export function codeActions(params: CodeActionParams, document: TextDocument, analysis: DocumentAnalysis, versioned: boolean, token: CancellationToken): CodeAction[] {
  if (token.isCancellationRequested || analysis.version !== document.version) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const t = translator(analysis.locale);
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const offeredFixAllFor = new Set<RuleId>();
    let offeredRenumber = false;
    const offeredDisable = new Set<string>();
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
          title: t('Fix all {0} problems ({1})', finding.rule, fixableOfRule.length),
          kind: CodeActionKind.QuickFix,
          diagnostics: params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === finding.rule),
          edit: toWorkspaceEdit(document, collectFixEdits(analysis.findings, finding.rule), versioned),
        });
      }
      const lineKey = `${finding.rule}@${diagnostic.range.start.line}`;
      if (analysis.document.format === 'markdown' && !offeredDisable.has(lineKey)) {
        offeredDisable.add(lineKey);
        actions.push({
          title: t('Disable {0} for this line', finding.rule),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: toWorkspaceEdit(document, disableForLineEdits(document.getText(), document.offsetAt(diagnostic.range.start), finding.rule), versioned),
        });
      }
      if (NUMBERING_RULES.has(finding.rule) && !offeredRenumber) {
        const edits = renumberEdits(analysis.document);
        if (edits.length > 0) {
          offeredRenumber = true;
          actions.push({ title: t('Renumber the whole document'), kind: CodeActionKind.QuickFix, edit: toWorkspaceEdit(document, edits, versioned) });
        }
      }
    }
  }
  // as in the extension: source.fixAll when asked for by kind (on save), or in a menu the user opened
  const wantsFixAll = only ? wants(FIX_ALL_KIND) : params.context.triggerKind === CodeActionTriggerKind.Invoked;
  if (wantsFixAll) {
    const edits = collectFixEdits(analysis.findings);
    if (edits.length > 0) actions.push({ title: t('Fix all auto-fixable summary problems'), kind: FIX_ALL_KIND, edit: toWorkspaceEdit(document, edits, versioned) });
  }
  return actions;
}

const NEXT_LINE_DIRECTIVE = /^([ \t\u3000]*)<!--[ \t]*summary-lint-disable-next-line((?:[ \t]+[a-z-]+)*)[ \t]*-->[ \t]*$/;

/**
 * "Disable <rule> for this line": a next-line comment above the line of `offset`, indented like it;
 * where such a comment is already there, the rule is added to it. Markdown only: an HTML comment is
 * invisible there, in plain text it would be part of the submission.
 */
export function disableForLineEdits(text: string, offset: number, rule: RuleId): TextEdit[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEndAt < 0 ? text.length : lineEndAt).replace(/\r$/, '');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (lineStart > 0) {
    const aboveEnd = text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
    const aboveStart = text.lastIndexOf('\n', aboveEnd - 1) + 1;
    const existing = NEXT_LINE_DIRECTIVE.exec(text.slice(aboveStart, aboveEnd));
    if (existing) {
      const rules = existing[2]!.trim().split(/\s+/).filter(Boolean);
      if (!rules.includes(rule)) rules.push(rule);
      return [{ start: aboveStart, end: aboveEnd, newText: `${existing[1]}<!-- summary-lint-disable-next-line ${rules.join(' ')} -->` }];
    }
  }
  const indentation = /^[ \t\u3000]*/.exec(line)![0];
  return [{ start: lineStart, end: lineStart, newText: `${indentation}<!-- summary-lint-disable-next-line ${rule} -->${eol}` }];
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
