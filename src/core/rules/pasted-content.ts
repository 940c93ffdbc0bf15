import type { SummaryDocument } from '../model/types';
import { message, type BlockRule, type Located, type RuleReport } from './rule';
import type { ChunkParse } from '../model/types';
import type { Message, TextEdit } from '../types';
import { crawlerHeaderLength } from '../model/prose';
import { linesOf } from '../model/views';
import { lineRanges, type LineRange } from '../text/lines';
import { WordIndex } from '../text/words';
import junkData from './data/pasted-content.json';

type Line = LineRange;

const isBlank = (text: string, line: Line | undefined) => line !== undefined && /^[\s\u3000]*$/.test(text.slice(line.start, line.end));

/**
 * Deletes a line with its line break, leaving no blank line behind. A line standing alone between
 * two blank lines (or first in the text, before one) takes one of them along, so no double gap
 * is left; the last content line takes the blank lines before and after it, so the text ends on
 * the line before with one line break, as it did.
 */
function deleteLineEdit(text: string, lines: readonly Line[], index: number): TextEdit {
  const line = lines[index];
  let last = lines.length - 1;
  while (last > index && isBlank(text, lines[last])) last--;
  if (last === index) {
    let before = index - 1;
    while (before >= 0 && isBlank(text, lines[before])) before--;
    if (before < 0) return { start: 0, end: text.length, newText: '' };
    // the previous content line keeps its own line break
    return { start: lines[before].next, end: text.length, newText: '' };
  }
  const after = lines[index + 1];
  const blankBefore = index === 0 || isBlank(text, lines[index - 1]);
  if (blankBefore && isBlank(text, after) && after.next > after.end) {
    return { start: line.start, end: after.next, newText: '' };
  }
  return { start: line.start, end: line.next, newText: '' };
}

/** One kind of website junk (data in data/pasted-content.json, with examples the unit tests run). */
export interface JunkKind {
  id: string;
  what: Message;
  /** the whole (trimmed) line is junk */
  line?: RegExp;
  /** junk inside a line: a one-line crawl, a title */
  span?: RegExp;
  /** a further test a `line` match must pass */
  alsoNeeds?: RegExp;
  /**
   * Words of which every text `line`, `span` and `alsoNeeds` match contains one: a line with none of them
   * skips the patterns (most lines of real text; the unit tests hold every pattern to it over the corpus)
   */
  needs: readonly string[];
  /** only on the document's first lines (the title) */
  titleOnly: boolean;
  /** a whole junk line is deleted by bulk fixing */
  deletable: boolean;
  flagged: string[];
  kept: string[];
}

export const JUNK_KINDS: readonly JunkKind[] = junkData.kinds.map((k) => {
  const kind = k as { id: string; what: Message; line?: string; span?: string; alsoNeeds?: string; needs: string[]; titleOnly?: boolean; deletable: boolean; flagged: string[]; kept: string[] };
  return {
    id: kind.id,
    what: kind.what,
    line: kind.line === undefined ? undefined : new RegExp(kind.line, 'u'),
    span: kind.span === undefined ? undefined : new RegExp(kind.span, 'u'),
    alsoNeeds: kind.alsoNeeds === undefined ? undefined : new RegExp(kind.alsoNeeds, 'u'),
    needs: kind.needs,
    titleOnly: kind.titleOnly === true,
    deletable: kind.deletable,
    flagged: kind.flagged,
    kept: kind.kept,
  };
});

/** Whether `content` has one of the kind's `needs` words, without which none of its patterns can match. */
export function mayBeJunk(kind: JunkKind, content: string): boolean {
  return (kindsThatMayMatch(content) & (1 << JUNK_KINDS.indexOf(kind))) !== 0;
}

/** Every needs word, with the kinds (bits by index in JUNK_KINDS) that need it. */
const NEEDS_WORDS = new WordIndex<number>();
JUNK_KINDS.forEach((kind, index) => kind.needs.forEach((word) => NEEDS_WORDS.add(word, 1 << index)));

/**
 * The kinds whose needs words occur in `content`, as bits: one pass over the line, whatever the
 * number of words (most lines of real text have none, and are done with here).
 */
function kindsThatMayMatch(content: string): number {
  let kinds = 0;
  NEEDS_WORDS.scan(content, (_at, _word, bits) => (kinds |= bits));
  return kinds;
}

/** A line's junk: the whole line, or the spans of it (offsets in the line), in order. */
export function junkIn(content: string, titleLine = false): { kind: JunkKind; start: number; end: number; whole: boolean }[] {
  const possible = kindsThatMayMatch(content);
  if (!possible) return [];
  const trimmed = content.trim();
  if (!trimmed) return [];
  const spans: { kind: JunkKind; start: number; end: number; whole: boolean }[] = [];
  for (const [index, kind] of JUNK_KINDS.entries()) {
    if (kind.titleOnly && !titleLine) continue;
    if ((possible & (1 << index)) === 0) continue;
    if (kind.line && kind.line.test(trimmed) && (!kind.alsoNeeds || kind.alsoNeeds.test(trimmed))) {
      const start = content.indexOf(trimmed);
      return [{ kind, start, end: start + trimmed.length, whole: true }];
    }
    const m = kind.span?.exec(content);
    if (m && m[0].trim()) {
      const lead = m[0].length - m[0].trimStart().length;
      spans.push({ kind, start: m.index + lead, end: m.index + m[0].trimEnd().length, whole: false });
    }
  }
  return spans.sort((a, b) => a.start - b.start).filter((span, i, all) => i === 0 || span.start >= all[i - 1].end);
}

const PAID_MARKER = /##[a-z]+##/g;
/** A template site's own words: enough on their own. */
const AD_CERTAIN = /预览阅读已结束|扫码联系|添加客服|下载网址|(?:下面|以下)是.{0,8}小编|小编(?:为|给)(?:大家|您)(?:整理|分享|收集|带来)/;
/** Words a template site uses, that a real document might also use once (建立宣传素材库). */
const AD_SIGNAL = /素材库|代笔|范文网|s?vip会员|海量.{0,4}(?:素材|公文|范文)|会员群|网盘群|一键.{0,2}下载/i;
/** Selling and contact cues; an advert line has a signal and at least two of these. */
const AD_CUES = [
  /客服/,
  /扫码/,
  /加入.{0,8}(?:会员|群)|有意加入/,
  /(?:请|欢迎)联系|联系(?:方式|电话|微信|QQ)?[：:]/,
  /微信[：:号]|公众号[：:]/,
  /s?vip/i,
  /小伙伴/,
  /唯一平台|谨防假冒|认准/,
  /接单|好评/,
  /每[天日]更新|同步.{0,4}更新/,
  /一键/,
  /会员群|网盘群/,
];

function isAdvert(text: string): boolean {
  if (AD_CERTAIN.test(text)) return true;
  if (!AD_SIGNAL.test(text)) return false;
  return AD_CUES.filter((cue) => cue.test(text)).length >= 2;
}

const PAGE_FOOTER = [
  /^[ \t\u3000]*[—–\-－]{1,2}[ \t\u3000]*\d{1,4}[ \t\u3000]*[—–\-－]{1,2}[ \t\u3000]*$/,
  /^[ \t\u3000]*第[ \t\u3000]*\d{1,4}[ \t\u3000]*页[ \t\u3000]*[,，/／]?[ \t\u3000]*共[ \t\u3000]*\d{1,4}[ \t\u3000]*页[ \t\u3000]*$/,
  // a document site's page-chunk marker, which often falls in the middle of a word: `--- 第2页 ---`
  /^[ \t\u3000]*[—–\-－]{0,3}[ \t\u3000]*第[ \t\u3000]*\d{1,4}[ \t\u3000]*页[ \t\u3000]*[—–\-－]{0,3}[ \t\u3000]*$/,
];

const STRAY_TAIL = /^[ \t]*(?:Public domain|false|true)[ \t]*$/i;
const LICENCE_WORDS = /公有领域|Public domain|维基文库|wikisource/i;

/** The Wikisource licence footer of a scraped page: from its `本作品…` line to the end. */
function licenceFooter(text: string, lines: readonly Line[]): { first: number; last: number } | undefined {
  let last = lines.length - 1;
  while (last >= 0 && isBlank(text, lines[last])) last--;
  if (last < 0) return undefined;
  const windowStart = Math.max(0, lines[last].end - 4000);
  for (let i = 0; i <= last; i++) {
    if (lines[i].start < windowStart) continue;
    const content = text.slice(lines[i].start, lines[i].end);
    if (!/^[\s\u3000]*本作品/.test(content)) continue;
    const rest = text.slice(lines[i].start, lines[last].end);
    if (LICENCE_WORDS.test(rest) && /著作权|版权|许可|授权/.test(rest)) return { first: i, last };
  }
  return undefined;
}

function whatFound(zh: string, en: string): Message {
  return message(zh, en);
}

export const pastedContent: BlockRule<Located> = {
  scope: 'block',
  meta: {
    id: 'pasted-content',
    description: {
      zh: '不得留有从范文网站、网页或 PDF 复制带来的内容：付费标记、广告行、版权声明、页码行',
      en: 'No text carried over from template sites, web pages or PDFs: paid-content markers, advert lines, licence footers, page footers',
    },
    defaultSeverity: 'error',
    fixable: true,
    tags: ['copy-paste'],
    examples: [
      {
        description: 'paid-content markers: a token inside a sentence and a line of its own',
        format: 'text',
        text: '工作总结\n\n尤其是对党##paidbegin##的二十大精神进行学习。\n\n##paidend##\n',
        flagged: ['##paidbegin##', '##paidend##'],
        fixed: '工作总结\n\n尤其是对党的二十大精神进行学习。\n',
      },
      {
        description: 'advert lines of a template site',
        format: 'text',
        text: '工作总结\n\n确保工作取得实效。\n【某某素材库】——每天更新材料1000多篇，会员群+网盘群同步每日更新，有意加入请联系客服\n',
        flagged: ['【某某素材库】——每天更新材料1000多篇，会员群+网盘群同步每日更新，有意加入请联系客服'],
        fixed: '工作总结\n\n确保工作取得实效。\n',
      },
      {
        description: "a template site's introduction line",
        format: 'text',
        text: '下面是小编为大家整理的工作总结，供大家参考。\n工作总结\n\n全年完成各项任务。\n',
        flagged: ['下面是小编为大家整理的工作总结，供大家参考。'],
        fixed: '工作总结\n\n全年完成各项任务。\n',
      },
      {
        description: 'a PDF page footer inside the text',
        format: 'markdown',
        text: '# 年度报告\n\n一、总体情况\n\n本年度主动公开信息1200条。\n\n— 1 —\n\n二、主动公开情况\n',
        flagged: ['— 1 —'],
        fixed: '# 年度报告\n\n一、总体情况\n\n本年度主动公开信息1200条。\n\n二、主动公开情况\n',
      },
      {
        description: 'a Wikisource licence footer at the end',
        format: 'markdown',
        text: '# 政府工作报告\n\n各位代表！我们要团结奋斗。\n\n\n本作品是中华人民共和国的\n法律\n，根据《著作权法》第五条第一项，属于\n公有领域\n。\nPublic domain\nfalse',
        flagged: ['本作品是中华人民共和国的\n法律\n，根据《著作权法》第五条第一项，属于\n公有领域\n。\nPublic domain\nfalse'],
        fixed: '# 政府工作报告\n\n各位代表！我们要团结奋斗。\n',
      },
      {
        description: 'stray licence lines left at the end by a web scrape',
        format: 'text',
        text: '工作总结\n\n全年完成各项任务。\nPublic domain\nfalse\n',
        flagged: ['Public domain', 'false'],
        fixed: '工作总结\n\n全年完成各项任务。\n',
      },
      {
        description: "a web crawler's header above the text",
        format: 'text',
        text: '标题: 某局2024年工作总结\n发布时间: 2025-01-10 09:00\n文号: \n发布机构: \n栏目: 工作总结\n原文链接: https://example.gov.cn/t1.htm\n本地目录: zwgk/t1\n页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n某局2024年工作总结\n\n全年完成各项任务。\n',
        flagged: ['标题: 某局2024年工作总结\n发布时间: 2025-01-10 09:00\n文号: \n发布机构: \n栏目: 工作总结\n原文链接: https://example.gov.cn/t1.htm\n本地目录: zwgk/t1\n页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================',],
        fixed: '某局2024年工作总结\n\n全年完成各项任务。\n',
      },
      {
        description: 'web page furniture on lines of its own: breadcrumb, publication line, share buttons, a blurb, a file name, 附件下载',
        format: 'text',
        text: '当前位置：首页 > 政务公开 > 工作总结\n某局2024年工作总结\n发布时间：2025-01-10 来源：本站 点击数：321\n[打印本页] [关闭窗口]\n\n全年完成各项任务。\n\n以下是本站为您整理的工作总结范文，供参考。\n\n某局2024年工作总结.docx\n附件下载\n',
        flagged: ['当前位置：首页 > 政务公开 > 工作总结', '发布时间：2025-01-10 来源：本站 点击数：321', '[打印本页] [关闭窗口]', '以下是本站为您整理的工作总结范文，供参考。', '某局2024年工作总结.docx', '附件下载'],
        fixed: '某局2024年工作总结\n\n全年完成各项任务。\n',
      },
      {
        description: 'junk inside a one-line crawl, a title suffix of a template site and a second article are reported, not deleted',
        format: 'text',
        text: '2024年工作总结范文（精选3篇）\n\n当前位置： 首页 政务公开 微信 微博 QQ空间 相关链接： --> 全年完成各项任务。 附件下载\n\n篇二：2024年个人工作总结\n',
        flagged: ['范文（精选3篇）', '当前位置： 首页 政务公开 微信 微博 QQ空间 相关链接： -->', '附件下载', '篇二：2024年个人工作总结'],
      },
      {
        description: 'a second article appended with no 篇二: a title and a salutation right after the first one\'s signature (reported, not deleted)',
        format: 'text',
        text: '某局2024年工作总结\n\n全年完成各项任务。\n\n某局\n2025年1月6日\n\n2024年个人述职报告\n\n尊敬的各位领导：\n\n本人于2023年起担任科长。\n',
        flagged: ['2024年个人述职报告'],
      },
      {
        description: "a unit's own contact lines, a source line and a real 素材库 are not adverts",
        format: 'text',
        text: '工作总结\n来源：北京日报\n\n建立宣传素材库，及时更新内容，供各单位下载使用。\n\n开发组网站：https://www.cnpack.org\n管理员信箱：master@cnpack.org\n内部QQ群：359682\n',
        flagged: [],
      },
    ],
  },
  findInChunk({ parse }) {
    return suspectLines(parse);
  },
  check({ doc }, suspects) {
    const appended = appendedArticles(doc);
    return appended.length ? [...findPasted(doc, suspects), ...appended].sort((a, b) => a.start - b.start || a.end - b.end) : findPasted(doc, suspects);
  },
};

const APPENDED = junkData.appendedArticle;
const APPENDED_ENDING = new RegExp(APPENDED.ending, 'u');
const APPENDED_TITLE = new RegExp(APPENDED.title, 'u');
const APPENDED_OPENING = new RegExp(APPENDED.opening, 'u');
/** the longest title line the data's title pattern takes: a longer line is not looked at again */
const APPENDED_TITLE_MAX = 60;
const APPENDED_TITLE_LAST = /[结告报划会）)*#]/;

/**
 * A second article appended after the first with no 篇二 (data: pasted-content.json's
 * `appendedArticle`): the first article's ending (a signature date, 特此报告) on the line before, a title
 * line, and a new opening (a salutation, `2025年上半年，…`) on the line after — all three, or nothing.
 * Reported at the title line; never deleted (which text is the writer's own is theirs to say). The
 * second half of a bilingual report (`otherHalf`) is no appended article.
 */
export function appendedArticles(doc: SummaryDocument): RuleReport[] {
  const { text, blocks } = doc;
  const reports: RuleReport[] = [];
  // every line of the text's blocks, as [start, end) without the line break: blank lines are no block's
  const lineAt = (block: number, index: number): [number, number] => {
    const starts = blocks[block].lineStarts;
    const start = starts[index];
    let end = index + 1 < starts.length ? starts[index + 1] : blocks[block].end;
    while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
    return [start, end];
  };
  const words = ([start, end]: [number, number]) => text.slice(start, end).replace(/^[\s\u3000#*]+|[\s\u3000*]+$/g, '');
  const neighbour = (block: number, index: number, step: 1 | -1): [number, number] | undefined => {
    if (index + step >= 0 && index + step < blocks[block].lineStarts.length) return lineAt(block, index + step);
    for (let b = block + step; b >= 0 && b < blocks.length; b += step) {
      if (blocks[b].end <= blocks[b].start || !/\S/.test(text.slice(blocks[b].start, blocks[b].end))) continue;
      return lineAt(b, step === 1 ? 0 : blocks[b].lineStarts.length - 1);
    }
    return undefined;
  };
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind === 'code' || block.kind === 'table' || block.kind === 'front-matter') continue;
    for (let l = 0; l < block.lineStarts.length; l++) {
      const line = lineAt(b, l);
      if (line[1] - line[0] > APPENDED_TITLE_MAX || line[0] === doc.otherHalf?.start || (doc.title && line[0] < doc.title.end)) continue;
      // a title ends in the kind of document (…总结, …报告, …汇报, …计划, …体会) or a bracketed note
      if (!APPENDED_TITLE_LAST.test(text.slice(line[0], line[1]).trimEnd().slice(-1))) continue;
      const title = words(line);
      if (!APPENDED_TITLE.test(title)) continue;
      const before = neighbour(b, l, -1);
      const after = neighbour(b, l, 1);
      if (!before || !after || !APPENDED_ENDING.test(words(before)) || !APPENDED_OPENING.test(words(after))) continue;
      const start = text.indexOf(title, line[0]);
      reports.push({
        start,
        end: start + title.length,
        message: whatFound(`发现${APPENDED.what.zh}：“${title}”，请核对并删除`, `Found ${APPENDED.what.en}: \`${title}\`; check and delete it`),
      });
    }
  }
  return reports;
}

/** Lines of one chunk that may be pasted content: a paid marker, a page footer, an advert or website junk. */
function suspectLines(parse: ChunkParse): { start: number; end: number }[] {
  const suspects: { start: number; end: number }[] = [];
  const code = parse.blocks.filter((b) => b.kind === 'code');
  for (const line of lineRanges(parse.text)) {
    const content = parse.text.slice(line.start, line.end);
    if (!content.trim() || code.some((b) => line.start >= b.start && line.start < b.end)) continue;
    if (content.includes('##') || PAGE_FOOTER.some((re) => re.test(content)) || isAdvert(content) || junkIn(content).length) suspects.push({ start: line.start, end: line.end });
  }
  return suspects;
}

function findPasted(doc: SummaryDocument, suspectLineRanges: Located[]): RuleReport[] {
  const text = doc.text;
  const lines = linesOf(doc);
  const skipped = doc.blocks.filter((b) => b.kind === 'code' || b.kind === 'front-matter');
  const inSkipped = (line: Line) => skipped.some((b) => line.start >= b.start && line.start < b.end);
  const reports: RuleReport[] = [];
  // Whole junk lines: each finding deletes its own line, and the blank lines around a stretch of them
  // go along so that, all fixes applied, no gap is left where they were (one blank stays between text).
  const deletions = new Map<number, RuleReport>();
  const deleteLine = (index: number, found: Message, zhTitle = '删除此行', enTitle = 'Delete this line') => {
    const line = lines[index];
    const report: RuleReport = { start: line.start, end: line.end, message: found, fix: { title: message(zhTitle, enTitle), edits: [deleteLineEdit(text, lines, index)] } };
    deletions.set(index, report);
    reports.push(report);
  };
  const tidyGaps = (first: number, last: number) => {
    const deleted = (i: number) => deletions.has(i);
    const blank = (i: number) => !deleted(i) && isBlank(text, lines[i]);
    const done = new Set<number>();
    for (const start of [...deletions.keys()].sort((x, y) => x - y)) {
      if (done.has(start)) continue;
      let p = start;
      while (p - 1 >= first && (deleted(p - 1) || blank(p - 1))) p--;
      let q = start;
      while (q + 1 <= last && (deleted(q + 1) || blank(q + 1))) q++;
      const atStart = p === first;
      const atEnd = q === last;
      const blanks: number[] = [];
      for (let i = p; i <= q; i++) {
        if (deleted(i)) {
          done.add(i);
          deletions.get(i)!.fix!.edits = [{ start: lines[i].start, end: lines[i].next, newText: '' }];
        } else blanks.push(i);
      }
      // one blank line stays between two pieces of text; none at the text's start or end
      const removed = atStart || atEnd ? blanks : blanks.slice(1);
      let pending: number[] = [];
      let previous: RuleReport | undefined;
      for (let i = p; i <= q; i++) {
        if (deleted(i)) {
          const edit = deletions.get(i)!.fix!.edits[0];
          if (pending.length) edit.start = lines[pending[0]].start;
          pending = [];
          previous = deletions.get(i);
        } else if (removed.includes(i)) {
          if (previous && previous.fix!.edits[0].end === lines[i].start) previous.fix!.edits[0].end = lines[i].next;
          else pending.push(i);
        } else previous = undefined;
      }
    }
  };

  const footer = licenceFooter(text, lines);
  const lastLine = footer ? footer.first : lines.length;

  const header = crawlerHeaderLength(text);
  let firstLine = 0;
  if (header) {
    while (firstLine < lines.length && lines[firstLine].next <= header) firstLine++;
    // counted without blank lines: a Word copy puts a blank paragraph gap between the header's lines
    const headerLines = lines.slice(0, firstLine).filter((line) => !isBlank(text, line)).length;
    reports.push({
      start: 0,
      end: lines[firstLine - 1].end,
      message: whatFound(
        `文首有网页抓取程序写入的${headerLines}行信息头（标题、发布时间、原文链接……），应删除`,
        `A web crawler's ${headerLines}-line header (标题, 发布时间, 原文链接 …) at the start; delete it`,
      ),
      fix: { title: message('删除抓取信息头', "Delete the crawler's header"), edits: [{ start: 0, end: header, newText: '' }] },
    });
  }
  // the title lines: the first non-blank lines after any header
  const titleLines = new Set<number>();
  for (let index = firstLine, seen = 0; index < lines.length && seen < 2; index++) {
    if (isBlank(text, lines[index])) continue;
    titleLines.add(index);
    seen++;
  }
  for (const index of titleLines) {
    const content = text.slice(lines[index].start, lines[index].end);
    const junk = junkIn(content, true).find((j) => j.kind.titleOnly);
    if (!junk || inSkipped(lines[index])) continue;
    reports.push({
      start: lines[index].start + junk.start,
      end: lines[index].start + junk.end,
      message: whatFound(`标题带有${junk.kind.what.zh}“${content.slice(junk.start, junk.end)}”，应删除`, `The title carries ${junk.kind.what.en}: \`${content.slice(junk.start, junk.end)}\`; delete it`),
    });
  }

  // the costly tests run once per chunk; here only the lines they picked out are looked at again
  const suspects = new Set(suspectLineRanges.map((l) => l.start));
  for (let index = firstLine; index < lastLine; index++) {
    const line = lines[index];
    if (!suspects.has(line.start) || inSkipped(line)) continue;
    const content = text.slice(line.start, line.end);
    if (!content.trim()) continue;

    const tokens = [...content.matchAll(PAID_MARKER)];
    if (tokens.length) {
      const alone = content.replace(PAID_MARKER, '').trim() === '';
      for (const m of tokens) {
        const start = line.start + m.index;
        const found = whatFound(
          `发现付费内容标记“${m[0]}”（从范文网站复制带来），应删除`,
          `Paid-content marker \`${m[0]}\` pasted from a template site; delete it`,
        );
        const edit = alone ? deleteLineEdit(text, lines, index) : { start, end: start + m[0].length, newText: '' };
        reports.push({ start, end: start + m[0].length, message: found, fix: { title: message(`删除“${m[0]}”`, `Delete \`${m[0]}\``), edits: [edit] } });
      }
      continue;
    }

    if (PAGE_FOOTER.some((re) => re.test(content))) {
      deleteLine(
        index,
        whatFound(`发现页码行“${content.trim()}”（从 PDF 复制带来），应删除`, `Page footer \`${content.trim()}\` carried over from a PDF; delete it`),
        '删除页码行',
        'Delete the page footer',
      );
      continue;
    }

    const junks = isAdvert(content) ? [] : junkIn(content);
    for (const junk of junks) {
      const at = line.start + junk.start;
      const found = content.slice(junk.start, junk.end);
      if (junk.whole && junk.kind.deletable) {
        deleteLine(index, whatFound(`发现${junk.kind.what.zh}，应删除整行`, `Found ${junk.kind.what.en}; delete the whole line`));
      } else if (junk.whole) {
        reports.push({ start: at, end: line.start + junk.end, message: whatFound(`发现${junk.kind.what.zh}：“${found.slice(0, 30)}”，请核对并删除`, `Found ${junk.kind.what.en}: \`${found.slice(0, 30)}\`; check and delete it`) });
      } else {
        // inside a line of real text (a one-line crawl): reported, never deleted blindly
        reports.push({ start: at, end: line.start + junk.end, message: whatFound(`行内夹有${junk.kind.what.zh}，应删除`, `${junk.kind.what.en} inside the line; delete it`) });
      }
    }
    if (junks.length) continue;

    if (isAdvert(content)) {
      if (content.length <= 400) {
        deleteLine(
          index,
          whatFound('发现从范文网站复制带来的广告行，应删除整行', 'Advert line pasted from a template site; delete the whole line'),
          '删除广告行',
          'Delete the advert line',
        );
      } else {
        // a long line: only the advert sentence is flagged, and nothing is deleted blindly
        for (const m of content.matchAll(/[^。！？!?]+[。！？!?]?/g)) {
          if (!isAdvert(m[0])) continue;
          reports.push({
            start: line.start + m.index,
            end: line.start + m.index + m[0].length,
            message: whatFound('发现从范文网站复制带来的广告语句，应删除', 'Advert sentence pasted from a template site; delete it'),
          });
        }
      }
    }
  }

  if (footer) {
    // delete from the line after the last real content line, so the text keeps one final line break
    let before = footer.first - 1;
    while (before >= 0 && isBlank(text, lines[before])) before--;
    const editStart = before >= 0 ? lines[before].next : 0;
    reports.push({
      start: lines[footer.first].start,
      end: lines[footer.last].end,
      message: whatFound(
        '文末附有从网页（维基文库）复制带来的版权声明，应删除',
        'Licence footer of a scraped web page (Wikisource) at the end; delete it',
      ),
      fix: { title: message('删除版权声明', 'Delete the licence footer'), edits: [{ start: editStart, end: text.length, newText: '' }] },
    });
  } else {
    // stray `Public domain` / `false` lines at the end with no footer text before them
    let last = lines.length - 1;
    while (last >= 0 && isBlank(text, lines[last])) last--;
    let first = last;
    while (first >= 0 && (STRAY_TAIL.test(text.slice(lines[first].start, lines[first].end)) || isBlank(text, lines[first]))) first--;
    const tail = lines.slice(first + 1, last + 1).map((l) => text.slice(l.start, l.end));
    if (first >= 0 && tail.some((t) => /public domain/i.test(t))) {
      for (let index = first + 1; index <= last; index++) {
        if (isBlank(text, lines[index])) continue;
        deleteLine(index, whatFound('文末有网页抓取遗留的版权标记行，应删除', 'Stray licence line left by a web scrape at the end; delete it'));
      }
    }
  }
  tidyGaps(firstLine, footer ? footer.first - 1 : lines.length - 1);
  return reports.sort((a, b) => a.start - b.start || a.end - b.end);
}
