import { DEFAULT_CONFIG, houseStyleOf, type SummaryConfig } from './config';
import type { SummaryDocument } from './model';
import { isProse, perChunk, type Rule, type RuleReport } from './rule';
import { parseSummary, type ParseOptions } from './parse';
import { ALL_RULES } from './rules/index';
import { mergeEditGroups } from './text';
import type { Finding, RuleId, TextEdit } from './types';

export interface Analysis {
  document: SummaryDocument;
  findings: Finding[];
}

/** Runs every rule on one model; a rule that throws costs its own findings, never the others'. */
export function lintDocument(doc: SummaryDocument, config: SummaryConfig = DEFAULT_CONFIG): Finding[] {
  const context = { doc, config, houseStyle: houseStyleOf(config) };
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    const setting = config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    let reports: RuleReport[];
    try {
      reports = [...(rule.check?.(context) ?? []), ...(rule.checkBlock ? blockReports(doc, rule) : [])];
    } catch (error) {
      // a rule bug must not take the other rules' findings down with it
      reports = [];
      if (typeof console !== 'undefined') console.error(`official-summary: rule ${rule.meta.id} failed:`, error);
    }
    for (const report of reports) {
      const finding: Finding = { rule: rule.meta.id, severity: setting, start: report.start, end: report.end, message: report.message };
      if (report.fix && report.fix.edits.length) finding.fix = report.fix;
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

/** A block rule's findings, from the chunk parses' memo where the chunk was checked before. */
function blockReports(doc: SummaryDocument, rule: Rule): RuleReport[] {
  return perChunk(doc, `rule:${rule.meta.id}`, (parse) => {
    const reports: RuleReport[] = [];
    for (const [index, block] of parse.blocks.entries()) {
      if (!isProse(block)) continue;
      const markers = parse.candidates.filter((c) => c.blockIndex === index).map((c) => ({ start: c.candidate.start, end: c.candidate.end }));
      reports.push(...rule.checkBlock!({ text: parse.text, block, format: parse.format, markers }));
    }
    return reports;
  }, shiftReport);
}

function shiftReport(report: RuleReport, by: number): RuleReport {
  const shifted: RuleReport = { start: report.start + by, end: report.end + by, message: report.message };
  if (report.fix) shifted.fix = { title: report.fix.title, edits: report.fix.edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText })) };
  return shifted;
}

export function analyze(text: string, options: ParseOptions = {}): Analysis {
  const document = parseSummary(text, options);
  return { document, findings: lintDocument(document, options.config ?? DEFAULT_CONFIG) };
}

/**
 * All the fix edits of the findings (of one rule, if named), with a fix dropped whole when it
 * overlaps one taken before: a later pass picks it up, the text is never half-fixed.
 */
export function collectFixEdits(findings: readonly Finding[], rule?: RuleId): TextEdit[] {
  const seenFixes = new Set<object>();
  const seenSmall = new Set<string>();
  const groups: TextEdit[][] = [];
  for (const finding of findings) {
    if (!finding.fix || (rule && finding.rule !== rule)) continue;
    // one run renumbering is attached (as one object) to each of its findings
    if (seenFixes.has(finding.fix)) continue;
    seenFixes.add(finding.fix);
    if (finding.fix.edits.length <= 8) {
      const key = JSON.stringify(finding.fix.edits);
      if (seenSmall.has(key)) continue;
      seenSmall.add(key);
    }
    groups.push(finding.fix.edits);
  }
  return mergeEditGroups(groups);
}
