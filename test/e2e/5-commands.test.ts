import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, at, closeAllEditors, fixture, openFixture, ourDiagnostics, ruleOf, scratchDirectory, screenshot, sleep, waitFor, waitForDiagnostics } from './helpers';

suite('Commands, status bar, localisation', () => {
  suiteTeardown(closeAllEditors);

  test('"New summary" opens the chosen profile\'s skeleton, linted as a summary', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('officialSummary.newSummary', 'debriefing');
    assert.ok(document, 'a document was created');
    assert.strictEqual(vscode.window.activeTextEditor?.document, document);
    assert.match(document.getText(), /述职/);
    assert.strictEqual((await api()).isSummary(document), true);
    const statusBar = (await api()).statusBar;
    await waitFor('the status bar names the profile', () => /述职|Debriefing/i.test(statusBar.text));
  });

  test('the status bar shows profile, sections, characters and findings of the active summary', async () => {
    const editor = await openFixture('2024年度机关工作总结.md');
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    const statusBar = (await api()).statusBar;
    const text = await waitFor('status bar text', () => (/Work summary/.test(statusBar.text) ? statusBar.text : undefined));
    assert.match(text, /6 sections/);
    assert.match(text, /\d+ chars/);
    const errors = ourDiagnostics(editor.document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    assert.match(text, new RegExp(`\\$\\(error\\) ${errors} `));
  });

  test('"Choose profile" changes the profile used for the file', async () => {
    const editor = await openFixture('reports', '第三季度工作汇报.txt');
    const statusBar = (await api()).statusBar;
    await waitFor('work summary profile', () => /Work summary/.test(statusBar.text));
    try {
      assert.strictEqual(await vscode.commands.executeCommand('officialSummary.chooseProfile', 'disclosure-report'), 'disclosure-report');
      await waitFor('the chosen profile is in force', () => /disclosure/i.test(statusBar.text), 10000);
      // The disclosure report's six mandated parts are now required.
      await waitForDiagnostics(editor.document.uri, (d) => d.filter((x) => ruleOf(x) === 'required-section').length >= 3);
    } finally {
      await vscode.commands.executeCommand('officialSummary.chooseProfile', '');
    }
    await waitFor('back to automatic', () => /Work summary/.test(statusBar.text));
  });

  test('"Check all summaries in workspace" fills the Problems panel, also for closed files, skipping non-summaries', async () => {
    await closeAllEditors();
    const result = await vscode.commands.executeCommand<{ filesScanned: number; summaries: number; findings: number }>('officialSummary.checkWorkspace');
    assert.ok(result.filesScanned >= 5, `scanned ${result.filesScanned}`);
    assert.strictEqual(result.summaries, 3, 'the .md summary, the .txt debriefing and reports/第三季度工作汇报.txt');
    const quarterly = ourDiagnostics(fixture('reports', '第三季度工作汇报.txt'));
    const skipped = quarterly.find((d) => ruleOf(d) === 'numbering-sequence');
    assert.ok(skipped, 'the skipped 二、 in a file that is not open');
    assert.strictEqual(at(skipped), '6:2-6:4');
    assert.ok(
      vscode.languages.getDiagnostics().every(([uri, list]) => list.every((d) => d.source !== 'official-summary') || uri.path.includes('/fixtures/workspace/') || vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()))),
      'results of earlier files that are no longer shown are replaced',
    );
    assert.deepStrictEqual(ourDiagnostics(fixture('README.md')), []);
    assert.deepStrictEqual(ourDiagnostics(fixture('会议记录笔记.md')), []);
    const summary = await openFixture('2024年度机关工作总结.md');
    const { outline } = await api();
    await waitFor('the outline shows the newly active summary', () => outline.currentDocument === summary.document);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await sleep(500);
    await screenshot('problems-panel');
  });

  test('"Export as Word" writes a GB/T 9704 .docx, and "Open Word File as Summary" reads it back, linted', async () => {
    const editor = await openFixture('2024年度机关工作总结.md');
    const original = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    const target = vscode.Uri.file(path.join(scratchDirectory(), '导出的总结.docx'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('officialSummary.exportDocx', target, { ifErrorsRemain: 'export' });
    assert.strictEqual(written?.toString(), target.toString());
    const bytes = fs.readFileSync(target.fsPath);
    assert.strictEqual(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip (OOXML) file');
    assert.ok(bytes.includes(Buffer.from('word/document.xml')), 'with a Word document inside');

    const opened = await vscode.commands.executeCommand<vscode.TextDocument>('officialSummary.openDocx', target);
    assert.ok(opened, 'the Word file was opened');
    assert.strictEqual(opened.languageId, 'markdown');
    assert.strictEqual(vscode.window.activeTextEditor?.document, opened);
    assert.match(opened.getText(), /^XX局2024年度工作总结/);
    assert.strictEqual((await api()).isSummary(opened), true);
    // the findings of the original come back from the Word file (its paragraphs are plain text now)
    const back = await waitForDiagnostics(opened.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    for (const rule of ['numbering-sequence', 'numbering-style', 'enumeration-sequence', 'placeholder']) {
      assert.strictEqual(back.some((d) => ruleOf(d) === rule), original.some((d) => ruleOf(d) === rule), rule);
    }
  });

  test('"Open Word File as Summary" says plainly when a file is not a Word file', async () => {
    const broken = vscode.Uri.file(path.join(scratchDirectory(), 'broken.docx'));
    fs.writeFileSync(broken.fsPath, 'not a zip');
    const before = vscode.workspace.textDocuments.length;
    assert.strictEqual(await vscode.commands.executeCommand('officialSummary.openDocx', broken), undefined);
    assert.strictEqual(vscode.workspace.textDocuments.length, before, 'no document was opened');
  });

  test('every UI string has a Simplified Chinese translation', async () => {
    const extension = vscode.extensions.getExtension('official-summary.official-summary')!;
    const root = extension.extensionPath;
    const english = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const chinese = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.deepStrictEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
    const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const sources = fs.readdirSync(path.join(root, 'src', 'extension')).map((f) => fs.readFileSync(path.join(root, 'src', 'extension', f), 'utf8')).join('\n');
    const used = [...sources.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'"));
    assert.ok(used.length > 20, `found ${used.length} strings`);
    const untranslated = used.filter((s) => !(s in bundle));
    assert.deepStrictEqual(untranslated, []);
    const manifest = JSON.stringify(extension.packageJSON.contributes);
    for (const key of manifest.match(/%[\w.]+%/g) ?? []) assert.ok(key.slice(1, -1) in english, `${key} is defined`);
  });
});
