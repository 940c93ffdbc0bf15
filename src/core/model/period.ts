import { parseChineseNumeral } from '../text/numerals';
import type { SummaryDocument } from './types';
import { proseBlocks } from './blocks';

type Period = NonNullable<SummaryDocument['period']>;

/** Reports delivered early in a year that review the year before and plan this one. */
const REVIEWS_PREVIOUS_YEAR = /(政府|法院|检察院|常务委员会|常委会)工作报告/;
const QUARTER_END: Record<string, number> = { 一: 3, 1: 3, 二: 6, 2: 6, 三: 9, 3: 9, 四: 12, 4: 12 };

/** The last month the period covers, where the words say: 上半年 → 6, 第三季度 → 9, 8月份9月份10月份 → 10. */
function endMonthOf(described: string, annual: boolean): number | undefined {
  if (/上半年/.test(described)) return 6;
  if (/下半年/.test(described)) return 12;
  const quarter = /第([一二三四1-4])季度/.exec(described);
  if (quarter) return QUARTER_END[quarter[1]];
  const months = [...described.matchAll(/([0-9]{1,2}|[一二三四五六七八九十]{1,3})月份?(?!\d)/g)]
    .map((m) => (/^\d/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1])))
    .filter((m): m is number => m !== undefined && m >= 1 && m <= 12);
  if (months.length && !/(学年|学期|周)/.test(described)) return months[months.length - 1];
  return annual ? 12 : undefined;
}

export function periodOf(declared: string | undefined, title: string | undefined): Period | undefined {
  const source = declared ?? title;
  if (!source) return undefined;
  // 2020-2021年, 2020年至2021年, 2023—2024学年
  const range = /((?:19|20)\d{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*学?年/.exec(source);
  // 政府工作报告（2024）: the year in brackets after the kind
  const single = /((?:19|20)\d{2})\s*年/.exec(source) ?? /(?:报告|总结)[（(]((?:19|20)\d{2})[）)]/.exec(source) ?? (declared ? /((?:19|20)\d{2})/.exec(declared) : null);
  // a bare `year: 2025` says nothing of the kind of period: the title does
  const described = declared && /年|季|月|期/.test(declared) ? declared : `${declared ?? ''} ${title ?? ''}`;
  const partial = /(半年|季度|[0-9一二三四五六七八九十]+月|月份|学年|学期|[0-9一二三四五六七八九十]+周)/.test(described);
  // a plan (2025年工作要点) is not the review of its year
  const plan = /(计划|要点|规划|方案|打算|安排|思路)/.test(described) && !/(总结|报告|述职|汇报)/.test(described);
  const annual = !partial && !plan && /(年度|年工作|全年|年终|述职|总结|工作报告)/.test(described);
  const endMonth = endMonthOf(described, annual);
  const period = (from: number, to: number, isAnnual: boolean): Period => {
    const p: Period = { from, to, annual: isAnnual, source: 'title' };
    if (endMonth !== undefined) p.endMonth = endMonth;
    return p;
  };
  if (range) return period(Number(range[1]), Number(range[2]), annual);
  if (!single) return undefined;
  const year = Number(single[1]);
  if (!declared && REVIEWS_PREVIOUS_YEAR.test(source)) return period(year - 1, year - 1, !partial);
  return period(year, year, annual);
}

/** `2024年以来，` `2024年，我局…` `2024年是…之年` opening the text: its own time frame. */
const FRAME = /^[\s\u3000]*(?:自|在)?((?:19|20)\d{2})\s*年(?:度)?(?:以来|来|，|,|是|我|全年)/;

/**
 * Without a title that names a year, the period is the year the opening states as its time frame
 * (2024年以来…). Which kind of period it is the text does not say: it is not taken for annual.
 */
export function periodFromText(doc: SummaryDocument): Period | undefined {
  const from = doc.opening?.start ?? doc.title?.end ?? 0;
  let looked = 0;
  for (const { block } of proseBlocks(doc)) {
    if (block.end <= from) continue;
    if (looked++ >= 3) break;
    const m = FRAME.exec(doc.text.slice(Math.max(block.start, from), block.end));
    if (m) return { from: Number(m[1]), to: Number(m[1]), annual: false, source: 'text' };
  }
  return undefined;
}
