import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { OutlineNode } from '../../src/extension/outline';
import {
  api, closeAllEditors, fixture, openFixture, openUntitledCopy, projectRoot, readFixture, renderedText, ruleOf, screenshot, sleep, waitFor, waitForDiagnostics,
} from './helpers';

const SUMMARY = '2024年度机关工作总结.md';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** What a click on the item does: its command, with its arguments. */
async function click(item: vscode.TreeItem): Promise<unknown> {
  assert.ok(item.command, `${label(item)} has a command`);
  return vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
}

async function treeFor(editor: vscode.TextEditor): Promise<{ nodes: OutlineNode[]; item: (n: OutlineNode) => vscode.TreeItem }> {
  const extension = await api();
  await waitFor('the outline shows the active summary', () => extension.outline.currentDocument === editor.document);
  const nodes = await extension.outline.allNodes();
  return { nodes, item: (n) => extension.outline.getTreeItem(n) };
}

suite('Outline tree view', () => {
  suiteTeardown(closeAllEditors);

  test('shows title, opening, sections by level with markers, character counts and findings', async () => {
    const editor = await openFixture(SUMMARY);
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    const extension = await api();
    const { nodes, item } = await treeFor(editor);
    const roots = await extension.outline.getChildren();
    assert.deepStrictEqual(roots.map((n) => label(item(n))).slice(0, 6), [
      'XX局2024年度工作总结',
      'Opening',
      '一、主要工作和成效',
      '二、创新工作方法',
      '二、加强队伍建设',
      '四、2025年工作打算',
    ]);
    const first = roots[2]!;
    assert.deepStrictEqual(first.children.map((n) => label(item(n))), ['(一)强化组织领导', '（二）突出重点任务']);
    assert.strictEqual(extension.outline.getParent(first.children[0]!), first, 'getParent for reveal');
    assert.strictEqual(item(first.children[1]!).description, `${'（二）突出重点任务。全年完成重点项目12个，超额完成年度目标。'.length} chars`);
    // The duplicated 二、 carries an error icon and the finding in its tooltip.
    const duplicate = item(roots[4]!);
    assert.strictEqual((duplicate.iconPath as vscode.ThemeIcon).id, 'error');
    assert.match((duplicate.tooltip as vscode.MarkdownString).value, /二、/);
    const clean = item(roots[3]!);
    assert.notStrictEqual((clean.iconPath as vscode.ThemeIcon).id, 'error');
    assert.notStrictEqual((clean.iconPath as vscode.ThemeIcon).id, 'warning');
    // The checklist: problems are missing in this summary.
    const parts = nodes.filter((n) => n.kind === 'part').map((n) => label(item(n)));
    assert.ok(parts.includes('✗ Problems'), parts.join(' | '));
    assert.ok(parts.some((p) => p.startsWith('✓ ')), parts.join(' | '));
  });

  test('a part with a length limit in .summaryrc.json shows its count against the limit', async () => {
    const configUri = fixture('.summaryrc.json');
    const original = readFixture('.summaryrc.json');
    const editor = await openFixture(SUMMARY);
    const extension = await api();
    await treeFor(editor);
    const openingDescription = async (): Promise<string> => {
      extension.outline.refresh();
      const roots = await extension.outline.getChildren();
      const opening = roots.find((n) => n.kind === 'opening');
      return opening ? String(extension.outline.getTreeItem(opening).description ?? '') : '(no opening)';
    };
    assert.match(await openingDescription(), /^\d+ chars$/, 'no limit before the file sets one');
    const limited = original.replace('"houseStyle": "common",', '"houseStyle": "common",\n  "sectionLength": { "limits": { "opening": { "min": 300, "max": 500 } } },');
    assert.notStrictEqual(limited, original);
    let last = '';
    try {
      fs.writeFileSync(configUri.fsPath, limited);
      const description = await waitFor('the opening shows count / limit', async () => {
        last = await openingDescription();
        return /\/ 300–500$/.test(last) ? last : undefined;
      }).catch((error: Error) => { throw new Error(`${error.message}; the opening showed "${last}"`); });
      assert.match(description, /^\d+ chars \/ 300–500$/);
    } finally {
      fs.writeFileSync(configUri.fsPath, original);
    }
    await waitFor('the limit is gone once the file no longer sets it', async () => /^\d+ chars$/.test(await openingDescription()));
  });

  test('clicking a section goes to its line', async () => {
    const editor = await openFixture(SUMMARY);
    const { nodes, item } = await treeFor(editor);
    const target = nodes.find((n) => n.kind === 'section' && label(item(n)) === '四、2025年工作打算')!;
    await click(item(target));
    const active = vscode.window.activeTextEditor!;
    assert.strictEqual(active.document.uri.toString(), editor.document.uri.toString());
    assert.strictEqual(active.selection.active.line, 14);
  });

  test('typing asks the view again only for the items it changed, and a click still finds its line after lines were added above', async () => {
    const extension = await api();
    const editor = await openUntitledCopy('markdown', readFixture(SUMMARY));
    const document = editor.document;
    await vscode.commands.executeCommand('officialSummary.outline.focus');
    await waitFor('the outline view is visible', () => extension.outlineView.visible);
    await vscode.window.showTextDocument(document);
    const { item } = await treeFor(editor);
    await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    const events: (OutlineNode | OutlineNode[] | undefined | null | void)[] = [];
    const listening = extension.outline.onDidChangeTreeData((event) => events.push(event));
    try {
      const labelsOf = (event: (typeof events)[number] | 'whole') => (Array.isArray(event) ? event.map((n) => label(item(n))).sort() : String(event));
      // the view settles first: a change within moments of a whole refresh refreshes the whole again
      const settled = async () => {
        let seen = -1;
        let since = Date.now();
        await waitFor('the outline view to settle', () => {
          if (events.length !== seen) [seen, since] = [events.length, Date.now()];
          return Date.now() - since > 500;
        });
        events.length = 0;
      };
      await settled();
      // a word more in （二）: its count and that of 一、 holding it change, nothing else
      await editor.edit((edit) => edit.insert(new vscode.Position(8, document.lineAt(8).text.length), '成效明显。'));
      const first = await waitFor('the outline updated after the edit', () => events.find((event) => Array.isArray(event) && event.length > 0) ?? (events.includes(undefined) ? 'whole' : undefined))
        
      // (a missing part's click carries the version it was made for, so its item is sent again each time)
      const changed = (event: (typeof events)[number] | 'whole') => (Array.isArray(event) ? event.map((n) => label(item(n))).filter((l) => !l.startsWith('✗ ')).sort() : String(event));
      assert.deepStrictEqual(changed(first), ['一、主要工作和成效', '（二）突出重点任务'].sort(), `events: ${JSON.stringify(events.map(labelsOf))}`);
      const second = (await extension.outline.getChildren())[2]!.children[1]!;
      const count = `${'（二）突出重点任务。全年完成重点项目12个，超额完成年度目标。成效明显。'.length} chars`;
      assert.strictEqual(item(second).description, count, 'the item has the new count');
      // and the workbench shows it: the row was sent again
      let rows: string[] = [];
      await waitFor('the row of （二） with its new count', async () => {
        rows = await renderedText('.custom-view-tree-node-item');
        return rows.some((row) => row.includes('（二）突出重点任务') && row.includes(count));
      }).catch((error: Error) => { throw new Error(`${error.message}: the rows show ${JSON.stringify(rows)}`); });

      // a paragraph added to the opening moves every section two lines down: only the opening's count changes
      await settled();
      await editor.edit((edit) => edit.insert(new vscode.Position(2, document.lineAt(2).text.length), '\n\n　　补充一段。'));
      const moved = await waitFor('the outline updated after the second edit', () => events.find((event) => Array.isArray(event) && event.length > 0) ?? (events.includes(undefined) ? 'whole' : undefined));
      assert.deepStrictEqual(changed(moved), ['Opening'], `events: ${JSON.stringify(events.map(labelsOf))}`);
      const nodes = await extension.outline.allNodes();
      const plan = nodes.find((n) => n.kind === 'section' && label(item(n)) === '四、2025年工作打算')!;
      await click(item(plan));
      assert.strictEqual(vscode.window.activeTextEditor!.selection.active.line, 16, 'the click reads where the section is now');
    } finally {
      listening.dispose();
    }
  });

  test('while the writer types the tree waits; once typing pauses it sends only the rows that changed', async () => {
    const extension = await api();
    const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    const numeral = (n: number) => (n <= 10 ? digits[n]! : `${n >= 20 ? digits[Math.floor(n / 10)] : ''}十${digits[n % 10]}`);
    const items = Array.from({ length: 30 }, (_, i) => `（${numeral(i + 1)}）第${numeral(i + 1)}项工作。按计划完成了全年任务。`);
    const text = [
      '# 2024年度工作总结', '', '　　今年以来，我们认真落实年度计划，各项工作取得新进展。', '',
      '## 一、主要工作', '', ...items.flatMap((line) => [line, '']),
      '## 二、存在问题', '', '　　一些工作推进还不够快。', '', '## 三、下一步计划', '', '　　继续抓好落实。', '',
    ].join('\n');
    const editor = await openUntitledCopy('markdown', text);
    const document = editor.document;
    await vscode.commands.executeCommand('officialSummary.outline.focus');
    await waitFor('the outline view is visible', () => extension.outlineView.visible);
    await vscode.window.showTextDocument(document);
    const { item } = await treeFor(editor);
    const holder = async () => (await extension.outline.getChildren()).find((n) => label(item(n)) === '一、主要工作')!;
    await waitFor('一、 holds its thirty sections', async () => (await holder())?.children.length === 30);
    const events: { at: number; event: OutlineNode | OutlineNode[] | undefined | null | void }[] = [];
    const listening = extension.outline.onDidChangeTreeData((event) => events.push({ at: Date.now(), event }));
    const labelsOf = (event: (typeof events)[number]['event']) => (Array.isArray(event) ? event.map((n) => label(item(n))).filter((l) => !l.startsWith('✗ ')).sort() : [String(event)]);
    try {
      // the view settles after its first fetch (a change then would refresh the whole)
      await sleep(1000);
      events.length = 0;
      const line = 6 + 2 * 2; // （三）
      assert.ok(document.lineAt(line).text.startsWith('（三）'), document.lineAt(line).text);
      const before = item(await holder()).description;
      // three seconds of slow typing, a word every 500 ms: the server publishes after each (its debounce
      // is shorter), the tree waits
      let publishes = 0;
      const counting = vscode.languages.onDidChangeDiagnostics((e) => { if (e.uris.some((u) => u.toString() === document.uri.toString())) publishes++; });
      // typed at the cursor, as a writer does: the cursor moves too, and the tree follows it only after the pause
      const active = await vscode.window.showTextDocument(document);
      const end = document.lineAt(line).text.length;
      active.selection = new vscode.Selection(line, end, line, end);
      await sleep(300); // the tree follows that cursor move first
      const published = events.length;
      const typingStarted = Date.now();
      for (const word of ['成效', '明显', '，', '群众', '满意', '。']) {
        await vscode.commands.executeCommand('type', { text: word });
        await sleep(500);
      }
      assert.ok(document.lineAt(line).text.endsWith('成效明显，群众满意。'), document.lineAt(line).text);
      counting.dispose();
      assert.ok(publishes >= 2 && events.length === published, `the server published ${publishes} times while typing, the tree sent ${events.length - published} changes`);
      const typingEnded = Date.now();
      await waitFor('the outline updated after the pause', () => events.slice(published).find((e) => Array.isArray(e.event) && labelsOf(e.event).length > 0));
      assert.deepStrictEqual(events.filter((e) => e.at >= typingStarted && e.at < typingEnded).map((e) => labelsOf(e.event)), [], 'nothing was sent while typing');
      await sleep(500);
      const after = [...new Set(events.slice(published).flatMap((e) => labelsOf(e.event)))].sort();
      assert.ok(after.includes('一、主要工作') && after.every((l) => ['一、主要工作', '（三）第三项工作'].includes(l)), `only the section typed in and its holder are sent: ${JSON.stringify(events.map((e) => labelsOf(e.event)))}`);
      const count = String(item(await holder()).description);
      assert.notStrictEqual(count, before, 'the holder has its new count');
      const third = (await holder()).children[2]!;
      const thirdCount = String(item(third).description);
      assert.strictEqual(thirdCount, `${document.lineAt(line).text.replace(/\s/g, '').length} chars`, '（三） has its new count');
      let rows: string[] = [];
      await waitFor('the rows of 一、 and （三） with their new counts', async () => {
        rows = await renderedText('.custom-view-tree-node-item');
        return rows.some((row) => row.includes('一、主要工作') && row.includes(count)) && rows.some((row) => row.includes('（三）第三项工作') && row.includes(thirdCount));
      }).catch((error: Error) => { throw new Error(`${error.message}: the rows show ${JSON.stringify(rows)}`); });
    } finally {
      listening.dispose();
    }
  });

  test('typing in a long document while the server reads it keeps the tree: no whole refresh, no empty tree', async () => {
    const extension = await api();
    const text = fs.readFileSync(path.join(projectRoot(), 'test/fixtures/corpus/zh-long-02.md'), 'utf8');
    const editor = await openUntitledCopy('markdown', text);
    const document = editor.document;
    await vscode.commands.executeCommand('officialSummary.outline.focus');
    await waitFor('the outline view is visible', () => extension.outlineView.visible);
    await vscode.window.showTextDocument(document);
    await waitFor('the outline of the long document', async () => extension.outline.currentDocument === document && (await extension.outline.getChildren()).length > 20, 30000);
    await sleep(1500); // the view settles after its first fetch
    const events: (OutlineNode | OutlineNode[] | undefined | null | void)[] = [];
    const emptied: number[] = [];
    const listening = extension.outline.onDidChangeTreeData((event) => events.push(event));
    try {
      // as a writer types: a letter, the outline asked for (as after a publish), the letter taken back
      // while the server still reads the text with it: that answer is overtaken, the next is not
      const line = Math.floor(document.lineCount / 2);
      await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), 'ECHO\n'));
      const at = new vscode.Position(line, 4);
      for (let i = 0; i < 12; i++) {
        await editor.edit((edit) => edit.insert(at, 'x'));
        const asked = extension.outline.update();
        await editor.edit((edit) => edit.delete(new vscode.Range(at, at.translate(0, 1))));
        await asked;
        if ((await extension.outline.getChildren()).length === 0) emptied.push(i);
        await sleep(100 + (i % 4) * 80);
      }
      await sleep(2500);
      assert.deepStrictEqual(emptied, [], 'the tree never went empty while typing');
      assert.ok(!events.includes(undefined), `no whole refresh while typing: ${events.map((e) => (Array.isArray(e) ? e.length : String(e))).join(' ')}`);
      assert.ok(events.some((e) => Array.isArray(e) && e.length > 0), 'the items whose counts changed were sent');
    } finally {
      listening.dispose();
    }
  });

  test('the tree follows the cursor', async () => {
    const extension = await api();
    const editor = await openFixture(SUMMARY);
    await vscode.commands.executeCommand('officialSummary.outline.focus');
    await waitFor('the outline view is visible', () => extension.outlineView.visible);
    await vscode.window.showTextDocument(editor.document);
    const active = vscode.window.activeTextEditor!;
    active.selection = new vscode.Selection(8, 4, 8, 4); // inside （二）
    await waitFor('the tree selects （二）', () => extension.outlineView.selection[0]?.id === 'section:0.1');
    active.selection = new vscode.Selection(14, 3, 14, 3); // inside 四、
    await waitFor('the tree selects 四、', () => extension.outlineView.selection[0]?.id === 'section:3');
    if (process.env.E2E_SCREENSHOTS) {
      // Give the summary outline the whole side bar for the README picture.
      for (const command of ['workbench.explorer.fileView.removeView', 'outline.removeView', 'timeline.removeView', 'workbench.action.closeAuxiliaryBar']) {
        await vscode.commands.executeCommand(command).then(undefined, () => undefined);
      }
      console.log('[collapse-pane] workspace');
      await vscode.window.showTextDocument(editor.document);
      active.selection = new vscode.Selection(12, 3, 12, 3); // on the duplicated 二、
      await waitFor('the tree selects the duplicated 二、', () => extension.outlineView.selection[0]?.id === 'section:2');
      // The people this is for read the findings in Chinese.
      const settings = vscode.workspace.getConfiguration('officialSummary');
      await settings.update('messageLanguage', 'zh-CN', vscode.ConfigurationTarget.Global);
      try {
        await waitFor('Chinese labels in the tree', async () => {
          const nodes = await extension.outline.allNodes();
          return nodes.some((n) => n.kind === 'section' && String(extension.outline.getTreeItem(n).description).endsWith(' 字'));
        });
        await sleep(800);
        await screenshot('outline-and-squiggles');
        await vscode.commands.executeCommand('editor.action.showHover');
        await sleep(1500);
        await screenshot('hover-with-finding');
      } finally {
        await settings.update('messageLanguage', undefined, vscode.ConfigurationTarget.Global);
      }
    }
  });

  test('an unnumbered heading holds its sections, the notes part is a node, and clicking either goes to its line', async () => {
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
      '名词解释',
      '',
      '1.“民生实事”：县政府每年向社会承诺办理的实事。',
      '',
    ].join('\n');
    const editor = await openUntitledCopy('plaintext', text);
    const { nodes, item } = await treeFor(editor);
    const heading = nodes.find((n) => n.kind === 'node' && n.node.kind === 'heading');
    assert.ok(heading, nodes.map((n) => label(item(n))).join(' | '));
    assert.strictEqual(label(item(heading)), '2025年工作回顾');
    assert.deepStrictEqual(heading.children.map((n) => label(item(n))), ['（一）经济运行稳中向好', '（二）民生保障更加有力']);
    assert.strictEqual((await (await api()).outline.getChildren()).includes(heading), true, 'a heading group at the top level');
    const notes = nodes.find((n) => n.kind === 'node' && n.node.kind === 'notes')!;
    assert.ok(notes, 'the notes part is a node');
    assert.strictEqual(label(item(notes)), 'Notes: 名词解释');
    assert.deepStrictEqual(notes.children.map((n) => label(item(n))), ['1.“民生实事”']);
    for (const [node, line] of [[heading, 4], [notes, 12]] as const) {
      await click(item(node));
      const active = vscode.window.activeTextEditor!;
      assert.strictEqual(active.document, editor.document);
      assert.strictEqual(active.selection.active.line, line, `${label(item(node))} reveals its line`);
    }
    // the tree follows the cursor into the heading's text, and into the notes part
    const extension = await api();
    await vscode.commands.executeCommand('officialSummary.outline.focus');
    await waitFor('the outline view is visible', () => extension.outlineView.visible);
    await vscode.window.showTextDocument(editor.document);
    vscode.window.activeTextEditor!.selection = new vscode.Selection(6, 2, 6, 2);
    await waitFor('the tree selects the heading', () => extension.outlineView.selection[0]?.id === heading.id);
    vscode.window.activeTextEditor!.selection = new vscode.Selection(12, 1, 12, 1);
    await waitFor('the tree selects the notes part', () => extension.outlineView.selection[0]?.id === notes.id);
  });

  test('an appendix after the body is one node, its items left out, and clicking it goes to its 附件 line', async () => {
    const text = [
      '2025年青禾县人民政府工作报告',
      '',
      '各位代表：现在，我代表县人民政府向大会报告工作，请予审议。',
      '',
      '一、2025年工作回顾',
      '',
      '全县经济运行稳中有进，各项目标任务顺利完成。',
      '',
      '二、2026年工作安排',
      '',
      '抓好十件民生实事，办好群众身边事。',
      '',
      '附件',
      '',
      '2026年十件民生实事',
      '',
      '一、改造老旧小区十二个',
      '',
      '二、新建幼儿园两所',
      '',
    ].join('\n');
    const editor = await openUntitledCopy('plaintext', text);
    const { nodes, item } = await treeFor(editor);
    const labels = nodes.map((n) => label(item(n)));
    const appendix = nodes.find((n) => n.kind === 'node' && n.node.kind === 'appendix');
    assert.ok(appendix, labels.join(' | '));
    assert.strictEqual(label(item(appendix)), '附件 2026年十件民生实事');
    assert.deepStrictEqual(appendix.children, []);
    assert.ok(!labels.some((l) => /改造老旧小区|新建幼儿园/.test(l)), `the appendix's items are no nodes: ${labels.join(' | ')}`);
    assert.deepStrictEqual(
      nodes.filter((n) => n.kind === 'section').map((n) => label(item(n))),
      ['一、2025年工作回顾', '二、2026年工作安排'],
    );
    await click(item(appendix));
    assert.strictEqual(vscode.window.activeTextEditor!.selection.active.line, 12);
  });

  test('clicking a missing part inserts its skeleton in place, numbered', async () => {
    const text = readFixture(SUMMARY);
    const editor = await openUntitledCopy('markdown', text);
    const { nodes, item } = await treeFor(editor);
    const missing = nodes.find((n) => n.kind === 'part' && !n.present && n.partId === 'problems');
    assert.ok(missing, 'problems is missing');
    assert.strictEqual(await click(item(missing)), true);
    const after = editor.document.getText();
    assert.ok(after.length > text.length);
    assert.match(after, /存在的问题/);
    assert.ok(after.indexOf('存在的问题') < after.indexOf('2025年工作打算'), 'problems come before the plan');
    const refreshed = await waitFor('the checklist shows problems present', async () => {
      const all = await (await api()).outline.allNodes();
      const part = all.find((n) => n.kind === 'part' && n.partId === 'problems');
      return part && part.kind === 'part' && part.present ? part : undefined;
    });
    assert.ok(label(item(refreshed)).startsWith('✓'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), text);
  });

  test('moving a section down swaps it with the next and renumbers, in one undo step', async () => {
    const text = '2024年工作总结\n\n　　一、甲项工作。甲的内容。\n\n　　二、乙项工作。乙的内容。\n\n　　三、丙项工作。丙的内容。\n';
    const editor = await openUntitledCopy('plaintext', text);
    const { nodes, item } = await treeFor(editor);
    const first = nodes.find((n) => n.kind === 'section' && label(item(n)) === '一、甲项工作')!;
    assert.strictEqual(item(first).contextValue, 'section', 'the context menu applies');
    assert.strictEqual(await vscode.commands.executeCommand('officialSummary.moveSectionDown', first), true);
    assert.strictEqual(editor.document.getText(), '2024年工作总结\n\n　　一、乙项工作。乙的内容。\n\n　　二、甲项工作。甲的内容。\n\n　　三、丙项工作。丙的内容。\n');
    await sleep(100);
    const moved = (await (await api()).outline.allNodes()).find((n) => n.kind === 'section' && label(item(n)) === '三、丙项工作')!;
    assert.strictEqual(await vscode.commands.executeCommand('officialSummary.moveSectionUp', moved), true);
    assert.strictEqual(editor.document.getText(), '2024年工作总结\n\n　　一、乙项工作。乙的内容。\n\n　　二、丙项工作。丙的内容。\n\n　　三、甲项工作。甲的内容。\n');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), text);
  });
});
