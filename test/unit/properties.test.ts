/**
 * Property-based robustness tests (fast-check), with the fixed seed of test/support/seed.ts; `npm run fuzz`
 * explores with random seeds. Every failure prints the seed and the counterexample.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as core from '../../src/core/index';
import { analyze, applyEdits, collectFixEdits, LineIndex, parseConfig, type Finding, type SummaryConfig, type TextEdit } from '../../src/core/index';
import { BUILTIN_WORDING } from '../../src/core/config/wording-dictionary';
import { runs, SEED } from '../support/seed';
import { document, documentOf, editOf, editSeed, mutatedCorpus, type GeneratedDocument } from '../support/generators';

/**
 * A hang guard, not a benchmark (speed is `npm run bench`'s business): an analysis of a generated
 * document that takes this long has gone quadratic or worse, on any machine however loaded.
 */
const BOUND_MS = 20_000;
/** as many fix-all rounds as `summary-lint --fix` makes (FIX_PASSES in src/cli/main.ts) */
const MAX_FIX_ROUNDS = 5;

const params = <T>(numRuns: number): fc.Parameters<T> => ({ seed: SEED, numRuns: runs(numRuns), endOnFailure: false, verbose: 0 });

let cases = 0;
let analyses = 0;
let slowest = { ms: 0, what: '' };
/** roundsNeeded[k]: documents that needed k fix-all rounds to reach their fixed point */
const roundsNeeded: number[] = [];

const CONFIGS: { name: string; config: SummaryConfig }[] = [
  { name: 'default', config: parseConfig('{}').config },
  { name: 'gbt9704', config: parseConfig('{"houseStyle":"gbt9704","allowSkipLevel":false}').config },
  { name: 'debriefing', config: parseConfig('{"profile":"debriefing","rules":{"punctuation":"error","placeholder":"off"}}').config },
  { name: 'disclosure', config: parseConfig('{"profile":"disclosure-report"}').config },
  { name: 'en', config: parseConfig('{"profile":"en-report"}').config },
];
const config = fc.constantFrom(...CONFIGS);

/**
 * Runs `run` with console.error captured: a rule that throws (the engine swallows it and logs) or
 * breaks the finding contract (the engine drops the finding and logs) fails the property.
 */
export async function withoutRuleFailures<T>(run: () => Promise<T>): Promise<T> {
  const original = console.error;
  const ruleFailures: string[] = [];
  console.error = (...args: unknown[]) => {
    ruleFailures.push(args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' '));
  };
  try {
    return await run();
  } finally {
    console.error = original;
    assert.deepEqual(ruleFailures, [], `a rule threw or broke the finding contract:\n${ruleFailures.join('\n')}`);
  }
}

/** The same, for a synchronous run. */
export function withoutRuleFailuresSync<T>(run: () => T): T {
  const original = console.error;
  const ruleFailures: string[] = [];
  console.error = (...args: unknown[]) => {
    ruleFailures.push(args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' '));
  };
  try {
    return run();
  } finally {
    console.error = original;
    assert.deepEqual(ruleFailures, [], `a rule threw or broke the finding contract:\n${ruleFailures.join('\n')}`);
  }
}

/** analyze, timed, with a rule failure (see withoutRuleFailuresSync) failing the property. */
export function timedAnalyze(text: string, fileName: string, cfg: SummaryConfig): { findings: Finding[]; ms: number } {
  const started = performance.now();
  const findings = withoutRuleFailuresSync(() => analyze(text, { fileName, config: cfg }).findings);
  const ms = performance.now() - started;
  analyses++;
  if (ms > slowest.ms) slowest = { ms, what: `${fileName}, ${text.length} chars` };
  assert.ok(ms < BOUND_MS, `analyze took ${ms.toFixed(0)} ms (> ${BOUND_MS} ms) on ${text.length} chars`);
  return { findings, ms };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Does an offset fall between the two halves of a surrogate pair? */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}
function loneSurrogates(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && isLow(text.charCodeAt(i + 1))) i++;
    else if (isHigh(c) || isLow(c)) n++;
  }
  return n;
}

function describeRange(text: string, start: number, end: number): string {
  return `[${start}, ${end}) of ${text.length}: ${JSON.stringify(text.slice(Math.max(0, start - 10), end + 10))}`;
}

/** Every finding and every fix edit lies inside the text and splits no surrogate pair. */
export function checkRanges(text: string, findings: Finding[]): void {
  for (const f of findings) {
    const where = `${f.rule} finding ${describeRange(text, f.start, f.end)}`;
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end), `non-integer range: ${where}`);
    assert.ok(0 <= f.start && f.start <= f.end && f.end <= text.length, `range outside the document: ${where}`);
    assert.ok(!splitsPair(text, f.start) && !splitsPair(text, f.end), `range splits a surrogate pair: ${where}`);
    assert.ok(f.message.zh && f.message.en, `empty message: ${where}`);
    if (!f.fix) continue;
    const sorted = [...f.fix.edits].sort((a, b) => a.start - b.start);
    sorted.forEach((e, i) => {
      const edit = `${f.rule} fix edit ${describeRange(text, e.start, e.end)} → ${JSON.stringify(e.newText)}`;
      assert.ok(Number.isInteger(e.start) && Number.isInteger(e.end), `non-integer edit: ${edit}`);
      assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `edit outside the document: ${edit}`);
      assert.ok(!splitsPair(text, e.start) && !splitsPair(text, e.end), `edit splits a surrogate pair: ${edit}`);
      assert.equal(typeof e.newText, 'string', edit);
      if (i > 0) assert.ok(sorted[i - 1].end <= e.start, `the edits of one fix overlap: ${edit}`);
    });
    assert.ok(f.fix.edits.some((e) => text.slice(e.start, e.end) !== e.newText), `a fix that changes nothing: ${f.rule} ${describeRange(text, f.start, f.end)}`);
  }
}

/** Applies edits independently of src/core/text.ts. */
function applyIndependently(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const ORDINAL = /^(首先|其次|再次|然后|最后|此外|第?[零〇一二两三四五六七八九十百千]+[是要]?)$/;
const NUMERALS = /[零〇一二两三四五六七八九十百千]/u;
/** Letters (not numerals) of a string, as a multiset. */
function letters(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of s) if (/\p{L}/u.test(ch) && !NUMERALS.test(ch)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/**
 * No text lost: applying the edits changes nothing outside their ranges, and no edit removes a
 * letter of the writer's prose, except pasted-content, which deletes only within the lines it flags.
 */
export function checkFixSafety(text: string, findings: Finding[], edits: TextEdit[]): string {
  const fixed = applyEdits(text, edits);
  assert.equal(fixed, applyIndependently(text, edits), 'applyEdits differs from an independent application');
  // outside the ranges: walk the gaps between edits in both texts
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let delta = 0;
  let cursor = 0;
  for (const e of sorted) {
    assert.equal(fixed.slice(cursor + delta, e.start + delta), text.slice(cursor, e.start), `text changed outside the edits before ${e.start}`);
    delta += e.newText.length - (e.end - e.start);
    cursor = e.end;
  }
  assert.equal(fixed.slice(cursor + delta), text.slice(cursor), 'text changed after the last edit');
  assert.ok(loneSurrogates(fixed) <= loneSurrogates(text), 'fixing created a lone surrogate');
  for (const f of findings) {
    if (!f.fix) continue;
    for (const e of f.fix.edits) {
      const removed = text.slice(e.start, e.end);
      if (f.rule === 'pasted-content') {
        // may delete the flagged lines (with their line break), never more
        const lineStart = Math.max(text.lastIndexOf('\n', f.start - 1), text.lastIndexOf('\r', f.start - 1)) + 1;
        let lineEnd = f.end;
        while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
        if (text.startsWith('\r\n', lineEnd)) lineEnd += 2;
        else if (lineEnd < text.length) lineEnd++;
        // blank lines around them may go too, nothing else
        const outside = text.slice(Math.min(e.start, lineStart), lineStart) + text.slice(Math.max(lineEnd, e.start), Math.max(lineEnd, e.end));
        assert.ok(/^[\s\u3000]*$/.test(outside), `pasted-content fix reaches outside its lines: removes ${JSON.stringify(removed)} for ${describeRange(text, f.start, f.end)}`);
        continue;
      }
      // a misspelling is replaced by the dictionary's correction, and by nothing else
      if (f.rule === 'wording') {
        assert.ok(BUILTIN_WORDING.some((w) => w.kind === 'misspelling' && [w.find].flat().includes(removed) && w.replace === e.newText), `wording fix not from the dictionary: ${JSON.stringify(removed)} → ${JSON.stringify(e.newText)}`);
        continue;
      }
      // renumbering a roman marker (V. → I.) changes letters that are numerals there
      if (/^[IVXLC]+[.．]?$/.test(removed) && /^[IVXLC]+[.．]?$/.test(e.newText)) continue;
      // and renumbering an enumeration (其次 → 首先) replaces one ordinal word by another
      if (ORDINAL.test(removed) && ORDINAL.test(e.newText)) continue;
      const kept = letters(e.newText);
      for (const [ch, n] of letters(removed)) {
        assert.ok((kept.get(ch) ?? 0) >= n, `${f.rule} fix loses text: ${JSON.stringify(removed)} → ${JSON.stringify(e.newText)} at ${describeRange(text, e.start, e.end)}`);
      }
    }
  }
  return fixed;
}

/**
 * The whole battery on one document: ranges, fix safety, and a fixed point. "Applying all fixes
 * twice equals applying them once" is checked as: repeating fix-all (collectFixEdits of a fresh
 * analysis, applied) reaches a text with no fix left within MAX_FIX_ROUNDS rounds — the passes the
 * CLI's --fix makes — never coming back to a text it had already produced (no oscillation).
 * Overlapping fixes are dropped and picked up by the next round by design, so more than one round
 * may be needed; how many is counted in `roundsNeeded`.
 */
export function checkDocument(doc: GeneratedDocument, cfg: SummaryConfig): void {
  cases++;
  let text = doc.text;
  let { findings } = timedAnalyze(text, doc.fileName, cfg);
  checkRanges(text, findings);
  const history = new Set<string>([text]);
  for (let round = 1; ; round++) {
    const edits = collectFixEdits(findings);
    if (!edits.length) {
      roundsNeeded[round - 1] = (roundsNeeded[round - 1] ?? 0) + 1;
      break;
    }
    const shown = edits
      .slice(0, 3)
      .map((e) => `${JSON.stringify(text.slice(e.start, e.end))}→${JSON.stringify(e.newText)} at ${e.start}`)
      .join(', ');
    assert.ok(round <= MAX_FIX_ROUNDS, `fixes still change the text after ${MAX_FIX_ROUNDS} rounds: ${shown}`);
    text = checkFixSafety(text, findings, edits);
    assert.ok(!history.has(text), `fix-all oscillates: round ${round} (${shown}) gives back an earlier text`);
    history.add(text);
    findings = timedAnalyze(text, doc.fileName, cfg).findings;
    checkRanges(text, findings);
  }
}

describe('robustness properties (fast-check)', function () {
  this.timeout(120_000);

  before(() => console.log(`      properties: seed ${SEED} (replay with FC_SEED=${SEED})`));
  after(() =>
    console.log(`      properties: ${cases} cases, ${analyses} analyses, slowest ${slowest.ms.toFixed(0)} ms (${slowest.what}), fix-all rounds to a fixed point: ${[...roundsNeeded].map((n, k) => `${k}:${n ?? 0}`).join(' ')}, seed ${SEED}`),
  );

  it('generated summaries: never throw, bounded time, ranges inside, fixes lose no text and reach a fixed point', () => {
    fc.assert(
      fc.property(documentOf({ bareCr: false }), config, (doc, cfg) => checkDocument(doc, cfg.config)),
      params(1200),
    );
  });

  it('generated summaries with bare CR line breaks too (old Mac files): the same properties', () => {
    fc.assert(
      fc.property(document, config, (doc, cfg) => checkDocument(doc, cfg.config)),
      params(300),
    );
  });

  it('mutated corpus files: the same properties', () => {
    fc.assert(
      fc.property(mutatedCorpus(6000), config, (doc, cfg) => checkDocument(doc, cfg.config)),
      params(600),
    );
  });

  it('parseConfig: never throws on broken JSON and places every problem inside the file', () => {
    const value: fc.Arbitrary<unknown> = fc.oneof(
      fc.constantFrom('error', 'warning', 'info', 'off', 'loud', 'gbt9704', 'common', 'work-summary', 'nope', '', true, false, null, 0, 1.5, [], {}),
      fc.jsonValue({ maxDepth: 3 }),
    );
    const patterns = fc.array(fc.oneof(fc.constantFrom('(', '^一、', '[', '\\', 'a{2,1}', '.*', '总结$', '(?<x>a)\\k<x>', ''), value));
    const configObject = fc.dictionary(
      fc.constantFrom('houseStyle', 'allowSkipLevel', 'rules', 'profiles', 'profile', '$schema', 'bogus', '__proto__', 'constructor'),
      fc.oneof(
        value,
        fc.dictionary(fc.constantFrom('numbering-sequence', 'placeholder', 'nope', '__proto__', 'toString'), value),
        fc.array(
          fc.record(
            {
              id: fc.oneof(fc.string(), value),
              titlePatterns: fc.oneof(value, patterns),
              order: fc.oneof(value, fc.array(fc.oneof(fc.constantFrom('p', 'q'), value))),
              parts: fc.oneof(value, fc.array(fc.record({ id: fc.oneof(fc.constantFrom('p', 'q'), value), headingPatterns: fc.oneof(value, patterns), paragraphPatterns: fc.oneof(value, patterns), name: value, skeleton: value }, { requiredKeys: [] }))),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
    );
    const jsonText = fc.oneof(
      configObject.map((o) => JSON.stringify(o, null, 2)),
      fc.tuple(configObject.map((o) => JSON.stringify(o, null, 2)), fc.nat(), fc.nat(), fc.string({ unit: 'grapheme', maxLength: 3 })).map(([s, a, n, ins]) => {
        const at = a % (s.length + 1);
        return s.slice(0, at) + ins + s.slice(at + (n % 4));
      }),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(jsonText, (json) => {
        cases++;
        const { config: cfg, problems } = parseConfig(json);
        for (const p of problems) {
          assert.ok(0 <= p.start && p.start <= p.end && p.end <= Math.max(json.length, p.start + 1), `problem outside the file: ${p.start}-${p.end} of ${json.length}`);
          assert.ok(p.message.zh && p.message.en);
        }
        assert.equal(typeof cfg.houseStyle, 'string');
        assert.ok(Array.isArray(cfg.profiles));
        // whatever the configuration said, analysing with it works, with each profile it defines
        for (const profile of [undefined, ...cfg.profiles.map((p) => p.id)]) {
          timedAnalyze('XX单位2025年工作总结\n\n一、加强学习\n\n（一）完善(二)制度\n\n三、存在的问题\n', 'a.txt', profile ? { ...cfg, profile } : cfg);
        }
      }),
      params(800),
    );
  });

  it('LineIndex: positions and offsets agree with a naive count over LF, CRLF and bare CR', () => {
    fc.assert(
      fc.property(fc.oneof(document, mutatedCorpus(1500)), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (doc, offsets) => {
        cases++;
        const text = doc.text;
        const index = new LineIndex(text);
        for (const raw of offsets) {
          const offset = raw % (text.length + 1);
          // naive: count line breaks (\r\n, \r, \n) before the offset
          let line = 0;
          let lineStart = 0;
          for (let i = 0; i < offset; i++) {
            const c = text[i];
            if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
              line++;
              lineStart = i + 1;
            } else if (c === '\r' && i + 1 < offset) {
              line++;
              lineStart = i + 2;
              i++;
            }
          }
          if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // between CR and LF: no position of its own
          assert.deepEqual(index.positionAt(offset), { line, character: offset - lineStart }, `offset ${offset}`);
          assert.equal(index.offsetAt(line, offset - lineStart), offset);
        }
      }),
      params(300),
    );
  });

  it('incremental analysis equals a fresh analysis after every random edit', function () {
    const Analyzer = (core as Record<string, unknown>).DocumentAnalyzer as
      | (new (options: { fileName?: string; config?: SummaryConfig }) => { analyze(text: string): { findings: Finding[]; document: unknown } })
      | undefined;
    if (!Analyzer) {
      this.skip(); // DocumentAnalyzer is not exported from src/core/index.ts yet
      return;
    }
    const start = fc.oneof(document, mutatedCorpus(4000));
    fc.assert(
      fc.property(start, config, fc.array(editSeed, { minLength: 1, maxLength: 12 }), (doc, cfg, seeds) => {
        cases++;
        const analyzer = new Analyzer({ fileName: doc.fileName, config: cfg.config });
        let text = doc.text;
        const steps: string[] = [];
        for (const seed of [undefined, ...seeds]) {
          if (seed) {
            const edit = editOf(text, seed);
            steps.push(`${edit.start}-${edit.end}→${JSON.stringify(edit.newText)}`);
            text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
          }
          const incremental = withoutRuleFailuresSync(() => analyzer.analyze(text));
          const full = withoutRuleFailuresSync(() => analyze(text, { fileName: doc.fileName, config: cfg.config }));
          analyses += 2;
          assert.deepEqual(incremental.findings, full.findings, `findings differ after edits ${steps.join(', ')}`);
          assert.deepEqual(modelShape(incremental.document), modelShape(full.document), `models differ after edits ${steps.join(', ')}`);
        }
      }),
      params(400),
    );
  });

  it('analyzeInSlices (the path the editor takes for large documents) equals a fresh analysis, also after edits', async function () {
    const Analyzer = (core as Record<string, unknown>).DocumentAnalyzer as
      | (new (options: { fileName?: string; config?: SummaryConfig }) => {
          analyzeInSlices(text: string, slicing?: { sliceMs?: number; isCancelled?: () => boolean }): Promise<{ findings: Finding[]; document: unknown } | undefined>;
        })
      | undefined;
    if (!Analyzer || !('analyzeInSlices' in Analyzer.prototype)) {
      this.skip(); // DocumentAnalyzer.analyzeInSlices is not there
      return;
    }
    await fc.assert(
      fc.asyncProperty(fc.oneof(document, mutatedCorpus(4000)), config, fc.array(editSeed, { maxLength: 4 }), async (doc, cfg, seeds) => {
        cases++;
        const analyzer = new Analyzer({ fileName: doc.fileName, config: cfg.config });
        let text = doc.text;
        for (const seed of [undefined, ...seeds]) {
          if (seed) {
            const edit = editOf(text, seed);
            text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
          }
          const sliced = await withoutRuleFailures(() => analyzer.analyzeInSlices(text, { sliceMs: 0 }));
          const full = withoutRuleFailuresSync(() => analyze(text, { fileName: doc.fileName, config: cfg.config }));
          analyses += 2;
          assert.ok(sliced, 'not cancelled, so a result');
          assert.deepEqual(sliced.findings, full.findings);
          assert.deepEqual(modelShape(sliced.document), modelShape(full.document));
        }
      }),
      params(120),
    );
  });
});

/** The parts of the model the outline and the rules read, without the parent links (cycles). */
function modelShape(doc: unknown): unknown {
  const d = doc as core.SummaryDocument;
  const section = (s: core.Section): unknown => ({ level: s.level, number: s.number, start: s.start, end: s.end, headingStart: s.headingStart, headingEnd: s.headingEnd, scope: s.scope, children: s.children.map(section) });
  return { title: d.title, opening: d.opening, blocks: d.blocks, markers: d.markers, enumerations: d.enumerations, scopeBreaks: d.scopeBreaks, sections: d.sections.map(section), profile: d.profile, period: d.period, frontMatter: d.frontMatter };
}
