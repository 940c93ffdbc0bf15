import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, openUntitledCopy, readFixture, screenshot, sleep, waitFor, waitForDiagnostics } from './helpers';

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

/** The extension's semantic tokens over the whole document, decoded with its legend. */
async function semanticTokensOf(document: vscode.TextDocument): Promise<{ text: string; type: string; modifiers: string[] }[]> {
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentRangeSemanticTokensLegend', document.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentRangeSemanticTokens', document.uri, whole);
  if (!legend || !tokens) return [];
  const decoded: { text: string; type: string; modifiers: string[] }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 5 <= tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifierBits] = Array.from(tokens.data.slice(i, i + 5));
    line += deltaLine!;
    character = deltaLine ? deltaStart! : character + deltaStart!;
    decoded.push({
      text: document.lineAt(line).text.slice(character, character + length!),
      type: legend.tokenTypes[type!]!,
      modifiers: legend.tokenModifiers.filter((_, bit) => modifierBits! & (1 << bit)),
    });
  }
  return decoded;
}

async function symbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
}

async function completionLabels(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
  // In the order the suggest widget shows them (by sortText, else label).
  return list.items
    .map((i) => ({ label: labelOf(i), key: i.sortText ?? labelOf(i) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((i) => i.label);
}

suite('Symbols, folding, completion, snippets, colours', () => {
  suiteTeardown(closeAllEditors);

  test('plain text: one tree, the title with every section nested under it', async () => {
    const editor = await openFixture('述职报告.txt');
    const symbols = await waitFor('symbols', async () => {
      const found = await symbolsOf(editor.document.uri);
      return found.length > 0 ? found : undefined;
    });
    assert.deepStrictEqual(symbols.map((s) => s.name), ['2024年度个人述职报告']);
    const sections = symbols[0]!.children;
    assert.deepStrictEqual(sections.map((s) => s.name), [
      '一、加强政治学习，提高思想素质',
      '二、认真履职尽责，完成各项任务',
      '三、存在的问题和不足',
      '四、下一步努力方向',
    ]);
    const second = sections[1]!;
    assert.deepStrictEqual(second.children.map((s) => s.name), ['（一）做好文稿起草', '（二）做好会务保障']);
    assert.strictEqual(second.selectionRange.start.line, 8);
    assert.strictEqual(second.children[1]!.range.start.line, 10);
  });

  test('Markdown summary: one tree (no second group beside the built-in one), sections under the title', async () => {
    const editor = await openFixture('2024年度机关工作总结.md');
    const symbols = await waitFor('the summary\'s symbols', async () => {
      const found = await symbolsOf(editor.document.uri);
      return found.length > 0 && found[0]!.children.length > 0 ? found : undefined;
    }, 15000);
    // the built-in Markdown provider alone would give the title; two providers give two groups,
    // which this command returns as their roots side by side
    assert.deepStrictEqual(symbols.map((s) => s.name), ['XX局2024年度工作总结'], 'a single root');
    assert.deepStrictEqual(symbols[0]!.children.map((s) => s.name), ['一、主要工作和成效', '二、创新工作方法', '二、加强队伍建设', '四、2025年工作打算']);
    assert.deepStrictEqual(symbols[0]!.children[0]!.children.map((s) => s.name), ['(一)强化组织领导', '（二）突出重点任务']);

    // a Markdown file that is not a summary keeps the built-in outline of its headings
    const readme = await openFixture('README.md');
    const builtIn = await waitFor('the README\'s symbols', async () => {
      const found = await symbolsOf(readme.document.uri);
      return found.length > 0 ? found : undefined;
    }, 15000);
    const names = flatten(builtIn).map((s) => s.name);
    assert.ok(names.length === 1 && names[0]!.includes('Fixture workspace'), names.join(' | '));
  });

  test('a folding range for each multi-line section', async () => {
    const editor = await openFixture('述职报告.txt');
    const ranges = await waitFor('folding ranges', async () => {
      const found = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    const spans = ranges.map((r) => `${r.start}-${r.end}`);
    assert.ok(spans.includes('8-10'), `二、 folds lines 8-10: ${spans.join(', ')}`);
    assert.ok(spans.includes('14-16'), `四、 folds to the closing line: ${spans.join(', ')}`);
  });

  test('at a line start, completion offers the next marker at each level and the missing parts', async () => {
    const text = readFixture('2024年度机关工作总结.md') + '\n　　';
    const editor = await openUntitledCopy('markdown', text);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    // Typed full-width space: a trigger character, so it works with Markdown's quick suggestions off.
    const labels = await completionLabels(editor.document.uri, end, '　');
    assert.strictEqual(labels[0], '五、', `the next sibling comes first: ${labels.join(' ')}`);
    assert.ok(labels.includes('（一）'), `a first child is offered too: ${labels.join(' ')}`);
    assert.ok(labels.includes('Problems'), `the missing part: ${labels.join(' ')}`);
    const inside = await completionLabels(editor.document.uri, new vscode.Position(9, 0)); // the blank line after （二）
    assert.strictEqual(inside[0], '（三）', `after （二） comes （三）: ${inside.join(' ')}`);
    const midSentence = await completionLabels(editor.document.uri, new vscode.Position(10, 12));
    assert.ok(!midSentence.includes('五、') && !midSentence.includes('（三）'), 'no markers in the middle of a sentence');
    if (process.env.E2E_SCREENSHOTS) {
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
      editor.selection = new vscode.Selection(end, end);
      await vscode.commands.executeCommand('officialSummary.suggest');
      await sleep(1200);
      await screenshot('completion-next-marker');
      await vscode.commands.executeCommand('hideSuggestWidget');
    }
  });

  test('"Insert next section" adds the next marker on a new paragraph', async () => {
    const text = '2024年工作总结\n\n　　一、甲项工作。\n\n　　二、乙项工作。';
    const editor = await openUntitledCopy('plaintext', text);
    editor.selection = new vscode.Selection(4, 5, 4, 5);
    const inserted = await vscode.commands.executeCommand('officialSummary.insertNextSection');
    assert.strictEqual(inserted, '三、');
    assert.strictEqual(editor.document.getText(), text + '\n\n　　三、');
    assert.strictEqual(editor.selection.active.line, 6);
  });

  test('snippets for skeletons and parts are contributed for Markdown and plain text', async () => {
    const editor = await openUntitledCopy('markdown', '2024年工作总结\n\nyishi');
    const end = editor.document.lineAt(2).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end);
    const snippet = list.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && /一是/.test(String((i.insertText as vscode.SnippetString)?.value ?? i.insertText ?? '')));
    assert.ok(snippet, `the 一是/二是/三是 snippet: ${list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => JSON.stringify(i.label)).join(' ')}`);
  });

  test('markers by level and enumerations are coloured in summaries only, with calm scopes', async () => {
    const lines = ['2024年工作总结', '', '　　一、标题。一是甲；二是乙。', '', '　　（一）小标题', '', '　　1.第三级', '', '　　（1）第四级', '', '　　①第五级'];
    const summary = await openUntitledCopy('plaintext', lines.join('\n'));
    const tokens = await waitFor('semantic tokens of the summary', async () => {
      const found = await semanticTokensOf(summary.document);
      return found.length > 0 ? found : undefined;
    });
    const at = (text: string) => tokens.find((t) => t.text === text);
    assert.deepStrictEqual(['一、', '（一）', '1.', '（1）', '①'].map((m) => `${m} ${at(m)?.type} ${at(m)?.modifiers.join(',')}`), [
      '一、 summaryMarker level1', '（一） summaryMarker level2', '1. summaryMarker level3', '（1） summaryMarker level4', '① summaryMarker level5',
    ]);
    assert.deepStrictEqual(tokens.filter((t) => t.type === 'summaryEnumeration').map((t) => t.text), ['一是', '二是']);

    // the same words in a Markdown file that is not a summary (a README) are left alone
    const readme = await openUntitledCopy('markdown', '# 使用说明\n\n一是安装；二是配置。\n\n一、准备\n');
    await waitForDiagnostics(summary.document.uri); // the extension has seen both documents by now
    assert.deepStrictEqual(await semanticTokensOf(readme.document), []);

    // no grammar colours any Markdown or .txt file regardless (their red and loud scopes are gone)
    const contributes = vscode.extensions.getExtension('official-summary.official-summary')!.packageJSON.contributes;
    assert.strictEqual(contributes.grammars, undefined);
    const scopes = JSON.stringify(contributes.semanticTokenScopes);
    assert.ok(!/invalid|storage|keyword/.test(scopes), scopes);
  });
});
