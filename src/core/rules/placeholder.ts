import type { Block } from '../model/types';
import { maskedBlockText, type SourceText } from '../model/prose';
import { message, type Rule, type RuleReport } from './rule';
import { isAsciiAlnum, isAsciiDigit as isDigit, isAsciiLetter, isCjk, isCjkAt } from '../text/chars';


/** After a single `A` these make a real term: A股, A级, A类, A型, A区, A轮, A超, A票, A证, A字, A档, A角, A端… */
const A_TERM_FOLLOWERS = /[股级类型区轮超票证字档角端组卷面座栋楼岗套版款]/;
/** X光, X射线, X线, X型, X轴, X染色体 are words. */
const X_TERM_FOLLOWERS = /[光射线型轴染]/;
/** 甲A, 维生素A, and a rating won or kept: 创A, 争A, 评A, 保A, 获A. */
const A_TERM_LEADERS = /[甲乙丙素创争评保获]/;
/** Roman numerals, QQ, PPP (public-private partnership) and X (read by the X rule) are not name placeholders. */
const NOT_PLACEHOLDER_LETTERS = /[IVXQP]/;

/** Outside a word: the text edge, a space or a punctuation mark (not an ideograph, letter or digit). */
const isBoundary = (ch: string | undefined) => ch === undefined || (ch !== '*' && /[\s\p{P}\p{S}]/u.test(ch));

/**
 * Markdown bold pasted into plain text (`**Note:**`, `**一、总体情况**`): a `**` opening after a space
 * or mark and a `**` closing before one, in the same paragraph. A `**` between two words is a name cut out.
 */
function boldMarkup(s: string, stars: RegExpMatchArray[]): Set<number> {
  const markup = new Set<number>();
  let open: number | undefined;
  for (const m of stars) {
    const i = m.index!;
    const end = i + m[0].length;
    const opening = isBoundary(s[i - 1]) && s[end] !== undefined && !/\s/.test(s[end]);
    const closing = s[i - 1] !== undefined && !/[\s（(“‘《【[]/.test(s[i - 1]) && isBoundary(s[end]);
    const inside = open === undefined ? '' : s.slice(open, i).replace(/^\*+/, '');
    if (open !== undefined && closing && /[\p{L}\p{N}]/u.test(inside)) {
      markup.add(open).add(i);
      open = undefined;
    } else open = opening ? i : undefined;
  }
  return markup;
}

function placeholderMessage(found: string) {
  return message(`发现占位符“${found}”，应替换为实际内容`, `Placeholder \`${found}\` left in the text; replace it with the real content`);
}

function findInBlock(doc: SourceText, block: Block): { start: number; end: number }[] {
  const s = maskedBlockText(doc, block);
  const hits: { start: number; end: number }[] = [];
  const add = (start: number, end: number) => hits.push({ start: block.start + start, end: block.start + end });
  // most paragraphs hold none of the letters these searches need: one quick look each, not a dozen scans
  const hasX = /[XxＸｘ×]/.test(s);
  const hasUnderscore = /[_＿]/.test(s);
  const scan = (worth: boolean, re: RegExp): Iterable<RegExpExecArray> => (worth ? s.matchAll(re) : []);

  // XX, ××, xx (2005-12-xx): a run not touching ASCII letters or digits
  for (const m of scan(hasX, /[XxＸｘ×]{2,}/g)) {
    const i = m.index;
    if (!isAsciiAlnum(s[i - 1]) && !isAsciiAlnum(s[i + m[0].length])) add(i, i + m[0].length);
  }
  // X月X日, X号; 开展X场 / X次
  for (const m of scan(hasX, /[XxＸｘ×]/g)) {
    const i = m.index;
    const before = s[i - 1];
    const after = s[i + 1];
    if (isAsciiAlnum(before) || /[XxＸｘ×]/.test(before ?? '') || /[XxＸｘ×]/.test(after ?? '')) continue;
    if (/[月日号]/.test(after ?? '') || (isCjk(before) && /[场次篇期]/.test(after ?? ''))) add(i, i + 1);
  }
  // 区X局, 与 X 业务工作同部署: a lone capital X standing for a name between Chinese words
  // (found by the letter, then its neighbours: a look-behind first would be tried at every position)
  const gap = (ch: string | undefined) => ch === ' ' || ch === '\u3000';
  for (const m of scan(hasX, /[XＸ]/g)) {
    const i = m.index;
    const chineseBefore = isCjkAt(s, i - 1) || (gap(s[i - 1]) && isCjkAt(s, i - 2));
    const chineseAfter = isCjkAt(s, i + 1) || (gap(s[i + 1]) && isCjkAt(s, i + 2));
    if (!chineseBefore || !chineseAfter) continue;
    const next = /[ \u3000]/.test(s[i + 1]) ? s[i + 2] : s[i + 1];
    if (/[XxＸｘ×]/.test(s[i - 1] ?? '') || /[XxＸｘ×]/.test(s[i + 1] ?? '')) continue;
    if (/[月日号场次篇期]/.test(s[i + 1] ?? '')) continue; // read above
    if (X_TERM_FOLLOWERS.test(next)) continue;
    add(i, i + 1);
  }
  // 20__年, ____单位: fill-in blanks
  for (const m of scan(hasUnderscore, /[_＿]{2,}/g)) {
    const i = m.index;
    const end = i + m[0].length;
    const before = s[i - 1];
    const after = s[end];
    if (isAsciiLetter(before) || isAsciiLetter(after)) continue;
    const cjkBefore = isCjk(before) || isDigit(before);
    const cjkAfter = isCjk(after) || isDigit(after);
    if (!cjkBefore && !cjkAfter) continue;
    if (doc.format === 'markdown' && m[0].length <= 3) {
      // `__bold__` is Markdown: only a blank between two words, in a paragraph with an odd count
      const runs = s.match(/(?<![_＿])[_＿]{2,3}(?![_＿])/g)?.length ?? 0;
      if (!(cjkBefore && cjkAfter) || runs % 2 === 0) continue;
    }
    add(i, end);
  }
  // TODO, TBD, FIXME left in the text (a comment or code is not prose, so it is not read here)
  for (const m of scan(/TODO|TBD|FIXME/.test(s), /(?<![A-Za-z0-9_\-])(?:TODO|TBD|FIXME)(?![A-Za-z0-9_\-])/g)) add(m.index, m.index + m[0].length);
  // 20--年, 20－－年: the year's last digits left as dashes
  for (const m of scan(/[-－]{2}/.test(s), /(?<![0-9])(?:19|20)([-－]{2,})(?=[年度])/g)) add(m.index + 2, m.index + 2 + m[1].length);
  // x个, x处, X名: a letter standing for a count before a measure word
  for (const m of scan(hasX, /[XxＸｘ](?=[个处项件名人家条万亿元%％])/g)) {
    const i = m.index;
    const before = s[i - 1];
    if (isAsciiAlnum(before) || /[XxＸｘ×+＋.．]/.test(before ?? '')) continue;
    if (!(isCjkAt(s, i - 1) || isBoundary(before))) continue;
    add(i, i + 1);
  }
  // 1X个, XX.X%, 2X万元: X for digits inside a figure (415X” is a name, N+X a formula: not followed by a unit)
  for (const m of scan(hasX, /(?<![A-Za-z+＋])(?:[0-9]+[XＸ]+|[XＸ]+[.．][0-9XＸ]+|[0-9]+[.．][XＸ]+)(?=[%％个处项件名人家条万亿元倍])/g)) add(m.index, m.index + m[0].length);
  // （具体网址）, （单位名称）: a bracketed slot where the real text goes
  for (const m of s.matchAll(/[（(](?:具体[^（）()\n]{1,6}|[^（）()\n]{0,6}(?:名称|姓名|网址|日期|时间|金额|数量|数字)|[^（）()\n]{0,4}(?:填写|填入|待定|待补充|待填)[^（）()\n]{0,6})[）)]/g)) {
    if (/^[（(](?:简称|以下简称|下称|含|不含|包括)/.test(m[0])) continue;
    add(m.index, m.index + m[0].length);
  }
  // 共_件, 占_%: a lone underscore standing for a missing number
  for (const m of scan(hasUnderscore, /(?<![_＿A-Za-z0-9])[_＿](?![_＿A-Za-z0-9])/g)) {
    const i = m.index;
    if (isCjkAt(s, i - 1) && /[个处项件名人家条篇期场次万亿元%％年月日]/.test(s[i + 1] ?? '')) add(i, i + 1);
  }
  // 占比%, 增长%: a percent sign whose figure was deleted (a table's unit column excepted)
  for (const m of s.matchAll(/[%％]/g)) {
    const i = m.index;
    const lineStart = s.lastIndexOf('\n', i) + 1;
    const lineEnd = s.indexOf('\n', i);
    const line = s.slice(lineStart, lineEnd === -1 ? s.length : lineEnd);
    if (/^\s*\||\t/.test(line)) continue;
    if (/(?:占比|占|比重|增长|下降|增幅|降幅|提高|比例|达到|达)$/.test(s.slice(Math.max(0, i - 3), i))) add(i, i + 1);
  }
  // 【此处填写单位名称】
  for (const m of s.matchAll(/【[^】\n]{0,30}】/g)) {
    if (/填写|输入|插入|此处|单位名称|姓名|根据.{0,6}实际|实际情况|自行|酌情|增减|可选|示例|替换|修改为/.test(m[0])) add(m.index, m.index + m[0].length);
  }
  // ** where a name was cut out
  const stars = [...s.matchAll(/\*{2,}/g)];
  if (doc.format === 'text') {
    const markup = boldMarkup(s, stars);
    for (const m of stars) {
      const lineStart = s.lastIndexOf('\n', m.index) + 1;
      const lineEndAt = s.indexOf('\n', m.index);
      const line = s.slice(lineStart, lineEndAt === -1 ? s.length : lineEndAt);
      if (/^[\s*=\-_~#]*$/.test(line)) continue; // a separator line of asterisks
      if (markup.has(m.index)) continue;
      add(m.index, m.index + m[0].length);
    }
  } else if (stars.length % 2 === 1) {
    for (const m of stars) {
      if (m[0].length === 2 && isCjkAt(s, m.index - 1) && isCjkAt(s, m.index + 2)) add(m.index, m.index + 2);
    }
  }
  // AAA公众号, AAA群
  for (const m of s.matchAll(/([A-Z])\1+/g)) {
    const i = m.index;
    const end = i + m[0].length;
    if (NOT_PLACEHOLDER_LETTERS.test(m[1]) || isAsciiAlnum(s[i - 1]) || isAsciiAlnum(s[end])) continue;
    if (!isCjkAt(s, i - 1) && !isCjkAt(s, end)) continue;
    if (/[级制霜]/.test(s[end] ?? '')) continue; // AAAA级景区, AA制, BB霜
    add(i, end);
  }
  // 学习A新时代: a single A standing for a cut-out name
  const letterLabels = [...scan(/[BＢ]/.test(s), /(?:^|[^A-Za-z0-9])[BＢ]/g)].some((m) => isCjkAt(s, m.index + m[0].length));
  if (!letterLabels) {
    for (const m of s.matchAll(/A/g)) {
      const i = m.index;
      if (!isCjkAt(s, i - 1) || !isCjkAt(s, i + 1) || A_TERM_FOLLOWERS.test(s[i + 1]) || A_TERM_LEADERS.test(s[i - 1])) continue;
      add(i, i + 1);
    }
  }
  return hits;
}

export const placeholder: Rule = {
  scope: 'block',
  meta: {
    id: 'placeholder',
    description: {
      zh: '正文中不得遗留模板占位符：XX、××、X月X日、20__年、【此处填写】、删去人名后留下的 ** 或 A、AAA 等',
      en: 'No template placeholders left in the text: XX, ××, X月X日, 20__年, 【此处填写】, ** or A where a name was cut out, AAA',
    },
    defaultSeverity: 'error',
    fixable: false,
    tags: ['placeholder', 'copy-paste'],
    examples: [
      {
        description: 'XX, X月X日, a lone X for a name and a fill-in blank',
        format: 'text',
        text: 'XX单位2023年工作总结\n\n今年X月X日，区X局召开会议，与 X 业务工作同部署。20__年工作计划如下。\n',
        flagged: ['XX', 'X', 'X', 'X', 'X', '__'],
      },
      {
        description: 'a date left as 2005-12-xx',
        format: 'text',
        text: '工作总结\n\n本季度完成了三项工作。\n\n开发组\n2005-12-xx\n',
        flagged: ['xx'],
      },
      {
        description: 'a bracketed instruction and AAA where a name was cut out',
        format: 'markdown',
        text: '# 工作总结\n\n【此处填写单位名称】充分利用AAA公众号开展宣传。\n',
        flagged: ['【此处填写单位名称】', 'AAA'],
      },
      {
        description: 'in plain text a ** between words is a cut-out name, and so is a lone A; pasted bold markup is not',
        format: 'text',
        text: '意识形态工作总结\n\n**一、总体情况**\n\n将意识形态作为**领域的一项重点任务。宣传学习A新时代中国特色社会主义思想。\n',
        flagged: ['**', 'A'],
      },
      {
        description: 'in Markdown a lone ** between words is flagged, a bold pair is not',
        format: 'markdown',
        text: '# 工作总结\n\n聚焦**工作动态，**狠抓落实**。\n\n一是**加强学习**，二是完善制度。\n',
        flagged: ['**'],
      },
      {
        description: 'placeholders as people leave them: 20--年, x个, x处, X in figures, a bracketed slot, a lone underscore, 占比% without its figure',
        format: 'text',
        text: '工作总结\n\n20--年，共办理x个事项，整改x处问题，完成1X个项目，增长XX.X%，网址（具体网址），报送（单位名称），共_件，占比%。\n',
        flagged: ['--', 'x', 'x', '1X', 'XX.X', '（具体网址）', '（单位名称）', '_', '%'],
      },
      {
        description: 'a template note in 【】 and a TODO left in an English report',
        format: 'markdown',
        text: '# Annual report\n\n【根据实际情况增减】The papers approved for publication were: TODO\n',
        flagged: ['【根据实际情况增减】', 'TODO'],
      },
      {
        description: 'real terms are not placeholders: PM2.5, 415X集群, N+X, 2021--2025年, （以下简称《条例》）, Markdown emphasis',
        format: 'markdown',
        text: '# 工作总结\n\nPM2.5浓度下降，“415X”集群，推行1+X证书，2021--2025年规划（以下简称《规划》），*重点*和_难点_，增长12%。\n',
        flagged: [],
      },
      {
        description: 'real terms are not placeholders: A股, AAAA级, 创A, QQ群, PPP, X光, ×, Roman numerals',
        format: 'text',
        text: '工作总结\n\n推动企业在A股上市，创建AAAA级景区2个，环保绩效创A成效明显，建立QQ群，落实PPP新机制，配置X光机和X射线设备，面积30×40米，完成第II期工程。\n',
        flagged: [],
      },
    ],
  },
  checkBlock({ text, format, block }) {
    const source = { text, format };
    const reports: RuleReport[] = findInBlock(source, block).map((hit) => ({ start: hit.start, end: hit.end, message: placeholderMessage(text.slice(hit.start, hit.end)) }));
    // the longer hit first where two start together (XX.X before its XX)
    reports.sort((a, b) => a.start - b.start || b.end - a.end);
    // one finding per place: drop a hit inside one already taken
    return reports.filter((r, i) => !reports.some((o, j) => j < i && o.start <= r.start && r.end <= o.end));
  },
};
