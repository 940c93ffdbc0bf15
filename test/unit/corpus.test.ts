import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, collectFixEdits, type Finding } from '../../src/core/index';
import { EXPECTED_DIR, FIXTURE_CORPUS, fixtureNames, record, SHARED_CORPUS, SHARED_EXAMPLE, SHARED_ONLY, type RecordedFinding } from '../support/corpus';

function expected(name: string): RecordedFinding[] {
  return JSON.parse(fs.readFileSync(path.join(EXPECTED_DIR, `${name}.json`), 'utf8')) as RecordedFinding[];
}

function lint(file: string): { text: string; findings: Finding[] } {
  const text = fs.readFileSync(file, 'utf8');
  return { text, findings: analyze(text, { fileName: file }).findings };
}

function flagged(text: string, findings: Finding[], rule: string): string[] {
  return findings.filter((f) => f.rule === rule).map((f) => text.slice(f.start, f.end));
}

describe('corpus: real documents with their real mistakes', () => {
  describe('the fixtures are the documents as published, byte for byte', () => {
    it('every fixture matches its recorded SHA-256 (a test that typed into one would be caught)', () => {
      const sums = fs.readFileSync(path.join(FIXTURE_CORPUS, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => line.split(/\s+/));
      assert.deepEqual(sums.map(([, name]) => name).sort(), fixtureNames());
      for (const [sum, name] of sums) {
        assert.equal(createHash('sha256').update(fs.readFileSync(path.join(FIXTURE_CORPUS, name))).digest('hex'), sum, name);
      }
    });

    it('and they equal ../shared/corpus where that is present', function () {
      if (!fs.existsSync(SHARED_CORPUS)) {
        console.log(`      skipped: ${SHARED_CORPUS} is not here`);
        this.skip();
      }
      for (const name of fixtureNames()) {
        assert.ok(fs.readFileSync(path.join(FIXTURE_CORPUS, name)).equals(fs.readFileSync(path.join(SHARED_CORPUS, name))), name);
      }
    });
  });

  describe('recorded findings (reviewed; re-record with `npm run corpus:record`)', () => {
    for (const name of fixtureNames()) {
      it(name, () => {
        assert.deepEqual(record(fs.readFileSync(path.join(FIXTURE_CORPUS, name), 'utf8'), name), expected(name));
      });
    }
  });

  describe('the mistakes SOURCES.md lists are found', () => {
    const fixture = (name: string) => lint(path.join(FIXTURE_CORPUS, name));

    it('zh-work-summary-05: items 1. 2. 4. 5. skip 3', () => {
      const { text, findings } = fixture('zh-work-summary-05.md');
      assert.deepEqual(flagged(text, findings, 'numbering-sequence'), ['4.']);
    });

    it('zh-work-summary-02: 3、4月份 is item 3, not a fault and not a month', () => {
      const { text, findings } = fixture('zh-work-summary-02.md');
      assert.deepEqual(flagged(text, findings, 'numbering-sequence'), []);
    });

    it('zh-gov-work-report-03: 8.6个重大科技专项 is note 8, so the notes run on without a gap', () => {
      const { text, findings } = fixture('zh-gov-work-report-03.md');
      assert.deepEqual(flagged(text, findings, 'numbering-sequence'), []);
    });

    it('zh-work-summary-03, -04, -06: no problems section', () => {
      for (const name of ['zh-work-summary-03.md', 'zh-work-summary-04.md', 'zh-work-summary-06.md']) {
        const { findings } = fixture(name);
        assert.ok(findings.some((f) => f.rule === 'required-section' && f.message.en.includes('Problems')), name);
      }
    });

    it('zh-work-summary-06: the plan restarts at 一、 under a lead-in sentence: a gentle hint, never an error or a fix', () => {
      const { findings } = fixture('zh-work-summary-06.md');
      const restart = findings.filter((f) => f.rule === 'numbering-sequence');
      assert.deepEqual(restart.map((f) => [f.severity, Boolean(f.fix)]), [['info', false]]);
    });

    it('en-report-02 starts at 2.; en-report-03 has 1. 1. 1. 4.', () => {
      const two = fixture('en-report-02.md');
      assert.deepEqual(flagged(two.text, two.findings, 'numbering-sequence'), ['2.']);
      const three = fixture('en-report-03.md');
      assert.deepEqual(flagged(three.text, three.findings, 'numbering-sequence'), ['1.', '1.', '4.']);
    });

    it('zh-gov-work-report-05: half-width (一)…(九)', () => {
      const { text, findings } = fixture('zh-gov-work-report-05.md');
      assert.deepEqual(flagged(text, findings, 'numbering-style'), ['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)', '(八)', '(九)']);
    });

    it('zh-gov-work-report-04: 3． among 1. in the notes', () => {
      const { text, findings } = fixture('zh-gov-work-report-04.md');
      const style = flagged(text, findings, 'numbering-style');
      assert.ok(style.includes('3．') && style.includes('10．') && style.every((m) => m.endsWith('．')), style.join(' '));
    });

    it('zh-disclosure-report-02: 三、 then 五、; zh-disclosure-report-03: 四、 then 六、 and the lost 五、', () => {
      const two = fixture('zh-disclosure-report-02.md');
      assert.ok(flagged(two.text, two.findings, 'numbering-sequence').includes('五、'));
      const three = fixture('zh-disclosure-report-03.md');
      assert.ok(flagged(three.text, three.findings, 'numbering-sequence').includes('六、'));
      assert.ok(three.findings.some((f) => f.rule === 'required-section' && f.message.zh.includes('存在的主要问题及改进情况')));
    });

    it('zh-gov-work-report-02, the clean baseline, has no numbering findings', () => {
      const { findings } = fixture('zh-gov-work-report-02.md');
      assert.deepEqual(findings.filter((f) => f.rule.startsWith('numbering')).map((f) => f.message.en), []);
    });
  });

  describe('fixing every corpus file', () => {
    for (const name of fixtureNames()) {
      it(`${name}: fixes change only the ranges they name, and the fixed text is clean of them`, () => {
        const { text, findings } = lint(path.join(FIXTURE_CORPUS, name));
        const edits = collectFixEdits(findings);
        const fixed = applyEdits(text, edits);
        // outside the edited ranges the text is byte-identical
        let cursor = 0;
        let shift = 0;
        for (const edit of edits) {
          assert.equal(fixed.slice(cursor + shift, edit.start + shift), text.slice(cursor, edit.start));
          shift += edit.newText.length - (edit.end - edit.start);
          cursor = edit.end;
        }
        assert.equal(fixed.slice(cursor + shift), text.slice(cursor));
        // what one pass leaves (fixes that overlapped another) the next pass takes; then nothing fixable is left
        let current = fixed;
        for (let pass = 0; pass < 4; pass++) {
          const more = collectFixEdits(analyze(current, { fileName: name }).findings);
          if (!more.length) break;
          current = applyEdits(current, more);
        }
        // a quick fix that is not certain (a doubtful renumbering) is never applied in bulk, so it may stay
        const left = analyze(current, { fileName: name }).findings.filter((f) => f.fix && f.fix.certain !== false);
        assert.deepEqual(left.map((f) => `${f.rule}: ${f.message.en}`), []);
      });
    }
  });

  describe('documents not redistributed with the project (need ../shared)', () => {
    for (const name of SHARED_ONLY) {
      it(name, function () {
        const file = path.join(SHARED_CORPUS, name);
        if (!fs.existsSync(file)) {
          console.log(`      skipped: ${file} is not here (licence keeps it out of the repository)`);
          this.skip();
        }
        assert.deepEqual(record(fs.readFileSync(file, 'utf8'), name), expected(name));
      });
    }

    it('the seed example: the duplicated 四、 is found and fixed', function () {
      if (!fs.existsSync(SHARED_EXAMPLE)) {
        console.log(`      skipped: ${SHARED_EXAMPLE} is not here (a template-site document, not redistributed)`);
        this.skip();
      }
      const { text, findings } = lint(SHARED_EXAMPLE);
      assert.deepEqual(flagged(text, findings, 'numbering-sequence'), ['四、']);
      const fixed = applyEdits(text, collectFixEdits(findings.filter((f) => f.rule === 'numbering-sequence')));
      assert.ok(fixed.includes('　　五、存在问题及下一步计划'));
      assert.deepEqual(record(text, path.basename(SHARED_EXAMPLE)), expected(path.basename(SHARED_EXAMPLE)));
    });
  });
});
