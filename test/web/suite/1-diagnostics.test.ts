import * as assert from './assert';
import * as vscode from 'vscode';
import { openSummary, ruleOf, setSetting, waitForDiagnostics } from './helpers';

describe('diagnostics from the language server in the worker', () => {
  after(() => setSetting('messageLanguage', undefined));

  it('shows the document’s faults where they are', async () => {
    const editor = await openSummary();
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    const byRule = (rule: string) => diagnostics.filter((d) => ruleOf(d) === rule).map((d) => editor.document.getText(d.range));
    assert.deepEqual(byRule('numbering-sequence'), ['四、'], 'the second 四、 is flagged');
    assert.equal(diagnostics.find((d) => ruleOf(d) === 'numbering-sequence')?.range.start.line, 14);
    assert.deepEqual(byRule('pasted-content'), ['##paidbegin##']);
    assert.deepEqual(byRule('placeholder'), ['XX']);
  });

  it('reads .summaryrc.json of the folder through the client (placeholder set to info there)', async () => {
    const editor = await openSummary();
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'placeholder'));
    const placeholder = diagnostics.find((d) => ruleOf(d) === 'placeholder');
    assert.equal(placeholder?.severity, vscode.DiagnosticSeverity.Information, 'the folder’s file lowered the rule to info');
    assert.equal(diagnostics.find((d) => ruleOf(d) === 'pasted-content')?.severity, vscode.DiagnosticSeverity.Error, 'other rules keep their default');
  });

  it('follows officialSummary.messageLanguage (the server pulls the setting)', async () => {
    const editor = await openSummary();
    const uri = editor.document.uri;
    await setSetting('messageLanguage', 'en');
    const english = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence' && x.message.startsWith('Duplicated number')), 'English messages');
    assert.match(english.find((d) => ruleOf(d) === 'numbering-sequence')!.message, /五、/);
    await setSetting('messageLanguage', 'zh-CN');
    const chinese = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence' && x.message.includes('编号重复')), 'Chinese messages');
    assert.match(chinese.find((d) => ruleOf(d) === 'numbering-sequence')!.message, /应为“五、”/);
  });
});
