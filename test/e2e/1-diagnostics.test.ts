import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, api, at, closeAllEditors, fixture, openFixture, openUntitledCopy, ourDiagnostics, readFixture,
  ruleOf, scratchDirectory, sleep, waitFor, waitForDiagnostics,
} from './helpers';

const SUMMARY = '2024年度机关工作总结.md';

suite('Diagnostics', () => {
  suiteTeardown(closeAllEditors);

  test('runs in a real VS Code extension host and activates on Markdown', async () => {
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major! > 1 || minor! >= 90, `VS Code ${vscode.version}`);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension loaded');
    await openFixture(SUMMARY);
    await waitFor('activation by onLanguage:markdown', () => extension.isActive);
    const capabilities = extension.packageJSON.capabilities;
    assert.strictEqual(capabilities.untrustedWorkspaces.supported, true, 'works in untrusted workspaces');
  });

  test('a summary gets its findings with rule id, documentation link, range and severity', async () => {
    const editor = await openFixture(SUMMARY);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    const style = diagnostics.find((d) => ruleOf(d) === 'numbering-style');
    assert.ok(style, 'the half-width (一) is reported');
    assert.strictEqual(at(style), '6:2-6:5');
    assert.strictEqual(editor.document.getText(style.range), '(一)');
    // .summaryrc.json in the fixture workspace raises numbering-style to an error.
    assert.strictEqual(style.severity, vscode.DiagnosticSeverity.Error);
    const code = style.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.value, 'numbering-style');
    assert.strictEqual(code.target.toString(), 'official-summary-rule:/numbering-style', 'the rule page (7-new-user opens it)');
    const duplicate = diagnostics.find((d) => ruleOf(d) === 'numbering-sequence' && d.range.start.line === 12);
    assert.ok(duplicate, 'the duplicated 二、 is reported');
    assert.strictEqual(at(duplicate), '12:2-12:4');
    assert.match(duplicate.message, /二、/);
  });

  test('README.md and a note are never nagged, although their numbering is wrong', async () => {
    const extension = await api();
    const readme = await openFixture('README.md');
    const note = await openFixture('会议记录笔记.md');
    assert.strictEqual(extension.isSummary(readme.document), false);
    assert.strictEqual(extension.isSummary(note.document), false);
    // Open a summary after them: once its diagnostics are there, theirs would have been too.
    const summary = await openFixture('reports', '第三季度工作汇报.txt');
    await waitForDiagnostics(summary.document.uri);
    await sleep(400);
    assert.deepStrictEqual(ourDiagnostics(readme.document.uri), []);
    assert.deepStrictEqual(ourDiagnostics(note.document.uri), []);
  });

  test('diagnostics follow typing; only the last state of the text counts', async () => {
    const editor = await openUntitledCopy('plaintext', '2024年工作总结\n\n　　一、第一项工作。\n\n　　二、第二项工作。\n');
    const uri = editor.document.uri;
    assert.strictEqual((await api()).isSummary(editor.document), true, 'the title says 总结');
    await sleep(500);
    assert.strictEqual(ourDiagnostics(uri).filter((d) => ruleOf(d) === 'numbering-sequence').length, 0);
    // Three quick edits, less than the debounce apart: a duplicated 二、, then 三、, then 五、.
    const lastLine = editor.document.lineCount - 1;
    await editor.edit((b) => b.insert(new vscode.Position(lastLine, 0), '\n　　二、又一项。\n'));
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), '\n　　三、再一项。\n'));
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), '\n　　五、最后一项。\n'));
    const diagnostics = await waitForDiagnostics(uri, (d) => d.filter((x) => ruleOf(x) === 'numbering-sequence').length >= 2);
    const lines = diagnostics.filter((d) => ruleOf(d) === 'numbering-sequence').map((d) => editor.document.lineAt(d.range.start.line).text.trim());
    assert.ok(lines.some((l) => l.startsWith('二、又一项')), `duplicated 二、 flagged: ${lines.join(' | ')}`);
    assert.ok(lines.some((l) => l.startsWith('五、')), `the final 五、 flagged: ${lines.join(' | ')}`);
    // Removing the faults clears them again.
    const full = new vscode.Range(0, 0, editor.document.lineCount, 0);
    await editor.edit((b) => b.replace(full, '2024年工作总结\n\n　　一、第一项工作。\n\n　　二、第二项工作。\n'));
    await waitForDiagnostics(uri, (d) => d.every((x) => ruleOf(x) !== 'numbering-sequence'));
  });

  test('severities from the settings override .summaryrc.json', async () => {
    const editor = await openFixture(SUMMARY);
    const uri = editor.document.uri;
    const settings = vscode.workspace.getConfiguration('officialSummary');
    try {
      await settings.update('rules', { 'numbering-style': 'info' }, vscode.ConfigurationTarget.Global);
      const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'numbering-style' && x.severity === vscode.DiagnosticSeverity.Information));
      assert.ok(diagnostics.some((d) => ruleOf(d) === 'numbering-sequence'), 'other rules unchanged');
      await settings.update('rules', { 'numbering-style': 'off' }, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'numbering-style'));
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'numbering-style' && x.severity === vscode.DiagnosticSeverity.Error));
  });

  test('a file matching the officialSummary.include glob is linted', async () => {
    const note = await openFixture('会议记录笔记.md');
    const settings = vscode.workspace.getConfiguration('officialSummary');
    try {
      await settings.update('include', ['**/会议记录*.md'], vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(note.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    } finally {
      await settings.update('include', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(note.document.uri, (d) => d.length === 0);
  });

  test('marking a note as a summary lints it; unmarking stops it', async () => {
    const note = await openFixture('会议记录笔记.md');
    const uri = note.document.uri;
    await vscode.commands.executeCommand('officialSummary.markAsSummary');
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    assert.strictEqual(at(diagnostics.find((d) => ruleOf(d) === 'numbering-sequence')!), '4:0-4:2');
    await vscode.commands.executeCommand('officialSummary.unmarkAsSummary');
    await waitForDiagnostics(uri, (d) => d.length === 0);
    assert.strictEqual((await api()).isSummary(note.document), false);
  });

  test('a mistake in .summaryrc.json is shown at its place, and the rest of the file still applies', async () => {
    const configUri = fixture('.summaryrc.json');
    const original = readFixture('.summaryrc.json');
    const summary = await openFixture(SUMMARY);
    try {
      const broken = original.replace('"houseStyle": "common",', '"houseStyle": "common",\n  "colour": "red",');
      assert.notStrictEqual(broken, original);
      fs.writeFileSync(configUri.fsPath, broken);
      const problems = await waitFor('a diagnostic on .summaryrc.json', () => {
        const found = vscode.languages.getDiagnostics(configUri).filter((d) => d.source === 'official-summary');
        return found.length > 0 ? found : undefined;
      });
      assert.strictEqual(problems[0]!.range.start.line, 3, 'on the unknown key');
      assert.match(problems[0]!.message, /colour/);
      // numbering-style is still raised to an error by the same file.
      await waitForDiagnostics(summary.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-style' && x.severity === vscode.DiagnosticSeverity.Error));
    } finally {
      fs.writeFileSync(configUri.fsPath, original);
    }
    await waitFor('the problem is gone once the file is fixed', () => vscode.languages.getDiagnostics(configUri).every((d) => d.source !== 'official-summary'));
  });

  test('.summaryrc.json gets the JSON schema the extension contributes', async () => {
    const config = await vscode.workspace.openTextDocument(fixture('.summaryrc.json'));
    assert.ok(['json', 'jsonc'].includes(config.languageId), config.languageId);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const validation = extension.packageJSON.contributes.jsonValidation as { fileMatch: string; url: string }[];
    const entry = validation.find((v) => v.fileMatch === '.summaryrc.json');
    assert.ok(entry, 'schema contributed for .summaryrc.json');
    const schema = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, entry.url), 'utf8'));
    assert.ok(schema.properties?.rules, 'the schema describes rules');
    assert.ok(readFixture('.summaryrc.json').includes('numbering-style'));
  });
  test('a very large document is checked when opened and saved, not at every pause in typing', async function () {
    this.timeout(120000);
    const file = path.join(scratchDirectory(), '超大工作总结.txt');
    const paragraph = '　　全年完成各项工作任务，取得了较好成效。'.repeat(40) + '\n\n';
    const body = '2025年工作总结\n\n' + '一、甲\n\n' + paragraph.repeat(Math.ceil(3_100_000 / paragraph.length)) + '二、乙\n\n';
    fs.writeFileSync(file, body);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'required-section'), 90000);
    assert.ok(!ourDiagnostics(document.uri).some((d) => ruleOf(d) === 'numbering-sequence'));
    // a duplicated 二、 typed at the end is not checked while typing...
    await editor.edit((edit) => edit.insert(document.positionAt(document.getText().length), '二、丙\n'));
    await sleep(2500);
    assert.ok(!ourDiagnostics(document.uri).some((d) => ruleOf(d) === 'numbering-sequence'), 'not re-checked while typing');
    // ...but when the file is saved
    assert.ok(await document.save());
    await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'), 90000);
  });
});
