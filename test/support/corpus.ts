import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, LineIndex, type Finding } from '../../src/core/index';

/** The repository root, from out/test/support or test/support alike. */
export const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
export const FIXTURE_CORPUS = path.join(ROOT, 'test/fixtures/corpus');
export const EXPECTED_DIR = path.join(FIXTURE_CORPUS, 'expected');
/** ../shared beside the project: present for developers and CI, absent on a bare clone. */
export const SHARED = path.resolve(ROOT, '../shared');
export const SHARED_CORPUS = path.join(SHARED, 'corpus');
export const SHARED_EXAMPLE = path.join(SHARED, 'examples', '2023年度意识形态工作总结.txt');
/** Corpus files whose licence keeps them out of the repository: checked only where ../shared is. */
export const SHARED_ONLY = ['zh-work-summary-12.md', 'zh-work-summary-13.md', 'en-report-04.md', 'en-report-08.txt', 'en-report-09.md'];

export interface RecordedFinding {
  rule: string;
  line: number;
  column: number;
  text: string;
}

export function fixtureNames(): string[] {
  return fs.readdirSync(FIXTURE_CORPUS).filter((f) => /\.(md|txt)$/.test(f) && f !== 'SOURCES.md').sort();
}

/** One document the corpus checks: a redistributable fixture, or a shared-only file where ../shared is. */
export interface CorpusDocument {
  name: string;
  file: string;
  sharedOnly: boolean;
}

/** The project's fixtures, plus the shared-only documents when ../shared/corpus is present. */
export function corpusDocuments(): CorpusDocument[] {
  const fixtures = fixtureNames().map((name) => ({ name, file: path.join(FIXTURE_CORPUS, name), sharedOnly: false }));
  const shared = SHARED_ONLY.map((name) => ({ name, file: path.join(SHARED_CORPUS, name), sharedOnly: true })).filter((d) => fs.existsSync(d.file));
  return [...fixtures, ...shared];
}

/** The shared-only documents that are not here (the tests print that they skip them). */
export function missingSharedOnly(): string[] {
  return SHARED_ONLY.filter((name) => !fs.existsSync(path.join(SHARED_CORPUS, name)));
}

export function record(text: string, fileName: string): RecordedFinding[] {
  return recordWithFindings(text, fileName).map(({ recorded }) => recorded);
}

/** Each finding as recorded (1-based line and UTF-16 column, first 40 characters) beside the finding itself. */
export function recordWithFindings(text: string, fileName: string): { recorded: RecordedFinding; finding: Finding }[] {
  const lines = new LineIndex(text);
  return analyze(text, { fileName }).findings.map((f: Finding) => {
    const at = lines.positionAt(f.start);
    return { recorded: { rule: f.rule, line: at.line + 1, column: at.character + 1, text: text.slice(f.start, Math.min(f.end, f.start + 40)) }, finding: f };
  });
}

/** `node out/test/support/corpus.js --record`: writes expected/<file>.json, fixed/ and outlines/ after a reviewed change. */
if (require.main === module && process.argv.includes('--record')) {
  fs.mkdirSync(EXPECTED_DIR, { recursive: true });
  const sources = [
    ...fixtureNames().map((name) => path.join(FIXTURE_CORPUS, name)),
    ...(fs.existsSync(SHARED_CORPUS) ? SHARED_ONLY.map((name) => path.join(SHARED_CORPUS, name)) : []),
    ...(fs.existsSync(SHARED_EXAMPLE) ? [SHARED_EXAMPLE] : []),
  ];
  for (const file of sources) {
    const findings = record(fs.readFileSync(file, 'utf8'), file);
    fs.writeFileSync(path.join(EXPECTED_DIR, `${path.basename(file)}.json`), JSON.stringify(findings, null, 1) + '\n');
    console.log(`${path.basename(file)}: ${findings.length} findings`);
  }
  // the --fix diffs and outlines of the fixtures (loaded here: snapshots.ts itself imports this module)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { recordSnapshots } = require('./snapshots') as typeof import('./snapshots');
  void recordSnapshots();
}
