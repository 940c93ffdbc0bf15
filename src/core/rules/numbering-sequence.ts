import { renumberMarkerText } from '../text/markers';
import type { Section } from '../model/types';
import { message, type Rule, type RuleReport } from './rule';
import { continuesParentRun, isLazyMarkdownList, withDepthSlips, renumberingIsCertain, renumberRunEdits, splitAtRestarts } from '../model/siblings';
import { siblingRunsOf } from '../model/views';
import type { SummaryDocument } from '../model/types';

function expectedText(section: Section, number: number): string {
  const marker = section.marker;
  return renumberMarkerText(marker.text, marker.style, number, marker.path ? [...marker.path.slice(0, -1), number] : undefined);
}

export const numberingSequence: Rule = {
  scope: 'document',
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
        description: 'a skipped number (was item 3 lost? renumbering is a quick fix, never applied in bulk)',
        format: 'text',
        text: '一、总体情况\n\n（一）甲\n\n1.加强学习。\n2.完善制度。\n4.强化落实。\n',
        flagged: ['4.'],
      },
      {
        description: 'numbers that do not start at one (was the first item deleted? renumbering is a quick fix, never applied in bulk)',
        format: 'markdown',
        text: '# Annual report\n\n2. What did you do?\n\n3. What is next?\n',
        flagged: ['2.'],
      },
      {
        description: 'nested lists and Markdown heading depths are runs of their own',
        format: 'markdown',
        text: '# Report\n\n## 1. Work\n\n#### 1. Tools\n\n#### 2. Docs\n\n## 2. Plans\n\n1. Ship it:\n    1. build\n    2. test\n2. Tell users\n',
        flagged: [],
      },
      {
        description: 'a restart after an unnumbered sub-title is a new scope',
        format: 'text',
        text: '一、甲。\n\n二、乙。\n\n2026年工作计划\n\n一、丙。\n\n二、丁。\n',
        flagged: [],
      },
      {
        description: 'a restart with no heading of its own is a fault',
        format: 'text',
        text: '一、甲。\n\n二、乙。\n\n三、丙。全年完成了任务。\n\n一、丁。\n\n二、戊。\n',
        flagged: ['一、'],
      },
      {
        description: 'a plan list restarting under a lead-in sentence gets a gentle hint (info), never a renumbering',
        format: 'text',
        text: '一、甲。\n\n二、乙。\n\n明年计划如下：\n\n一、丙。\n\n二、丁。\n',
        flagged: ['一、'],
      },
      {
        description: 'a list restarting after a label line is a new list',
        format: 'text',
        text: '一、本周工作\n\n1.整理材料。\n2.召开例会。\n\n下周计划：\n1.走访企业。\n2.撰写报告。\n',
        flagged: [],
      },
      {
        description: 'an appendix after the body (附件 and its title) numbers its items on its own: its 一、 is no restart, a skip inside it is a fault',
        format: 'text',
        text: '一、主要工作。\n\n二、存在的问题。\n\n三、下一步计划。\n\n附件\n\n2025年重点项目清单\n\n一、园区道路\n\n二、污水管网\n\n四、公共停车场\n',
        flagged: ['四、'],
        messages: [{ en: 'Skipped number: `四、` follows `二、`, expected `三、`' }],
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
    for (const sameLevel of siblingRunsOf(doc)) {
      if (isLazyMarkdownList(sameLevel) || continuesParentRun(sameLevel)) continue;
      const run = withDepthSlips(sameLevel);
      const leadInRestart = leadInRestartHint(doc, run);
      if (leadInRestart) reports.push(leadInRestart);
      for (const [partIndex, part] of splitAtRestarts(run).entries()) {
        const fix = {
          title: message('重新编排本组编号', 'Renumber this run'),
          edits: renumberRunEdits(part),
          // a run read another way (a table near, mixed forms, a first item missing) is the user's call
          certain: partIndex === 0 && renumberingIsCertain(doc, part),
        };
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
    return reports.sort((a, b) => a.start - b.start);
  },
};

/**
 * A top-level 一、 run that starts again under a lead-in sentence (`明年计划如下：`) is no fault, but the
 * plan deserves a heading of its own: a gentle hint, never a renumbering.
 */
function leadInRestartHint(doc: SummaryDocument, run: Section[]): RuleReport | undefined {
  const first = run[0];
  if (first.scopeOpenedBy !== 'lead-in' || first.level !== 1 || first.parent || first.marker.style === 'roman' || first.marker.headingDepth !== undefined) return undefined;
  const before = doc.sections.filter((s) => s.scope === first.scope - 1 && s.level === 1 && s.marker.style !== 'roman').pop();
  if (!before) return undefined;
  return {
    start: first.marker.start,
    end: first.marker.end,
    severity: 'info',
    message: message(
      `“${before.marker.text}”之后，编号在引导语下重新从“${first.marker.text}”开始：这一部分宜有一个不编号的小标题（如“下一步工作计划”），或续编为“${expectedText(first, before.number + 1)}”`,
      `After \`${before.marker.text}\` the numbering starts again at \`${first.marker.text}\` under a lead-in sentence: this part would read better under an unnumbered heading of its own (or continue as \`${expectedText(first, before.number + 1)}\`)`,
    ),
  };
}
