import * as vscode from 'vscode';
import * as assert from './assert';
import { api, openSummary, revert, ruleOf, setSetting, waitFor, waitForDiagnostics } from './helpers';

describe('commands and the status bar through the officialSummary/* requests', () => {
  after(() => setSetting('messageLanguage', undefined));

  it('Renumber Document renumbers the repeated 四、 (officialSummary/renumber)', async () => {
    const editor = await openSummary();
    const { document } = editor;
    try {
      await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
      assert.equal(await vscode.commands.executeCommand<boolean>('officialSummary.renumber'), true);
      assert.equal(document.lineAt(14).text, '　　五、工作保障');
      assert.equal(document.lineAt(10).text, '　　四、存在问题及下一步计划');
    } finally {
      await revert(editor);
    }
  });

  it('the status bar shows the active summary’s sections (officialSummary/status)', async () => {
    await setSetting('messageLanguage', 'en');
    const web = await api();
    await openSummary();
    const text = await waitFor('the status bar item', () => (web.statusBarVisible() && / 5 sections /.test(web.statusBar.text) ? web.statusBar.text : undefined));
    assert.match(text, /\$\(error\) [1-9]/, 'with the errors squiggled');
  });
});
