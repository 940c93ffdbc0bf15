import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../src/core/index';
import { corpusDocuments, FIXTURE_CORPUS, recordWithFindings, type CorpusDocument, type RecordedFinding } from './corpus';

/**
 * Reviewed verdicts on the corpus findings (format in HELPER-RULES.md):
 * verdicts/<rule>/<document>.tsv, one line per finding, sorted by position:
 * `<line>:<column>\t<true|false>\t<flagged text, 40 chars, escaped>\t<why>`.
 * A verdict `?` is a stub written by `npm run corpus:verdicts`: it marks a finding nobody has judged yet.
 */
export const VERDICTS_DIR = path.join(FIXTURE_CORPUS, 'verdicts');
export const FAULTS_FILE = path.join(FIXTURE_CORPUS, 'faults.tsv');
export const PRECISION_FLOOR_FILE = path.join(FIXTURE_CORPUS, 'precision-floor.json');

export type VerdictValue = 'true' | 'false' | '?';

export interface Verdict {
  line: number;
  column: number;
  verdict: VerdictValue;
  /** escaped, as written in the file */
  text: string;
  why: string;
}

/** The flagged text as a verdict line holds it: tabs and line breaks made visible, so a line stays one line. */
export function escapeFlagged(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

export function verdictFile(rule: string, document: string): string {
  return path.join(VERDICTS_DIR, rule, `${document}.tsv`);
}

export function formatVerdict(v: Verdict): string {
  return `${v.line}:${v.column}\t${v.verdict}\t${v.text}\t${v.why}`;
}

/** Parses one verdict file; a malformed line is an error naming the file and line. */
export function readVerdicts(file: string): Verdict[] {
  if (!fs.existsSync(file)) return [];
  const out: Verdict[] = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const match = /^(\d+):(\d+)\t(true|false|\?)\t([^\t]*)\t(.*)$/.exec(raw);
    if (!match) throw new Error(`${path.relative(FIXTURE_CORPUS, file)}:${index + 1}: not "<line>:<column>\\t<true|false>\\t<text>\\t<why>": ${raw}`);
    out.push({ line: Number(match[1]), column: Number(match[2]), verdict: match[3] as VerdictValue, text: match[4], why: match[5] });
  });
  return out;
}

/** Identity of a finding within one rule and document: where it is and what it covers. */
const keyOf = (line: number, column: number, text: string) => `${line}:${column}\t${text}`;

export interface DocumentReview {
  document: CorpusDocument;
  text: string;
  /** every finding (as recorded, and itself), with the verdict line that judges it (undefined: none yet) */
  judged: { finding: RecordedFinding; full: Finding; verdict?: Verdict }[];
  /** verdict lines whose finding no longer exists, per rule */
  stale: { rule: string; verdict: Verdict }[];
}

/** Pairs each current finding of a document with its verdict; what is left over on either side is reported. */
export function reviewDocument(document: CorpusDocument): DocumentReview {
  const text = fs.readFileSync(document.file, 'utf8');
  const findings = recordWithFindings(text, document.name);
  const rules = new Set<string>(findings.map((f) => f.recorded.rule));
  if (fs.existsSync(VERDICTS_DIR)) {
    for (const rule of fs.readdirSync(VERDICTS_DIR)) if (fs.existsSync(verdictFile(rule, document.name))) rules.add(rule);
  }
  const judged: DocumentReview['judged'] = [];
  const stale: DocumentReview['stale'] = [];
  for (const rule of [...rules].sort()) {
    // several findings may share a place and text (two rules never share a file): match them as a multiset
    const open = new Map<string, Verdict[]>();
    for (const v of readVerdicts(verdictFile(rule, document.name))) {
      const key = keyOf(v.line, v.column, v.text);
      open.set(key, [...(open.get(key) ?? []), v]);
    }
    for (const { recorded, finding } of findings.filter((f) => f.recorded.rule === rule)) {
      const queue = open.get(keyOf(recorded.line, recorded.column, escapeFlagged(recorded.text)));
      judged.push({ finding: recorded, full: finding, verdict: queue?.shift() });
    }
    for (const left of open.values()) for (const verdict of left) stale.push({ rule, verdict });
  }
  return { document, text, judged, stale };
}

export function reviewCorpus(): DocumentReview[] {
  return corpusDocuments().map(reviewDocument);
}

/** What a reviewer must change, as the exact lines, file by file (for the test's failure message). */
export function verdictProblems(reviews: DocumentReview[]): string[] {
  const problems: string[] = [];
  for (const review of reviews) {
    const byFile = new Map<string, string[]>();
    const note = (rule: string, line: string) => {
      const file = path.relative(FIXTURE_CORPUS, verdictFile(rule, review.document.name));
      byFile.set(file, [...(byFile.get(file) ?? []), line]);
    };
    for (const { finding, verdict } of review.judged) {
      if (!verdict) note(finding.rule, `  add:    ${finding.line}:${finding.column}\t<true|false>\t${escapeFlagged(finding.text)}\t<why>`);
      else if (verdict.verdict === '?' || verdict.why.trim() === '') note(finding.rule, `  judge:  ${formatVerdict(verdict)}   (verdict true|false and a short why)`);
    }
    for (const { rule, verdict } of review.stale) note(rule, `  remove: ${formatVerdict(verdict)}`);
    for (const [file, lines] of byFile) problems.push(`${file}\n${lines.join('\n')}`);
  }
  return problems;
}

/**
 * Rewrites the verdict files of a document: keeps every existing verdict of a current finding, adds a
 * `?` stub for each unjudged one, drops lines of findings that are gone. Returns what it changed.
 */
export function writeStubs(review: DocumentReview): { added: number; removed: number } {
  const byRule = new Map<string, Verdict[]>();
  let added = 0;
  for (const { finding, verdict } of review.judged) {
    const line = verdict ?? { line: finding.line, column: finding.column, verdict: '?' as const, text: escapeFlagged(finding.text), why: '' };
    if (!verdict) added++;
    byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), line]);
  }
  const rules = new Set([...byRule.keys(), ...review.stale.map((s) => s.rule)]);
  for (const rule of rules) {
    const file = verdictFile(rule, review.document.name);
    const lines = (byRule.get(rule) ?? []).sort((a, b) => a.line - b.line || a.column - b.column);
    if (lines.length === 0) {
      fs.rmSync(file, { force: true });
      continue;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, lines.map(formatVerdict).join('\n') + '\n');
  }
  return { added, removed: review.stale.length };
}

/** `node out/test/support/verdicts.js --stub`: `?` lines for every unjudged finding, stale lines dropped. */
if (require.main === module && process.argv.includes('--stub')) {
  let added = 0;
  let removed = 0;
  for (const review of reviewCorpus()) {
    const changed = writeStubs(review);
    if (changed.added || changed.removed) console.log(`${review.document.name}: ${changed.added} to judge, ${changed.removed} stale removed`);
    for (const s of review.stale) console.log(`  removed ${s.rule}: ${formatVerdict(s.verdict)}`);
    added += changed.added;
    removed += changed.removed;
  }
  console.log(`${added} stub lines with verdict ? to judge; ${removed} stale lines removed`);
}
