import { isCjk } from '../text/chars';
import { isInformalNote } from '../model/parts';
import type { SummaryDocument, Title } from '../model/types';
import { message, type Rule, type RuleReport } from './rule';

/** Words that name a document's kind (文种) in a title. */
const KIND_WORDS = /总结|报告|汇报|述职|述廉|述责|计划|规划|要点|方案|情况|打算|思路|回顾|小结|纪要|通知|意见|决定|讲话|发言|材料/;
/** Two-character words of a title that a line break never splits where the writer breaks the title. */
const WORDS_NEVER_WRAPPED = /^(?:报告|总结|汇报|述职|述廉|计划|规划|方案|要点|工作|情况|年度|政府)$/;
/** A title that names a period reads as a summary's title: 2023年, 上半年, 年度, 第三季度, 10月份. */
const PERIOD_WORDS = /(?:19|20)\d{2}\s*年|[上下]半年|年度|季度|月份/;
/** GB/T 9704-2012 §7.3.2: no punctuation in a title but the 书名号 (and quotes, brackets, dashes of names). */
const TITLE_PUNCTUATION = /[，,。；;：:！!？?]/g;

/** Mostly Chinese: English titles keep their own punctuation (`2023 Annual Report: SIG Node`). */
function chinese(text: string): boolean {
  let cjk = 0;
  let latin = 0;
  for (const ch of text) {
    if (isCjk(ch)) cjk++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return cjk > 0 && cjk * 2 >= latin;
}

export const title: Rule = {
  scope: 'document',
  meta: {
    id: 'title',
    description: {
      zh: '标题：写明文种（总结、报告、述职报告……，与文种配置相符），除书名号等外不用标点（末尾不加“。”“：”），不含空格（正文开头重复的标题也是），不是文件名（文件名行不作标题，由 pasted-content 报告）；中文文档没有标题时给出提示（信函式总结以称呼开头、以署名和日期结尾的除外）',
      en: "The title names the document's kind (总结, 报告, 述职报告…, as the profile expects), has no punctuation but 书名号 and the like (no trailing 。 or ：) and no spaces (nor has its copy repeated at the top of the body), and is not a file name (the model never takes a file-name line for the title: pasted-content reports it); a Chinese document with no title gets a hint (not a letter-form summary, which opens with a salutation and ends signed and dated)",
    },
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['title', 'gbt9704'],
    examples: [
      {
        description: 'a trailing colon, a stray space and a comma in the title',
        format: 'text',
        text: '开发组 2024年工作总结：\n\n　　2024年以来，……\n',
        flagged: [' ', '：'],
        fixed: '开发组2024年工作总结\n\n　　2024年以来，……\n',
        messages: [{ en: 'A space in the title; a title has none' }, { en: 'The title ends with `：`; a title takes no punctuation at its end' }],
      },
      {
        description: 'in a Markdown heading: punctuation inside the title and at its end',
        format: 'markdown',
        text: '# 工作总结：成绩、问题；打算。\n\n　　本年度……\n',
        flagged: ['：', '；', '。'],
        fixed: '# 工作总结：成绩、问题；打算\n\n　　本年度……\n',
        messages: [
          { en: 'The title has `：`; a title takes no punctuation but 书名号 (GB/T 9704-2012 §7.3.2)' },
          { en: 'The title has `；`; a title takes no punctuation but 书名号 (GB/T 9704-2012 §7.3.2)' },
          { en: 'The title ends with `。`; a title takes no punctuation at its end' },
        ],
      },
      {
        description: 'a period title that does not name the kind (a file name on the first line is no title at all: pasted-content reports that line)',
        format: 'text',
        text: '2024年度工作\n\n　　2024年以来，……\n',
        flagged: ['2024年度工作'],
      },
      {
        description: 'the profile chosen in front matter expects its own kind in the title',
        format: 'markdown',
        text: '---\nprofile: debriefing\n---\n\n# 2024年度工作总结\n\n各位领导：\n',
        flagged: ['2024年度工作总结'],
        messages: [{ en: 'The title `2024年度工作总结` does not name the kind of document the profile expects (述职报告)' }],
      },
      {
        description: 'book-title marks, quotes, brackets, a consistently spaced mixed-script title, an English title and a slogan title are fine',
        format: 'text',
        text: '关于贯彻《条例》推进“十四五”规划的情况报告（2024年）\n\n　　2024年以来，……\n',
        flagged: [],
      },
      {
        description: 'a title wrapped in the middle of a word by a copy (a PDF or a web page); a title on two lines broken between words is fine',
        format: 'text',
        text: '某县2024年政府工作报\n告\n\n各位代表：\n\n过去一年，全县经济稳中有进，人民生活持续改善，各项事业全面发展，现将主要工作报告如下。\n\n一、过去一年的工作\n\n二、存在的问题\n\n三、下一步工作安排\n',
        flagged: ['某县2024年政府工作报\n告'],
        messages: [{ en: 'The title breaks its line inside the word `报告`; write it on one line or break between words' }],
      },
      {
        description: 'a copy of the title repeated at the top of the body (as crawled pages give) with a space the title does not have',
        format: 'text',
        text: '标题: 某区统计局2024年信息公开年度报告\n=====\n当前位置：首页 某区统计局2024年 信息公开年度报告 根据《条例》规定，现公布本局2024年度报告。 一、总体情况 本局全年主动公开信息三百条，办理申请十件，各项工作按期完成，未发生因公开引起的行政复议。\n',
        flagged: [' '],
        messages: [{ zh: '正文开头重复的标题“某区统计局2024年 信息公开年度报告”中有空格，标题不应有空格', en: 'A space in the title repeated at the top of the body (`某区统计局2024年 信息公开年度报告`); a title has none' }],
      },
      {
        description: 'a summary with no title line gets a hint (info)',
        format: 'text',
        text: '各位好！\n\n以下是我对本季度接口开发的总结。\n\n1.完成内容：\n\n本季度共提交补丁三十个，修复缺陷二十余个，完成了任务栏的重构，并为多窗口功能补充了自动化测试，覆盖主要的使用场景。\n\n2.遇到的问题：\n\n调试耗时较长，编译速度偏慢，文档也不够齐全，新成员上手需要较多时间，需要在下一阶段逐步改进。\n',
        flagged: ['各位好！'],
        messages: [{ zh: '未找到标题：正文前应有一行标题，写明单位、时间和文种（如“××部门2025年工作总结”）', en: 'No title found: a title line naming the unit, the period and the kind of document (such as “××部门2025年工作总结”) should stand before the body' }],
      },
      {
        description: 'a letter-form summary (a salutation, then signed and dated at the end) needs no title',
        format: 'text',
        text: '开发组各位成员，您好！\n\n　　本月的工作情况如下。\n\n一、主要进展\n\n1、发布了测试版，收到三十多条反馈，已逐条回复并整理成问题清单，下月集中处理。\n\n二、存在的问题\n\n1、评审排队太久，合并周期偏长。\n\n　　开发组  李明\n　　2025年7月2日\n',
        flagged: [],
      },
      {
        description: 'mixed-script spacing used throughout is a style, not a stray space',
        format: 'text',
        text: 'CnPack 开发组 2025 年工作总结\n\n　　本年度……\n',
        flagged: [],
      },
    ],
  },
  check({ doc }) {
    const found = doc.title;
    if (!found) return missingTitle(doc);
    if (!/[\p{L}\p{N}]/u.test(found.text)) return [];
    // a crawler's header line `标题: …` (read as the title from a Word copy) is a label, not the title's punctuation
    const label = /^(?:标题|题目|文章标题|名称)[:：]\s*/.exec(found.text)?.[0].length ?? 0;
    const text = found.text;
    const reports: RuleReport[] = [];
    const at = (i: number) => found.start + i;
    if (chinese(text)) {
      // spaces: always between two ideographs; between an ideograph and a Latin word or number only where
      // the title does not space every such boundary (a consistent mixed-script style is kept)
      for (const m of straySpaces(text)) {
        reports.push({
          start: at(m.index!),
          end: at(m.index! + m[0].length),
          message: message('标题中有空格，标题不应有空格', 'A space in the title; a title has none'),
          fix: { title: message('删去空格', 'Remove the space'), edits: [{ start: at(m.index!), end: at(m.index! + m[0].length), newText: '' }] },
        });
      }
      // the model leaves a trailing ： out of the title (and a heading may keep a 。 in it): read to the line's end
      const ownEnd = /[：:。.；;，,！!？?]*$/.exec(text)?.index ?? text.length;
      const rest = /^[：:。.；;，,！!？?]*/.exec(doc.text.slice(found.end, found.end + 4))?.[0] ?? '';
      for (const m of text.slice(0, ownEnd).matchAll(TITLE_PUNCTUATION)) {
        if (m.index < label) continue;
        reports.push({
          start: at(m.index),
          end: at(m.index + 1),
          message: message(`标题中有“${m[0]}”，标题除书名号等外不用标点（GB/T 9704-2012 §7.3.2）`, `The title has \`${m[0]}\`; a title takes no punctuation but 书名号 (GB/T 9704-2012 §7.3.2)`),
        });
      }
      const trailing = text.slice(ownEnd) + rest;
      if (trailing) {
        const start = at(ownEnd);
        const end = found.end + rest.length;
        reports.push({
          start,
          end,
          message: message(`标题末尾有“${trailing}”，标题末尾不加标点`, `The title ends with \`${trailing}\`; a title takes no punctuation at its end`),
          fix: { title: message('删去标题末尾的标点', 'Remove the punctuation at the end of the title'), edits: [{ start, end, newText: '' }] },
        });
      }
    }
    // a title wrapped in the middle of a word (`政府工作报` / `告`): a copy's hard wrap, not the writer's lines
    for (let k = 0; k + 1 < (found.lines?.length ?? 0); k++) {
      const [line, nextLine] = [found.lines![k], found.lines![k + 1]];
      const across = doc.text.slice(line.end - 1, line.end) + doc.text.slice(nextLine.start, nextLine.start + 1);
      if (!WORDS_NEVER_WRAPPED.test(across) || line.end <= line.start || nextLine.end <= nextLine.start) continue;
      reports.push({
        start: line.start,
        end: nextLine.end,
        message: message(`标题在“${across}”一词中间换行，应写在一行或在词间换行`, `The title breaks its line inside the word \`${across}\`; write it on one line or break between words`),
      });
    }
    if (chinese(text)) reports.push(...spacedCopies(doc, found, label));
    const profile = doc.profile.profile;
    if (profile.language === 'zh' && chinese(text)) {
      const chosen = doc.profile.reason === 'front-matter' || doc.profile.reason === 'config' || doc.profile.reason === 'chosen';
      const namesProfile = profile.titlePatterns.some((p) => new RegExp(p).test(text));
      // a chosen profile expects its own kind; the default one only a kind word, and only in a title that names a period
      // (a slogan title such as 高举中国特色社会主义伟大旗帜 is how some reports are titled)
      const unnamed = chosen ? !namesProfile : !KIND_WORDS.test(text) && PERIOD_WORDS.test(text);
      if (unnamed) {
        reports.push({
          start: found.start,
          end: found.end,
          message: chosen
            ? message(`标题“${text}”未写明文种配置对应的文种（${profile.name.zh}）`, `The title \`${text}\` does not name the kind of document the profile expects (${profile.name.zh})`)
            : message(`标题“${text}”未写明文种（如“总结”“报告”）`, `The title \`${text}\` does not name the kind of document (such as 总结 or 报告)`),
        });
      }
    }
    return reports.sort((a, b) => a.start - b.start || a.end - b.end);
  },
};

/** Spaces between two ideographs, and between an ideograph and a Latin word or figure where the text does not space every such boundary. */
function straySpaces(text: string): RegExpMatchArray[] {
  const boundaries = [...text.matchAll(/(?<=[\u4e00-\u9fff])[ \u3000]*(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])[ \u3000]*(?=[\u4e00-\u9fff])/g)];
  const consistentlySpaced = boundaries.length > 0 && boundaries.every((b) => b[0].length > 0);
  return [...text.matchAll(/[ \u3000\u00a0]+/g)].filter((m) => {
    const before = text[m.index! - 1];
    const after = text[m.index! + m[0].length];
    const bothCjk = isCjk(before) && isCjk(after);
    const mixed = (isCjk(before) && /[A-Za-z0-9]/.test(after ?? '')) || (/[A-Za-z0-9]/.test(before ?? '') && isCjk(after));
    return bothCjk || (mixed && !consistentlySpaced);
  });
}

/** How far past the title a copy of it is looked for: the top of the body (a crawler's breadcrumb and its heading). */
const COPY_WINDOW = 2000;

/**
 * A crawled page repeats the title at the top of the body (after the breadcrumb) — a copy with a space
 * where the title has none (`…2013年 信息公开年度报告`) is the same slip as a space in the title. Only
 * the title's own words with spaces between them count, before the first section; a space the title
 * itself has is reported on the title, not again on the copy.
 */
function spacedCopies(doc: SummaryDocument, found: Title, label: number): RuleReport[] {
  const words = [...found.text.slice(label).replace(/[\s\u3000\u00a0]+/g, '')];
  if (words.length < 6) return [];
  const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const copy = new RegExp(words.map(escape).join('[ \\u3000\\u00a0]*'), 'g');
  const from = found.end;
  const to = Math.min(doc.markers.find((m) => m.start >= from)?.start ?? doc.text.length, from + COPY_WINDOW);
  const ownSpaces = new Set<number>();
  // where the title itself has spaces, counted in its words without spaces
  let wordIndex = 0;
  for (const ch of found.text.slice(label)) {
    if (/[\s\u3000\u00a0]/.test(ch)) ownSpaces.add(wordIndex);
    else wordIndex++;
  }
  const reports: RuleReport[] = [];
  for (const m of doc.text.slice(from, to).matchAll(copy)) {
    const start = from + m.index!;
    for (const space of straySpaces(m[0])) {
      const at = m[0].slice(0, space.index).replace(/[ \u3000\u00a0]+/g, '').length;
      if (ownSpaces.has(at)) continue;
      reports.push({
        start: start + space.index!,
        end: start + space.index! + space[0].length,
        message: message(`正文开头重复的标题“${m[0]}”中有空格，标题不应有空格`, `A space in the title repeated at the top of the body (\`${m[0]}\`); a title has none`),
        fix: { title: message('删去空格', 'Remove the space'), edits: [{ start: start + space.index!, end: start + space.index! + space[0].length, newText: '' }], certain: false },
      });
    }
  }
  return reports;
}

/**
 * A Chinese summary or report with no title line: a gentle hint, not a fault of the text. Not for a
 * letter-form summary (opened by a salutation, signed and dated at the end: the letter needs no title),
 * an English document (its title is harder to tell), a note or a log, or an empty file.
 */
function missingTitle(doc: SummaryDocument): RuleReport[] {
  if (doc.profile.profile.language !== 'zh' || doc.otherHalf || doc.signatureDates?.length || doc.closing?.signer) return [];
  if (isInformalNote(doc)) return [];
  const first = /[^\s\u3000\u00a0]/.exec(doc.text.slice(doc.frontMatter?.end ?? 0));
  if (!first) return [];
  const start = (doc.frontMatter?.end ?? 0) + first.index;
  const lineEnd = doc.text.slice(start).search(/\r|\n/);
  const end = lineEnd < 0 ? doc.text.length : start + lineEnd;
  return [
    {
      start,
      end: Math.min(end, start + 40),
      severity: 'info',
      message: message('未找到标题：正文前应有一行标题，写明单位、时间和文种（如“××部门2025年工作总结”）', 'No title found: a title line naming the unit, the period and the kind of document (such as “××部门2025年工作总结”) should stand before the body'),
    },
  ];
}
