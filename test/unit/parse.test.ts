import assert from 'node:assert/strict';
import {
  analyze,
  formatChineseNumeral,
  parseChineseNumeral,
  parseSummary,
  readMarker,
  type Section,
} from '../../src/core/index';

describe('Chinese numerals', () => {
  it('reads and writes numerals well past 十, both ways', () => {
    const cases: [string, number][] = [['一', 1], ['十', 10], ['十一', 11], ['二十', 20], ['二十一', 21], ['九十九', 99], ['一百', 100], ['一百零五', 105], ['一百一十', 110]];
    for (const [text, value] of cases) {
      assert.equal(parseChineseNumeral(text), value, text);
      assert.equal(formatChineseNumeral(value), text, String(value));
    }
    for (let n = 1; n <= 300; n++) assert.equal(parseChineseNumeral(formatChineseNumeral(n)), n);
  });

  it('rejects strings that are not numerals', () => {
    for (const text of ['一二', '十十', '', '是']) assert.equal(parseChineseNumeral(text), undefined, text);
  });
});

describe('markers', () => {
  const read = (text: string) => {
    const m = readMarker(text);
    return m && { text: m.text, level: m.level, number: m.number, style: m.style, ambiguous: m.ambiguous };
  };

  it('reads every level and its variants', () => {
    assert.deepEqual(read('十一、加强'), { text: '十一、', level: 1, number: 11, style: 'cn-dun', ambiguous: false });
    assert.deepEqual(read('（十二）加强'), { text: '（十二）', level: 2, number: 12, style: 'cn-paren', ambiguous: false });
    assert.equal(read('(一)加强')?.style, 'cn-paren-half');
    assert.equal(read('（一）、加强')?.style, 'cn-paren-punct');
    assert.equal(read('一.加强')?.style, 'cn-dot');
    assert.deepEqual(read('1.加强'), { text: '1.', level: 3, number: 1, style: 'arabic-dot', ambiguous: false });
    assert.equal(read('1. 加强')?.level, 3);
    assert.equal(read('12、加强')?.style, 'arabic-dun');
    assert.equal(read('（3）加强')?.level, 4);
    assert.equal(read('⑵加强')?.number, 2);
    assert.equal(read('②加强')?.level, 5);
  });

  it('does not take numbers for markers', () => {
    assert.equal(read('8.6个重大科技专项')?.ambiguous, true, '8.6 may be a decimal');
    assert.equal(read('2025年'), undefined);
    assert.equal(read('3.5亿元')?.ambiguous, true);
    assert.equal(read('2022-04-3'), undefined);
    assert.equal(read('一是加强'), undefined);
    assert.equal(read('一年来'), undefined);
    assert.equal(read('3、4月份')?.ambiguous, true, 'a digit after the marker makes it ambiguous');
  });

  it('decides an ambiguous marker by its neighbours', () => {
    const asItem = parseSummary('1、甲。\n2、乙。\n3、4月份又有新成员加入。\n4、丁。\n', { fileName: 'a.txt' });
    assert.deepEqual(asItem.markers.map((m) => m.number), [1, 2, 3, 4]);
    const notes = parseSummary('名词解释\n\n7.甲：乙。\n\n8.6个重大科技专项：丙。\n\n9.丁：戊。\n', { fileName: 'a.md' });
    assert.deepEqual(notes.markers.map((m) => m.text), ['7.', '8.', '9.']);
    const decimal = parseSummary('一、成效\n\n2.5亿元投资到位。\n', { fileName: 'a.txt' });
    assert.deepEqual(decimal.markers.map((m) => m.text), ['一、']);
    const firstItem = parseSummary('二、11月份的工作计划：\n1、11月的主要任务。\n2、测试。\n', { fileName: 'a.txt' });
    assert.deepEqual(firstItem.markers.map((m) => m.text), ['二、', '1、', '2、']);
    const asMonth = parseSummary('一、进展\n\n3、4月份又有新成员加入。\n', { fileName: 'a.txt' });
    assert.deepEqual(asMonth.markers.map((m) => m.text), ['一、']);
  });
});

describe('the summary model', () => {
  const outline = (sections: Section[]): unknown[] =>
    sections.map((s) => [s.marker.text, s.marker.headingText, ...(s.children.length ? [outline(s.children)] : [])]);

  const plain = '2025年工作总结\n\n　　今年以来，我们认真履职。现将有关情况总结如下：\n\n　　一、加强学习。一是读原著；二是学原文。\n\n　　（一）理论学习\n\n1.加强学习。\n2.完善制度。\n\n　　二、存在问题\n';

  it('builds the section tree with run-in headings from plain text', () => {
    const doc = parseSummary(plain, { fileName: 'a.txt' });
    assert.equal(doc.title?.text, '2025年工作总结');
    assert.ok(doc.opening && plain.slice(doc.opening.start, doc.opening.end).includes('现将有关情况总结如下'));
    assert.deepEqual(outline(doc.sections), [
      ['一、', '加强学习', [['（一）', '理论学习', [['1.', '加强学习'], ['2.', '完善制度']]]]],
      ['二、', '存在问题'],
    ]);
    assert.deepEqual(doc.enumerations.map((e) => [e.text, e.kind, e.number]), [['一是', 'shi', 1], ['二是', 'shi', 2]]);
    assert.equal(doc.period?.from, 2025);
  });

  it('gives the same model for the same content in Markdown and plain text', () => {
    const text = parseSummary(plain, { fileName: 'a.txt' });
    const markdown = parseSummary(plain, { fileName: 'a.md' });
    assert.deepEqual(outline(markdown.sections), outline(text.sections));
    assert.deepEqual(markdown.enumerations.map((e) => e.start), text.enumerations.map((e) => e.start));
    assert.equal(markdown.title?.text, text.title?.text);
  });

  it('reads markers in # headings, list items and every line of a paragraph', () => {
    const doc = parseSummary('# 总结\n\n## 一、总体情况\n\n1. 加强学习\n2. 完善制度\n\n（一）甲；\n（二）乙。\n', { fileName: 'a.md' });
    assert.deepEqual(doc.markers.map((m) => [m.text, m.at]), [['一、', 'heading'], ['1.', 'list-item'], ['2.', 'list-item'], ['（一）', 'paragraph'], ['（二）', 'line']]);
  });

  it('reads text indented by four spaces as prose, not code', () => {
    const doc = parseSummary('总结\n\n一、成果：\n\n    1. 专家包框架升级。\n    2. 发布不稳定版。\n\n    4. 组件包扩充。\n', { fileName: 'a.md' });
    assert.deepEqual(doc.markers.map((m) => m.text), ['一、', '1.', '2.', '4.']);
  });

  it('reads markers indented with the typographic spaces web pages use (U+2003 EM SPACE …), as with U+3000', () => {
    for (const space of ['\u3000', '\u2003', '\u2002', '\u00a0', '\u200b']) {
      const text = `2025年工作报告\n\n${space}${space}一、工作回顾\n\n${space}${space}（一）经济运行稳中有进。\n\n${space}${space}二、工作安排\n`;
      for (const fileName of ['a.md', 'a.txt']) {
        const doc = parseSummary(text, { fileName });
        assert.deepEqual(doc.sections.map((s) => [s.marker.text, s.children.map((c) => c.marker.text)]), [['一、', ['（一）']], ['二、', []]], `${JSON.stringify(space)} in ${fileName}`);
      }
    }
  });

  it('keeps fenced code out of the numbering', () => {
    const doc = parseSummary('# 总结\n\n```\n一、不是标题\n```\n\n一、标题\n', { fileName: 'a.md' });
    assert.deepEqual(doc.markers.map((m) => m.headingText), ['标题']);
  });

  it('chooses the profile from front matter, then title, then configuration', () => {
    assert.equal(parseSummary('---\nprofile: debriefing\n---\n2025年工作总结\n').profile.profile.id, 'debriefing');
    assert.equal(parseSummary('---\nprofile: debriefing\n---\n2025年工作总结\n').profile.reason, 'front-matter');
    assert.equal(parseSummary('2025年度述职报告\n\n正文。\n').profile.profile.id, 'debriefing');
    assert.equal(parseSummary('XX局2025年政府信息公开工作年度报告\n').profile.profile.id, 'disclosure-report');
    assert.equal(parseSummary('# 2025 Annual Report\n', { fileName: 'a.md' }).profile.profile.id, 'en-report');
    const configured = parseSummary('随笔\n', { config: { houseStyle: 'common', rules: {}, profiles: [], profile: 'debriefing' } });
    assert.deepEqual([configured.profile.profile.id, configured.profile.reason], ['debriefing', 'config']);
    assert.equal(parseSummary('随笔\n').profile.reason, 'default');
  });

  it('the profile the user chose for the file beats front matter and title, even across languages', () => {
    const chosen = parseSummary('---\nprofile: debriefing\n---\n2025年工作总结\n', { config: { houseStyle: 'common', rules: {}, profiles: [], chosenProfile: 'en-report' } });
    assert.deepEqual([chosen.profile.profile.id, chosen.profile.reason], ['en-report', 'chosen']);
  });

  it('keeps a restart after an unnumbered sub-title in a new scope', () => {
    const doc = parseSummary('一、甲。\n\n二、乙。\n\n2026年工作计划\n\n一、丙。\n', { fileName: 'a.txt' });
    assert.deepEqual(doc.sections.map((s) => s.scope), [0, 0, 1]);
  });

  it('never throws on half-typed markup', () => {
    for (const text of ['', '\n', '#', '（', '一、', '```\n一、', '---\nprofile:', '1.', '（一', '\ufeff']) {
      assert.doesNotThrow(() => analyze(text, { fileName: 'a.md' }), JSON.stringify(text));
      assert.doesNotThrow(() => analyze(text, { fileName: 'a.txt' }), JSON.stringify(text));
    }
  });
});

describe('configuration', () => {
  // imported lazily so this file stays about the model
  const core = require('../../src/core/index') as typeof import('../../src/core/index');
  const schema = require('../../../schemas/summaryrc.schema.json') as { properties: { rules: { properties: Record<string, unknown> }; houseStyle: { enum: string[] } } };

  it('the shipped JSON schema knows every rule and house style', () => {
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...core.RULE_IDS].sort());
    assert.deepEqual(schema.properties.houseStyle.enum, core.HOUSE_STYLES.map((s) => s.id));
  });

  it('reports each problem at its exact place and keeps the defaults', () => {
    const text = '{\n  "houseStyle": "loose",\n  "rules": { "no-such-rule": "error", "placeholder": 3 },\n  "profile": "nope",\n  "colour": 1\n}';
    const { config, problems } = core.parseConfig(text);
    assert.deepEqual(problems.map((p) => text.slice(p.start, p.end)), ['"loose"', '"no-such-rule"', '3', '"colour"', '"nope"']);
    assert.equal(config.houseStyle, 'common');
    assert.deepEqual(config.rules, {});
  });

  it('reports broken JSON and still returns a usable configuration', () => {
    const { config, problems } = core.parseConfig('{ "rules": { "placeholder": "off", ');
    assert.ok(problems.length > 0);
    assert.match(problems[0].message.en, /not valid JSON/);
    assert.equal(config.rules.placeholder, 'off');
  });

  it('refuses workspace patterns that can take exponential time, keeps ordinary ones', () => {
    for (const slow of ['(a|a)+$', '^(a+)+$', '(a*)*', '(\\d+)+', '(x)\\1', '^(a?){30}a{30}$']) assert.equal(core.mayBacktrackForever(slow), true, slow);
    for (const fine of ['问题|不足', '(计划|打算)', '^.{0,24}的?(工作)?(计划|打算)(如下|是)', '(ab)+', 'a+b+', '(?:下一步)+']) assert.equal(core.mayBacktrackForever(fine), false, fine);
    const text = JSON.stringify({ profiles: [{ id: 'x', parts: [{ id: 'p', headingPatterns: ['(a|a)+$'] }] }] });
    const { config, problems } = core.parseConfig(text);
    assert.deepEqual(problems.map((p) => text.slice(p.start, p.end)), ['"(a|a)+$"']);
    assert.deepEqual(config.profiles, []);
  });

  it('accepts a custom profile and rejects one with a bad pattern', () => {
    const good = core.parseConfig(JSON.stringify({ profiles: [{ id: 'weekly', parts: [{ id: 'plan', headingPatterns: ['下周'] }] }], profile: 'weekly' }));
    assert.deepEqual(good.problems, []);
    assert.equal(core.parseSummary('随笔\n', { config: good.config }).profile.profile.id, 'weekly');
    const bad = core.parseConfig(JSON.stringify({ profiles: [{ id: 'x', parts: [{ id: 'p', headingPatterns: ['('] }] }] }));
    assert.match(bad.problems[0].message.en, /Invalid regular expression/);
  });
});

describe('regressions found by the robustness tests', () => {
  const core = require('../../src/core/index') as typeof import('../../src/core/index');

  it('a wrongly typed custom profile is reported at the field and never reaches the rules', () => {
    const text = '{"profiles":[{"id":"x","titlePatterns":"abc","parts":[{"id":"a","headingPatterns":{},"paragraphPatterns":["("]}],"order":"abc"}]}';
    const { config, problems } = core.parseConfig(text);
    assert.deepEqual(problems.map((p) => text.slice(p.start, p.end)), ['"abc"', '"abc"', '{}', '"("']);
    assert.deepEqual(config.profiles, []);
    assert.doesNotThrow(() => core.analyze('x单位2025年工作总结\n\n一、甲\n', { fileName: 'a.txt', config: { ...config, profile: 'x' } }));
  });

  it('bare CR line breaks give one block per paragraph, in Markdown as in plain text', () => {
    for (const fileName of ['a.md', 'a.txt']) {
      const { document, findings } = core.analyze('三是甲。\r\r\t乙\r一、丙', { fileName });
      const blocks = document.blocks.map((b) => [b.start, b.end]);
      for (let i = 1; i < blocks.length; i++) assert.ok(blocks[i][0] >= blocks[i - 1][1], `${fileName}: blocks overlap ${JSON.stringify(blocks)}`);
      assert.deepEqual(document.markers.map((m) => m.text), ['一、'], fileName);
      assert.doesNotThrow(() => core.applyEdits(document.text, core.collectFixEdits(findings)));
    }
  });

  it('a fix whose own edits overlap is never applied', () => {
    const edits = core.collectFixEdits([
      { rule: 'placeholder', severity: 'error', start: 0, end: 1, message: { zh: '', en: '' }, fix: { title: { zh: '', en: '' }, edits: [{ start: 0, end: 1, newText: 'a' }, { start: 0, end: 1, newText: 'b' }] } },
    ]);
    assert.deepEqual(edits, []);
  });

  it('asks for no marker form that cannot be written (past ⑳)', () => {
    const text = '⑶甲\n⑷乙\n（53）丙';
    const { findings } = core.analyze(text, { fileName: 'a.md' });
    const changesNothing = findings.filter((f) => f.fix?.edits.every((e) => text.slice(e.start, e.end) === e.newText));
    assert.deepEqual(changesNothing.map((f) => f.message.en), []);
  });
});

describe('hostile Markdown stays fast and never overflows the stack', () => {
  const core = require('../../src/core/index') as typeof import('../../src/core/index');

  // bounds, not benchmarks: each case took seconds to minutes (or threw) before
  const cases: [string, string][] = [
    ['a quote nested 5000 deep', '> '.repeat(5000) + '一、甲\n'],
    ['a list nested 3000 deep', '- '.repeat(3000) + '一、甲\n'],
    ['100 000 emphasis marks on one line', '*a'.repeat(100000)],
    ['50 000 unclosed links', '[a]('.repeat(50000)],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      // mocha's timeout is the hang guard; how fast it is, is the bench's business
      const { document } = core.analyze(text, { fileName: 'a.md' });
      assert.ok(document.blocks.length >= 1);
    });
  }

  it('numerals of five characters and more are markers (一百一十一、)', () => {
    const text = Array.from({ length: 130 }, (_, i) => `${core.formatChineseNumeral(i + 1)}、甲`).join('\n');
    const { document, findings } = core.analyze(text, { fileName: 'a.txt' });
    assert.equal(document.markers.length, 130);
    assert.deepEqual(findings.filter((f) => f.rule === 'numbering-sequence'), []);
  });

  it('collects the fixes of thousands of findings sharing one renumbering quickly', () => {
    const text = Array.from({ length: 6000 }, () => '1. 项目').join('\n');
    const { findings } = core.analyze(text, { fileName: 'a.txt' });
    const edits = core.collectFixEdits(findings);
    assert.equal(edits.length, 5999);
    assert.ok(core.applyEdits(text, edits).endsWith('6000. 项目'));
  });
});
