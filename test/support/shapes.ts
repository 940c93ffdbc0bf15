import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, collectFixEdits, LineIndex, parseConfig, parseSummary, renumberEdits, type Finding, type Section, type SummaryConfig, type SummaryDocument } from '../../src/core/index';
import { ROOT } from './corpus';

/**
 * Real-world shapes written as fixtures with inline expectations (test/fixtures/shapes/README.md):
 * `⟪rule-id⟫` or `⟪rule-id: flagged text⟫` on the line where that finding must be. The marks (and
 * the spaces before them) are removed before the text is analysed, so line numbers stay the same.
 */
export const SHAPES_DIR = path.join(ROOT, 'test/fixtures/shapes');

export interface Expectation {
  line: number;
  rule: string;
  text?: string;
}

const MARK = /[ \t\u3000]*⟪([a-z-]+)(?::[ ]?([^⟫]*))?⟫/g;

export function shapeFiles(dir = SHAPES_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return shapeFiles(full);
      return /\.(md|txt)$/.test(entry.name) && entry.name !== 'README.md' ? [full] : [];
    })
    .sort();
}

/** The fixture's text without its marks, and the expectations the marks stand for. */
export function readShape(file: string): { text: string; expectations: Expectation[] } {
  const raw = fs.readFileSync(file, 'utf8');
  const expectations: Expectation[] = [];
  const lines = raw.split(/(\r\n|\r|\n)/);
  let line = 0;
  const text = lines
    .map((part, index) => {
      if (index % 2 === 1) return part; // a line break, kept as written
      line++;
      return part.replace(MARK, (_, rule: string, flagged: string | undefined) => {
        expectations.push(flagged === undefined ? { line, rule } : { line, rule, text: flagged });
        return '';
      });
    })
    .join('');
  return { text, expectations };
}

export function shapeConfig(file: string): SummaryConfig | undefined {
  const configFile = file.replace(/\.(md|txt)$/, '.summaryrc.json');
  if (!fs.existsSync(configFile)) return undefined;
  const { config, problems } = parseConfig(fs.readFileSync(configFile, 'utf8'));
  if (problems.length) throw new Error(`${configFile}: ${problems.map((p) => p.message.en).join('; ')}`);
  return config;
}

export interface ShapeResult {
  text: string;
  findings: Finding[];
  /** the model the findings were read from (for the editor's commands) */
  document: SummaryDocument;
  /** findings no mark asked for, and marks no finding answered, as `line N rule: text` */
  unexpected: string[];
  missing: string[];
}

export function checkShape(file: string): ShapeResult {
  const { text, expectations } = readShape(file);
  const config = shapeConfig(file);
  const analysis = analyze(text, config ? { fileName: file, config } : { fileName: file });
  const findings = analysis.findings;
  const lines = new LineIndex(text);
  const open = [...expectations];
  const unexpected: string[] = [];
  for (const finding of findings) {
    const line = lines.positionAt(finding.start).line + 1;
    const flagged = text.slice(finding.start, finding.end);
    const index = open.findIndex((e) => e.line === line && e.rule === finding.rule && (e.text === undefined || e.text === flagged));
    if (index >= 0) open.splice(index, 1);
    else unexpected.push(`line ${line} ${finding.rule}: ${flagged.slice(0, 40)} — ${finding.message.en}`);
  }
  return { text, findings, document: analysis.document, unexpected, missing: open.map((e) => `line ${e.line} ${e.rule}${e.text === undefined ? '' : `: ${e.text}`}`) };
}

/** What bulk fixing (`--fix`, Fix All) makes of the fixture: compared with `<name>.fixed` where that exists. */
export function bulkFixed(result: ShapeResult): string {
  return applyEdits(result.text, collectFixEdits(result.findings));
}

/** What the explicit Renumber command makes of the fixture: compared with `<name>.renumbered` where that exists. */
export function renumbered(result: ShapeResult): string {
  return applyEdits(result.text, renumberEdits(result.document));
}

/**
 * The model's structure as an outline shows it: the title, the opening, then each section on a
 * line of its own, indented by its depth in the tree, as `marker heading`.
 */
export function renderOutline(text: string, fileName: string, config?: SummaryConfig): string {
  const doc = parseSummary(text, config ? { fileName, config } : { fileName });
  const out: string[] = [];
  if (doc.title) out.push(`title: ${doc.title.text}`);
  if (doc.opening) out.push('opening');
  const notes = doc.noteParts ?? [];
  const visit = (sections: readonly Section[], depth: number) => {
    let shown: (typeof notes)[number] | undefined;
    for (const section of sections) {
      // a notes part (名词解释 then its notes) is a part of its own: its notes under its heading
      const part = section.parent ? undefined : notes.find((p) => section.start >= p.start && section.start < p.end);
      if (part && part !== shown) out.push(`${'  '.repeat(depth)}notes: ${part.heading.text}`);
      shown = part;
      out.push(`${'  '.repeat(part ? depth + 1 : depth)}${section.marker.text}${section.marker.headingText}`);
      visit(section.children, (part ? depth + 1 : depth) + 1);
    }
  };
  // the second half of a bilingual report is a part of its own, with its own title and sections
  const half = doc.otherHalf;
  visit(half ? doc.sections.filter((s) => s.start < half.start) : doc.sections, 0);
  if (half) {
    out.push(`other half (${half.language}): ${half.title.text}`);
    visit(doc.sections.filter((s) => s.start >= half.start), 1);
  }
  // an appendix (附件 and its title, a survey after the signature) is a part of its own, with its items
  for (const appendix of doc.appendices ?? []) {
    out.push(`appendix: ${[appendix.heading.text, appendix.title?.text].filter(Boolean).join(' ')}`);
    visit(appendix.sections, 1);
  }
  return out.join('\n') + '\n';
}
