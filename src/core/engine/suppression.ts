import type { SummaryConfig } from '../config/config';
import type { SummaryDocument } from '../model/types';
import { RULE_IDS, type Finding, type Message, type RuleId } from '../types';

/**
 * Suppression, as every linter has it. In Markdown, HTML comments (invisible in the rendered text
 * and in the Word export) switch rules off:
 *   <!-- summary-lint-disable rule-a rule-b -->  …  <!-- summary-lint-enable rule-a rule-b -->
 *   <!-- summary-lint-disable-next-line rule-a -->
 * No rule named means every rule. Plain text has no invisible comments, so there (and in Markdown
 * too) `.summaryrc.json` `ignore` patterns drop the findings whose flagged text they match.
 */

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** the rules named; empty means all rules */
  rules: RuleId[];
  /** names that are not rule ids, kept to report them */
  unknownRules: string[];
  /** the comment's range */
  start: number;
  end: number;
}

/** A disable comment (or one rule it names) that suppressed nothing. */
export interface UnusedDirective {
  start: number;
  end: number;
  /** the rule that was named and suppressed nothing; undefined for a comment naming no rule */
  rule?: string;
  message: Message;
}

export const DIRECTIVE_PREFIX = 'summary-lint-';
const DIRECTIVE = /<!--[ \t]*summary-lint-(disable-next-line|disable|enable)(?=[\s-])([^]*?)-->/g;

/** The directives of a Markdown document, in order; none outside Markdown or inside code blocks. */
export function findDirectives(doc: SummaryDocument): Directive[] {
  if (doc.format !== 'markdown' || !doc.text.includes(DIRECTIVE_PREFIX)) return [];
  const codeBlocks = doc.blocks.filter((b) => b.kind === 'code');
  const directives: Directive[] = [];
  for (const match of doc.text.matchAll(DIRECTIVE)) {
    const start = match.index;
    if (codeBlocks.some((b) => b.start <= start && start < b.end)) continue; // a documented example
    // as in ESLint, ` -- ` starts a free-text reason
    const body = match[2];
    const reasonAt = body.indexOf('--');
    const names = (reasonAt < 0 ? body : body.slice(0, reasonAt)).split(/[\s,]+/).filter(Boolean);
    const rules: RuleId[] = [];
    const unknownRules: string[] = [];
    for (const name of names) {
      if ((RULE_IDS as readonly string[]).includes(name)) rules.push(name as RuleId);
      else unknownRules.push(name);
    }
    directives.push({ kind: match[1] as DirectiveKind, rules, unknownRules, start, end: start + match[0].length });
  }
  return directives;
}

export interface SuppressionResult {
  findings: Finding[];
  unused: UnusedDirective[];
}

/**
 * Drops the findings inside disabled ranges and those matched by the configuration's ignore
 * patterns; also says which disable comments suppressed nothing. `findings` are sorted by start.
 */
export function applySuppressions(doc: SummaryDocument, findings: readonly Finding[], config: SummaryConfig): SuppressionResult {
  const directives = findDirectives(doc);
  const ignore = compiledIgnorePatterns(config);
  if (!directives.length && !ignore.size) return { findings: [...findings], unused: [] };

  const used = new Map<Directive, Set<RuleId | '*'>>();
  const markUsed = (directive: Directive, rule: RuleId) => {
    const set = used.get(directive) ?? new Set();
    set.add(directive.rules.length ? rule : '*');
    used.set(directive, set);
  };

  // next-line comments: the line after the one the comment ends on
  const nextLine = new Map<number, Directive[]>();
  for (const directive of directives) {
    if (directive.kind !== 'disable-next-line') continue;
    const lineStart = lineStartAfter(doc.text, directive.end);
    if (lineStart === undefined) continue;
    nextLine.set(lineStart, [...(nextLine.get(lineStart) ?? []), directive]);
  }

  // range comments, swept in step with the findings (both in document order)
  const ranged = directives.filter((d) => d.kind !== 'disable-next-line');
  let allDisabledBy: Directive | undefined;
  /** per rule: the directive disabling it, or null where it was enabled again under a disable-all */
  const perRule = new Map<RuleId, Directive | null>();
  let next = 0;

  const kept: Finding[] = [];
  for (const finding of findings) {
    while (next < ranged.length && ranged[next].end <= finding.start) {
      const directive = ranged[next++];
      if (directive.kind === 'disable') {
        if (namesAllRules(directive)) {
          allDisabledBy = directive;
          perRule.clear();
        } else {
          for (const rule of directive.rules) perRule.set(rule, directive);
        }
      } else if (namesAllRules(directive)) {
        allDisabledBy = undefined;
        perRule.clear();
      } else {
        for (const rule of directive.rules) {
          if (allDisabledBy) perRule.set(rule, null);
          else perRule.delete(rule);
        }
      }
    }
    const byRange = perRule.has(finding.rule) ? perRule.get(finding.rule) : allDisabledBy;
    if (byRange) {
      markUsed(byRange, finding.rule);
      continue;
    }
    const byNextLine = nextLine.get(lineStartOf(doc.text, finding.start))?.find((d) => appliesTo(d, finding.rule));
    if (byNextLine) {
      markUsed(byNextLine, finding.rule);
      continue;
    }
    if (ignored(doc.text, finding, ignore)) continue;
    kept.push(finding);
  }

  const unused: UnusedDirective[] = [];
  for (const directive of directives) {
    if (directive.kind === 'enable') continue;
    const usedRules = used.get(directive);
    for (const name of directive.unknownRules) {
      unused.push({ start: directive.start, end: directive.end, rule: name, message: { zh: `停用注释中的“${name}”不是规则名`, en: `"${name}" in the disable comment is not a rule id` } });
    }
    if (directive.rules.length === 0) {
      if (!usedRules && directive.unknownRules.length === 0) {
        unused.push({ start: directive.start, end: directive.end, message: { zh: '停用注释未屏蔽任何问题，可以删除', en: 'Unused disable comment: no problems were reported here' } });
      }
      continue;
    }
    for (const rule of directive.rules) {
      if (usedRules?.has(rule)) continue;
      unused.push({ start: directive.start, end: directive.end, rule, message: { zh: `停用注释未屏蔽任何 ${rule} 问题，可以删除`, en: `Unused disable comment: no problems were reported from ${rule}` } });
    }
  }
  return { findings: kept, unused };
}

/** No name at all means every rule; a comment naming only misspelt rules must not switch all off. */
function namesAllRules(directive: Directive): boolean {
  return directive.rules.length === 0 && directive.unknownRules.length === 0;
}

function appliesTo(directive: Directive, rule: RuleId): boolean {
  return namesAllRules(directive) || directive.rules.includes(rule);
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineStartAfter(text: string, offset: number): number | undefined {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? undefined : newline + 1;
}

function compiledIgnorePatterns(config: SummaryConfig): Map<RuleId, RegExp[]> {
  const compiled = new Map<RuleId, RegExp[]>();
  for (const [rule, patterns] of Object.entries(config.ignore ?? {}) as [RuleId, string[]][]) {
    const list: RegExp[] = [];
    for (const pattern of patterns) {
      try {
        list.push(new RegExp(pattern, 'g'));
      } catch {
        // parseConfig reports it; a bad pattern ignores nothing
      }
    }
    if (list.length) compiled.set(rule, list);
  }
  return compiled;
}

/** Is a match of one of the rule's ignore patterns, on the finding's line, over the flagged text? */
function ignored(text: string, finding: Finding, ignore: Map<RuleId, RegExp[]>): boolean {
  const patterns = ignore.get(finding.rule);
  if (!patterns) return false;
  const lineStart = lineStartOf(text, finding.start);
  const lineBreak = text.indexOf('\n', Math.max(finding.end - 1, finding.start));
  const lineEnd = lineBreak < 0 ? text.length : lineBreak;
  const line = text.slice(lineStart, lineEnd);
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (const match of line.matchAll(pattern)) {
      const start = lineStart + match.index;
      const end = start + Math.max(1, match[0].length);
      if (start < finding.end && finding.start < end) return true;
    }
  }
  return false;
}
