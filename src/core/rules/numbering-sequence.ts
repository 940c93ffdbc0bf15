import { renumberMarkerText } from '../text/markers';
import type { Section } from '../model/types';
import { message, type Rule, type RuleReport } from './rule';
import { isLazyMarkdownList, renumberRunEdits, siblingRuns, splitAtRestarts } from '../model/siblings';

function expectedText(section: Section, number: number): string {
  const marker = section.marker;
  return renumberMarkerText(marker.text, marker.style, number, marker.path ? [...marker.path.slice(0, -1), number] : undefined);
}

export const numberingSequence: Rule = {
  meta: {
    id: 'numbering-sequence',
    description: {
      zh: '同级编号应从一开始连续排列：不得跳号、重号或无故重新从一开始',
      en: 'Sibling numbers start at one and run on: none skipped, duplicated or restarted',
    },
    defaultSeverity: 'error',
    fixable: true,
    tags: ['numbering'],
    examples: [
      {
        description: 'a duplicated 四、 is renumbered',
        format: 'text',
        text: '一、甲。\n\n二、乙。\n\n三、丙。\n\n四、丁。\n\n四、戊。\n',
        flagged: ['四、'],
        fixed: '一、甲。\n\n二、乙。\n\n三、丙。\n\n四、丁。\n\n五、戊。\n',
      },
      {
        description: 'a skipped number',
        format: 'text',
        text: '一、总体情况\n\n（一）甲\n\n1.加强学习。\n2.完善制度。\n4.强化落实。\n',
        flagged: ['4.'],
        fixed: '一、总体情况\n\n（一）甲\n\n1.加强学习。\n2.完善制度。\n3.强化落实。\n',
      },
      {
        description: 'numbers that do not start at one',
        format: 'markdown',
        text: '# Annual report\n\n2. What did you do?\n\n3. What is next?\n',
        flagged: ['2.'],
        fixed: '# Annual report\n\n1. What did you do?\n\n2. What is next?\n',
      },
      {
        description: 'a restart after an unnumbered sub-title is a new scope',
        format: 'text',
        text: '一、甲。\n\n二、乙。\n\n2026年工作计划\n\n一、丙。\n\n二、丁。\n',
        flagged: [],
      },
      {
        description: 'a restart with no heading of its own',
        format: 'text',
        text: '一、甲。\n\n二、乙。\n\n明年计划如下：\n\n一、丙。\n\n二、丁。\n',
        flagged: ['一、'],
      },
      {
        description: "Markdown's lazy numbering 1. 1. 1. is not a fault",
        format: 'markdown',
        text: '# Report\n\n1. one\n1. two\n1. three\n',
        flagged: [],
      },
    ],
  },
  check({ doc }) {
    const reports: RuleReport[] = [];
    for (const run of siblingRuns(doc)) {
      if (isLazyMarkdownList(run)) continue;
      for (const [partIndex, part] of splitAtRestarts(run).entries()) {
        const fix = { title: message('重新编排本组编号', 'Renumber this run'), edits: renumberRunEdits(part) };
        part.forEach((section, index) => {
          const marker = section.marker;
          const previous = part[index - 1];
          let text: { zh: string; en: string } | undefined;
          if (index === 0 && partIndex === 0 && section.number !== 1) {
            text = message(
              `编号未从一开始：“${marker.text}”，应为“${expectedText(section, 1)}”`,
              `Numbering does not start at one: found \`${marker.text}\`, expected \`${expectedText(section, 1)}\``,
            );
          } else if (index === 0 && partIndex > 0) {
            const before = run[run.indexOf(section) - 1];
            reports.push({
              start: marker.start,
              end: marker.end,
              message: message(
                `编号在“${before.marker.text}”之后重新从“${marker.text}”开始，但前面没有新的标题；应续为“${expectedText(section, before.number + 1)}”，或在此前加一个不编号的小标题`,
                `Numbering restarts at \`${marker.text}\` after \`${before.marker.text}\` with no heading of its own; expected \`${expectedText(section, before.number + 1)}\` or an unnumbered heading before it`,
              ),
            });
            return;
          } else if (previous && section.number === previous.number) {
            text = message(
              `编号重复：“${marker.text}”与前一项相同，应为“${expectedText(section, previous.number + 1)}”`,
              `Duplicated number: found \`${marker.text}\` again, expected \`${expectedText(section, previous.number + 1)}\``,
            );
          } else if (previous && section.number > previous.number + 1) {
            text = message(
              `编号跳号：“${previous.marker.text}”之后是“${marker.text}”，应为“${expectedText(section, previous.number + 1)}”`,
              `Skipped number: \`${marker.text}\` follows \`${previous.marker.text}\`, expected \`${expectedText(section, previous.number + 1)}\``,
            );
          } else if (previous && section.number < previous.number) {
            text = message(
              `编号倒序：“${previous.marker.text}”之后是“${marker.text}”，应为“${expectedText(section, previous.number + 1)}”`,
              `Number out of order: \`${marker.text}\` follows \`${previous.marker.text}\`, expected \`${expectedText(section, previous.number + 1)}\``,
            );
          }
          if (text) reports.push({ start: marker.start, end: marker.end, message: text, ...(fix.edits.length ? { fix } : {}) });
        });
      }
    }
    return reports;
  },
};
