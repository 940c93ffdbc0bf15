import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../src/core/index';
import { FIXTURE_CORPUS, missingSharedOnly, SHARED_ONLY } from './corpus';
import { FAULTS_FILE, PRECISION_FLOOR_FILE, formatVerdict, reviewCorpus, type DocumentReview, type Verdict } from './verdicts';

/** One real fault of faults.tsv: a place where a rule must flag the text. */
export interface Fault {
  document: string;
  rule: string;
  /** 1-based; undefined for `*` (anywhere in the document: a missing part, a missing title) */
  line?: number;
  column?: number;
  text: string;
  description: string;
  /** line in faults.tsv, for messages */
  source: number;
}

const unescape = (text: string) => text.replace(/\\(t|n|r|\\)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c] ?? c);

export function readFaults(file = FAULTS_FILE): Fault[] {
  const faults: Fault[] = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, index) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    const where = /^(\d+):(\d+)$/.exec(cells[2] ?? '');
    if (cells.length !== 5 || !(where || cells[2] === '*')) throw new Error(`faults.tsv:${index + 1}: expected <doc>\\t<rule>\\t<line>:<column>|*\\t<text>\\t<description>: ${raw}`);
    faults.push({
      document: cells[0],
      rule: cells[1],
      line: where ? Number(where[1]) : undefined,
      column: where ? Number(where[2]) : undefined,
      text: unescape(cells[3]),
      description: cells[4],
      source: index + 1,
    });
  });
  return faults;
}

export interface RuleScore {
  rule: string;
  findings: number;
  truePositives: number;
  falsePositives: number;
  /** verdicts still `?` or missing: counted in findings, not in precision */
  unjudged: number;
  /** true / (true + false); undefined without judged findings */
  precision?: number;
  faults: number;
  faultsFound: number;
}

export interface CorpusReport {
  documents: string[];
  skipped: string[];
  rules: RuleScore[];
  falseFindings: { document: string; rule: string; verdict: Verdict }[];
  missedFaults: Fault[];
  /** faults whose text is not where faults.tsv says (a stale or mistyped line) */
  badFaults: string[];
  faultsTotal: number;
  faultsFound: number;
}

/** Where the fault's text starts in the document, checked against the text; undefined for `*`. */
function faultOffset(review: DocumentReview, fault: Fault, problems: string[]): number | undefined {
  if (fault.line === undefined || fault.column === undefined) return undefined;
  const offset = new LineIndex(review.text).offsetAt(fault.line - 1, fault.column - 1);
  if (review.text.slice(offset, offset + fault.text.length) !== fault.text) {
    problems.push(`faults.tsv:${fault.source}: ${fault.document} has no "${fault.text}" at ${fault.line}:${fault.column}`);
  }
  return offset;
}

/** A fault is found when a finding of its rule, judged true, covers its text at its place (or anywhere, for `*`). */
function isFound(review: DocumentReview, fault: Fault, offset: number | undefined): boolean {
  return review.judged.some(({ full, verdict }) => {
    if (full.rule !== fault.rule || verdict?.verdict !== 'true') return false;
    if (offset === undefined) return true;
    const end = offset + Math.max(1, fault.text.length);
    return full.start < end && offset < Math.max(full.end, full.start + 1);
  });
}

export function buildReport(reviews: DocumentReview[] = reviewCorpus(), faults: Fault[] = readFaults()): CorpusReport {
  const byRule = new Map<string, RuleScore>();
  const score = (rule: string) => {
    let s = byRule.get(rule);
    if (!s) byRule.set(rule, (s = { rule, findings: 0, truePositives: 0, falsePositives: 0, unjudged: 0, faults: 0, faultsFound: 0 }));
    return s;
  };
  const falseFindings: CorpusReport['falseFindings'] = [];
  for (const review of reviews) {
    for (const { full, verdict } of review.judged) {
      const s = score(full.rule);
      s.findings++;
      if (verdict?.verdict === 'true') s.truePositives++;
      else if (verdict?.verdict === 'false') {
        s.falsePositives++;
        falseFindings.push({ document: review.document.name, rule: full.rule, verdict });
      } else s.unjudged++;
    }
  }
  const present = new Map(reviews.map((r) => [r.document.name, r]));
  const badFaults: string[] = [];
  const missedFaults: Fault[] = [];
  let faultsTotal = 0;
  let faultsFound = 0;
  for (const fault of faults) {
    const review = present.get(fault.document);
    if (!review) {
      // a shared-only document that is not here is skipped; any other name is a mistake in faults.tsv
      if (!SHARED_ONLY.includes(fault.document)) badFaults.push(`faults.tsv:${fault.source}: no corpus document ${fault.document}`);
      continue;
    }
    const s = score(fault.rule);
    s.faults++;
    faultsTotal++;
    if (isFound(review, fault, faultOffset(review, fault, badFaults))) {
      s.faultsFound++;
      faultsFound++;
    } else missedFaults.push(fault);
  }
  for (const s of byRule.values()) {
    const judged = s.truePositives + s.falsePositives;
    if (judged > 0) s.precision = s.truePositives / judged;
  }
  return {
    documents: reviews.map((r) => r.document.name),
    skipped: missingSharedOnly(),
    rules: [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule)),
    falseFindings,
    missedFaults,
    badFaults,
    faultsTotal,
    faultsFound,
  };
}

const percent = (value: number | undefined) => (value === undefined ? '—' : `${(value * 100).toFixed(1)} %`);

export function formatReport(report: CorpusReport): string {
  const out: string[] = [];
  out.push(`Corpus report: ${report.documents.length} documents${report.skipped.length ? ` (skipped, ../shared not here: ${report.skipped.join(', ')})` : ''}`);
  out.push('');
  const header = ['rule', 'findings', 'true', 'false', 'unjudged', 'precision', 'faults', 'found', 'recall'];
  const rows = report.rules.map((s) => [
    s.rule,
    String(s.findings),
    String(s.truePositives),
    String(s.falsePositives),
    String(s.unjudged),
    percent(s.precision),
    String(s.faults),
    String(s.faultsFound),
    s.faults ? percent(s.faultsFound / s.faults) : '—',
  ]);
  const all = report.rules.reduce((a, s) => ({ f: a.f + s.findings, t: a.t + s.truePositives, x: a.x + s.falsePositives, u: a.u + s.unjudged }), { f: 0, t: 0, x: 0, u: 0 });
  rows.push([
    'all rules',
    String(all.f),
    String(all.t),
    String(all.x),
    String(all.u),
    percent(all.t + all.x ? all.t / (all.t + all.x) : undefined),
    String(report.faultsTotal),
    String(report.faultsFound),
    report.faultsTotal ? percent(report.faultsFound / report.faultsTotal) : '—',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  out.push(line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(0, -1).map(line), line(widths.map((w) => '-'.repeat(w))), line(rows[rows.length - 1]));
  out.push('', 'Targets (issue 10): precision ≥ 97 % per rule, recall ≥ 90 % of faults.tsv.');
  out.push('', `False findings (${report.falseFindings.length}):`);
  for (const f of report.falseFindings) out.push(`  ${f.rule}  ${f.document}  ${formatVerdict(f.verdict)}`);
  out.push('', `Missed faults (${report.missedFaults.length}):`);
  for (const f of report.missedFaults) out.push(`  ${f.rule}  ${f.document}  ${f.line === undefined ? '*' : `${f.line}:${f.column}`}  ${JSON.stringify(f.text)}  ${f.description}`);
  if (report.badFaults.length) out.push('', 'Problems in faults.tsv:', ...report.badFaults.map((p) => `  ${p}`));
  return out.join('\n');
}

/** The floors: per rule, the precision (in %) that changes may only raise. */
export function readPrecisionFloor(file = PRECISION_FLOOR_FILE): Record<string, number> {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { floors: Record<string, number> };
  return data.floors;
}

/** Today's precision per rule on the redistributed fixtures, rounded down to one decimal (in %). */
export function measuredFloors(report: CorpusReport): Record<string, number> {
  const floors: Record<string, number> = {};
  for (const s of report.rules) if (s.precision !== undefined) floors[s.rule] = Math.floor(s.precision * 1000) / 10;
  return floors;
}

/** `node out/test/support/corpus-report.js`: prints the report; `--floor` also writes today's floors. */
if (require.main === module) {
  const report = buildReport();
  console.log(formatReport(report));
  if (process.argv.includes('--floor')) {
    const measured = measuredFloors(buildReport(reviewCorpus().filter((r) => !r.document.sharedOnly)));
    const previous = fs.existsSync(PRECISION_FLOOR_FILE) ? readPrecisionFloor() : {};
    // the floor only goes up: a rule measured below its floor keeps the floor (and its test fails)
    const floors: Record<string, number> = { ...previous };
    for (const [rule, value] of Object.entries(measured)) floors[rule] = Math.max(value, previous[rule] ?? 0);
    for (const [rule, value] of Object.entries(previous)) if ((measured[rule] ?? 100) < value) console.log(`not lowered: ${rule} is at ${measured[rule]} %, floor ${value} %`);
    const body = {
      note: 'Precision floor per rule, in %, measured on the redistributed fixtures only (test/fixtures/corpus). It only goes up: `npm run corpus:report -- --floor` raises it after an improvement and never lowers it.',
      floors: Object.fromEntries(Object.entries(floors).sort(([a], [b]) => a.localeCompare(b))),
    };
    fs.writeFileSync(PRECISION_FLOOR_FILE, JSON.stringify(body, null, 2) + '\n');
    console.log(`\nwrote ${path.relative(FIXTURE_CORPUS, PRECISION_FLOOR_FILE)}`);
  }
}
