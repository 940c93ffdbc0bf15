import { isInformalNote } from '../model/parts';
import { partsOf } from '../model/views';
import { message, type Rule, type RuleReport } from './rule';

export const requiredSection: Rule = {
  scope: 'document',
  meta: {
    id: 'required-section',
    description: {
      zh: '文种要求的组成部分应齐全且顺序正确（如工作总结的“存在的问题”“下一步打算”，年度报告的六个法定部分）',
      en: 'The parts the document type requires are present and in order (a work summary’s problems and next steps, the six mandated parts of a disclosure report)',
    },
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['structure'],
    examples: [
      {
        description: 'a work summary without problems or next steps',
        format: 'text',
        text: '2025年工作总结\n\n　　今年以来，我们认真履职。现将有关情况总结如下：\n\n　　一、加强学习\n\n　　二、完善制度\n',
        flagged: ['2025年工作总结', '2025年工作总结'],
      },
      {
        description: 'problems and next steps sharing one section, and a paragraph starting 下一步',
        format: 'text',
        text: '2025年工作总结\n\n　　今年以来，我们认真履职。现将有关情况总结如下：\n\n　　一、加强学习\n\n　　二、存在问题及下一步打算\n\n　　一是学习不够深入。\n\n　　下一步，我们将继续努力。\n',
        flagged: [],
      },
      {
        description: 'a weekly log saved as 工作总结: one hint (at info level), not a list of missing parts',
        format: 'text',
        text: '工作总结\n3月3日：整理会议纪要。\n3月4日：参加业务培训。\n3月5日：走访企业两家。\n',
        flagged: ['工作总结'],
      },
      {
        description: 'parts by meaning: shortcomings as a paragraph, a plan introduced by 做如下安排',
        format: 'text',
        text: '2025年工作总结\n\n　　2025年以来，我们认真履职。\n\n　　一、加强学习\n\n　　二、完善制度\n\n　　我们也清醒认识到工作中的短板。\n\n　　对明年工作，做如下安排：\n\n　　（一）抓落实。\n',
        flagged: [],
      },
      {
        description: 'next steps before problems',
        format: 'text',
        text: '2025年工作总结\n\n　　今年以来，我们认真履职。现将有关情况总结如下：\n\n　　一、加强学习\n\n　　二、下一步打算\n\n　　三、存在的问题\n',
        flagged: ['三、存在的问题'],
      },
    ],
  },
  check({ doc }) {
    const reports: RuleReport[] = [];
    // an empty file is not a document yet
    if (!/\S/.test(doc.text.slice(doc.frontMatter?.end ?? 0))) return reports;
    const statuses = partsOf(doc);
    const anchor = doc.title ?? firstLine(doc.text, doc.frontMatter?.end ?? 0);
    const profileName = doc.profile.profile.name;
    const missing = statuses.filter((s) => !s.present);
    if (isInformalNote(doc)) {
      // a weekly log or a note saved as 工作总结: one gentle hint, not a list of faults
      if (missing.length) {
        reports.push({
          start: anchor.start,
          end: anchor.end,
          severity: 'info',
          message: message(
            `这份文档像是工作日志或笔记；如作为正式的${profileName.zh}，还应包括：${missing.map((s) => `“${s.name.zh}”`).join('、')}`,
            `This reads like a log or a note; as a formal ${profileName.en} it would also need: ${missing.map((s) => `"${s.name.en}"`).join(', ')}`,
          ),
        });
      }
      return reports;
    }
    for (const status of statuses) {
      if (status.present) continue;
      reports.push({
        start: anchor.start,
        end: anchor.end,
        message: message(
          `缺少“${status.name.zh}”部分：${profileName.zh}应包括这一部分`,
          `Missing part "${status.name.en}": ${/^[aeiou]/i.test(profileName.en) ? 'an' : 'a'} ${profileName.en} is expected to include it`,
        ),
      });
    }
    const order = doc.profile.profile.order;
    const present = order.map((id) => statuses.find((s) => s.id === id)).filter((s) => s?.present && s.byHeading && s.at !== undefined);
    for (let i = 1; i < present.length; i++) {
      const earlier = present[i - 1]!;
      const later = present[i]!;
      if (later.at! >= earlier.at!) continue;
      // report the part that stands too late: the earlier-required one found after the later one
      reports.push({
        start: earlier.section ? earlier.section.headingStart : earlier.at!,
        end: earlier.section ? earlier.section.headingEnd : lineEnd(doc.text, earlier.at!),
        message: message(
          `顺序不当：“${earlier.name.zh}”应在“${later.name.zh}”之前`,
          `Out of order: "${earlier.name.en}" is expected before "${later.name.en}"`,
        ),
      });
    }
    return reports;
  },
};

function firstLine(text: string, from: number): { start: number; end: number } {
  let start = from;
  while (start < text.length && /[\s\u3000]/.test(text[start])) start++;
  const end = text.slice(start).search(/\r|\n|$/);
  return { start, end: start + Math.max(0, end) };
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}
