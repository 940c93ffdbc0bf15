import assert from 'node:assert/strict';
import { buildReport, readFaults, readPrecisionFloor } from '../support/corpus-report';
import { missingSharedOnly } from '../support/corpus';
import { reviewCorpus, verdictProblems } from '../support/verdicts';

describe('corpus verdicts: every finding on a corpus document is reviewed (test/fixtures/corpus/verdicts)', () => {
  // read in before(): a malformed verdict file then fails these tests, not the loading of every test file
  let reviews: ReturnType<typeof reviewCorpus> = [];

  before(() => {
    reviews = reviewCorpus();
    for (const name of missingSharedOnly()) console.log(`      skipped: ${name} (shared-only, ../shared/corpus is not here)`);
  });

  it('every current finding has a verdict line, and every verdict line a current finding', () => {
    const problems = verdictProblems(reviews);
    assert.equal(
      problems.length,
      0,
      `verdict files out of date (\`npm run corpus:verdicts\` writes the add lines as ? stubs and drops the remove lines; then judge each by reading the document):\n${problems.join('\n')}`,
    );
  });

  it('faults.tsv names texts that are where it says', () => {
    const report = buildReport(reviews, readFaults());
    assert.deepEqual(report.badFaults, []);
  });

  it('no rule falls below its precision floor on the fixtures (precision-floor.json; raise it when you improve a rule)', () => {
    const report = buildReport(reviews.filter((r) => !r.document.sharedOnly), readFaults());
    const floors = readPrecisionFloor();
    const below = report.rules
      .filter((s) => s.precision !== undefined && floors[s.rule] !== undefined && s.precision * 100 < floors[s.rule])
      .map((s) => `${s.rule}: ${(s.precision! * 100).toFixed(1)} % < floor ${floors[s.rule]} % (${s.falsePositives} false of ${s.truePositives + s.falsePositives})`);
    assert.deepEqual(below, []);
  });

  it('a rule without a floor yet has no false finding (a new rule starts precise)', () => {
    const report = buildReport(reviews.filter((r) => !r.document.sharedOnly), readFaults());
    const floors = readPrecisionFloor();
    const unfloored = report.rules.filter((s) => floors[s.rule] === undefined && s.falsePositives > 0).map((s) => `${s.rule}: ${s.falsePositives} false`);
    assert.deepEqual(unfloored, []);
  });
});
