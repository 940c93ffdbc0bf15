import * as assert from './assert';
import * as vscode from 'vscode';
import { setSetting } from './helpers';

describe('Word files in VS Code for the Web', () => {
  after(() => setSetting('messageLanguage', undefined));

  it('the Word commands say, in the message language, that they need the desktop or the CLI', async () => {
    await setSetting('messageLanguage', 'en');
    const english = await vscode.commands.executeCommand<string>('officialSummary.exportDocx');
    assert.match(english, /^Word files \(\.docx\) cannot be opened or exported in VS Code for the Web\./);
    assert.match(english, /summary-lint/);
    await setSetting('messageLanguage', 'zh-CN');
    const chinese = await vscode.commands.executeCommand<string>('officialSummary.openDocx');
    assert.match(chinese, /^VS Code 网页版无法打开或导出 Word 文件（\.docx）/);
  });
});
