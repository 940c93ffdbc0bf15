import type { Section, SummaryDocument } from '../model/types';
import { formatChineseNumeral, parseChineseNumeral } from '../text/numerals';
import { isProse, message, type BlockRule, type RuleReport } from './rule';
import type { ChunkParse } from '../model/types';
import { isCleanRun, type EnumerationRun } from '../model/enumerations';
import { enumerationRunsOf } from '../model/views';

/**
 * A stated count: a numeral, a list-like measure word and at most a few more characters before the
 * sentence (or heading) ends: 以下三个方面： / 五项工作。 / 从四个方面 / 三件大事：
 * A numeral in quotes (“四个意识”) is a name, `第三个` an ordinal, `3.5个` a quantity.
 */
const COUNT = new RegExp(
  '([一二两三四五六七八九十]{1,3}|\\d{1,2})' +
    '(个方面|方面|个部分|部分|项|件|条|点|个(?:重点|特点|问题|环节|阶段|转变|坚持|必须|着力|关键|体会|原则|领域|维度|层面))' +
    '([^\\s，。；：:,;！？!?、“”"（）()《》\\d]{0,6}?)' +
    '(?=[：:。]|[ \\t\\u3000]*(?:\\r?\\n|$))',
  'g',
);

/** Before the numeral: an ordinal, a quote or more digits (checked in code: a lookbehind slows the scan). */
const NOT_BEFORE = /[第“‘「『"'\d.．]/;

/** What a sentence announcing a list ends with. */
const LIST_NOUN = /(方面|部分|工作|事|任务|措施|举措|重点|点)$/;

/** Sections after the stated ones that are not among the items: problems, next steps. */
const AFTERWORD = /问题|不足|差距|短板|打算|计划|下一步|下步|明年|来年|今后|思路|安排|展望|方向|改进|建议|体会|经验|启示|设想/;

interface CountPhrase {
  start: number;
  end: number;
  /** the regular expression's groups: [whole, numeral, measure word, rest] */
  match: string[];
}

/** Every stated count in one chunk's prose (the regular expression is the costly part: run it once per chunk). */
function findCountPhrases(parse: ChunkParse): CountPhrase[] {
  const phrases: CountPhrase[] = [];
  for (const block of parse.blocks) {
    if (!isProse(block)) continue;
    const slice = parse.text.slice(block.start, block.end);
    COUNT.lastIndex = 0;
    for (let m = COUNT.exec(slice); m; m = COUNT.exec(slice)) {
      if (m.index > 0 && NOT_BEFORE.test(slice[m.index - 1])) continue;
      phrases.push({ start: block.start + m.index, end: block.start + m.index + m[0].length, match: [...m] });
    }
  }
  return phrases;
}

function sectionIndex(doc: SummaryDocument): Map<number, Section> {
  const byMarkerStart = new Map<number, Section>();
  const visit = (sections: Section[]) => {
    for (const s of sections) {
      byMarkerStart.set(s.marker.start, s);
      visit(s.children);
    }
  };
  visit(doc.sections);
  return byMarkerStart;
}

/** Skips blanks, indentation and Markdown syntax (`#`, `>`, `**`, list bullets) to where the next item would begin. */
function nextContent(text: string, from: number): number {
  let i = from;
  while (i < text.length && /[\s\u3000#>*_+-]/.test(text[i])) i++;
  return i;
}

function familyOf(section: Section): string {
  const style = section.marker.style;
  return style === 'decimal' ? 'd' : style === 'roman' ? 'r' : 'c';
}

interface Items {
  count: number;
  /** when the items are sections: they may run on past the stated ones into problems and plans */
  sections?: Section[];
}

function itemsAt(doc: SummaryDocument, offset: number, sections: Map<number, Section>, runs: () => readonly EnumerationRun[]): Items | undefined {
  const section = sections.get(offset);
  if (section) {
    if (section.number !== 1) return undefined;
    const pool = section.parent ? section.parent.children : doc.sections;
    const run = pool.filter(
      (s) => s.start >= section.start && s.level === section.level && s.scope === section.scope && familyOf(s) === familyOf(section),
    );
    if (!run.every((s, index) => s.number === index + 1)) return undefined; // numbering-sequence's business
    return { count: run.length, sections: run };
  }
  const item = doc.enumerations.find((e) => e.start === offset);
  if (!item || item.number !== 1) return undefined;
  const run = runs().find((r) => r.items[0] === item);
  if (!run || !isCleanRun(run)) return undefined; // enumeration-sequence's business
  return { count: run.items.length };
}

function numeralFor(written: string, count: number): string {
  if (/^\d+$/.test(written)) return String(count);
  return count === 2 ? '两' : formatChineseNumeral(count);
}

export const countMismatch: BlockRule<CountPhrase> = {
  scope: 'block',
  meta: {
    id: 'count-mismatch',
    description: {
      zh: '文中说明的条目数（以下三个方面、五项工作）应与其后紧接列出的条目数一致',
      en: 'A stated count (以下三个方面, 五项工作) matches the items that follow it',
    },
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['enumeration', 'numbering', 'content'],
    examples: [
      {
        description: 'three stated, four sections follow',
        format: 'text',
        text: '二、主要做法。主要抓了以下三个方面：\n\n（一）抓学习。\n\n（二）抓制度。\n\n（三）抓落实。\n\n（四）抓督查。\n',
        flagged: ['三'],
        fixed: '二、主要做法。主要抓了以下四个方面：\n\n（一）抓学习。\n\n（二）抓制度。\n\n（三）抓落实。\n\n（四）抓督查。\n',
      },
      {
        description: 'five stated, an enumeration of four follows',
        format: 'text',
        text: '今年重点抓好5项工作：一是稳增长；二是促改革；三是惠民生；四是防风险。\n',
        flagged: ['5'],
        fixed: '今年重点抓好4项工作：一是稳增长；二是促改革；三是惠民生；四是防风险。\n',
      },
      {
        description: 'two stated and written 两',
        format: 'text',
        text: '存在以下三个方面不足：一是学习不够；二是调研不深。\n',
        flagged: ['三'],
        fixed: '存在以下两个方面不足：一是学习不够；二是调研不深。\n',
      },
      {
        description: 'a matching count, a count closing a statement of fact, 几点, a lone item and a problems section after the stated work are clean',
        format: 'text',
        text: '一、主要工作。做了以下两个方面工作：\n\n（一）抓学习。\n\n（二）抓落实。\n\n（三）存在的问题。\n\n二、体会。全年办结建议12件。一是加强沟通；二是及时答复。\n\n三、打算。主要有以下几点：一是甲；二是乙。抓好三个方面：一是丙。\n',
        flagged: [],
      },
    ],
  },
  findInChunk({ parse }) {
    return findCountPhrases(parse);
  },
  check({ doc }, phrases) {
    const reports: RuleReport[] = [];
    const sections = sectionIndex(doc);
    const runs = () => enumerationRunsOf(doc);
    const text = doc.text;
    const title = doc.title;
    for (const found of phrases) {
      if (title && found.start >= title.start && found.start < title.end) continue;
      {
        const m = found.match;
        const written = m[1];
        const stated = /^\d+$/.test(written) ? Number(written) : parseChineseNumeral(written);
        if (stated === undefined || stated < 2) continue;
        const start = found.start;
        const phraseEnd = start + m[0].length;
        const after = text.slice(phraseEnd, phraseEnd + 1);
        // `办结建议12件。` states a fact; `抓好三个方面。` / `办好10件实事。` announces the list
        if (/[。]/.test(after) && !LIST_NOUN.test(m[0])) continue;
        const terminator = /^[：:。]/.test(after) ? phraseEnd + 1 : phraseEnd;
        const items = itemsAt(doc, nextContent(text, terminator), sections, runs);
        if (!items || items.count < 2 || items.count === stated) continue;
        if (items.sections && items.count > stated && AFTERWORD.test(items.sections[stated].marker.headingText)) continue;
        const right = numeralFor(written, items.count);
        const phrase = m[0];
        const rightPhrase = right + phrase.slice(written.length);
        reports.push({
          start,
          end: start + written.length,
          message: message(
            `说“${phrase}”，其后列出${formatChineseNumeral(items.count)}项，应为“${rightPhrase}”`,
            `States \`${phrase}\` (${stated}) but ${items.count} items follow; expected \`${rightPhrase}\``,
          ),
          fix: { title: message(`改为“${rightPhrase}”`, `Change to \`${rightPhrase}\``), edits: [{ start, end: start + written.length, newText: right }] },
        });
      }
    }
    return reports;
  },
};
