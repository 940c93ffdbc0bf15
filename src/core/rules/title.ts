import { isCjk } from '../text/chars';
import { message, type Rule, type RuleReport } from './rule';

/** Words that name a document's kind (文种) in a title. */
const KIND_WORDS = /总结|报告|汇报|述职|述廉|述责|计划|规划|要点|方案|情况|打算|思路|回顾|小结|纪要|通知|意见|决定|讲话|发言|材料/;
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
      zh: '标题：写明文种（总结、报告、述职报告……，与文种配置相符），除书名号等外不用标点（末尾不加“。”“：”），不含空格，不是文件名（文件名行不作标题，由 pasted-content 报告）；无可识别标题的文档不查',
      en: "The title names the document's kind (总结, 报告, 述职报告…, as the profile expects), has no punctuation but 书名号 and the like (no trailing 。 or ：) and no spaces, and is not a file name (the model never takes a file-name line for the title: pasted-content reports it); documents without a detectable title are not checked",
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
        description: 'mixed-script spacing used throughout is a style, not a stray space',
        format: 'text',
        text: 'CnPack 开发组 2025 年工作总结\n\n　　本年度……\n',
        flagged: [],
      },
    ],
  },
  check({ doc }) {
    const found = doc.title;
    if (!found || !/[\p{L}\p{N}]/u.test(found.text)) return [];
    // a crawler's header line `标题: …` (read as the title from a Word copy) is a label, not the title's punctuation
    const label = /^(?:标题|题目|文章标题|名称)[:：]\s*/.exec(found.text)?.[0].length ?? 0;
    const text = found.text;
    const reports: RuleReport[] = [];
    const at = (i: number) => found.start + i;
    if (chinese(text)) {
      // spaces: always between two ideographs; between an ideograph and a Latin word or number only where
      // the title does not space every such boundary (a consistent mixed-script style is kept)
      const boundaries = [...text.matchAll(/(?<=[\u4e00-\u9fff])[ \u3000]*(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])[ \u3000]*(?=[\u4e00-\u9fff])/g)];
      const consistentlySpaced = boundaries.length > 0 && boundaries.every((b) => b[0].length > 0);
      for (const m of text.matchAll(/[ \u3000\u00a0]+/g)) {
        const before = text[m.index - 1];
        const after = text[m.index + m[0].length];
        const bothCjk = isCjk(before) && isCjk(after);
        const mixed = (isCjk(before) && /[A-Za-z0-9]/.test(after ?? '')) || (/[A-Za-z0-9]/.test(before ?? '') && isCjk(after));
        if (!bothCjk && !(mixed && !consistentlySpaced)) continue;
        reports.push({
          start: at(m.index),
          end: at(m.index + m[0].length),
          message: message('标题中有空格，标题不应有空格', 'A space in the title; a title has none'),
          fix: { title: message('删去空格', 'Remove the space'), edits: [{ start: at(m.index), end: at(m.index + m[0].length), newText: '' }] },
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
