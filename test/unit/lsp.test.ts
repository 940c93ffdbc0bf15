import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type CodeAction,
  type CompletionList,
  type DocumentSymbol,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../src/core/index';
import { LSP_SUMMARY, LspTestClient } from '../support/lsp-client';

const SUMMARY = LSP_SUMMARY;

/** The rules and 1-based lines the core itself finds in `text`: what the server must publish. */
function coreFindings(text: string, fileName: string): string[] {
  const lines = TextDocument.create('x', 'plaintext', 0, text);
  return analyze(text, { fileName, format: 'text' })
    .findings.map((f) => `${f.rule}@${lines.positionAt(f.start).line}:${lines.positionAt(f.start).character}`)
    .sort();
}

function published(p: { diagnostics: { code?: number | string; range: { start: { line: number; character: number } } }[] }): string[] {
  return p.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`).sort();
}

describe('summary-lint --lsp --stdio (JSON-RPC client)', function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspTestClient;
  let rootUri: string;
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-lsp-'));
    rootUri = pathToFileURL(dir).href;
    client = new LspTestClient();
    await client.initialize(rootUri);
  });
  afterEach(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const open = (name: string, text: string, languageId = 'plaintext', version = 1) =>
    client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(name), languageId, version, text } });

  it('publishes versioned diagnostics with rule links, the same findings as the core', async () => {
    await open('2025年工作总结.txt', SUMMARY);
    const result = await client.diagnostics((p) => p.uri === uriOf('2025年工作总结.txt'));
    assert.equal(result.version, 1);
    assert.deepEqual(published(result), coreFindings(SUMMARY, '2025年工作总结.txt'));
    const duplicate = result.diagnostics.find((d) => d.code === 'numbering-sequence')!;
    assert.equal(duplicate.source, 'official-summary');
    assert.equal(duplicate.range.start.line, 14);
    assert.match(duplicate.codeDescription!.href, /rules\.md#numbering-sequence$/);
    assert.match(duplicate.message, /expected `三、`/, 'the client said locale en');
  });

  it('gives a document that is not a summary nothing', async () => {
    await open('README.md', '# Notes\n\n二、 misc\n\n二、 more\n', 'markdown');
    await open('2025年工作总结.txt', SUMMARY);
    await client.diagnostics((p) => p.uri === uriOf('2025年工作总结.txt'));
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('README.md') } });
    assert.deepEqual(symbols, []);
    assert.equal(client.published.filter((p) => p.uri === uriOf('README.md')).length, 0);
  });

  it('offers the quick fix, fix-all of the rule and source.fixAll as versioned edits', async () => {
    await open('2025年工作总结.txt', SUMMARY);
    const result = await client.diagnostics((p) => p.uri === uriOf('2025年工作总结.txt'));
    const duplicate = result.diagnostics.find((d) => d.code === 'numbering-sequence')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf('2025年工作总结.txt') },
      range: duplicate.range,
      context: { diagnostics: [duplicate] },
    })) as CodeAction[];
    const quickFix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred)!;
    assert.ok(quickFix, JSON.stringify(actions));
    const fixed = applyAction(SUMMARY, quickFix, 1);
    assert.equal(fixed, SUMMARY.replace('　　二、存在的问题', '　　三、存在的问题'));

    const fixAll = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf('2025年工作总结.txt') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0]!.kind, 'source.fixAll.officialSummary');
    assert.equal(applyAction(SUMMARY, fixAll[0]!, 1), fixed);
  });

  it('lists sections as nested symbols and folds them', async () => {
    await open('2025年工作总结.txt', SUMMARY);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('2025年工作总结.txt') } })) as DocumentSymbol[];
    // one tree: the title, with every section nested under it
    assert.deepEqual(symbols.map((s) => s.name), ['2025年工作总结']);
    assert.deepEqual(
      symbols[0]!.children!.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]),
      [
        ['一、加强学习', ['（一）理论学习', '（二）业务学习']],
        ['二、完善制度', []],
        ['二、存在的问题', []],
      ],
    );
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uriOf('2025年工作总结.txt') } });
    assert.ok(folds?.some((f) => f.startLine === 4 && f.endLine === 10), JSON.stringify(folds));
    assert.ok(folds?.some((f) => f.startLine === 6 && f.endLine === 8), JSON.stringify(folds));
  });

  it('completes the next marker at a line start and offers the missing parts', async () => {
    const text = SUMMARY.replace('　　二、存在的问题\n\n　　下一步，我们将继续努力。\n', '　　');
    await open('2025年工作总结.txt', text);
    const lastLine = text.split('\n').length - 1;
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uriOf('2025年工作总结.txt') },
      position: { line: lastLine, character: 2 },
    })) as CompletionList;
    assert.equal(list.isIncomplete, true, 'asked again at every keystroke, so typing narrows the list');
    const completion = list.items;
    const labels = completion.map((c) => c.label);
    assert.equal(labels[0], '三、', labels.join(' '));
    assert.ok(labels.includes('（一）'), labels.join(' '));
    const parts = completion.filter((c) => c.kind === 15);
    assert.ok(parts.length > 0, 'a work summary without 存在的问题 and 下一步 misses parts');
    assert.ok(parts.every((p) => typeof p.textEdit?.newText === 'string' && p.textEdit.newText.length > 0));
    // inside a sentence there is nothing to complete
    const inText = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf('2025年工作总结.txt') }, position: { line: 2, character: 10 } })) as CompletionList;
    assert.deepEqual(inText.items, []);
  });

  it('reads the officialSummary settings through workspace/configuration, and again after a change', async () => {
    await open('2025年工作总结.txt', SUMMARY);
    const first = await client.diagnostics((p) => p.uri === uriOf('2025年工作总结.txt'));
    assert.ok(first.diagnostics.some((d) => d.code === 'numbering-sequence'));
    assert.ok(client.configurationRequests.length > 0);
    client.settings = { rules: { 'numbering-sequence': 'off' }, messageLanguage: 'zh-CN' };
    const before = client.published.length;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const second = await client.diagnostics((p) => p.uri === uriOf('2025年工作总结.txt') && client.published.indexOf(p) >= before);
    assert.ok(!second.diagnostics.some((d) => d.code === 'numbering-sequence'), JSON.stringify(second));
  });

  it('reads .summaryrc.json from the workspace folder, and include/exclude decide what is a summary', async () => {
    fs.writeFileSync(path.join(dir, '.summaryrc.json'), JSON.stringify({ rules: { 'numbering-sequence': 'warning' } }));
    client.settings = { include: ['notes/*.txt'] };
    await open('notes/plan.txt', '计划\n\n一、甲\n\n一、乙\n');
    await open('2025年工作总结.txt', SUMMARY);
    const summary = await client.diagnostics((p) => p.uri === uriOf('2025年工作总结.txt'));
    assert.equal(summary.diagnostics.find((d) => d.code === 'numbering-sequence')?.severity, 2, 'warning, from the file');
    const included = await client.diagnostics((p) => p.uri === uriOf('notes/plan.txt'));
    assert.ok(included.diagnostics.some((d) => d.code === 'numbering-sequence'), 'a file the include glob names is checked');
  });

  it('drops stale versions: every publish describes the text of the version it names', async () => {
    const name = '2025年工作总结.txt';
    const versions = new Map<number, string>([[1, SUMMARY]]);
    await open(name, SUMMARY);
    let text = SUMMARY;
    // five edits sent back to back: each adds a duplicate 二、, so each version has its own findings
    for (let version = 2; version <= 6; version++) {
      const lines = text.split('\n');
      const insertAt = lines.length - 2;
      text = [...lines.slice(0, insertAt), '　　二、又一项', '', ...lines.slice(insertAt)].join('\n');
      versions.set(version, text);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: uriOf(name), version },
        contentChanges: [{ text }],
      });
    }
    const last = await client.diagnostics((p) => p.uri === uriOf(name) && p.version === 6);
    assert.deepEqual(published(last), coreFindings(text, name));
    const ofDocument = client.published.filter((p) => p.uri === uriOf(name));
    for (const publish of ofDocument) {
      assert.ok(publish.version !== undefined && versions.has(publish.version), 'every publish names its version');
      assert.deepEqual(published(publish), coreFindings(versions.get(publish.version)!, name), `version ${publish.version}`);
    }
    const order = ofDocument.map((p) => p.version!);
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'never an older version after a newer one');
  });
});

function applyAction(text: string, action: CodeAction, expectedVersion: number): string {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  assert.equal(change.textDocument.version, expectedVersion, 'the edit names the version it was made for');
  const document = TextDocument.create(change.textDocument.uri, 'plaintext', expectedVersion, text);
  return TextDocument.applyEdits(document, change.edits.filter((e): e is { range: typeof e.range; newText: string } => 'range' in e));
}
