import { ALL_RULES, LineIndex, pickMessage, type Finding, type Locale, type UnusedDirective } from '../core/index';

/** The rule name under which unused disable comments are reported (as ESLint reports them unnamed). */
export const UNUSED_DIRECTIVE_RULE = 'unused-disable-directive';

/** One finding as the contract's JSON output has it: 1-based, UTF-16 columns as in VS Code. */
export interface ReportedFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  fixable: boolean;
  /** for .docx input: the paragraph number and a short excerpt, where line numbers mean little */
  paragraph?: number;
  excerpt?: string;
}

/** Offsets to positions as VS Code counts them: it does not count a BOM on the first line. */
function positionsIn(text: string, lines: LineIndex): (offset: number) => { line: number; character: number } {
  const bom = text.charCodeAt(0) === 0xfeff;
  return (offset: number) => {
    const position = lines.positionAt(offset);
    return bom && position.line === 0 ? { line: 0, character: Math.max(0, position.character - 1) } : position;
  };
}

function reported(
  file: string,
  at: (offset: number) => { line: number; character: number },
  range: { start: number; end: number },
  fields: Pick<ReportedFinding, 'rule' | 'severity' | 'message' | 'fixable'>,
): ReportedFinding {
  const start = at(range.start);
  const end = at(range.end);
  return { file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, ...fields };
}

export function toReported(file: string, text: string, findings: readonly Finding[], locale: Locale, lines = new LineIndex(text)): ReportedFinding[] {
  const at = positionsIn(text, lines);
  return findings.map((finding) => reported(file, at, finding, {
    rule: finding.rule,
    severity: finding.severity,
    message: pickMessage(finding.message, locale),
    fixable: finding.fix !== undefined,
  }));
}

/** Disable comments that suppressed nothing: errors, as ESLint reports them under this option (delete the comment). */
export function toReportedDirectives(file: string, text: string, unused: readonly UnusedDirective[], locale: Locale, lines = new LineIndex(text)): ReportedFinding[] {
  const at = positionsIn(text, lines);
  return unused.map((directive) => reported(file, at, directive, {
    rule: UNUSED_DIRECTIVE_RULE,
    severity: 'error',
    message: pickMessage(directive.message, locale),
    fixable: false,
  }));
}

export function formatText(findings: readonly ReportedFinding[], locale: Locale): string {
  const lines = findings.map((f) => {
    const where = f.paragraph !== undefined ? `${f.file}:¶${f.paragraph}` : `${f.file}:${f.line}:${f.column}`;
    const excerpt = f.excerpt ? `  「${f.excerpt}」` : '';
    return `${where} ${f.severity} ${f.message} ${f.rule}${excerpt}`;
  });
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const files = new Set(findings.map((f) => f.file)).size;
  const fixable = findings.filter((f) => f.fixable).length;
  if (findings.length === 0) lines.push(locale === 'en' ? 'No problems found.' : '未发现问题。');
  else if (locale === 'en') {
    const n = (value: number, one: string, many: string) => `${value} ${value === 1 ? one : many}`;
    lines.push(
      `\n${n(findings.length, 'problem', 'problems')} (${n(count('error'), 'error', 'errors')}, ${n(count('warning'), 'warning', 'warnings')}, ${count('info')} info) in ${n(files, 'file', 'files')}; ${fixable} fixable with --fix`,
    );
  } else {
    lines.push(`\n共 ${findings.length} 个问题（错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}），涉及 ${files} 个文件；其中 ${fixable} 个可用 --fix 自动修复`);
  }
  return lines.join('\n') + '\n';
}

export function formatJson(findings: readonly ReportedFinding[]): string {
  return JSON.stringify(findings, null, 2) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, the format code-scanning dashboards read. */
export function formatSarif(findings: readonly ReportedFinding[], locale: Locale, version: string): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'summary-lint',
            version,
            informationUri: 'https://github.com/official-summary/official-summary',
            rules: ALL_RULES.map((rule) => ({
              id: rule.meta.id,
              shortDescription: { text: pickMessage(rule.meta.description, locale) },
              defaultConfiguration: rule.meta.defaultSeverity === 'off' ? { enabled: false } : { level: SARIF_LEVEL[rule.meta.defaultSeverity] },
              helpUri: `https://github.com/official-summary/official-summary/blob/main/docs/rules.md#${rule.meta.id}`,
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('\\').join('/') },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
