import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, CompletionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentSymbolRequest, type CodeAction, type CompletionList, type DocumentSymbol, type TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits } from '../../src/core/index';
import {
  OfficialSummaryMethods as M,
  type CheckTextResult,
  type EditResult,
  type FixAllResult,
  type InsertNextSectionResult,
  type InsertPartResult,
  type MoveSectionResult,
  type NextMarkersResult,
  type OutlineResult,
  type OutlineTreeNode,
  type StatusResult,
} from '../../src/server/protocol';
import { LSP_SUMMARY, LspTestClient } from '../support/lsp-client';

const SUMMARY = LSP_SUMMARY;

describe('summary-lint --lsp: the officialSummary/* requests the VS Code extension uses', function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspTestClient;
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const NAME = '2025年工作总结.txt';

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-lsp-requests-'));
    client = new LspTestClient();
    await client.initialize(pathToFileURL(dir).href);
  });
  afterEach(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const open = async (name: string, text: string, languageId = 'plaintext', version = 1) => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(name), languageId, version, text } });
  };
  const change = (name: string, text: string, version: number) =>
    client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uriOf(name), version }, contentChanges: [{ text }] });
  const request = <R>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<R>;

  it('outline: title, opening, sections with counts and their findings, the checklist of parts', async () => {
    await open(NAME, SUMMARY);
    const outline = (await request<OutlineResult>(M.outline, { textDocument: { uri: uriOf(NAME) } }))!;
    assert.equal(outline.version, 1);
    assert.equal(outline.title?.text, '2025年工作总结');
    assert.equal(SUMMARY.slice(outline.opening!.start, outline.opening!.end).trim(), '今年以来，我们认真履职。现将有关情况总结如下：');
    assert.deepEqual(outline.sections.map((s) => s.marker.text + s.marker.headingText), ['一、加强学习', '二、完善制度', '二、存在的问题']);
    assert.deepEqual(outline.sections[0]!.children.map((s) => s.marker.text + s.marker.headingText), ['（一）理论学习', '（二）业务学习']);
    assert.equal(outline.sections[0]!.children[1]!.characters, '（二）业务学习'.length);
    const duplicate = outline.sections[2]!;
    assert.ok(duplicate.findings.some((f) => f.severity === 'error' && /三、/.test(f.message)), JSON.stringify(duplicate.findings));
    assert.deepEqual(outline.sections[1]!.findings, []);
    assert.ok(outline.parts.some((p) => p.id === 'problems' && p.present), JSON.stringify(outline.parts));
  });

  it('outline tree: unnumbered headings holding their sections, 一是 headings, the notes part as nodes; document symbols from the same tree', async () => {
    const text = [
      '2025年青禾县人民政府工作报告',
      '',
      '各位代表：现在，我代表县人民政府向大会报告工作，请予审议。',
      '',
      '2025年工作回顾',
      '',
      '过去一年，全县经济运行稳中有进，社会大局和谐稳定，各项目标任务顺利完成。',
      '',
      '（一）经济运行稳中向好。全年地区生产总值增长百分之五点六。',
      '',
      '（二）民生保障更加有力。新增城镇就业二千一百人。',
      '',
      '2026年工作安排',
      '',
      '一、重点工作',
      '',
      '一是扩大有效投资，增强发展后劲',
      '',
      '全年实施县级重点项目一百二十个。',
      '',
      '二是持续改善民生，增进人民福祉',
      '',
      '办好十件民生实事。',
      '',
      '名词解释',
      '',
      '1.“十件民生实事”：县政府每年向社会承诺办理的十件实事。',
      '',
    ].join('\n');
    const name = '2025年青禾县人民政府工作报告.txt';
    await open(name, text);
    const outline = (await request<OutlineResult>(M.outline, { textDocument: { uri: uriOf(name) } }))!;
    const shape = (nodes: OutlineTreeNode[]): unknown[] => nodes.map((n) => (n.children.length ? [`${n.kind}:${n.label}`, shape(n.children)] : `${n.kind}:${n.label}`));
    assert.deepEqual(shape(outline.tree), [
      'title:2025年青禾县人民政府工作报告',
      'opening:各位代表：现在，我代表县人民政府向大会报告工作，请予审议。',
      ['heading:2025年工作回顾', ['section:（一）经济运行稳中向好', 'section:（二）民生保障更加有力']],
      ['heading:2026年工作安排', [['section:一、重点工作', ['enumeration:一是扩大有效投资，增强发展后劲', 'enumeration:二是持续改善民生，增进人民福祉']]]],
      ['notes:名词解释', ['section:1.“十件民生实事”']],
    ]);
    const review = outline.tree[2]!;
    assert.equal(text.slice(review.labelStart, review.labelStart + review.label.length), '2025年工作回顾', 'the label is where it stands');
    assert.equal(review.characters, [...text.slice(review.start, review.end)].filter((c) => !/\s/u.test(c)).length);
    const firstSection = review.children[0]!;
    assert.equal(firstSection.section?.level, 2);
    assert.equal(firstSection.section?.marker.text, '（一）');
    assert.ok(firstSection.end <= review.children[1]!.start);
    // the old field is still there for older clients: the sections as the model nests them
    assert.deepEqual(outline.sections.map((s) => s.marker.text), ['（一）', '（二）', '一、', '1.']);

    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(name) } })) as DocumentSymbol[];
    const names = (list: DocumentSymbol[]): unknown[] => list.map((s) => (s.children?.length ? [s.name, names(s.children)] : s.name));
    assert.deepEqual(names(symbols), [
      ['2025年青禾县人民政府工作报告', [
        ['2025年工作回顾', ['（一）经济运行稳中向好', '（二）民生保障更加有力']],
        ['2026年工作安排', [['一、重点工作', ['一是扩大有效投资，增强发展后劲', '二是持续改善民生，增进人民福祉']]]],
        ['名词解释', ['1.“十件民生实事”']],
      ]],
    ]);
    const heading = symbols[0]!.children![0]!;
    assert.deepEqual(heading.selectionRange, { start: { line: 4, character: 0 }, end: { line: 4, character: 9 } });
    assert.equal(heading.range.end.line, 10, 'the heading’s symbol ends with its last section');
  });

  it('status: profile, sections and characters; null for a document that is no summary', async () => {
    await open(NAME, SUMMARY);
    await open('README.md', '# Notes\n\n一、甲\n', 'markdown');
    const status = (await request<StatusResult>(M.status, { textDocument: { uri: uriOf(NAME) } }))!;
    assert.equal(status.profileId, 'work-summary');
    assert.equal(status.sections, 5);
    assert.equal(status.characters, [...SUMMARY].filter((c) => !/\s/u.test(c)).length);
    assert.equal(await request(M.status, { textDocument: { uri: uriOf('README.md') } }), null);
  });

  it('documentState: the user’s mark makes a file a summary, and the profile choice is in force', async () => {
    await open('README.md', '# Notes\n\n一、甲\n\n一、乙\n', 'markdown');
    await client.connection.sendNotification(M.documentState, { uri: uriOf('README.md'), mark: 'summary', profileChoice: 'debriefing' });
    const published = await client.diagnostics((p) => p.uri === uriOf('README.md') && p.diagnostics.length > 0);
    assert.ok(published.diagnostics.some((d) => d.code === 'numbering-sequence'));
    const status = (await request<StatusResult>(M.status, { textDocument: { uri: uriOf('README.md') } }))!;
    assert.equal(status.profileId, 'debriefing');
    assert.equal(status.profileReason, 'chosen');
    await client.connection.sendNotification(M.documentState, { uri: uriOf('README.md'), mark: 'not-summary' });
    await client.diagnostics((p) => p.uri === uriOf('README.md') && p.diagnostics.length === 0);
  });

  it('renumber and fixAll: edits for the version asked, null for another version', async () => {
    await open(NAME, SUMMARY);
    const renumber = (await request<EditResult>(M.renumber, { textDocument: { uri: uriOf(NAME), version: 1 } }))!;
    assert.equal(applyEdits(SUMMARY, renumber.edits), SUMMARY.replace('　　二、存在的问题', '　　三、存在的问题'));
    const fixAll = (await request<FixAllResult>(M.fixAll, { textDocument: { uri: uriOf(NAME), version: 1 } }))!;
    assert.ok(fixAll.fixed >= 1);
    assert.match(applyEdits(SUMMARY, fixAll.edits), /三、存在的问题/);
    await change(NAME, SUMMARY + '\n', 2);
    assert.equal(await request(M.renumber, { textDocument: { uri: uriOf(NAME), version: 1 } }), null, 'the text moved on');
  });

  it('nextMarkers and insertNextSection: the next sibling first, inserted with the renumbering it causes', async () => {
    const text = '2025年工作总结\n\n　　一、甲项工作\n\n　　二、乙项工作\n';
    await open(NAME, text);
    const afterFirst = text.indexOf('甲项工作') + 4;
    const next = (await request<NextMarkersResult>(M.nextMarkers, { textDocument: { uri: uriOf(NAME) }, offset: afterFirst }))!;
    assert.equal(next.markers[0]!.text, '二、');
    const inserted = (await request<InsertNextSectionResult>(M.insertNextSection, { textDocument: { uri: uriOf(NAME), version: 1 }, offset: afterFirst }))!;
    assert.equal(inserted.marker, '二、');
    const after = applyEdits(text, inserted.edits);
    assert.equal(after, '2025年工作总结\n\n　　一、甲项工作\n\n　　二、\n\n　　三、乙项工作\n');
    assert.equal(after.slice(0, inserted.cursorAfter).endsWith('　　二、'), true);
  });

  it('insertPart: a missing part, numbered like its neighbours', async () => {
    const text = '2025年工作总结\n\n　　一、主要工作\n\n　　认真工作。\n\n　　二、下一步打算\n\n　　继续努力。\n';
    await open(NAME, text);
    const outline = (await request<OutlineResult>(M.outline, { textDocument: { uri: uriOf(NAME) } }))!;
    const missing = outline.parts.find((p) => p.id === 'problems' && !p.present)!;
    assert.ok(missing, JSON.stringify(outline.parts));
    const result = (await request<InsertPartResult>(M.insertPart, { textDocument: { uri: uriOf(NAME), version: 1 }, partId: missing.id }))!;
    const after = applyEdits(text, result.edits);
    assert.ok(after.length > text.length);
    assert.match(after, /二、存在的问题[\s\S]*三、下一步打算/, after);
    assert.equal(await request(M.insertPart, { textDocument: { uri: uriOf(NAME), version: 1 }, partId: 'no-such-part' }), null);
  });

  it('moveSection: swaps bodies so the numbering stays in order; says when there is nothing to swap with', async () => {
    const text = '2024年工作总结\n\n　　一、甲项工作。甲的内容。\n\n　　二、乙项工作。乙的内容。\n\n　　三、丙项工作。丙的内容。\n';
    await open(NAME, text);
    const down = (await request<MoveSectionResult>(M.moveSection, { textDocument: { uri: uriOf(NAME), version: 1 }, offset: text.indexOf('一、'), direction: 'down' }))!;
    assert.equal(applyEdits(text, down.edits), '2024年工作总结\n\n　　一、乙项工作。乙的内容。\n\n　　二、甲项工作。甲的内容。\n\n　　三、丙项工作。丙的内容。\n');
    const up = (await request<MoveSectionResult>(M.moveSection, { textDocument: { uri: uriOf(NAME), version: 1 }, offset: text.indexOf('甲的'), direction: 'up' }))!;
    assert.equal(up.atEdge, 'first');
    assert.deepEqual(up.edits, []);
  });

  it('checkText: a file that is not open gets the diagnostics it would get open', async () => {
    const result = await request<CheckTextResult>(M.checkText, { uri: uriOf('closed/2025年工作总结.txt'), text: SUMMARY });
    assert.equal(result.isSummary, true);
    assert.ok(result.diagnostics.some((d) => d.code === 'numbering-sequence' && d.range.start.line === 14));
    const notes = await request<CheckTextResult>(M.checkText, { uri: uriOf('notes.txt'), text: 'shopping list\n一、milk\n' });
    assert.deepEqual(notes, { isSummary: false, diagnostics: [] });
  });

  it('completion: typing narrows the list to the items it is a prefix of; an empty summary gets its whole skeleton', async () => {
    const text = '2025年工作总结\n\n　　一、甲项工作\n\n　　';
    await open(NAME, text);
    const at = (character: number) => ({ textDocument: { uri: uriOf(NAME) }, position: { line: 4, character } });
    const first = (await request<CompletionList>(CompletionRequest.method, at(2)))!;
    assert.ok(first.items.some((i) => i.label === '二、') && first.items.some((i) => i.label === '（一）'), JSON.stringify(first.items.map((i) => i.label)));
    await change(NAME, `${text}（`, 2);
    const narrowed = (await request<CompletionList>(CompletionRequest.method, at(3)))!;
    assert.deepEqual(narrowed.items.filter((i) => i.kind === 20).map((i) => i.label), ['（一）']);
    await change(NAME, `${text}（一）主要`, 3);
    const past = (await request<CompletionList>(CompletionRequest.method, at(7)))!;
    assert.deepEqual(past.items, []);

    await open('2026年工作总结.md', '', 'markdown');
    const empty = (await request<CompletionList>(CompletionRequest.method, { textDocument: { uri: uriOf('2026年工作总结.md') }, position: { line: 0, character: 0 } }))!;
    assert.equal(empty.items.length, 1);
    assert.match(empty.items[0]!.textEdit!.newText, /2026/, 'the year of the file name');
  });

  it('Markdown: "disable for this line" puts a next-line comment above, indented like the line', async () => {
    const text = '# 2025年工作总结\n\n　　一、甲项工作\n\n　　一、乙项工作\n';
    await open('2025年工作总结.md', text, 'markdown');
    const published = await client.diagnostics((p) => p.uri === uriOf('2025年工作总结.md') && p.diagnostics.some((d) => d.code === 'numbering-sequence'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'numbering-sequence')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf('2025年工作总结.md') }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const disable = actions.find((a) => a.title === 'Disable numbering-sequence for this line')!;
    assert.ok(disable, actions.map((a) => a.title).join(' | '));
    const edit = disable.edit!.documentChanges![0] as TextDocumentEdit;
    const after = TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), edit.edits as { range: never; newText: string }[]);
    const line = diagnostic.range.start.line;
    const lines = after.split('\n');
    assert.equal(lines[line], `${/^\s*/.exec(text.split('\n')[line]!)![0]}<!-- summary-lint-disable-next-line numbering-sequence -->`);
  });
});
