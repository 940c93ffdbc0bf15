import { DEFAULT_CONFIG, houseStyleOf, type SummaryConfig } from '../config/config';
import type { SummaryDocument } from '../model/types';
import { isProse, type BlockRule, type Located, type Rule, type RuleContext, type RuleReport } from '../rules/rule';
import { markersByBlock } from '../model/blocks';
import type { ChunkParse } from '../model/types';
import { memoized } from '../model/chunk-memo';
import { parseSummary, type ParseOptions } from './parse';
import { ALL_RULES } from '../rules/index';
import { applySuppressions, type SuppressionResult, type UnusedDirective } from './suppression';
import { mergeEditGroups } from '../text/edits';
import type { Finding, Fix, RuleId, Severity, TextEdit } from '../types';

export interface Analysis {
  document: SummaryDocument;
  findings: Finding[];
  /** disable comments that suppressed nothing (filled by `analyze`, for the CLI's report) */
  unusedDirectives?: UnusedDirective[];
}

/**
 * The one way findings are made: each rule in turn over one model, one step a rule. The synchronous
 * driver (`lintDocument`) runs the steps straight through; the sliced driver (`lintDocumentInSlices`)
 * gives the thread back between them. Equal results by construction: the same steps, in the same order.
 * Findings switched off by a suppression comment or an ignore pattern are dropped here, where they
 * are made, so every driver and adapter (CLI, editor) honours them alike.
 */
function* lintSteps(doc: SummaryDocument, config: SummaryConfig, rules: readonly Rule[]): Generator<void, SuppressionResult> {
  const context = { doc, config, houseStyle: houseStyleOf(config) };
  const findings: Finding[] = [];
  for (const rule of rules) {
    findings.push(...runRule(rule, context));
    yield;
  }
  return applySuppressions(doc, sortFindings(findings), config);
}

/** Runs every rule on one model; a rule that throws costs its own findings, never the others'. */
export function lintDocument(doc: SummaryDocument, config: SummaryConfig = DEFAULT_CONFIG, rules: readonly Rule[] = ALL_RULES): Finding[] {
  return lintWithSuppressions(doc, config, rules).findings;
}

/** The findings after suppression, and the disable comments that suppressed nothing. */
export function lintWithSuppressions(doc: SummaryDocument, config: SummaryConfig = DEFAULT_CONFIG, rules: readonly Rule[] = ALL_RULES): SuppressionResult {
  const steps = lintSteps(doc, config, rules);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
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
  const steps = lintSteps(doc, config, ALL_RULES);
  let sliceStart = slicing.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value.findings;
    if (slicing.now() - sliceStart > slicing.sliceMs) {
      await slicing.yieldToEventLoop();
      if (slicing.isCancelled?.()) return undefined;
      sliceStart = slicing.now();
    }
  }
}

function runRule(rule: Rule, context: RuleContext): Finding[] {
  const setting = context.config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
  if (setting === 'off') return [];
  let reports: RuleReport[];
  try {
    reports = rule.scope === 'document' ? rule.check(context) : blockRuleReports(rule, context);
  } catch (error) {
    // a rule bug must not take the other rules' findings down with it
    reports = [];
    if (typeof console !== 'undefined') console.error(`official-summary: rule ${rule.meta.id} failed:`, error);
  }
  // one renumbering (thousands of edits) is shared by every finding of its run: check it once
  const checkedFixes = new Map<object, boolean>();
  return reports.filter((report) => keepsTheContract(rule, report, context.doc.text, checkedFixes)).map((report) => {
    // a report may ask for less than the rule's severity (a gentle hint), never for more
    const severity = report.severity && SEVERITY_RANK[report.severity] < SEVERITY_RANK[setting] ? report.severity : setting;
    const finding: Finding = { rule: rule.meta.id, severity, start: report.start, end: report.end, message: report.message };
    if (report.fix && report.fix.edits.length) finding.fix = report.fix;
    return finding;
  });
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

const isLowSurrogate = (text: string, at: number) => {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff;
};

/** Offsets that lie inside the text and do not cut a surrogate pair (a CJK Extension B character) in two. */
function validRange(text: string, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length && !isLowSurrogate(text, start) && !isLowSurrogate(text, end);
}

/**
 * Every report is checked where it is made: its range inside the text, whole characters, fix edits
 * that lie inside the text and do not overlap. A report that breaks this is dropped and the rule named,
 * so a rule's bug never reaches an editor or a file (and the property tests, which fail on any such
 * message, say which rule it was).
 */
function keepsTheContract(rule: Rule, report: RuleReport, text: string, checkedFixes: Map<object, boolean>): boolean {
  let broken: string | undefined;
  if (!validRange(text, report.start, report.end)) broken = `range ${report.start}-${report.end}`;
  const fix = report.fix;
  if (fix && broken === undefined) {
    let fixBroken = checkedFixes.get(fix) === false ? 'its fix, as reported before' : undefined;
    if (!checkedFixes.has(fix)) {
      const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
      edits.forEach((edit, index) => {
        if (!validRange(text, edit.start, edit.end)) fixBroken ??= `fix edit ${edit.start}-${edit.end}`;
        else if (index > 0 && edit.start < edits[index - 1].end) fixBroken ??= `overlapping fix edits at ${edit.start}`;
      });
      checkedFixes.set(fix, fixBroken === undefined);
    }
    broken = fixBroken;
  }
  if (broken === undefined) return true;
  if (typeof console !== 'undefined') console.error(`official-summary: rule ${rule.meta.id} broke the finding contract (${broken} in a text of ${text.length}); the finding is dropped`);
  return false;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

/** What a block rule found in one chunk: the findings of its prose blocks, and what `check` judges. */
interface ChunkWork {
  reports: RuleReport[];
  found: Located[];
}

/** The memo key of a rule's work on a chunk: the rule's id, and the settings variant its chunk pass reads. */
function memoKey(rule: BlockRule, config: SummaryConfig): string {
  return rule.variant ? `rule:${rule.meta.id}:${rule.variant(config)}` : `rule:${rule.meta.id}`;
}

/** A block rule's work on one chunk, kept with the chunk's parse under `key` (computed on first use). */
function chunkWork(rule: BlockRule, parse: ChunkParse, config: SummaryConfig, key: string): ChunkWork {
  return memoized(parse, key, () => {
    const reports: RuleReport[] = [];
    if (rule.checkBlock) {
      const lineMarkers = memoized(parse, 'markers-by-block', markersByBlock);
      const blocks = parse.blocks;
      for (let index = 0; index < blocks.length; index++) {
        const block = blocks[index];
        if (!isProse(block)) continue;
        const markers = lineMarkers.get(index) ?? NO_MARKERS;
        for (const report of rule.checkBlock({ text: parse.text, block, format: parse.format, markers })) reports.push(report);
      }
    }
    return { reports, found: rule.findInChunk?.({ parse, config }) ?? [] };
  });
}

const NO_MARKERS: readonly { start: number; end: number }[] = [];

/**
 * A block rule's reports on the whole document: every chunk's work (from the chunk's memo where the
 * chunk was checked before) moved to document offsets, then its document-wide `check`.
 */
function blockRuleReports(rule: BlockRule, context: RuleContext): RuleReport[] {
  const reports: RuleReport[] = [];
  const found: Located[] = [];
  const shiftFound = rule.shiftFound ?? shiftLocated;
  const key = memoKey(rule, context.config);
  for (const chunk of context.doc.chunks) {
    const work = chunkWork(rule, chunk.parse, context.config, key);
    const by = chunk.start;
    for (const report of work.reports) reports.push(by === 0 ? report : shiftReport(report, by));
    for (const item of work.found) found.push(by === 0 ? item : shiftFound(item, by));
  }
  // the document-wide findings first, as before: findings are sorted by place, and ties keep this order
  return rule.check ? [...rule.check(context, found), ...reports] : reports;
}

/** Does, for one chunk, all the work the rules keep per chunk: the slices of a first analysis call it. */
export function prepareChunk(parse: ChunkParse, config: SummaryConfig = DEFAULT_CONFIG): void {
  for (const rule of ALL_RULES) {
    if (rule.scope !== 'block') continue;
    try {
      chunkWork(rule, parse, config, memoKey(rule, config));
    } catch {
      // lintDocument runs the rule again and reports its failure there
    }
  }
}

/** Moves a found item, and the edits of a fix it carries. */
function shiftLocated<T extends Located & { fix?: Fix }>(item: T, by: number): T {
  const shifted = { ...item, start: item.start + by, end: item.end + by };
  if (item.fix) shifted.fix = { ...item.fix, edits: item.fix.edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText })) };
  return shifted;
}

function shiftReport(report: RuleReport, by: number): RuleReport {
  const shifted: RuleReport = { ...report, start: report.start + by, end: report.end + by };
  if (report.fix) shifted.fix = { ...report.fix, edits: report.fix.edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText })) };
  return shifted;
}

/** text → model → findings: the pipeline every caller goes through (DocumentAnalyzer adds its chunk cache). */
export function analyze(text: string, options: ParseOptions = {}): Analysis {
  const document = parseSummary(text, options);
  const { findings, unused } = lintWithSuppressions(document, options.config ?? DEFAULT_CONFIG);
  return { document, findings, unusedDirectives: unused };
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
