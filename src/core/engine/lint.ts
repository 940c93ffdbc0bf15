import { DEFAULT_CONFIG, houseStyleOf, type SummaryConfig } from '../config/config';
import type { SummaryDocument } from '../model/types';
import { isProse, memoized, perChunk, type Rule, type RuleContext, type RuleReport } from '../rules/rule';
import type { ChunkParse } from '../model/types';
import { parseSummary, type ParseOptions } from './parse';
import { ALL_RULES } from '../rules/index';
import { mergeEditGroups } from '../text/edits';
import type { Finding, RuleId, Severity, TextEdit } from '../types';

export interface Analysis {
  document: SummaryDocument;
  findings: Finding[];
}

/** Runs every rule on one model; a rule that throws costs its own findings, never the others'. */
export function lintDocument(doc: SummaryDocument, config: SummaryConfig = DEFAULT_CONFIG): Finding[] {
  const context = { doc, config, houseStyle: houseStyleOf(config) };
  return sortFindings(ALL_RULES.flatMap((rule) => runRule(rule, context)));
}

/**
 * The same findings, with the thread given back between rules whenever a slice has run `sliceMs`:
 * the last step of a first, sliced analysis (when the code is still cold) must not block either.
 */
export async function lintDocumentInSlices(
  doc: SummaryDocument,
  config: SummaryConfig,
  slicing: { sliceMs: number; isCancelled?: () => boolean; yieldToEventLoop: () => Promise<void>; now: () => number },
): Promise<Finding[] | undefined> {
  const context = { doc, config, houseStyle: houseStyleOf(config) };
  const findings: Finding[] = [];
  let sliceStart = slicing.now();
  for (const rule of ALL_RULES) {
    if (slicing.now() - sliceStart > slicing.sliceMs) {
      await slicing.yieldToEventLoop();
      if (slicing.isCancelled?.()) return undefined;
      sliceStart = slicing.now();
    }
    findings.push(...runRule(rule, context));
  }
  return sortFindings(findings);
}

function runRule(rule: Rule, context: RuleContext): Finding[] {
  const setting = context.config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
  if (setting === 'off') return [];
  let reports: RuleReport[];
  try {
    reports = [...(rule.check?.(context) ?? []), ...(rule.checkBlock ? blockReports(context.doc, rule) : [])];
  } catch (error) {
    // a rule bug must not take the other rules' findings down with it
    reports = [];
    if (typeof console !== 'undefined') console.error(`official-summary: rule ${rule.meta.id} failed:`, error);
  }
  return reports.map((report) => {
    // a report may ask for less than the rule's severity (a gentle hint), never for more
    const severity = report.severity && SEVERITY_RANK[report.severity] < SEVERITY_RANK[setting] ? report.severity : setting;
    const finding: Finding = { rule: rule.meta.id, severity, start: report.start, end: report.end, message: report.message };
    if (report.fix && report.fix.edits.length) finding.fix = report.fix;
    return finding;
  });
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

/** A block rule's findings, from the chunk parses' memo where the chunk was checked before. */
function blockReports(doc: SummaryDocument, rule: Rule): RuleReport[] {
  return perChunk(doc, `rule:${rule.meta.id}`, (parse) => checkChunkBlocks(parse, rule), shiftReport);
}

function checkChunkBlocks(parse: ChunkParse, rule: Rule): RuleReport[] {
  const reports: RuleReport[] = [];
  const markersByBlock = new Map<number, { start: number; end: number }[]>();
  for (const c of parse.candidates) {
    const list = markersByBlock.get(c.blockIndex) ?? [];
    list.push({ start: c.candidate.start, end: c.candidate.end });
    markersByBlock.set(c.blockIndex, list);
  }
  for (const [index, block] of parse.blocks.entries()) {
    if (!isProse(block)) continue;
    const markers = markersByBlock.get(index) ?? [];
    reports.push(...rule.checkBlock!({ text: parse.text, block, format: parse.format, markers }));
  }
  return reports;
}

/** Does, for one chunk, all the work the rules keep per chunk: the slices of a first analysis call it. */
export function prepareChunk(parse: ChunkParse): void {
  for (const rule of ALL_RULES) {
    try {
      if (rule.checkBlock) memoized(parse, `rule:${rule.meta.id}`, (p) => checkChunkBlocks(p, rule));
      rule.prepareChunk?.(parse);
    } catch {
      // lintDocument runs the rule again and reports its failure there
    }
  }
}

function shiftReport(report: RuleReport, by: number): RuleReport {
  const shifted: RuleReport = { ...report, start: report.start + by, end: report.end + by };
  if (report.fix) shifted.fix = { ...report.fix, edits: report.fix.edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText })) };
  return shifted;
}

export function analyze(text: string, options: ParseOptions = {}): Analysis {
  const document = parseSummary(text, options);
  return { document, findings: lintDocument(document, options.config ?? DEFAULT_CONFIG) };
}

/**
 * The edits bulk fixing applies (--fix, Fix All, fix on save): every certain fix of the findings
 * (of one rule, if named), with a fix dropped whole when it overlaps one taken before: a later pass
 * picks it up, the text is never half-fixed. A fix marked `certain: false` is only ever a quick fix.
 */
export function collectFixEdits(findings: readonly Finding[], rule?: RuleId): TextEdit[] {
  const seenFixes = new Set<object>();
  const seenSmall = new Set<string>();
  const groups: TextEdit[][] = [];
  for (const finding of findings) {
    if (!finding.fix || finding.fix.certain === false || (rule && finding.rule !== rule)) continue;
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
