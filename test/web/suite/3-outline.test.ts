import * as vscode from 'vscode';
import type { OutlineResult } from '../../../src/server/protocol';
import * as assert from './assert';
import { api, openSummary, ruleOf, waitFor, waitForDiagnostics } from './helpers';

describe('Summary Outline in the web', () => {
  it('the server in the worker answers officialSummary/outline with the document’s sections', async () => {
    const editor = await openSummary();
    const { client } = await api();
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    const outline = await client.sendRequest<OutlineResult | null>('officialSummary/outline', { textDocument: { uri: editor.document.uri.toString() } });
    assert.ok(outline, 'an outline for a summary');
    assert.equal(outline.version, editor.document.version);
    assert.equal(outline.title?.text, '2023年度宣传工作总结');
    assert.deepEqual(
      outline.sections.map((s) => `${s.marker.text}${s.marker.headingText}`),
      ['一、抓好理论学习，筑牢思想根基', '二、做强新闻宣传，讲好部门故事', '三、加强阵地建设，营造良好氛围', '四、存在问题及下一步计划', '四、工作保障'],
    );
    assert.equal(editor.document.positionAt(outline.sections[4]!.start).line, 14, 'offsets are the document’s');
  });
});

describe('Summary Outline view in the web', () => {
  it('shows the document’s title and sections, the repeated 四、 marked with an error', async () => {
    const web = await api();
    const editor = await openSummary();
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    await waitFor('the outline to show the active summary', () => web.outline.currentDocument?.uri.toString() === editor.document.uri.toString());
    const nodes = await waitFor('the outline’s nodes', async () => {
      const all = await web.outline.allNodes();
      return all.some((node) => node.kind === 'section') ? all : undefined;
    });
    const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
    const title = nodes.find((node) => node.kind === 'title');
    assert.ok(title, 'a title node');
    assert.equal(labelOf(web.outline.getTreeItem(title)), '2023年度宣传工作总结');
    const sections = nodes.filter((node) => node.kind === 'section').map((node) => web.outline.getTreeItem(node));
    assert.deepEqual(sections.map(labelOf), ['一、抓好理论学习，筑牢思想根基', '二、做强新闻宣传，讲好部门故事', '三、加强阵地建设，营造良好氛围', '四、存在问题及下一步计划', '四、工作保障']);
    const iconOf = (item: vscode.TreeItem) => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined);
    assert.equal(iconOf(sections[4]!), 'error', 'the repeated 四、 carries its error');
    assert.equal(sections[0]!.contextValue, 'section');
  });
});
