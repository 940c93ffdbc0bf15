import type { SectionLengthSettings, LengthLimit } from '../config/config';
import type { SummaryConfig } from '../config/config';
import { countNonWhitespace } from '../text/chars';
import { partsOf } from '../model/views';
import type { SummaryDocument } from '../model/types';
import type { Message } from '../types';
import { message, type Rule, type RuleReport } from './rule';

export interface PartLength {
  partId: string;
  name: Message;
  start: number;
  end: number;
  /** where a finding goes: the part's heading, or its first line */
  headingEnd: number;
  count: number;
  limit?: LengthLimit;
}

/** 汉字 only, or every character but whitespace (Word's 字符数（不计空格）), by code point. */
export function countLength(text: string, counting: SectionLengthSettings['count']): number {
  if (counting === 'non-whitespace') return countNonWhitespace(text);
  let count = 0;
  for (const ch of text) if (/\p{Script=Han}/u.test(ch)) count++;
  return count;
}

function limitFor(config: SummaryConfig, profileId: string, partId: string): LengthLimit | undefined {
  const settings = config.sectionLength;
  return settings?.profiles[profileId]?.[partId] ?? settings?.limits[partId];
}

function lineEnd(text: string, from: number, end: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 || at > end ? end : at;
}

/**
 * The length of each part of the profile the document has (the opening, and the parts found under
 * a heading or by the paragraph that opens them), counted as configured, with its limit if one is set.
 * The main work is every other section, so it has no length of its own here.
 */
export function partLengths(doc: SummaryDocument, config: SummaryConfig): PartLength[] {
  const profile = doc.profile.profile;
  // 汉字 mean nothing in an English report: there every character but whitespace counts
  const counting = profile.language === 'en' ? 'non-whitespace' : (config.sectionLength?.count ?? 'hanzi');
  const profileId = profile.id;
  const lengths: PartLength[] = [];
  const statuses = partsOf(doc);
  const starts = statuses.filter((s) => s.present && s.part.kind !== 'opening' && s.at !== undefined).map((s) => s.section?.start ?? s.at!);
  for (const status of statuses) {
    if (!status.present || status.part.kind === 'main-work') continue;
    let range: { start: number; end: number; headingEnd: number } | undefined;
    if (status.part.kind === 'opening') {
      if (doc.opening && doc.opening.end > doc.opening.start) {
        let start = doc.opening.start;
        // the rest of the title's line (a trailing ：) is not the opening's
        if (doc.title && doc.text.slice(doc.title.end, start).indexOf('\n') < 0) start = lineEnd(doc.text, start, doc.opening.end);
        while (start < doc.opening.end && /\s/.test(doc.text[start])) start++;
        range = { start, end: doc.opening.end, headingEnd: lineEnd(doc.text, start, doc.opening.end) };
      }
    } else if (status.section) {
      range = { start: status.section.start, end: status.section.end, headingEnd: status.section.headingEnd };
    } else if (status.at !== undefined) {
      // a part opened by a paragraph (下一步，……) runs to the next part, or to the end of the section it is in
      const at = status.at;
      const nextPart = Math.min(...starts.filter((s) => s > at), doc.text.length);
      const sectionEnd = enclosingSectionEnd(doc, at);
      const block = doc.blocks.find((b) => b.start <= at && at < b.end);
      // the last paragraph of its section (……计划如下：) introduces the sections after it
      const introduces = block !== undefined && !/\S/.test(doc.text.slice(block.end, sectionEnd));
      const end = Math.min(nextPart, introduces ? doc.text.length : sectionEnd);
      range = { start: at, end, headingEnd: lineEnd(doc.text, at, end) };
    }
    if (!range || range.end <= range.start) continue;
    const length: PartLength = { partId: status.id, name: status.name, ...range, count: countLength(doc.text.slice(range.start, range.end), counting) };
    const limit = limitFor(config, profileId, status.id);
    if (limit) length.limit = limit;
    lengths.push(length);
  }
  return lengths;
}

/** The end of the deepest section holding the offset, else the text's end (the sections after a 计划如下： are the plan's items). */
function enclosingSectionEnd(doc: SummaryDocument, offset: number): number {
  let sections = doc.sections;
  let end: number | undefined;
  for (;;) {
    const holder = sections.find((s) => s.start <= offset && offset < s.end);
    if (!holder) break;
    end = holder.end;
    sections = holder.children;
  }
  return end ?? doc.text.length;
}

/** `300–500 字`, `≤ 500 字`, `≥ 300 字` */
export function formatLimit(limit: LengthLimit): string {
  if (limit.min !== undefined && limit.max !== undefined) return `${limit.min}–${limit.max}`;
  return limit.max !== undefined ? `≤ ${limit.max}` : `≥ ${limit.min}`;
}

export const sectionLength: Rule = {
  scope: 'document',
  meta: {
    id: 'section-length',
    description: {
      zh: '各部分篇幅：按汉字数（或不计空格的字符数，同 Word）统计开头、问题、下一步等部分的字数，与 .summaryrc.json 中按部分（可按文种）设定的上下限比较；默认关闭',
      en: "Length of each part: the opening, problems, next steps … counted in 汉字 (or non-whitespace characters, as Word counts), against the limits .summaryrc.json sets per part (and per profile); off by default",
    },
    defaultSeverity: 'off',
    fixable: false,
    tags: ['length', 'structure'],
    examples: [
      {
        description: 'an opening longer than its limit and a problems part shorter than its limit',
        format: 'text',
        config: '{"rules": {"section-length": "warning"}, "sectionLength": {"limits": {"opening": {"max": 20}, "problems": {"min": 30}}}}\n',
        text: '2024年工作总结\n\n　　2024年以来，我局认真贯彻上级部署，扎实推进各项工作，取得了明显成效。现总结如下：\n\n一、主要工作\n\n　　完成了年度任务。\n\n二、存在的问题\n\n　　一是学习不够。\n',
        flagged: ['2024年以来，我局认真贯彻上级部署，扎实推进各项工作，取得了明显成效。现总结如下：', '二、存在的问题'],
        messages: [
          { en: 'Opening is 33 characters (汉字) long; the limit is ≤ 20' },
          { en: 'Problems is 12 characters (汉字) long; the limit is ≥ 30' },
        ],
      },
      {
        description: 'Word-style counting (every character but whitespace) and a limit for one profile only',
        format: 'text',
        config: '{"rules": {"section-length": "info"}, "sectionLength": {"count": "non-whitespace", "profiles": {"work-summary": {"opening": {"min": 10, "max": 12}}}}}\n',
        text: '2024年工作总结\n\n　　2024年完成3项任务。\n\n一、主要工作\n\n　　完成了年度任务。\n',
        flagged: [],
      },
      {
        description: 'off by default: limits alone do not report',
        format: 'text',
        config: '{"sectionLength": {"limits": {"opening": {"max": 5}}}}\n',
        text: '2024年工作总结\n\n　　2024年以来，我局认真贯彻上级部署。\n\n一、主要工作\n\n　　完成了年度任务。\n',
        flagged: [],
      },
    ],
  },
  check({ doc, config }) {
    if (!config.sectionLength) return [];
    const hanzi = config.sectionLength.count === 'hanzi' && doc.profile.profile.language !== 'en';
    const counting = hanzi ? '汉字' : '不计空格的字符';
    const countingEn = hanzi ? 'characters (汉字)' : 'characters (not counting whitespace)';
    const reports: RuleReport[] = [];
    for (const length of partLengths(doc, config)) {
      const limit = length.limit;
      if (!limit) continue;
      const tooShort = limit.min !== undefined && length.count < limit.min;
      const tooLong = limit.max !== undefined && length.count > limit.max;
      if (!tooShort && !tooLong) continue;
      reports.push({
        start: length.start,
        end: length.headingEnd,
        message: message(
          `${length.name.zh}共 ${length.count} 字（${counting}），${tooLong ? '超过' : '不足'}限定的 ${formatLimit(limit)} 字`,
          `${length.name.en} is ${length.count} ${countingEn} long; the limit is ${formatLimit(limit)}`,
        ),
      });
    }
    return reports;
  },
};
