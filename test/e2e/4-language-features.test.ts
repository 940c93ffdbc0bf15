import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, openUntitledCopy, readFixture, screenshot, sleep, waitFor } from './helpers';

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
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

suite('Symbols, folding, completion, snippets, grammar', () => {
  suiteTeardown(closeAllEditors);

  test('plain text: the title and every section, nested, are document symbols', async () => {
    const editor = await openFixture('述职报告.txt');
    const symbols = await waitFor('symbols', async () => {
      const found = await symbolsOf(editor.document.uri);
      return found.length > 0 ? found : undefined;
    });
    assert.deepStrictEqual(symbols.map((s) => s.name), [
      '2024年度个人述职报告',
      '一、加强政治学习，提高思想素质',
      '二、认真履职尽责，完成各项任务',
      '三、存在的问题和不足',
      '四、下一步努力方向',
    ]);
    const second = symbols[2]!;
    assert.deepStrictEqual(second.children.map((s) => s.name), ['（一）做好文稿起草', '（二）做好会务保障']);
    assert.strictEqual(second.selectionRange.start.line, 8);
    assert.strictEqual(second.children[1]!.range.start.line, 10);
  });

  test('Markdown: paragraph sections are added, Markdown headings are not doubled', async () => {
    const editor = await openFixture('2024年度机关工作总结.md');
    const symbols = await waitFor('symbols from both providers', async () => {
      const all = flatten(await symbolsOf(editor.document.uri));
      return all.some((s) => s.name.startsWith('一、')) && all.some((s) => s.name.includes('XX局2024年度工作总结')) ? all : undefined;
    }, 15000);
    const names = symbols.map((s) => s.name);
    assert.strictEqual(names.filter((n) => n.includes('XX局2024年度工作总结')).length, 1, names.join(' | '));
    assert.strictEqual(names.filter((n) => n === '一、主要工作和成效').length, 1, names.join(' | '));
    assert.ok(names.includes('（二）突出重点任务'), names.join(' | '));
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

  test('the grammar colours markers by level, enumerations and placeholders, in plain text and Markdown', async function () {
    // The workbench offers no API for token scopes, so tokenize with the TextMate engine VS Code
    // itself ships (vscode-textmate + vscode-oniguruma under its app root), the same way it does.
    const textmatePath = path.join(vscode.env.appRoot, 'node_modules', 'vscode-textmate');
    const onigurumaPath = path.join(vscode.env.appRoot, 'node_modules', 'vscode-oniguruma');
    if (!fs.existsSync(textmatePath) || !fs.existsSync(onigurumaPath)) {
      console.log(`      (skipped: no vscode-textmate under ${vscode.env.appRoot})`);
      this.skip();
    }
    /* eslint-disable @typescript-eslint/no-require-imports */
    const textmate = require(textmatePath);
    const oniguruma = require(onigurumaPath);
    const wasmFile = path.join(onigurumaPath, 'release', 'onig.wasm');
    await oniguruma.loadWASM(fs.readFileSync(wasmFile).buffer);
    const extensionPath = vscode.extensions.getExtension('official-summary.official-summary')!.extensionPath;
    const grammarFiles: Record<string, string> = {
      'text.plain.official-summary': path.join(extensionPath, 'syntaxes/official-summary.plaintext.tmLanguage.json'),
      'official-summary.injection': path.join(extensionPath, 'syntaxes/official-summary.injection.tmLanguage.json'),
      'text.html.markdown': path.join(vscode.env.appRoot, 'extensions/markdown-basics/syntaxes/markdown.tmLanguage.json'),
    };
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope: string) => (grammarFiles[scope] ? textmate.parseRawGrammar(fs.readFileSync(grammarFiles[scope]!, 'utf8'), grammarFiles[scope]) : null),
      getInjections: (scope: string) => (scope === 'text.html.markdown' ? ['official-summary.injection'] : []),
    });
    const scopesOf = async (scope: string, lines: string[]) => {
      const grammar = await registry.loadGrammar(scope);
      const found: { text: string; scopes: string }[] = [];
      let state = textmate.INITIAL;
      for (const line of lines) {
        const result = grammar.tokenizeLine(line, state);
        for (const token of result.tokens) found.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes.join(' ') });
        state = result.ruleStack;
      }
      return (text: string) => found.find((t) => t.text === text)?.scopes ?? `(no token "${text}" in ${found.map((t) => t.text).join('|')})`;
    };
    const lines = ['　　一、标题。一是甲；二是乙。', '', '　　（一）小标题XX', '', '　　1.第三级', '', '　　（1）第四级', '', '　　①第五级', '', '## 二、标题'];
    const plain = await scopesOf('text.plain.official-summary', lines);
    assert.match(plain('一、'), /marker\.level1\.official-summary/);
    assert.match(plain('（一）'), /marker\.level2\.official-summary/);
    assert.match(plain('1.'), /marker\.level3\.official-summary/);
    assert.match(plain('（1）'), /marker\.level4\.official-summary/);
    assert.match(plain('①'), /marker\.level5\.official-summary/);
    assert.match(plain('一是'), /enumeration\.official-summary/);
    assert.match(plain('XX'), /placeholder\.official-summary/);
    const markdown = await scopesOf('text.html.markdown', lines);
    assert.match(markdown('一、'), /marker\.level1\.official-summary/);
    assert.match(markdown('（一）'), /marker\.level2\.official-summary/);
    assert.match(markdown('二是'), /enumeration\.official-summary/);
    assert.match(markdown('XX'), /placeholder\.official-summary/);
    assert.match(markdown('二、'), /markup\.heading.*marker\.level1\.official-summary/);
  });
});
