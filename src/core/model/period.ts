import type { SummaryDocument } from './types';

/** Reports delivered early in a year that review the year before and plan this one. */
const REVIEWS_PREVIOUS_YEAR = /(政府|法院|检察院|常务委员会|常委会)工作报告/;

export function periodOf(declared: string | undefined, title: string | undefined): SummaryDocument['period'] {
  const source = declared ?? title;
  if (!source) return undefined;
  // 2020-2021年, 2020年至2021年, 2023—2024学年
  const range = /((?:19|20)\d{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*学?年/.exec(source);
  const single = /((?:19|20)\d{2})\s*年/.exec(source) ?? (declared ? /((?:19|20)\d{2})/.exec(declared) : null);
  // a bare `year: 2025` says nothing of the kind of period: the title does
  const described = declared && /年|季|月|期/.test(declared) ? declared : `${declared ?? ''} ${title ?? ''}`;
  const partial = /(半年|季度|[0-9一二三四五六七八九十]+月|月份|学年|学期|[0-9一二三四五六七八九十]+周)/.test(described);
  // a plan (2025年工作要点) is not the review of its year
  const plan = /(计划|要点|规划|方案|打算|安排|思路)/.test(described) && !/(总结|报告|述职|汇报)/.test(described);
  const annual = !partial && !plan && /(年度|年工作|全年|年终|述职|总结|工作报告)/.test(described);
  if (range) return { from: Number(range[1]), to: Number(range[2]), annual };
  if (!single) return undefined;
  const year = Number(single[1]);
  if (!declared && REVIEWS_PREVIOUS_YEAR.test(source)) return { from: year - 1, to: year - 1, annual: !partial };
  return { from: year, to: year, annual };
}
