import { formatMarker } from '../text/markers';
import type { Level, Section } from '../model/types';
import { message, type Rule, type RuleReport } from './rule';
import { continuesParentRun } from '../model/siblings';
import { siblingRunsOf } from '../model/views';

const LEVEL_FORM: Record<Level, string> = { 1: '一、', 2: '（一）', 3: '1.', 4: '（1）', 5: '①' };

export const numberingHierarchy: Rule = {
  scope: 'document',
  meta: {
    id: 'numbering-hierarchy',
    description: {
      zh: '层级应依次使用：一、→（一）→ 1. →（1）；不得越级，也不得在下级之后回到上级写法',
      en: 'Levels are used in order 一、 → （一） → 1. → （1）: none skipped, none used out of order',
    },
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['numbering'],
    examples: [
      {
        description: 'a （一） before any 一、 in a document that uses 一、',
        format: 'text',
        text: '（一）开头的小节。\n\n一、总体情况\n\n（一）甲\n',
        flagged: ['（一）'],
      },
      {
        description: 'from 一、 straight to （1）, two levels down',
        format: 'text',
        text: '一、总体情况\n\n（1）甲。\n（2）乙。\n',
        flagged: ['（1）'],
      },
      {
        description: 'a （一） after 1. items under the same 一、',
        format: 'text',
        text: '一、总体情况\n\n1.甲。\n2.乙。\n\n（一）丙\n',
        flagged: ['（一）'],
      },
      {
        description: 'a Markdown heading one `#` too deep for its number: `### 3.` under `## 2.`',
        format: 'markdown',
        text: '# 总结\n\n## 1. 学习\n\n## 2. 工作\n\n### 3. 计划\n',
        flagged: ['3.'],
      },
      {
        description: "an appendix's items are a tree of their own, checked among themselves",
        format: 'text',
        text: '一、主要工作\n\n（一）甲。\n\n二、存在的问题\n\n附件\n\n2025年重点项目清单\n\n一、园区道路\n\n（1）新建主干道两条。\n',
        flagged: ['（1）'],
      },
      {
        description: 'a short document may go from 一、 straight to 1.',
        format: 'text',
        text: '一、总体情况\n\n1.甲。\n2.乙。\n\n二、存在问题\n',
        flagged: [],
      },
    ],
  },
  check({ doc, houseStyle }) {
    const reports: RuleReport[] = [];
    const chinese = (s: Section) => s.marker.style !== 'decimal' && s.marker.style !== 'roman';
    const firstLevelOne = doc.markers.find((m) => m.level === 1 && m.style !== 'roman');
    const maxSkip = houseStyle.allowSkipLevel ? 2 : 1;
    const visit = (sections: Section[], parent: Section | undefined) => {
      let deepestSoFar = 0;
      // a jump is one fault: its run's later items are not reported again
      const jumpedLevels = new Set<number>();
      for (const section of sections) {
        const marker = section.marker;
        if (!chinese(section)) {
          visit(section.children, section);
          continue;
        }
        if (!parent && section.level === 2 && firstLevelOne && firstLevelOne.start > marker.start) {
          reports.push({
            start: marker.start,
            end: marker.end,
            message: message(
              `“${marker.text}”前面没有一级标题“一、”，而本文使用了一级标题；应先有“一、”`,
              `\`${marker.text}\` has no \`一、\` above it although the document uses \`一、\`; expected a level-one heading first`,
            ),
          });
        } else if (parent && chinese(parent) && section.level - parent.level > maxSkip) {
          if (jumpedLevels.has(section.level)) {
            visit(section.children, section);
            continue;
          }
          jumpedLevels.add(section.level);
          const expected = formatMarker(houseStyle.canonical[(parent.level + 1) as Level], 1);
          reports.push({
            start: marker.start,
            end: marker.end,
            message: message(
              `层级越级：“${parent.marker.text}”下直接用了“${marker.text}”，应先用“${expected}”这一级`,
              `Skipped level: \`${marker.text}\` directly under \`${parent.marker.text}\`, expected the \`${expected}\` level first`,
            ),
          });
        } else if (parent && deepestSoFar > section.level && section.level > parent.level) {
          reports.push({
            start: marker.start,
            end: marker.end,
            message: message(
              `层级倒置：“${marker.text}”（${LEVEL_FORM[section.level]}级）出现在同一节中更深一级的编号之后，应先用“${LEVEL_FORM[section.level]}”再用更深的级别`,
              `Level out of order: \`${marker.text}\` (the ${LEVEL_FORM[section.level]} level) follows deeper items in the same section; expected the ${LEVEL_FORM[section.level]} level first`,
            ),
          });
        }
        deepestSoFar = Math.max(deepestSoFar, section.level);
        visit(section.children, section);
      }
    };
    visit(doc.sections, undefined);
    // an appendix's items are a tree of their own: their levels are checked among themselves
    for (const appendix of doc.appendices ?? []) visit(appendix.sections, undefined);
    // `### 3.` under `## 2.`: the number carries on the parent's run, the `#` depth says it is a child
    for (const run of siblingRunsOf(doc)) {
      if (!continuesParentRun(run)) continue;
      const section = run[0];
      const parent = section.parent!;
      const marker = section.marker;
      const depth = '#'.repeat(parent.marker.headingDepth ?? 1);
      reports.push({
        start: marker.start,
        end: marker.end,
        message: message(
          `标题层级与编号不符：“${marker.text}”接续“${parent.marker.text}”的编号，却写成了下一级标题（${'#'.repeat(marker.headingDepth ?? 1)}）；应与“${parent.marker.text}”同级（${depth}）`,
          `Heading depth and number disagree: \`${marker.text}\` carries on the numbering of \`${parent.marker.text}\` but is written one level deeper (${'#'.repeat(marker.headingDepth ?? 1)}); expected the depth of \`${parent.marker.text}\` (${depth})`,
        ),
      });
    }
    return reports.sort((a, b) => a.start - b.start);
  },
};
