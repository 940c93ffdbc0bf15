import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { docxJsonRecords, exportDocxFile, isDocxPath, lintDocxFile, lintDocxText } from '../../src/cli/docx';
import { readDocx } from '../../src/docx/read';

/** A unit's submission with two faults a collector has to find: a second 四、 and an XX left in. */
const SUBMISSION = [
  '某某县农业农村局2024年工作总结',
  '　　2024年，我局认真落实县委、县政府决策部署，现将全年工作总结如下：',
  '　　一、强化组织领导。成立工作专班，明确责任分工。',
  '　　二、推进重点项目。全年实施项目12个，完成投资3.2亿元。',
  '　　三、改善人居环境。完成农村户厕改造800户。',
  '　　四、加强队伍建设。开展业务培训6期。',
  '　　四、存在的问题。一是统筹不够，二是XX乡镇进度偏慢。',
  '　　五、下一步工作打算。持续抓好各项工作落实。',
  '某某县农业农村局',
  '2024年12月30日',
];

async function submissionDocx(): Promise<Buffer> {
  // Word users leave empty paragraphs between blocks; the reader must not count them.
  const children = SUBMISSION.flatMap((text, index) => [new Paragraph({ children: [new TextRun(text)] }), ...(index === 1 ? [new Paragraph({})] : [])]);
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('docx CLI support', () => {
  let dir: string;
  let file: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'official-summary-docx-'));
    file = path.join(dir, '农业农村局.docx');
    writeFileSync(file, await submissionDocx());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('recognises .docx paths but not Word lock files', () => {
    assert.equal(isDocxPath('a/b/总结.DOCX'), true);
    assert.equal(isDocxPath('a/b/~$总结.docx'), false);
    assert.equal(isDocxPath('a/b/总结.doc'), false);
    assert.equal(isDocxPath('a/b/总结.md'), false);
  });

  it('reports the duplicated 四、 by paragraph number with an excerpt', async () => {
    const result = await lintDocxFile(file);
    const duplicate = result.findings.find((finding) => finding.rule === 'numbering-sequence');
    assert.ok(duplicate, JSON.stringify(result.findings.map((finding) => finding.rule)));
    // Paragraph 7 of the non-empty paragraphs is the second 四、 (the empty spacer is not counted).
    assert.equal(duplicate.paragraph, 7);
    assert.equal(result.paragraphs[6]!.text, SUBMISSION[6]);
    assert.match(duplicate.excerpt, /^四、存在的问题/u, 'the excerpt is trimmed of the indent');
    assert.equal(duplicate.column, 3, 'after the two full-width indent spaces');
    assert.match(duplicate.message.en, /四、/u);
  });

  it('reports the XX placeholder in its paragraph', async () => {
    const result = await lintDocxFile(file);
    const placeholder = result.findings.find((finding) => finding.rule === 'placeholder');
    assert.ok(placeholder, JSON.stringify(result.findings.map((finding) => finding.rule)));
    assert.equal(placeholder.paragraph, 7);
    assert.equal(result.text.slice(placeholder.start, placeholder.end), 'XX');
    assert.equal(placeholder.column, SUBMISSION[6]!.indexOf('XX') + 1);
    assert.ok(placeholder.excerpt.includes('XX'), placeholder.excerpt);
  });

  it('lints text read beforehand the same way, synchronously', async () => {
    const read = await readDocx(readFileSync(file));
    const result = lintDocxText(read, { fileName: file });
    assert.deepEqual(result.findings, (await lintDocxFile(file)).findings);
  });

  it('gives the CLI its report records by paragraph', async () => {
    const result = await lintDocxFile(file);
    const records = docxJsonRecords('农业农村局.docx', result, 'zh-CN');
    assert.equal(records.length, result.findings.length);
    for (const [index, record] of records.entries()) {
      const finding = result.findings[index]!;
      assert.equal(record.line, finding.paragraph);
      assert.equal(record.paragraph, finding.paragraph);
      assert.equal(record.message, finding.message.zh);
      assert.equal(record.fixable, false, 'fixes are not written back into Word files');
      assert.ok(record.endLine >= record.line);
    }
  });

  it('exports a Markdown summary to a .docx file, and re-lays out a .docx', async () => {
    const out = path.join(dir, 'summary.docx');
    await exportDocxFile(path.resolve(__dirname, '../../../test/fixtures/docx/summary.md'), out);
    const exported = await readDocx(readFileSync(out));
    assert.equal(exported.paragraphs[0]!.text, '某某市某某局2024年工作总结');
    assert.ok(exported.paragraphs.some((paragraph) => paragraph.text === '一、主要工作及成效'));

    const relaid = path.join(dir, 'relaid.docx');
    await exportDocxFile(file, relaid);
    const back = await readDocx(readFileSync(relaid));
    // The full-width indent becomes a paragraph indent; the words stay.
    assert.deepEqual(
      back.paragraphs.map((paragraph) => paragraph.text),
      SUBMISSION.map((text) => text.replace(/^　+/u, '')),
    );
  });
});
