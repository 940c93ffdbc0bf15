import type { EnumerationRun } from '../model/enumerations';
import { enumerationRunsOf } from '../model/views';
import type { EnumerationItem } from '../model/types';
import { formatChineseNumeral } from '../text/numerals';
import { message, type Rule, type RuleReport } from './rule';
import type { Message, TextEdit } from '../types';

/** 首先 → 1, 其次 → 2, 再次 → 3; 最后 is -1 in the model. */
const ORDER_WORD: Record<number, string> = { 1: '首先', 2: '其次', 3: '再次', [-1]: '最后' };
const LAST = -1;

/** The item written with another number: 四是 → 三是, 第四 → 第三, 再次 → 其次. */
export function renumberedText(item: EnumerationItem, number: number): string {
  if (item.kind === 'shouxian') return ORDER_WORD[number] ?? item.text;
  if (item.kind === 'di') return `第${formatChineseNumeral(number)}`;
  return formatChineseNumeral(number) + item.text.slice(-1);
}

/** Where the numeral stands inside the item: only it is replaced. */
function numeralRange(item: EnumerationItem): { start: number; end: number } {
  if (item.kind === 'shouxian') return { start: item.start, end: item.end };
  if (item.kind === 'di') return { start: item.start + 1, end: item.end };
  return { start: item.start, end: item.end - 1 };
}

/** The number each item should carry; undefined where no certain renumbering exists. */
function wantedNumbers(run: EnumerationRun): number[] | undefined {
  if (run.kind !== 'shouxian') return run.items.map((_, index) => index + 1);
  const lastIndex = run.items.findIndex((i) => i.number === LAST);
  if (lastIndex >= 0 && lastIndex !== run.items.length - 1) return undefined; // 最后 in the middle
  const counted = run.items.filter((i) => i.number !== LAST).length;
  if (counted > 3) return undefined; // no fourth order word after 再次
  return run.items.map((i, index) => (i.number === LAST ? LAST : index + 1));
}

function renumberEdits(run: EnumerationRun, wanted: number[]): TextEdit[] {
  const edits: TextEdit[] = [];
  run.items.forEach((item, index) => {
    if (item.number === wanted[index]) return;
    const range = numeralRange(item);
    const full = renumberedText(item, wanted[index]);
    const newText = item.kind === 'shouxian' ? full : item.kind === 'di' ? full.slice(1) : full.slice(0, -1);
    edits.push({ start: range.start, end: range.end, newText });
  });
  return edits;
}

function faultOf(run: EnumerationRun, index: number, wanted?: number[]): Message | undefined {
  const item = run.items[index];
  const previous = run.items[index - 1];
  const q = (n: number) => renumberedText(item, n);
  // by position when the run can be renumbered: [一 三 三] wants 二 for the first 三 and nothing for the second
  if (wanted && previous && wanted[index] === item.number) return undefined;
  const next = wanted && previous ? wanted[index] : previous ? previous.number + 1 : 1;
  if (run.kind === 'shouxian') {
    if (!previous) {
      if (item.number === 2 || item.number === 3) {
        return message(
          `“${item.text}”前面没有“首先”；应为“首先”，或在前面补上“首先”`,
          `\`${item.text}\` with no \`首先\` before it; expected \`首先\` first`,
        );
      }
      return undefined;
    }
    if (previous.number === LAST) {
      return message(
        `“最后”之后又出现“${item.text}”；“最后”应是最后一项`,
        `\`${item.text}\` follows \`最后\`; \`最后\` should be the last item`,
      );
    }
    if (item.number === LAST) return undefined;
    if (item.number === previous.number) {
      return message(`“${item.text}”重复；应为“${q(next)}”`, `Duplicated \`${item.text}\`; expected \`${q(next)}\``);
    }
    if (item.number > previous.number + 1) {
      return message(
        `“${previous.text}”之后是“${item.text}”，缺少“${q(previous.number + 1)}”；应为“${q(next)}”`,
        `\`${item.text}\` follows \`${previous.text}\`; expected \`${q(next)}\``,
      );
    }
    if (item.number < previous.number) {
      return message(
        `“${item.text}”出现在“${previous.text}”之后，顺序颠倒；应为“${q(next)}”`,
        `\`${item.text}\` comes after \`${previous.text}\`: out of order; expected \`${q(next)}\``,
      );
    }
    return undefined;
  }
  if (!previous) {
    if (item.number !== 1 && run.items.length > 1) {
      return message(
        `“${item.text}”前面没有“${q(1)}”：本组列举未从一开始，应为“${q(1)}”`,
        `\`${item.text}\` with no \`${q(1)}\` before it: the enumeration does not start at one; expected \`${q(1)}\``,
      );
    }
    return undefined;
  }
  const expected = q(next);
  if (item.number === previous.number) {
    return message(`列举重复：“${item.text}”与前一项相同，应为“${expected}”`, `Duplicated enumeration \`${item.text}\`; expected \`${expected}\``);
  }
  if (item.number > previous.number + 1) {
    return message(
      `列举跳号：“${previous.text}”之后是“${item.text}”，应为“${expected}”`,
      `Skipped enumeration: \`${item.text}\` follows \`${previous.text}\`; expected \`${expected}\``,
    );
  }
  if (item.number < previous.number) {
    return message(
      `列举倒序：“${previous.text}”之后是“${item.text}”，应为“${expected}”`,
      `Enumeration out of order: \`${item.text}\` follows \`${previous.text}\`; expected \`${expected}\``,
    );
  }
  return undefined;
}

export const enumerationSequence: Rule = {
  scope: 'document',
  meta: {
    id: 'enumeration-sequence',
    description: {
      zh: '段内列举（一是/二是、一要/二要、第一/第二、首先/其次/再次/最后）应按顺序排列，不得重复、跳号或颠倒',
      en: 'In-paragraph enumerations (一是/二是, 一要/二要, 第一/第二, 首先/其次/再次/最后) run in order: none duplicated, skipped or out of order',
    },
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['enumeration', 'numbering'],
    examples: [
      {
        description: 'a skipped 三是 is renumbered',
        format: 'text',
        text: '一、加强学习。一是学理论；二是学业务；四是学法规。\n',
        flagged: ['四是'],
        fixed: '一、加强学习。一是学理论；二是学业务；三是学法规。\n',
      },
      {
        description: 'a duplicated 二要 is renumbered',
        format: 'text',
        text: '下一步，一要抓学习；二要抓制度；二要抓落实。\n',
        flagged: ['二要'],
        fixed: '下一步，一要抓学习；二要抓制度；三要抓落实。\n',
      },
      {
        description: '其次 with no 首先 before it, 再次 before 其次',
        format: 'text',
        text: '一、甲。其次，完善制度；再次，强化落实。\n\n二、乙。首先，统一思想；再次，明确责任；其次，抓好落实。\n',
        flagged: ['其次', '再次', '其次'],
        fixed: '一、甲。首先，完善制度；其次，强化落实。\n\n二、乙。首先，统一思想；其次，明确责任；再次，抓好落实。\n',
      },
      {
        description: 'runs in order, a lone 一是, and a list nested in a paragraph of an outer run are clean',
        format: 'text',
        text: '一、甲。一是学理论；二是学业务。\n\n二、乙。一是抓落实。\n\n三、丙。\n\n一是稳增长。\n\n二是办实事，今年办好三件实事：一是修路；二是建校；三是通水。\n\n三是防风险。\n',
        flagged: [],
      },
    ],
  },
  check({ doc }) {
    const reports: RuleReport[] = [];
    for (const run of enumerationRunsOf(doc)) {
      const wanted = wantedNumbers(run);
      const edits = wanted && run.items.length > 1 ? renumberEdits(run, wanted) : [];
      const fix = { title: message('按顺序重新编排本组列举', 'Renumber this enumeration in order'), edits };
      run.items.forEach((item, index) => {
        const text = faultOf(run, index, wanted);
        if (!text) return;
        reports.push({ start: item.start, end: item.end, message: text, ...(edits.length ? { fix } : {}) });
      });
    }
    return reports.sort((a, b) => a.start - b.start);
  },
};
