import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, collectFixEdits, LineIndex, outlineOf, parseConfig, parseSummary, renumberEdits, type Finding, type OutlineNode, type SummaryConfig, type SummaryDocument } from '../../src/core/index';
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
 * The model's outline (the core's outline view) as the fixtures write it: `title:`, `opening`, then a
 * node per line, indented by its depth: a section as `marker heading`, `heading: …` for an
 * unnumbered heading, `一是…` for a standalone enumeration heading, `notes: …`, `other half (en): …`,
 * `attachments`, `closing`.
 */
export function renderOutline(text: string, fileName: string, config?: SummaryConfig): string {
  const doc = parseSummary(text, config ? { fileName, config } : { fileName });
  const out: string[] = [];
  const visit = (nodes: readonly OutlineNode[], depth: number) => {
    for (const node of nodes) {
      const indent = '  '.repeat(depth);
      switch (node.kind) {
        case 'title': out.push(`title: ${node.label}`); break;
        case 'opening': out.push(`${indent}opening`); break;
        case 'section': out.push(`${indent}${node.section!.marker.text}${node.section!.marker.headingText}`); break;
        case 'heading': out.push(`${indent}heading: ${node.label}`); break;
        case 'enumeration': out.push(`${indent}${node.label}`); break;
        case 'notes': out.push(`${indent}notes: ${node.label}`); break;
        case 'other-half': out.push(`${indent}other half (${node.language}): ${node.label}`); break;
        case 'appendix': out.push(`${indent}appendix: ${node.label}`); break;
        default: out.push(`${indent}${node.kind}`);
      }
      visit(node.children, depth + 1);
    }
  };
  visit(outlineOf(doc).roots, 0);
  return out.join('\n') + '\n';
}
