/**
 * fast-check generators for the robustness properties: summaries assembled from the parts real
 * documents are made of (titles, markers of every level and style, enumerations, Markdown
 * constructs, pasted junk, placeholders, odd punctuation and line endings), and random mutations of
 * the corpus files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { FIXTURE_CORPUS } from './corpus';

// ---------------------------------------------------------------------------------------------
// numerals (written independently of src/core/numerals.ts, so a bug there is not mirrored here)

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 11 → 十一, 20 → 二十, 99 → 九十九, 101 → 一百零一, 110 → 一百一十 (1–999). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  const hundreds = DIGITS[Math.floor(n / 100)] + '百';
  const rest = n % 100;
  if (rest === 0) return hundreds;
  if (rest < 10) return hundreds + '零' + DIGITS[rest];
  return hundreds + DIGITS[Math.floor(rest / 10)] + '十' + (rest % 10 ? DIGITS[rest % 10] : '');
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PARENTHESIZED = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';

/** Every marker form that occurs, by how it is written. */
export const MARKER_FORMS: readonly ((n: number) => string)[] = [
  (n) => `${chineseNumeral(n)}、`,
  (n) => `${chineseNumeral(n)}.`,
  (n) => `${chineseNumeral(n)}．`,
  (n) => `${chineseNumeral(n)}，`,
  (n) => `（${chineseNumeral(n)}）`,
  (n) => `(${chineseNumeral(n)})`,
  (n) => `（${chineseNumeral(n)})`,
  (n) => `（${chineseNumeral(n)}）、`,
  (n) => `(${chineseNumeral(n)})、`,
  (n) => `${n}.`,
  (n) => `${n}. `,
  (n) => `${n}、`,
  (n) => `${n}．`,
  (n) => `（${n}）`,
  (n) => `(${n})`,
  (n) => `${n}）`,
  (n) => `${n})`,
  (n) => `（${n}）、`,
  (n) => PARENTHESIZED[(n - 1) % 20],
  (n) => CIRCLED[(n - 1) % 20],
  (n) => `${CIRCLED[(n - 1) % 20]}、`,
  (n) => `${n}.${(n % 3) + 1} `,
  (n) => `${'IVX'[n % 3]}. `,
];

const number = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: 10, max: 99 }) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 999 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1000, 10000) },
);

export const marker: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: MARKER_FORMS.length - 1 }), number)
  .map(([form, n]) => (n >= 1 && n <= 999 ? MARKER_FORMS[form](n) : form < 9 ? `${n}、` : `${n}.`));

/** A run of markers of one form with the usual faults: a skip, a duplicate, a restart. */
export const markerRun: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.integer({ min: 0, max: MARKER_FORMS.length - 1 }),
    fc.integer({ min: 1, max: 25 }),
    fc.constantFrom<number>(1, 1, 1, 9, 19, 98),
    fc.array(fc.constantFrom('next', 'next', 'next', 'skip', 'dup', 'restart'), { maxLength: 25 }),
  )
  .map(([form, count, first, faults]) => {
    const out: string[] = [];
    let n = first;
    for (let i = 0; i < count; i++) {
      out.push(MARKER_FORMS[form](Math.min(n, 999)));
      const fault = faults[i] ?? 'next';
      n = fault === 'skip' ? n + 2 : fault === 'dup' ? n : fault === 'restart' ? 1 : n + 1;
    }
    return out;
  });

// ---------------------------------------------------------------------------------------------
// text

const UNITS = ['XX单位', '某某局', '县人民政府办公室', '××街道', '市财政局', '区委宣传部', 'XX公司', '某某中学'];
const PERIODS = ['2025年', '2024年度', '2025年上半年', '二〇二五年', '2023—2024年', '20__年', 'XX年', ''];
const SUBJECTS = ['工作总结', '述职报告', '意识形态工作总结', '政府信息公开工作年度报告', '党建工作总结', 'Annual Report', '工作汇报：'];

export const title: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...UNITS), fc.constantFrom(...PERIODS), fc.constantFrom(...SUBJECTS), fc.constantFrom('', '', '# ', '## ', '　　'))
  .map(([unit, period, subject, prefix]) => `${prefix}${unit}${period}${subject}`);

const PHRASES = [
  '加强理论学习', '完善制度建设', '强化责任落实', '推进重点工作', '存在的问题', '不足与差距', '下一步工作打算',
  '2026年工作计划', '今年以来', '2024年以来', '现将有关情况总结如下：', '现将2025年工作汇报如下：', '基本情况',
  '主要做法和成效', '特此报告', '请予评议', '总体情况', '主动公开政府信息情况', '其他需要报告的事项',
  '以下三个方面', '五项工作', '共有以下4点', '认真贯彻落实', '取得了明显成效', '群众满意度进一步提升',
  'XX同志', '**', '××', '20__年', '【此处填写】', '（此处填写单位名称）', '二〇二五年十二月', 'A',
  'the committee reviewed', 'Section 2.3 covers', 'see https://example.com/a?b=1', 'KPI达到95%',
  '“坚持”', '《条例》', '（括号', '括号）', '“未闭合', '‘单引号’', '3、4月份', '3．10种', '1.5倍',
];
const PUNCT = ['，', '。', '；', '：', ',', '.', ';', ':', '!', '?', '(', ')', '"', "'", '、', '！', '？', '……', '——', ' '];

export const prose: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...PHRASES), fc.constantFrom(...PUNCT)), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.map(([a, b]) => a + b).join(''));

export const enumeration: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('是', '要', '第', '首先'),
    fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
    prose,
  )
  .map(([kind, numbers, text]) => {
    const order = ['首先', '其次', '再次', '最后', '此外'];
    return numbers
      .map((n) => {
        if (kind === '是' || kind === '要') return `${chineseNumeral(n)}${kind}${text}`;
        if (kind === '第') return `第${chineseNumeral(n)}，${text}`;
        return `${order[(n - 1) % order.length]}，${text}`;
      })
      .join(numbers.length % 2 ? '；' : '。');
  });

const JUNK = [
  '##paidbegin##', '##paidend##', '【哒哒素材库】更多精品范文请加会员群', '本文来源于网络，版权归原作者所有',
  '联系电话：138XXXXXXXX', '微信：abc123 QQ群：123456', '更多范文请访问www.example.com', '【下载后可编辑】',
  '<!-- comment -->', '<div>html</div>', '&nbsp;&amp;', '\\*escaped\\*', '[link](http://x)', '![img](a.png)',
];

const INDENT = ['', '', '', '　　', '  ', '    ', '\t', '　', ' '];

/** One line as it appears in summaries, text files and Markdown. */
export const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...INDENT), marker, prose).map(([i, m, p]) => i + m + p) },
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...INDENT), prose).map(([i, p]) => i + p) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...INDENT), enumeration).map(([i, p]) => i + p) },
  { weight: 1, arbitrary: title },
  { weight: 1, arbitrary: fc.constantFrom(...JUNK) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('#', '##', '###', '####', '#######', '#'), marker, prose).map(([h, m, p]) => `${h} ${m}${p}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '> ', '> > ', '>', '- [ ] ', '  - '), fc.option(marker), prose).map(([l, m, p]) => l + (m ?? '') + p) },
  { weight: 1, arbitrary: fc.constantFrom('', '', '　', '   ', '---', '***', '```', '~~~', '| 项目 | 数量 |', '|---|---|', '| 一、甲 | 1 |', '    一、缩进代码', '</div>', '<div>') },
);

/** A markdown construct spanning lines. */
const block: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ['```', ...ls, '```']) },
  { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ['```', ...ls]) }, // unclosed fence
  { weight: 1, arbitrary: fc.array(fc.tuple(marker, prose), { minLength: 1, maxLength: 4 }).map((ls) => ls.map(([m, p]) => `| ${m}${p} | ${p} |`)).map((rows) => ['| 项目 | 说明 |', '|---|---|', ...rows]) },
  { weight: 1, arbitrary: fc.array(fc.tuple(marker, prose), { minLength: 1, maxLength: 4 }).map((ls) => ls.map(([m, p]) => `> ${m}${p}`)) },
  { weight: 3, arbitrary: fc.tuple(markerRun, fc.constantFrom(...INDENT), fc.array(prose, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([run, indent, texts, blank]) => run.flatMap((m, i) => [indent + m + texts[i % texts.length], ...(blank ? [''] : [])])) },
  { weight: 1, arbitrary: fc.tuple(prose, markerRun).map(([p, run]) => [p + run.map((m, i) => (i ? '' : '') + m + '工作').join('')]) },
);

const frontMatter: fc.Arbitrary<string[]> = fc
  .tuple(fc.constantFrom('work-summary', 'debriefing', 'disclosure-report', 'en-report', 'nope', ''), fc.constantFrom('2025', '2024', 'XX', ''), fc.boolean())
  .map(([profile, year, closed]) => ['---', `profile: ${profile}`, `year: ${year}`, 'title: "x: y"', ...(closed ? ['---'] : [])]);

export interface GeneratedDocument {
  text: string;
  fileName: string;
}

/**
 * A whole document: optional front matter, a title, an opening, then lines and blocks. `bareCr`
 * lets lines end in a lone CR (old Mac files) too, alone or mixed with LF and CRLF.
 */
export function documentOf(options: { bareCr: boolean } = { bareCr: true }): fc.Arbitrary<GeneratedDocument> {
  const eols = options.bareCr ? ['\n', '\n', '\r\n', '\r', 'mixed'] : ['\n', '\n', '\r\n', 'mixed'];
  const mixed = options.bareCr ? ['\n', '\r\n', '\r'] : ['\n', '\r\n'];
  return fc
  .tuple(
    fc.option(frontMatter, { freq: 6 }),
    fc.option(title, { freq: 5 }),
    fc.option(prose),
    fc.array(fc.oneof({ weight: 3, arbitrary: line.map((l) => [l]) }, { weight: 1, arbitrary: block }), { maxLength: 30 }),
    fc.constantFrom(...eols),
    fc.boolean(),
    fc.constantFrom('a.md', 'a.txt', '2025年工作总结.md', 'notes.markdown', 'x'),
    fc.boolean(),
  )
  .map(([fm, t, opening, chunks, eol, blankBetween, fileName, bom]) => {
    const lines = [...(fm ?? []), ...(t !== null ? [t] : []), ...(opening !== null ? ['', opening] : []), ...chunks.flatMap((c) => (blankBetween ? ['', ...c] : c))];
    let text = '';
    lines.forEach((l, i) => {
      const sep = eol === 'mixed' ? mixed[i % mixed.length] : eol;
      text += l + (i < lines.length - 1 ? sep : '');
    });
    if (fileName !== 'x' && lines.length % 2) text += eol === 'mixed' ? '\n' : eol;
    return { text: (bom ? '\ufeff' : '') + text, fileName };
  });
}

export const document: fc.Arbitrary<GeneratedDocument> = documentOf({ bareCr: true });

// ---------------------------------------------------------------------------------------------
// mutations of the real corpus

let corpusCache: { name: string; text: string }[] | undefined;

/** The corpus files, each cut to at most `maxChars` (a random window is taken by the mutation). */
export function corpusTexts(): { name: string; text: string }[] {
  corpusCache ??= fs
    .readdirSync(FIXTURE_CORPUS)
    .filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(FIXTURE_CORPUS, name), 'utf8') }));
  return corpusCache;
}

/** Odd characters to splice in: surrogate pairs, lone surrogates, emoji sequences, controls, markers. */
export const oddChars: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('😀', '👨‍👩‍👧', '𠮷', '🇨🇳', '\ud800', '\udc00', '\u0000', '\u200b', '\u2028', '\ufeff', '\r', '\n', '\r\n', '\t', '　', '\u00a0', '️', '́'),
  fc.constantFrom('一、', '（一）', '(一)', '1.', '1、', '（1）', '①', '⑴', '一是', '二是', '首先', '##paidbegin##', 'XX', '**', '20__', '```', '> ', '- ', '# ', '---\n', '<!--', '-->', '\n\n', '|', '“', '”', '《', '（', '）'),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);

export type Mutation =
  | { kind: 'slice'; from: number; length: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'delete-line'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'swap-markers'; at: number; other: number }
  | { kind: 'replace-marker'; at: number; marker: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('slice' as const), from: fc.nat(), length: fc.integer({ min: 0, max: 6000 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: oddChars }),
  fc.record({ kind: fc.constant('swap-markers' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('replace-marker' as const), at: fc.nat(), marker }),
);

const MARKER_AT_LINE = /^[ \t\u3000]*((?:[（(]?[零一二三四五六七八九十百\d]{1,4}[）)]?[、.．]?)|[①-⑳⑴-⒇])/gm;

/** Applies one mutation; positions are taken modulo the text, so every value is meaningful. */
export function mutate(text: string, m: Mutation): string {
  if (!text) return m.kind === 'insert' ? m.text : text;
  switch (m.kind) {
    case 'slice': {
      const from = m.from % text.length;
      return text.slice(from, from + m.length);
    }
    case 'duplicate-line':
    case 'delete-line': {
      const lines = text.split(/(?<=\n)/);
      const at = m.at % lines.length;
      if (m.kind === 'duplicate-line') lines.splice(at, 0, lines[at]);
      else lines.splice(at, 1);
      return lines.join('');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'swap-markers':
    case 'replace-marker': {
      const found = [...text.matchAll(MARKER_AT_LINE)].filter((x) => x[1].length > 0);
      if (!found.length) return text;
      const a = found[m.at % found.length];
      const aStart = a.index + a[0].length - a[1].length;
      if (m.kind === 'replace-marker') return text.slice(0, aStart) + m.marker + text.slice(aStart + a[1].length);
      const b = found[m.other % found.length];
      const bStart = b.index + b[0].length - b[1].length;
      if (aStart === bStart) return text;
      const [first, firstText, second, secondText] = aStart < bStart ? [aStart, a[1], bStart, b[1]] : [bStart, b[1], aStart, a[1]];
      return text.slice(0, first) + secondText + text.slice(first + firstText.length, second) + firstText + text.slice(second + secondText.length);
    }
  }
}

/** A corpus file (a window of at most `window` characters of it) with up to five mutations. */
export function mutatedCorpus(window = 8000): fc.Arbitrary<GeneratedDocument & { source: string; mutations: Mutation[] }> {
  const texts = corpusTexts();
  return fc
    .tuple(fc.integer({ min: 0, max: texts.length - 1 }), fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 5 }), fc.boolean())
    .map(([index, offset, mutations, asText]) => {
      const { name, text: full } = texts[index];
      let text = full.length > window ? full.slice(offset % (full.length - window), (offset % (full.length - window)) + window) : full;
      for (const m of mutations) text = mutate(text, m);
      return { text, fileName: asText ? name.replace(/\.md$/, '.txt') : name, source: name, mutations };
    });
}

/** A random edit of a text, as the editor sends them: a range replaced by a short string. */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

export const editSeed: fc.Arbitrary<{ at: number; length: number; text: string }> = fc.record({
  at: fc.nat(),
  length: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 })),
  text: fc.oneof(fc.constant(''), oddChars, line, line.map((l) => l + '\n'), fc.constant('\n\n')),
});

export function editOf(text: string, seed: { at: number; length: number; text: string }): Edit {
  const start = seed.at % (text.length + 1);
  const end = Math.min(text.length, start + seed.length);
  return { start, end, newText: seed.text };
}
