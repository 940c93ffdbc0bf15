import type { OutlineResult } from '../../../src/server/protocol';
import * as assert from './assert';
import { api, openSummary, ruleOf, waitForDiagnostics } from './helpers';

describe('Summary Outline in the web', () => {
  it('the server in the worker answers officialSummary/outline with the document’s sections', async () => {
    const { client } = await api();
    const editor = await openSummary();
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
