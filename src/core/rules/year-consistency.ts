import type { SummaryDocument } from '../model/types';
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

/** A signature date on a line of its own: 2024年1月5日, 2024-01-05, 2024.1.5. */
const DATE_LINE = /^[\s\u3000]*((?:19|20)\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\d{1,2}[-./]\d{1,2})[\s\u3000]*$/;

interface PlanYear {
  year: number;
  start: number;
}

/** Reads a plan heading at `text` (a heading text or a line), if it is one. */
function planYear(text: string, offset: number): PlanYear | undefined {
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
  for (const { block } of proseBlocks(doc)) {
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

function lastLines(text: string, count: number): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  let end = text.length;
  while (end > 0 && lines.length < count) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim()) lines.unshift({ text: line, start });
    end = start - 1;
  }
  return lines;
}

function periodText(period: NonNullable<SummaryDocument['period']>): string {
  return period.from === period.to ? `${period.from}年` : `${period.from}—${period.to}年`;
}

export const yearConsistency: Rule = {
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

    for (const line of lastLines(text, 3)) {
      const m = DATE_LINE.exec(line.text);
      if (!m || Number(m[1]) >= period.to) continue;
      const lead = /^[\s\u3000]*/.exec(line.text)![0].length;
      const date = line.text.slice(lead).trimEnd();
      reports.push({
        start: line.start + lead,
        end: line.start + lead + date.length,
        message: message(
          `落款日期“${date}”早于总结的期间${periodText(period)}；应不早于${period.to}年`,
          `The signature date \`${date}\` is before the period the summary covers (${period.to}); expected ${period.to} or later`,
        ),
      });
    }
    return reports.sort((a, b) => a.start - b.start);
  },
};
