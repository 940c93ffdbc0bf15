import type { HouseStyle } from '../config/config';
import { formatMarker } from '../text/markers';
import type { Level, Marker, MarkerStyle, SummaryDocument } from '../model/types';
import { message, type Rule, type RuleReport } from './rule';

/** Forms that are wrong in every house style, and the form they stand for. */
const ALWAYS_WRONG: Partial<Record<MarkerStyle, MarkerStyle>> = {
  'cn-dot': 'cn-dun',
  'cn-comma': 'cn-dun',
  'cn-paren-half': 'cn-paren',
  'cn-paren-punct': 'cn-paren',
  'arabic-paren-half': 'arabic-paren',
  'arabic-paren-punct': 'arabic-paren',
  'circled-punct': 'circled',
  'arabic-cn-period': 'arabic-dot',
};

const CHECKED_LEVELS: Level[] = [1, 2, 3, 4, 5];

/**
 * The form each level should take in this document: the canonical one, or an accepted
 * alternative when the document uses it more than the canonical one (a house may write 1、).
 */
function expectedStyles(doc: SummaryDocument, house: HouseStyle): { expected: Map<Level, MarkerStyle>; counts: Map<Level, Map<MarkerStyle, number>> } {
  const expected = new Map<Level, MarkerStyle>();
  const countsByLevel = new Map<Level, Map<MarkerStyle, number>>();
  for (const level of CHECKED_LEVELS) {
    const allowed = [house.canonical[level], ...(house.accepted[level] ?? [])];
    const counts = new Map<MarkerStyle, number>();
    for (const marker of doc.markers) {
      if (marker.level !== level) continue;
      const style = ALWAYS_WRONG[marker.style] ?? marker.style;
      if (allowed.includes(style)) counts.set(style, (counts.get(style) ?? 0) + 1);
    }
    let best = house.canonical[level];
    for (const [style, count] of counts) if (count > (counts.get(best) ?? 0)) best = style;
    expected.set(level, best);
    countsByLevel.set(level, counts);
  }
  return { expected, counts: countsByLevel };
}

export const numberingStyle: Rule = {
  scope: 'document',
  meta: {
    id: 'numbering-style',
    description: {
      zh: '编号写法应符合行文规范（GB/T 9704）：一、（一） 1. （1），全角括号，不加多余标点，同级不混用',
      en: 'Markers are written in house style (GB/T 9704): 一、 （一） 1. （1）, full-width brackets, no extra punctuation, one form per level',
    },
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['numbering'],
    examples: [
      {
        description: 'half-width brackets and a 顿号 after brackets',
        format: 'text',
        text: '一、总体情况\n\n(一)主动公开\n\n（二）、依申请公开\n',
        flagged: ['(一)', '（二）、'],
        fixed: '一、总体情况\n\n（一）主动公开\n\n（二）依申请公开\n',
      },
      {
        description: '一. instead of 一、',
        format: 'text',
        text: '一.加强学习\n\n二、完善制度\n',
        flagged: ['一.'],
        fixed: '一、加强学习\n\n二、完善制度\n',
      },
      {
        description: '1、 among 1. is mixed',
        format: 'text',
        text: '一、工作\n\n1.加强学习。\n2.完善制度。\n3、强化落实。\n',
        flagged: ['3、'],
        fixed: '一、工作\n\n1.加强学习。\n2.完善制度。\n3.强化落实。\n',
      },
      {
        description: '1。 (a full stop after the number) is a wrong form of 1.',
        format: 'text',
        text: '一、工作\n\n1。加强学习。\n2.完善制度。\n',
        flagged: ['1。'],
        fixed: '一、工作\n\n1.加强学习。\n2.完善制度。\n',
      },
      {
        description: 'a document that writes 1、 throughout is accepted by the common house style',
        format: 'text',
        text: '一、工作\n\n1、加强学习。\n2、完善制度。\n',
        flagged: [],
      },
      {
        description: 'the gbt9704 house style takes only the GB/T 9704 forms: 1、 is written 1.',
        format: 'text',
        config: '{"houseStyle": "gbt9704"}',
        text: '一、工作\n\n1、加强学习。\n2、完善制度。\n',
        flagged: ['1、', '2、'],
        messages: [
          { zh: '编号写法不规范：“1、”，应为“1.”', en: 'Unexpected marker `1、`, expected `1.`' },
          { en: 'Unexpected marker `2、`, expected `2.`' },
        ],
        fixed: '一、工作\n\n1.加强学习。\n2.完善制度。\n',
      },
      {
        description: 'in an English report, a tab after one marker where the others take a space',
        format: 'text',
        text: 'Annual Report 2024\n\nI. Overview of the year\n\nThe work went well.\n\nII.\tGoals for the year\n\nWe met them.\n\nIII. Plans for next year\n\nWe will go on.\n',
        flagged: ['II.\t'],
        messages: [{ en: 'A tab after `II.`; the other markers of its level take a space' }],
        fixed: 'Annual Report 2024\n\nI. Overview of the year\n\nThe work went well.\n\nII. Goals for the year\n\nWe met them.\n\nIII. Plans for next year\n\nWe will go on.\n',
      },
    ],
  },
  check({ doc, houseStyle }) {
    if (doc.profile.profile.language === 'en') return tabSeparators(doc);
    const { expected, counts } = expectedStyles(doc, houseStyle);
    const reports: RuleReport[] = [];
    for (const marker of doc.markers) {
      if (marker.style === 'decimal' || marker.style === 'roman') continue;
      const want = expected.get(marker.level)!;
      if (marker.style === want) continue;
      // ⑴ and ① stop at 20: past that the house form cannot be written, so there is nothing to ask for
      if (formatMarker(want, marker.number) === marker.text || ((want === 'circled' || want === 'arabic-parenthesized-char') && marker.number > 20)) continue;
      // a form wrong in every house style has one right form; an accepted form among another is
      // certain only where the other clearly prevails (twice as many)
      const levelCounts = counts.get(marker.level);
      // and `3．10种` → `3.10种` would read as the decimal 3.10: not certain where a digit follows
      const digitFollows = /^\d/.test(doc.text.slice(marker.end, marker.end + 1));
      const allowedHere = houseStyle.canonical[marker.level] === marker.style || (houseStyle.accepted[marker.level] ?? []).includes(marker.style);
      const certain = !digitFollows && (!allowedHere || (levelCounts?.get(want) ?? 0) >= 2 * (levelCounts?.get(marker.style) ?? 0));
      reports.push(styleReport(marker, want, certain));
    }
    // a table row label is no section, but a form wrong everywhere (`(一)` half-width) is wrong there too
    for (const marker of doc.tableMarkers) {
      const right = ALWAYS_WRONG[marker.style];
      if (!right || right !== houseStyle.canonical[marker.level]) continue;
      reports.push(styleReport(marker, right, true));
    }
    return reports.sort((a, b) => a.start - b.start);
  },
};

/**
 * An English report writes `I. Overview`; a tab after one marker where its siblings' markers take a
 * space (`II.\tOverall`) is a slip of the copy. Only where the space clearly prevails in that family
 * of markers (Roman, decimal, arabic): a document that tabs them all is consistent.
 */
function tabSeparators(doc: SummaryDocument): RuleReport[] {
  const familyOf = (m: Marker) => (m.style === 'roman' ? 'roman' : m.style === 'decimal' ? 'decimal' : `arabic-${m.level}`);
  const separator = (m: Marker) => doc.text[m.end];
  const spaces = new Map<string, number>();
  const tabs = new Map<string, Marker[]>();
  for (const marker of doc.markers) {
    const family = familyOf(marker);
    if (separator(marker) === ' ' && doc.text[marker.end + 1] !== ' ') spaces.set(family, (spaces.get(family) ?? 0) + 1);
    else if (separator(marker) === '\t') tabs.set(family, [...(tabs.get(family) ?? []), marker]);
  }
  const reports: RuleReport[] = [];
  for (const [family, tabbed] of tabs) {
    const spaced = spaces.get(family) ?? 0;
    if (spaced < 2 || spaced < 2 * tabbed.length) continue;
    for (const marker of tabbed) {
      let end = marker.end;
      while (doc.text[end] === '\t' || doc.text[end] === ' ') end++;
      reports.push({
        start: marker.start,
        end,
        message: message(`编号“${marker.text}”后是制表符，同级其他编号后是空格`, `A tab after \`${marker.text}\`; the other markers of its level take a space`),
        fix: { title: message('改为一个空格', 'Change to one space'), edits: [{ start: marker.end, end, newText: ' ' }] },
      });
    }
  }
  return reports.sort((a, b) => a.start - b.start);
}

function styleReport(marker: Marker, want: MarkerStyle, certain: boolean): RuleReport {
  const replacement = formatMarker(want, marker.number);
  return {
    start: marker.start,
    end: marker.end,
    message: message(
      `编号写法不规范：“${marker.text}”，应为“${replacement}”`,
      `Unexpected marker \`${marker.text}\`, expected \`${replacement}\``,
    ),
    fix: { title: message(`改为“${replacement}”`, `Change to \`${replacement}\``), edits: [{ start: marker.start, end: marker.end, newText: replacement }], certain },
  };
}
