import * as vscode from 'vscode';
import * as assert from './assert';
import { openSummary, ruleOf, waitFor, waitForDiagnostics } from './helpers';

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
}

describe('completion, symbols and folding from the server in the worker', () => {
  it('completion at a line start offers the next marker', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '2024年工作总结\n\n　　一、甲项工作。\n\n　　二、乙项工作。\n\n　　' });
    await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    const labels = await waitFor('completion items', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end, '　');
      const found = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return found.length > 0 ? found : undefined;
    });
    assert.ok(labels.includes('三、'), `the next sibling 三、 is offered: ${labels.join(' ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('document symbols and folding ranges follow the sections', async () => {
    const editor = await openSummary();
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    const symbols = flatten((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? []);
    const sectionLines = symbols.filter((s) => /^[一二三四]、/.test(s.name)).map((s) => s.selectionRange.start.line);
    assert.deepEqual(sectionLines, [4, 6, 8, 10, 14], `a symbol per section: ${symbols.map((s) => s.name).join(' | ')}`);
    const folding = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri)) ?? [];
    const starts = folding.map((range) => range.start);
    // a section of one paragraph is one line: only the headed parts with text below them fold
    for (const line of [10, 14]) assert.ok(starts.includes(line), `a folding range starts at line ${line}: ${starts.join(',')}`);
  });
});
