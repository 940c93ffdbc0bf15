import type { DateMark, SummaryDocument } from '../model/types';
import { message, proseBlocks, type Rule, type RuleReport } from './rule';

const YEAR = '((?:19|20)\\d{2})';

/** `2024年以来` / `2024年，` opening a sentence: the summary's own time frame. */
const OPENING_YEAR = new RegExp(`(^|[。！？；!?;]|\\n)([ \\t\\u3000]*自?)${YEAR}(\\s*年)(以来|，|,)`, 'g');

/**
 * A plan heading: `2025年工作打算`, `存在问题及2025年工作计划`, `2026年工作思路和措施`. The year is
 * at the start or after a conjunction, the plan word at the end: `2024年工作计划完成情况` reviews.
 */
const PLAN = new RegExp(
  `(?:^|[和及与暨、])\\s*${YEAR}\\s*年度?(?:的)?(?:主要)?(?:工作)?(?:打算|计划|思路|安排|设想|要点)|(?:^|[和及与暨、])\\s*${YEAR}\\s*年度?工作(?:重点|目标)`,
);
const PLAN_TAIL = /^(?:如下|和措施|及措施|与措施|和举措|及举措|和建议|及建议)?\s*[：:。]?\s*$/;
/** `2026 年 CnPack 开发组的计划如下：`: words between the year and the plan, then 如下. */
const PLAN_INTRO = new RegExp(`^${YEAR}\\s*年度?[^，。；：:,;]{0,16}?(?:打算|计划|思路|安排|设想|要点)如下\\s*[：:]?\\s*$`);

/** What every plan heading holds (PLAN, PLAN_INTRO): a year and 年; most lines do not, and are passed over at once. */
const YEAR_THEN_NIAN = /(?:19|20)\d{2}\s*年/;
const YEARS_THEN_NIAN = new RegExp(YEAR_THEN_NIAN.source, 'g');

interface PlanYear {
  year: number;
  start: number;
}

/** Reads a plan heading at `text` (a heading text or a line), if it is one. */
function planYear(text: string, offset: number): PlanYear | undefined {
  if (!YEAR_THEN_NIAN.test(text)) return undefined;
  const intro = PLAN_INTRO.exec(text);
  if (intro) return { year: Number(intro[1]), start: offset };
  const m = PLAN.exec(text);
  if (!m) return undefined;
  if (!PLAN_TAIL.test(text.slice(m.index + m[0].length))) return undefined;
  const digits = m[1] ?? m[2];
  return { year: Number(digits), start: offset + m.index + m[0].indexOf(digits) };
}

/** Lines that can be a plan heading: section headings, unnumbered headings and short lines, paragraph starts. */
function planHeadings(doc: SummaryDocument): PlanYear[] {
  const found = new Map<number, PlanYear>();
  const add = (p: PlanYear | undefined) => {
    if (p) found.set(p.start, p);
  };
  const text = doc.text;
  const lineAt = (start: number) => {
    const end = text.indexOf('\n', start);
    return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
  };
  const visit = (sections: SummaryDocument['sections']) => {
    for (const s of sections) {
      let at = s.marker.end;
      while (at < text.length && /[ \t\u3000]/.test(text[at])) at++;
      add(planYear(s.marker.headingText, at));
      visit(s.children);
    }
  };
  visit(doc.sections);
  for (const start of doc.scopeBreaks) {
    const line = lineAt(start);
    const lead = /^[\s\u3000#>*]*/.exec(line)![0].length;
    add(planYear(line.slice(lead).replace(/[*_#\s]+$/, ''), start + lead));
  }
  // where a year and 年 stand in the text: a block's first line is read only when one lies inside it
  const years = [...text.matchAll(YEARS_THEN_NIAN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  let next = 0;
  for (const { block } of proseBlocks(doc)) {
    while (next < years.length && years[next].start < block.start) next++;
    if (next === years.length) break;
    const lineEnd = text.indexOf('\n', block.start);
    if (years[next].end > (lineEnd < 0 ? text.length : lineEnd)) continue;
    const line = lineAt(block.start);
    const lead = /^[\s\u3000#>*]*/.exec(line)![0].length;
    // a run-in heading: the plan words then a colon or full stop, or the whole line
    const head = /^[^：:。]*[：:。]?/.exec(line.slice(lead))![0].replace(/[*_#\s]+$/, '');
    const p = planYear(head, block.start + lead);
    if (p && p.start === block.start + lead) add(p);
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/**
 * Where the summary states its time frame: the first paragraphs of the opening (a salutation may
 * come first), or the first paragraph after the title. A text with no numbered sections is all
 * opening to the model; only its start counts.
 */
function openingBlocks(doc: SummaryDocument): { start: number; end: number }[] {
  const titleEnd = doc.title?.end ?? 0;
  const blocks = proseBlocks(doc)
    .map(({ block }) => block)
    .filter((block) => block.start >= titleEnd && block.kind !== 'heading');
  if (doc.opening) {
    const { start, end } = doc.opening;
    return blocks.filter((b) => b.start >= start && b.start < end).slice(0, 3);
  }
  return blocks.slice(0, 1);
}

/** More than this many months between the end of the period and the signature date is suspect. */
const SIGNED_LATE_MONTHS = 6;

/**
 * A sentence that reports the work of a year as its own time frame: `2024年以来，` `2024年，我局…`
 * `2024年是…之年` `2024年全年`. Comparisons (与2024年相比), baselines (截至2024年底), carry-overs
 * (结转至2026年) and ranges (2021—2025年) are not frames.
 */
const BODY_FRAME = new RegExp(`(?:^|[。！？；!?;：:]|\\n)[ \\t\\u3000]*(?:自|在)?${YEAR}(\\s*年度?)(以来|，|,|是|全年|我[局区县市们委部校院司厅处])`, 'g');
const PLAN_WORDS = /(计划|打算|思路|安排|展望|下一步|下步|设想|要点|目标任务|重点工作)/;

/**
 * Last year's summary re-dated: the body reports the year before the period, again and again, and
 * never the period's own year. Only the review part counts (not the plan, the attachment note or
 * the closing); a single mention is not enough.
 */
function bodyFrames(doc: SummaryDocument, period: NonNullable<SummaryDocument['period']>): { start: number; text: string }[] {
  if (period.from !== period.to) return [];
  const text = doc.text;
  const from = doc.title?.end ?? 0;
  let end = Math.min(doc.attachments?.start ?? text.length, doc.closing?.start ?? text.length);
  const plans = planHeadings(doc).filter((p) => p.start > from);
  if (plans.length) end = Math.min(end, plans[0].start);
  const planSection = doc.sections.find((s) => PLAN_WORDS.test(s.marker.headingText) && s.start > from);
  if (planSection) end = Math.min(end, planSection.start);
  const own: number[] = [];
  const previous: { start: number; text: string }[] = [];
  BODY_FRAME.lastIndex = 0;
  const slice = text.slice(from, end);
  for (let m = BODY_FRAME.exec(slice); m; m = BODY_FRAME.exec(slice)) {
    const year = Number(m[1]);
    const start = from + m.index + m[0].indexOf(m[1]);
    if (year === period.from) own.push(start);
    else if (year === period.from - 1) previous.push({ start, text: `${m[1]}${m[2]}${m[3]}` });
  }
  return own.length === 0 && previous.length >= 2 ? previous : [];
}

function periodText(period: NonNullable<SummaryDocument['period']>): string {
  return period.from === period.to ? `${period.from}年` : `${period.from}—${period.to}年`;
}

export const yearConsistency: Rule = {
  scope: 'document',
  meta: {
    id: 'year-consistency',
    description: {
      zh: '年份应与总结自身的期间一致：开头不写上一年，年度总结的计划写下一年，落款日期不早于总结期间',
      en: "Years agree with the summary's own period: no last year in the opening, an annual summary plans the next year, the signature is not dated before the period",
    },
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['content', 'copy-paste'],
    examples: [
      {
        description: "last year's summary re-dated: the opening and the plan still carry the old years",
        format: 'text',
        text: '2025年度工作总结\n\n2024年以来，我局认真履职。\n\n一、主要工作。抓好落实。\n\n二、2025年工作打算\n\n继续努力。\n',
        flagged: ['2024', '2025'],
        fixed: '2025年度工作总结\n\n2025年以来，我局认真履职。\n\n一、主要工作。抓好落实。\n\n二、2026年工作打算\n\n继续努力。\n',
      },
      {
        description: 'a signature dated before the period',
        format: 'text',
        text: '2025年工作总结\n\n一、主要工作。抓好落实。\n\n某某局\n2024年1月5日\n',
        flagged: ['2024年1月5日'],
      },
      {
        description: "a government work report reviews last year and plans the title's year",
        format: 'text',
        text: '2025年某市政府工作报告\n\n2024年，全市经济稳中有进。\n\n一、2024年工作回顾\n\n二、2025年工作安排\n',
        flagged: [],
      },
      {
        description: 'a summary of its own year with the next year planned is clean',
        format: 'text',
        text: '2025年度工作总结\n\n2025年以来，我局认真履职。\n\n一、主要工作。对照2024年工作计划逐项落实。\n\n二、2026年工作计划\n\n某某局\n2026年1月5日\n',
        flagged: [],
      },
    ],
  },
  check({ doc }) {
    const period = doc.period;
    if (!period) return [];
    const reports: RuleReport[] = [];
    const text = doc.text;
    const yearFix = (start: number, year: number) => ({
      title: message(`改为${year}年`, `Change to ${year}`),
      edits: [{ start, end: start + 4, newText: String(year) }],
    });

    for (const opening of openingBlocks(doc)) {
      const slice = text.slice(opening.start, opening.end);
      OPENING_YEAR.lastIndex = 0;
      for (let m = OPENING_YEAR.exec(slice); m; m = OPENING_YEAR.exec(slice)) {
        const year = Number(m[3]);
        if (year !== period.from - 1) continue;
        const start = opening.start + m.index + m[1].length + m[2].length;
        const found = `${m[3]}${m[4]}${m[5]}`;
        const wanted = `${period.from}年${m[5]}`;
        reports.push({
          start,
          end: start + 4,
          message: message(
            `开头写“${found}”，但本总结的期间是${periodText(period)}；应为“${wanted}”`,
            `The opening says \`${found}\` but the summary covers ${period.from === period.to ? period.from : `${period.from}–${period.to}`}; expected \`${wanted}\``,
          ),
          fix: yearFix(start, period.from),
        });
      }
    }

    for (const plan of planHeadings(doc)) {
      if (period.annual && plan.year <= period.to) {
        const wanted = period.to + 1;
        reports.push({
          start: plan.start,
          end: plan.start + 4,
          message: message(
            `计划写的是“${plan.year}年”，但这是${periodText(period)}的年度总结，计划应为“${wanted}年”`,
            `A plan for ${plan.year} in the annual summary of ${period.from === period.to ? period.from : `${period.from}–${period.to}`}; expected ${wanted}`,
          ),
          fix: yearFix(plan.start, wanted),
        });
      } else if (!period.annual && plan.year < period.from) {
        reports.push({
          start: plan.start,
          end: plan.start + 4,
          message: message(
            `计划写的是“${plan.year}年”，早于本总结的期间${periodText(period)}；应不早于${period.from}年`,
            `A plan for ${plan.year}, before the period the summary covers (${period.from}); expected ${period.from} or later`,
          ),
        });
      }
    }

    const dates: DateMark[] = [...(doc.signatureDates ?? [])];
    if (doc.closing?.date && !dates.some((d) => d.start === doc.closing!.date!.start)) dates.push(doc.closing.date);
    for (const date of dates) {
      if (date.year < period.to) {
        reports.push({
          start: date.start,
          end: date.end,
          message: message(
            `落款日期“${date.text}”早于总结的期间${periodText(period)}；应不早于${period.to}年`,
            `The signature date \`${date.text}\` is before the period the summary covers (${period.to}); expected ${period.to} or later`,
          ),
        });
        continue;
      }
      if (date.month === undefined || period.endMonth === undefined || period.source !== 'title') continue;
      // signed long after the period ended: last half-year's summary re-dated, or a date typed wrong
      const monthsLate = (date.year - period.to) * 12 + date.month - period.endMonth;
      if (monthsLate > SIGNED_LATE_MONTHS) {
        reports.push({
          start: date.start,
          end: date.end,
          message: message(
            `落款日期“${date.text}”在总结期间（${periodText(period)}${period.endMonth}月底止）结束${monthsLate}个月之后；请核对日期或期间`,
            `The signature date \`${date.text}\` is ${monthsLate} months after the period the summary covers ends (${period.to}-${String(period.endMonth).padStart(2, '0')}); check the date or the period`,
          ),
        });
      }
    }

    const flagged = new Set(reports.map((r) => r.start));
    for (const frame of bodyFrames(doc, period)) {
      if (flagged.has(frame.start)) continue;
      reports.push({
        start: frame.start,
        end: frame.start + 4,
        message: message(
          `正文以“${frame.text}”叙述本期工作，但本总结的期间是${periodText(period)}，正文中没有一处以${period.from}年叙述；是否沿用了上一年的总结？`,
          `The body reports its work as \`${frame.text}\`, but the summary covers ${period.from === period.to ? period.from : `${period.from}–${period.to}`} and the body never does so for ${period.from}: is last year's summary reused?`,
        ),
      });
    }
    return reports.sort((a, b) => a.start - b.start);
  },
};
