import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { analyze, parseConfig } from '../../src/core/index';
import {
  api, at, closeAllEditors, openUntitledCopy, projectRoot, readFixture, ruleOf, waitFor, waitForDiagnostics,
} from './helpers';
import { codeActionsWhere } from '../editor-support/codeActions';

const EXAMPLE = '2023年度意识形态工作总结.txt';
const LARGE_FILE_BYTES = 200_000;

suite('Real documents: the shared example and the corpus', () => {
  teardown(closeAllEditors);

  test('the example as users receive it: duplicated 四、, paid-content markers, adverts; fix-all cleans it', async function () {
    const examplePath = path.resolve(projectRoot(), '../shared/examples', EXAMPLE);
    if (!fs.existsSync(examplePath)) {
      console.log(`      (skipped: ${examplePath} is not there; it lives in ../shared, beside the clone)`);
      this.skip();
    }
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(examplePath));
    const original = document.getText();
    // Edit an unsaved copy: ../shared is read-only for the project.
    const editor = await openUntitledCopy('plaintext', original);
    const copy = editor.document;
    const diagnostics = await waitForDiagnostics(copy.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    const duplicate = diagnostics.find((d) => ruleOf(d) === 'numbering-sequence')!;
    assert.strictEqual(at(duplicate), '12:2-12:4');
    assert.strictEqual(copy.getText(duplicate.range), '四、');
    const paid = diagnostics.filter((d) => ruleOf(d) === 'pasted-content').map((d) => copy.getText(d.range));
    assert.ok(paid.includes('##paidbegin##'), paid.join(' | '));
    assert.ok(paid.some((p) => p.startsWith('【哒哒素材库】')), 'advert lines');

    const { outline } = await api();
    await waitFor('outline of the example', () => outline.currentDocument === copy);
    const sections = (await outline.getChildren()).filter((n) => n.kind === 'section');
    assert.deepStrictEqual(
      sections.map((n) => (n.kind === 'section' ? n.section.marker.text + n.section.marker.headingText : '')),
      [
        '一、强化组织领导，落实意识形态“主心骨”',
        '二、突出思想武装，用好理论学习“主战场”',
        '三、加强基础建设，打响弘扬新风“主动战”',
        '四、注重舆论引导，唱响意识形态“主旋律”',
        '四、存在问题及下一步计划',
      ],
      'run-in paragraph headings are sections',
    );

    const whole = new vscode.Range(0, 0, copy.lineCount, 0);
    const isOurFixAll = (a: vscode.CodeAction) => a.kind?.value === 'source.fixAll.officialSummary';
    const fixAll = (await codeActionsWhere(copy.uri, whole, 'source.fixAll', (actions) => actions.some(isOurFixAll), 'the fix-all action')).find(isOurFixAll);
    assert.ok(fixAll?.edit);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const fixed = copy.getText();
    assert.ok(!fixed.includes('##paidbegin##') && !fixed.includes('##paidend##'), 'paid markers removed');
    assert.ok(!fixed.includes('哒哒'), 'adverts removed');
    assert.ok(fixed.includes('　　五、存在问题及下一步计划'), 'the duplicated 四、 became 五、');
    assert.ok(fixed.includes('一、强化组织领导'), 'the content is kept');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original, 'one undo restores the example');
  });

  test('every corpus file: each diagnostic covers exactly the text its finding names', async () => {
    const corpusDirectory = path.join(projectRoot(), 'test/fixtures/corpus');
    const files = fs.existsSync(corpusDirectory)
      ? fs.readdirSync(corpusDirectory).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md').sort()
      : [];
    assert.ok(files.length >= 10, `corpus files in ${corpusDirectory}: ${files.length}`);
    const { config } = parseConfig(readFixture('.summaryrc.json'));
    for (const file of files) {
      const fullPath = path.join(corpusDirectory, file);
      if (fs.statSync(fullPath).size > LARGE_FILE_BYTES) continue; // the next test
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(fullPath));
      await vscode.window.showTextDocument(document, { preview: true });
      const text = document.getText();
      const expected = analyze(text, { fileName: fullPath, format: 'markdown', config }).findings;
      if (!(await api()).isSummary(document)) continue; // not every corpus file says it is a summary
      const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length === expected.length, 15000).catch(() => {
        throw new Error(`${file}: expected ${expected.length} diagnostics, got ${vscode.languages.getDiagnostics(document.uri).length}`);
      });
      for (const finding of expected) {
        const match = diagnostics.find(
          (d) => ruleOf(d) === finding.rule && document.offsetAt(d.range.start) === finding.start && document.offsetAt(d.range.end) === finding.end,
        );
        assert.ok(match, `${file}: ${finding.rule} at ${finding.start}-${finding.end} has its diagnostic`);
        assert.strictEqual(document.getText(match.range), text.slice(finding.start, finding.end));
      }
    }
  });

  test('a 1.6 MB document (31 provincial reports) is linted and its outline built in reasonable time', async function () {
    const large = path.join(projectRoot(), 'test/fixtures/corpus/zh-long-02.md');
    if (!fs.existsSync(large)) {
      console.log('      (skipped: test/fixtures/corpus/zh-long-02.md is not there)');
      this.skip();
    }
    this.timeout(60000);
    const started = Date.now();
    // An unsaved copy: the test types into it, and the corpus file must never be written.
    const onDisk = fs.readFileSync(large, 'utf8');
    const editor = await openUntitledCopy('markdown', onDisk);
    const { document } = editor;
    await vscode.commands.executeCommand('officialSummary.markAsSummary');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0, 45000);
    const elapsed = Date.now() - started;
    console.log(`      ${diagnostics.length} diagnostics in ${elapsed} ms`);
    const { outline } = await api();
    const roots = await outline.getChildren();
    // each later report is a heading of its own title line, holding its sections (the first report is the title's)
    const reports = roots.filter((n) => n.kind === 'node' && n.node.kind === 'heading' && /政府工作报告$/.test(n.node.label));
    assert.ok(reports.length >= 29, `a heading per later report: ${reports.length}`);
    assert.ok(reports.filter((r) => r.children.some((c) => c.kind === 'section')).length >= 26, 'the reports hold their numbered sections');
    // Typing still updates the diagnostics.
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), '##paidbegin##'));
    await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'pasted-content' && at(x) === '1:0-1:13'), 30000);
    assert.ok(fs.readFileSync(large, 'utf8') === onDisk, 'the corpus file on disk is untouched');
  });
});
