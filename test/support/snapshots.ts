import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex, outlineOf, parseSummary, type OutlineNode } from '../../src/core/index';
import { runCli } from '../../src/cli/main';
import { fixtureNames, FIXTURE_CORPUS } from './corpus';

/**
 * Reviewed snapshots of two things real documents must get right:
 * - fixed/<doc>.diff: what `summary-lint --fix` changes, as a unified diff against the original;
 * - outlines/<doc>.txt: the structure the model reads (title, opening, sections by level).
 * Only the redistributed fixtures get snapshots: a snapshot would copy a shared-only document's text.
 */
export const FIXED_DIR = path.join(FIXTURE_CORPUS, 'fixed');
export const OUTLINES_DIR = path.join(FIXTURE_CORPUS, 'outlines');

/** The text `summary-lint --fix` writes for the document: the real CLI, run on a temporary copy. */
export async function fixedByCli(file: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-fix-'));
  try {
    const copy = path.join(dir, path.basename(file));
    fs.copyFileSync(file, copy);
    fs.chmodSync(copy, 0o644); // a read-only checkout must not make the CLI refuse to write
    const quiet = () => undefined;
    const code = await runCli(['--fix', '--format', 'json', copy], { cwd: dir, env: {}, stdout: quiet, stderr: quiet });
    if (code === 2) throw new Error(`summary-lint --fix failed on ${path.basename(file)}`);
    return fs.readFileSync(copy, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Lines with their line break (the last may have none), so a changed final newline shows in the diff. */
function splitLines(text: string): string[] {
  const lines = text.split('\n').map((line, i, all) => (i < all.length - 1 ? `${line}\n` : line));
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

/** Myers' O((N+M)·D) line diff: the edit script from `a` to `b`. */
function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const trace: Map<number, number>[] = [];
  let v = new Map<number, number>([[1, 0]]);
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    const next = new Map<number, number>();
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
      let x = down ? (v.get(k + 1) ?? 0) : (v.get(k - 1) ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next.set(k, x);
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    trace.push(next);
    v = next;
  }
  // walk back through the trace
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const k = x - y;
    const prev = d > 0 ? trace[d - 1] : undefined;
    let prevK: number;
    if (!prev) prevK = 0;
    else {
      const down = k === -d || (k !== d && (prev.get(k - 1) ?? -1) < (prev.get(k + 1) ?? -1));
      prevK = down ? k + 1 : k - 1;
    }
    const prevX = prev ? (prev.get(prevK) ?? 0) : 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x], a: x, b: y });
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', line: b[prevY], a: x, b: prevY });
      else ops.push({ kind: '-', line: a[prevX], a: prevX, b: y });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/** A unified diff (3 lines of context), or '' when the texts are equal. */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const changed = ops.map((op, i) => (op.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let i = 0;
  while (i < changed.length) {
    let last = i;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * context) last++;
    const from = Math.max(0, changed[i] - context);
    const to = Math.min(ops.length, changed[last] + context + 1);
    const hunk = ops.slice(from, to);
    const aStart = hunk.find((op) => op.kind !== '+')?.a ?? hunk[0].a;
    const bStart = hunk.find((op) => op.kind !== '-')?.b ?? hunk[0].b;
    const aCount = hunk.filter((op) => op.kind !== '+').length;
    const bCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${aCount ? aStart + 1 : aStart},${aCount} +${bCount ? bStart + 1 : bStart},${bCount} @@`);
    for (const op of hunk) {
      out.push(op.kind + op.line.replace(/\n$/, ''));
      if (!op.line.endsWith('\n')) out.push('\\ No newline at end of file');
    }
    i = last + 1;
  }
  return out.join('\n') + '\n';
}

const oneLine = (text: string, max = 60) => {
  const flat = text.replace(/\r?\n|\r/g, ' / ').replace(/\t/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

/**
 * The model's outline (the core's outline view, what the editor's Summary Outline shows, without the
 * findings) as plain indented text: profile, title, opening, then every node by depth with its line:
 * sections as `marker heading`, unnumbered headings, 一是 headings and the parts of their own.
 */
export function renderOutline(text: string, fileName: string): string {
  const model = parseSummary(text, { fileName });
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.positionAt(offset).line + 1;
  const out: string[] = [`profile: ${model.profile.profile.id} (${model.profile.reason})`];
  const roots = outlineOf(model).roots;
  if (!roots.some((n) => n.kind === 'title')) out.push('title: (none)');
  const visit = (node: OutlineNode, depth: number) => {
    const indent = '  '.repeat(depth);
    const at = `L${lineOf(node.labelStart)}`;
    switch (node.kind) {
      case 'title': out.push(`title ${at}: ${oneLine(node.label, 80)}`); break;
      case 'opening': out.push(`${indent}opening ${at}–L${lineOf(Math.max(node.start, node.end - 1))}`); break;
      case 'section': out.push(`${indent}${at} ${node.section!.marker.text} ${oneLine(node.section!.marker.headingText)}`.trimEnd()); break;
      case 'heading': out.push(`${indent}heading ${at}: ${oneLine(node.label)}`); break;
      case 'enumeration': out.push(`${indent}${at} ${oneLine(node.label)}`); break;
      case 'notes': out.push(`${indent}notes ${at}: ${oneLine(node.label)}`); break;
      case 'other-half': out.push(`${indent}other half ${at} (${node.language}): ${oneLine(node.label, 80)}`); break;
      case 'appendix': out.push(`${indent}appendix ${at}: ${oneLine(node.label, 80)}`); break;
      default: out.push(`${indent}${node.kind} ${at}–L${lineOf(Math.max(node.start, node.end - 1))}`);
    }
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return out.join('\n') + '\n';
}

export function fixedSnapshotFile(name: string): string {
  return path.join(FIXED_DIR, `${name}.diff`);
}

export function outlineSnapshotFile(name: string): string {
  return path.join(OUTLINES_DIR, `${name}.txt`);
}

/** Rewrites fixed/ and outlines/ for every fixture (`npm run corpus:record`). */
export async function recordSnapshots(log: (line: string) => void = console.log): Promise<void> {
  fs.mkdirSync(FIXED_DIR, { recursive: true });
  fs.mkdirSync(OUTLINES_DIR, { recursive: true });
  for (const name of fixtureNames()) {
    const file = path.join(FIXTURE_CORPUS, name);
    const text = fs.readFileSync(file, 'utf8');
    const diff = unifiedDiff(text, await fixedByCli(file), name);
    if (diff) fs.writeFileSync(fixedSnapshotFile(name), diff);
    else fs.rmSync(fixedSnapshotFile(name), { force: true });
    fs.writeFileSync(outlineSnapshotFile(name), renderOutline(text, name));
    log(`${name}: --fix ${diff ? `changes ${diff.split('\n').filter((l) => /^[-+][^-+]/.test(l) || l === '-' || l === '+').length} lines` : 'changes nothing'}; outline recorded`);
  }
}
