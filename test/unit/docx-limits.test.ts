/**
 * Word files come in through the same entrance as text: past the one size limit they are declined
 * with the same message before anything is unpacked, and a damaged file is said to be damaged, in
 * words, not as a parser's stack trace. The archives are generated here.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { runCli } from '../../src/cli/main';
import { LIMITS } from '../../src/core/index';
import { checkDocxArchive } from '../../src/docx/archive';
import { readDocx, DocxReadError } from '../../src/docx/read';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal .docx around the given document.xml body (or whole XML). */
async function docx(documentXml: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', documentXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const paragraphs = (texts: string[]) => `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${texts.map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;

async function cli(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--format', 'json', file], { cwd: path.dirname(file), env: { LANG: 'en_US.UTF-8' }, stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('Word files: limits and damage, checked at the entrance', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'official-summary-docx-limits-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('an archive that declares more than the unpacked limit is declined before inflating, with the size message', async () => {
    // about 60 MB of XML that deflates to well under a megabyte: the shape of a "zip bomb"
    const row = '<w:p><w:r><w:t>一、加强组织领导，完善工作机制。</w:t></w:r></w:p>';
    const big = await docx(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${row.repeat(Math.ceil((LIMITS.maxUnpackedBytes + 10 * 1048576) / Buffer.byteLength(row)))}</w:body></w:document>`);
    assert.ok(big.length < 2 * 1048576, `the archive itself is small (${big.length} bytes)`);
    assert.throws(() => checkDocxArchive(big), (error: unknown) => error instanceof DocxReadError && /unpacks to \d+\.\d MB/.test(error.reason.en) && error.reason.zh.includes('解压后'));
    const file = path.join(dir, 'bomb.docx');
    writeFileSync(file, big);
    const { code, stdout, stderr } = await cli(file);
    assert.equal(code, 2);
    assert.deepEqual(JSON.parse(stdout), []);
    assert.match(stderr, /^summary-lint: bomb\.docx: file too large \(it unpacks to \d+\.\d MB; the limit is 5 MB of text\), not checked; split it first\n$/);
  });

  it('text past the limit after unpacking is declined with the same words as a text file', async () => {
    // under the unpacked limit as XML, over the text limit as text: few, long paragraphs
    const long = '甲'.repeat(400_000);
    const buffer = await docx(paragraphs(Array.from({ length: 5 }, () => long)));
    await assert.rejects(readDocx(buffer), (error: unknown) => error instanceof DocxReadError && /^file too large \(\d+\.\d MB, the limit is 5 MB\)/.test(error.reason.en));
  });

  it('an entity in the XML: "its XML is damaged", no parser stack trace', async () => {
    const file = path.join(dir, 'entity.docx');
    writeFileSync(file, await docx(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&e;一、甲</w:t></w:r></w:p></w:body></w:document>`));
    const { code, stderr } = await cli(file);
    assert.equal(code, 2);
    assert.match(stderr, /^summary-lint: entity\.docx: not a readable Word file: its XML is damaged \(.*entity.*\)\n$/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  });

  it('not a ZIP at all, or a ZIP without word/document.xml: said plainly, the other files still checked', async () => {
    const notZip = path.join(dir, 'fake.docx');
    writeFileSync(notZip, '这不是 Word 文件，只是改了扩展名的文本。');
    const noDocument = path.join(dir, 'empty.docx');
    const zip = new JSZip();
    zip.file('readme.txt', 'x');
    writeFileSync(noDocument, await zip.generateAsync({ type: 'nodebuffer' }));
    const good = path.join(dir, '工作总结.docx');
    writeFileSync(good, await docx(paragraphs(['2024年工作总结', '一、主要工作', '完成了XX项任务。'])));
    let stdout = '';
    let stderr = '';
    const code = await runCli(['--format', 'json', 'fake.docx', 'empty.docx', '工作总结.docx'], { cwd: dir, env: { LANG: 'en_US.UTF-8' }, stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) });
    assert.equal(code, 2);
    assert.match(stderr, /fake\.docx: not a readable Word file: not a ZIP archive/);
    assert.match(stderr, /empty\.docx: not a readable Word file: it has no word\/document\.xml/);
    const findings = JSON.parse(stdout) as { file: string; rule: string }[];
    assert.ok(findings.some((f) => f.file === '工作总结.docx' && f.rule === 'placeholder'), 'the good file is checked');
  });

  it('an ordinary document passes the archive check and is read', async () => {
    const buffer = await docx(paragraphs(['2024年工作总结', '一、主要工作']));
    assert.doesNotThrow(() => checkDocxArchive(buffer));
    assert.equal((await readDocx(buffer)).text, '2024年工作总结\n\n一、主要工作\n');
    assert.throws(() => checkDocxArchive(Buffer.alloc(0)), DocxReadError, 'an empty file is no archive');
  });
});
