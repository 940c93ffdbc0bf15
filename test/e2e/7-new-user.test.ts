// Issue 11, found by trying the extension as a new user would: each test here failed before its fix.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, closeAllEditors, keyboard, openFixture, openUntitledCopy, ourDiagnostics, ruleOf, projectRoot, scratchDirectory, waitFor, waitForDiagnostics } from './helpers';
import { codeActionsWhere } from '../editor-support/codeActions';

const SUGGEST_WIDGET = '.editor-widget.suggest-widget.visible';
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];

suite('Issue 11: what a new user meets', () => {
  suiteTeardown(closeAllEditors);

  const typeHeadingAfterCompletionOpened = async (open: 'indent' | 'ctrl+space') => {
    const sections = CHINESE_NUMERALS.map((numeral) => `　　${numeral}、第${numeral}项工作。`).join('\n\n');
    const editor = await openUntitledCopy('plaintext', `2024年工作总结\n\n${sections}\n\n${open === 'indent' ? '' : '　　'}`);
    await waitFor('the document is a summary', async () => (await api()).isSummary(editor.document));
    const last = editor.document.lineCount - 1;
    const end = editor.document.lineAt(last).range.end;
    editor.selection = new vscode.Selection(end, end);
    await keyboard(
      open === 'indent' ? { type: '　　' } : { press: 'Control+Space' }, // either opens the list with 十四、
      { waitForSelector: SUGGEST_WIDGET },
      { type: '十四、' },
      { compose: ['zhu', 'zhuyao', 'zhuyaogongzuo'], commit: '主要工作' }, // an input method commits a phrase in one edit
      { waitMs: 300 },
      { press: 'Enter' },
    );
    await waitFor('Enter to reach the document', () => editor.document.lineCount > last + 1 || editor.document.lineAt(last).text !== '　　十四、主要工作');
    assert.strictEqual(editor.document.lineAt(last).text, '　　十四、主要工作', 'the committed phrase stays');
    assert.strictEqual(editor.document.lineCount, last + 2, 'Enter made a new line');
  };

  test('completion opened by the indent never replaces a phrase committed after it: Enter makes a new line', async () => {
    await typeHeadingAfterCompletionOpened('indent');
  });

  test('completion opened by Ctrl+Space closes once the typed text is no marker: Enter makes a new line', async () => {
    await typeHeadingAfterCompletionOpened('ctrl+space');
  });

  test('Ctrl+Alt+Enter on the title line inserts the first section, indented like the others, and renumbers them', async () => {
    const text = '2024年工作总结\n\n　　一、甲项工作。\n\n　　二、乙项工作。';
    const editor = await openUntitledCopy('plaintext', text);
    await waitFor('the document is a summary', async () => (await api()).isSummary(editor.document));
    editor.selection = new vscode.Selection(0, 3, 0, 3);
    await keyboard({ press: 'Control+Alt+Enter' });
    await waitFor('the insertion', () => editor.document.getText() !== text);
    assert.strictEqual(editor.document.getText(), '2024年工作总结\n\n　　一、\n\n　　二、甲项工作。\n\n　　三、乙项工作。');
    assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [2, 4], 'the cursor after the new marker');
  });

  test('"Insert next section" in the middle renumbers only the sections after it, not an older fault elsewhere', async () => {
    const text = '2024年工作总结\n\n　　一、甲。\n\n　　（一）子一。\n\n　　（三）子三。\n\n　　二、乙。\n\n　　三、丙。';
    const editor = await openUntitledCopy('plaintext', text);
    await waitFor('the document is a summary', async () => (await api()).isSummary(editor.document));
    editor.selection = new vscode.Selection(8, 4, 8, 4); // on 二、乙。
    assert.strictEqual(await vscode.commands.executeCommand('officialSummary.insertNextSection', 1), '三、');
    assert.strictEqual(editor.document.getText(), '2024年工作总结\n\n　　一、甲。\n\n　　（一）子一。\n\n　　（三）子三。\n\n　　二、乙。\n\n　　三、\n\n　　四、丙。');
  });

  test('the status bar is hidden while a Word file is open in a binary editor, and back for the summary', async () => {
    const summary = await openFixture('2024年度机关工作总结.md');
    const shown = await api();
    await waitFor('the status bar shows the summary', () => shown.statusBarVisible() && /\d+ chars|\d+ 字/.test(shown.statusBar.text));
    const word = vscode.Uri.file(path.join(scratchDirectory(), '提交稿.docx'));
    assert.ok(await vscode.commands.executeCommand('officialSummary.exportDocx', word, { ifErrorsRemain: 'export' }));
    await vscode.commands.executeCommand('vscode.open', word);
    await waitFor('the Word file is the active tab', () => vscode.window.tabGroups.activeTabGroup.activeTab?.label === '提交稿.docx');
    assert.strictEqual(vscode.window.activeTextEditor, undefined, 'a binary editor, not a text editor');
    await waitFor('the status bar is hidden', () => !shown.statusBarVisible(), 5000);
    await vscode.window.showTextDocument(summary.document);
    await waitFor('the status bar is back', () => shown.statusBarVisible());
  });

  test('in the 1.6 MB document the status bar counts follow the squiggles', async function () {
    this.timeout(120000);
    const large = path.join(projectRoot(), 'test/fixtures/corpus/zh-long-02.md');
    const editor = await openUntitledCopy('markdown', fs.readFileSync(large, 'utf8'));
    const { document } = editor;
    await vscode.commands.executeCommand('officialSummary.markAsSummary');
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 60000);
    const { statusBar } = await api();
    const counts = () => {
      const diagnostics = ourDiagnostics(document.uri);
      const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
      return `$(error) ${errors} $(warning) ${diagnostics.length - errors}`;
    };
    const errorsBefore = ourDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    // A skipped number typed at the first section: a new error squiggle.
    const firstLevelOne = document.getText().search(/^一、/m);
    assert.ok(firstLevelOne > 0, 'the document has a 一、 heading at a line start');
    await editor.edit((edit) => edit.insert(document.positionAt(firstLevelOne), '三、插入的一节\n\n'));
    await waitForDiagnostics(document.uri, (d) => d.filter((x) => x.severity === vscode.DiagnosticSeverity.Error).length > errorsBefore, 60000);
    await waitFor(`the status bar to say ${counts()} (it says ${statusBar.text})`, () => statusBar.text.endsWith(counts()), 15000);
  });

  test('"Export as Word" never proposes the Word file the text came from', async () => {
    const folder = scratchDirectory();
    const seedDocx = vscode.Uri.file(path.join(folder, 'seed.docx'));
    await openFixture('2024年度机关工作总结.md');
    assert.ok(await vscode.commands.executeCommand('officialSummary.exportDocx', seedDocx, { ifErrorsRemain: 'export' }));
    // Opened from the Word file (an untitled document)...
    const opened = await vscode.commands.executeCommand<vscode.TextDocument>('officialSummary.openDocx', seedDocx);
    const fromWord = await vscode.commands.executeCommand<vscode.Uri>('officialSummary.exportDocx', undefined, { proposeOnly: true });
    assert.strictEqual(vscode.window.activeTextEditor?.document, opened);
    assert.notStrictEqual(fromWord.fsPath, seedDocx.fsPath);
    assert.strictEqual(path.dirname(fromWord.fsPath), folder, 'proposed beside the Word file');
    // ...and saved beside it as seed.md.
    const seedMd = path.join(folder, 'seed.md');
    fs.writeFileSync(seedMd, opened.getText());
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(seedMd)));
    await waitFor('seed.md is a summary', async () => (await api()).isSummary(vscode.window.activeTextEditor!.document));
    const fromMd = await vscode.commands.executeCommand<vscode.Uri>('officialSummary.exportDocx', undefined, { proposeOnly: true });
    assert.notStrictEqual(fromMd.fsPath, seedDocx.fsPath);
    assert.ok(!fs.existsSync(fromMd.fsPath), `${fromMd.fsPath} is a new file`);
  });

  test('"Export as Word" asks before exporting a summary with errors left, writes nothing unless told to', async () => {
    const editor = await openUntitledCopy('plaintext', '2024年工作总结\n\n　　一、XX项工作。\n\n　　三、乙项工作。');
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    const target = vscode.Uri.file(path.join(scratchDirectory(), '有错误.docx'));
    // VS Code refuses modal dialogs in extension tests and fails the call with the dialog's text:
    // that text is the proof the warning (Export anyway / Show problems) was put to the user.
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('officialSummary.exportDocx', target)),
      /refused to show dialog in tests.*2 errors remain in this summary, such as: Placeholder `XX`/,
    );
    assert.ok(!fs.existsSync(target.fsPath), 'nothing written');
    assert.ok(await vscode.commands.executeCommand('officialSummary.exportDocx', target, { ifErrorsRemain: 'export' }));
    assert.ok(fs.existsSync(target.fsPath), 'written when the user chooses to');
  });

  test('messageLanguage zh-CN in an English VS Code: outline, status bar and quick fixes all in Chinese', async () => {
    assert.ok(!vscode.env.language.startsWith('zh'), `this run's VS Code is not in Chinese (${vscode.env.language})`);
    const settings = vscode.workspace.getConfiguration('officialSummary');
    await settings.update('messageLanguage', 'zh-CN', vscode.ConfigurationTarget.Global);
    try {
      const editor = await openUntitledCopy('plaintext', '2024年工作总结\n\n　　2024年，我们做了很多工作。\n\n　　一、甲项工作。\n\n　　一、乙项工作。');
      const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => /编号/.test(x.message)));
      const { outline, statusBar } = await api();
      await waitFor('the outline shows the document', () => outline.currentDocument === editor.document);
      const labels = (await outline.allNodes()).map((node) => {
        const item = outline.getTreeItem(node);
        return `${typeof item.label === 'string' ? item.label : item.label?.label ?? ''} ${item.description ?? ''}`;
      });
      const allLabels = labels.join(' | ');
      assert.match(allLabels, /开头 \d+ 字/, allLabels);
      assert.match(allLabels, /必备部分 缺 \d+ 项/, allLabels);
      assert.doesNotMatch(allLabels, /Opening|Required parts|chars|missing/, allLabels);
      await waitFor(`the status bar in Chinese (${statusBar.text})`, () => /工作总结 · \d+ 节 · \d+ 字/.test(statusBar.text));
      const numbering = diagnostics.find((d) => /编号/.test(d.message))!;
      const actions = await codeActionsWhere(editor.document.uri, numbering.range, undefined, (offered) => offered.length > 0);
      const titles = actions.filter((a) => a.kind?.value === 'quickfix').map((a) => a.title);
      assert.ok(titles.includes('重新编排全文序号'), titles.join(' | '));
      assert.deepStrictEqual(titles.filter((title) => /[A-Za-z]{3,}/.test(title.replace(/numbering-\w+/g, ''))), [], 'no English title');
    } finally {
      await settings.update('messageLanguage', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('an empty 2025年工作总结.md: Ctrl+Space offers the whole skeleton, with the year of the file name', async () => {
    const file = vscode.Uri.file(path.join(scratchDirectory(), '2025年工作总结.md'));
    fs.writeFileSync(file.fsPath, '');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await waitFor('the empty file is a summary by its name', async () => (await api()).isSummary(editor.document));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', file, new vscode.Position(0, 0));
    const whole = list.items.find((item) => typeof item.insertText === 'string' && item.insertText.includes('现将有关情况总结如下'));
    assert.ok(whole, `the whole skeleton: ${list.items.map((i) => JSON.stringify(i.label)).join(' ')}`);
    assert.match(String(whole.insertText), /^XX单位2025年工作总结/);
    assert.doesNotMatch(String(whole.insertText), /20XX/);
  });

  test('"New Summary" fills the current empty file, with the year of its name, instead of a new Untitled one', async () => {
    const file = vscode.Uri.file(path.join(scratchDirectory(), '2025年工作总结.md'));
    fs.writeFileSync(file.fsPath, '');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const untitledBefore = vscode.workspace.textDocuments.filter((d) => d.isUntitled).length;
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('officialSummary.newSummary', 'work-summary');
    assert.strictEqual(document, editor.document, 'the current file was filled');
    assert.strictEqual(vscode.workspace.textDocuments.filter((d) => d.isUntitled).length, untitledBefore, 'no new Untitled document');
    assert.match(document.getText(), /^XX单位2025年工作总结/);
    assert.doesNotMatch(document.getText(), /20XX/);
  });

  test('a rule link opens a read-only rendered page at the rule, not docs/rules.md as an editable file', async () => {
    const editor = await openFixture('2024年度机关工作总结.md');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-style'));
    const code = diagnostics.find((d) => ruleOf(d) === 'numbering-style')!.code as { value: string; target: vscode.Uri };
    // What the Problems panel and the hover do with the link: hand it to VS Code's opener.
    await vscode.commands.executeCommand('vscode.open', code.target);
    const page = await waitFor('the rule page', () => (vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputWebview ? (vscode.window.tabGroups.activeTabGroup.activeTab) : undefined));
    assert.match(page.label, /numbering-style/);
    const shown = (await api()).rulePage();
    assert.strictEqual(shown?.rule, 'numbering-style');
    assert.match(shown.html, /<h2[^>]* id="numbering-style"[^>]*>numbering-style<\/h2>/, 'rendered, with the anchor it scrolls to');
    assert.match(shown.html, /scrollIntoView/);
    await waitFor('no text editor on the rules, editable or not', () => !vscode.window.tabGroups.all.some((g) => g.tabs.some((tab) => tab.input instanceof vscode.TabInputText && /rules\.md$|^official-summary-rule:/.test(tab.input.uri.toString()))));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'file' && d.uri.path.endsWith('/docs/rules.md')), 'docs/rules.md is not open as a file');
  });

  test('the skeleton snippet inserts the same skeleton as New Summary, with the year of the file name', async () => {
    const file = vscode.Uri.file(path.join(scratchDirectory(), '2025年工作总结.md'));
    fs.writeFileSync(file.fsPath, '');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await vscode.commands.executeCommand('editor.action.insertSnippet', { name: '工作总结（全文骨架）' });
    await waitFor('the snippet is inserted', () => editor.document.getText() !== '');
    const newSummary = await vscode.commands.executeCommand<vscode.TextDocument>('officialSummary.newSummary', 'work-summary');
    assert.notStrictEqual(newSummary, editor.document, 'the snippet filled the file, so New Summary opened its own');
    assert.strictEqual(editor.document.getText(), newSummary.getText().replace(/20XX/g, '2025'));
    assert.match(editor.document.getText(), /^XX单位2025年工作总结/);
  });
});
