import * as vscode from 'vscode';
import type { Finding, RuleId, Severity } from '../core/index';
import { localized } from './locale';
import { rulePageUri } from './rulePage';

export const DIAGNOSTIC_SOURCE = 'official-summary';

/**
 * Where each rule is documented; Diagnostic.code links there: a read-only page rendered from the
 * docs/rules.md shipped inside the extension (generated from the rules), so the link works offline,
 * matches this version, and is never the editable file (see rulePage.ts).
 */
export function ruleDocumentation(rule: RuleId): vscode.Uri {
  return rulePageUri(rule);
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    default:
      return vscode.DiagnosticSeverity.Information;
  }
}

/** A finding as the Problems panel shows it. `positionAt` maps the analysed text's offsets. */
export function toDiagnostic(finding: Finding, positionAt: (offset: number) => vscode.Position): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(positionAt(finding.start), positionAt(finding.end)),
    localized(finding.message),
    toSeverity(finding.severity),
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.rule, target: ruleDocumentation(finding.rule) };
  return diagnostic;
}

export function ruleOf(diagnostic: vscode.Diagnostic): RuleId | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value) as RuleId;
  return typeof code === 'string' ? (code as RuleId) : undefined;
}
