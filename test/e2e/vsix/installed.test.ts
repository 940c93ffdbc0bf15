import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'official-summary.official-summary';

suite('The packaged .vsix, installed', () => {
  test('is installed from the .vsix (not the development folder) and holds only what it needs', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'installed');
    const root = extension.extensionPath;
    const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    assert.ok(!folder.startsWith(root), `installed copy at ${root}`);
    assert.ok(fs.existsSync(path.join(root, 'dist', 'extension.js')), 'the bundle');
    for (const needed of ['package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json', 'snippets/summary.code-snippets', 'schemas/summaryrc.schema.json', 'docs/rules.md', 'dist/docx.js', 'dist/client.js', 'dist/server.js', 'media/summary-outline.svg']) {
      assert.ok(fs.existsSync(path.join(root, needed)), needed);
    }
    for (const unwanted of ['src', 'node_modules', 'test', 'out', 'scripts', 'docs/images', 'docs/docx.md', 'bench', 'dist/extension.js.map', 'dist/cli.js', 'tsconfig.json']) {
      assert.ok(!fs.existsSync(path.join(root, unwanted)), `${unwanted} is not packaged`);
    }
  });

  test('works: a summary opened in the workspace gets its diagnostics and commands', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, '2024年度机关工作总结.md'));
    await vscode.window.showTextDocument(document);
    const until = Date.now() + 20000;
    let codes: string[] = [];
    while (Date.now() < until) {
      codes = vscode.languages.getDiagnostics(document.uri)
        .filter((d) => d.source === 'official-summary')
        .map((d) => String((d.code as { value: string }).value));
      if (codes.includes('numbering-style') && codes.includes('numbering-sequence')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(codes.includes('numbering-style') && codes.includes('numbering-sequence'), `diagnostics: ${codes.join(', ')}`);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['officialSummary.renumber', 'officialSummary.newSummary', 'officialSummary.checkWorkspace']) {
      assert.ok(commands.includes(id), id);
    }
  });
});
