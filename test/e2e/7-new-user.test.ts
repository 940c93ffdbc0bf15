// Issue 11, found by trying the extension as a new user would: each test here failed before its fix.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, keyboard, openUntitledCopy, waitFor } from './helpers';

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
});
