import type { ChunkParse } from '../model/types';
import { maskedBlockText } from '../model/prose';
import { activeWording, type WordingEntry, type WordingSettings } from '../config/wording-dictionary';
import { isProse, message, type BlockRule, type RuleReport } from './rule';
import { WordIndex } from '../text/words';

/** How far the context patterns look: a few words either side, never the whole paragraph. */
const BEFORE_WINDOW = 30;
const AFTER_WINDOW = 40;

interface CompiledEntry {
  entry: WordingEntry;
  finds: string[];
  before?: RegExp;
  notBefore?: RegExp;
  after?: RegExp;
  notAfter?: RegExp;
}

interface Hit {
  start: number;
  end: number;
  entry: WordingEntry;
}

function compile(entry: WordingEntry): CompiledEntry {
  const re = (pattern: string | undefined) => (pattern === undefined ? undefined : new RegExp(pattern, 'u'));
  return {
    entry,
    finds: (Array.isArray(entry.find) ? entry.find : [entry.find]).filter((f) => f.length > 0),
    before: re(entry.before),
    notBefore: re(entry.notBefore),
    after: re(entry.after),
    notAfter: re(entry.notAfter),
  };
}

interface Dictionary {
  entries: CompiledEntry[];
  /** every find of every entry: one pass over a text finds every candidate */
  finds: WordIndex<CompiledEntry>;
}

/** Compiled dictionaries by the settings that made them: a workspace has one or two, not one per edit. */
const compiledCache = new Map<string, Dictionary>();

function dictionaryFor(settings: WordingSettings | undefined): { key: string; dictionary: Dictionary } {
  const key = settings ? JSON.stringify([settings.disable, settings.entries]) : '';
  let dictionary = compiledCache.get(key);
  if (!dictionary) {
    if (compiledCache.size > 8) compiledCache.clear();
    const entries = activeWording(settings).map(compile);
    const finds = new WordIndex<CompiledEntry>();
    for (const compiled of entries) for (const find of compiled.finds) finds.add(find, compiled);
    dictionary = { entries, finds };
    compiledCache.set(key, dictionary);
  }
  return { key, dictionary };
}

/** Where some find of the dictionary starts in the text, with the find: one pass, whatever the dictionary's size. */
function candidates(text: string, dictionary: Dictionary): { at: number; find: string; compiled: CompiledEntry }[] {
  const found: { at: number; find: string; compiled: CompiledEntry }[] = [];
  dictionary.finds.scan(text, (at, find, compiled) => found.push({ at, find, compiled }));
  return found;
}

/** Where the dictionary in force applies in one text (a paragraph): the rule's own search, for tests and tools. */
export function wordingHits(text: string, settings?: WordingSettings): { start: number; end: number; id: string }[] {
  return findWording(text, dictionaryFor(settings).dictionary).map((hit) => ({ start: hit.start, end: hit.end, id: hit.entry.id }));
}

/** Every place in one text where an entry applies, the earlier and then the longer first; overlaps dropped. */
function findWording(text: string, dictionary: Dictionary): Hit[] {
  const hits: Hit[] = [];
  for (const { at, find, compiled } of candidates(text, dictionary)) {
    if (applies(compiled, text, at, at + find.length)) hits.push({ start: at, end: at + find.length, entry: compiled.entry });
  }
  return withoutOverlaps(hits);
}

function applies(compiled: CompiledEntry, text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - BEFORE_WINDOW), start);
  const after = text.slice(end, end + AFTER_WINDOW);
  if (compiled.before && !compiled.before.test(before)) return false;
  if (compiled.notBefore?.test(before)) return false;
  if (compiled.after && !compiled.after.test(after)) return false;
  return !compiled.notAfter?.test(after);
}

function withoutOverlaps(hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  for (const hit of hits) if (!kept.length || hit.start >= kept[kept.length - 1].end) kept.push(hit);
  return kept;
}

/**
 * The chunk's text is read once (not once per paragraph and entry: a document of ten thousand short
 * paragraphs stays fast); a hit counts where it falls inside prose, its contexts read in that block's
 * text with links, code and addresses masked.
 */
function findInChunk(parse: ChunkParse, dictionary: Dictionary): Hit[] {
  const masked = new Map<number, string>();
  const blockAt = (offset: number): number => {
    let low = 0;
    let high = parse.blocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (parse.blocks[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const hits: Hit[] = [];
  for (const { at, find, compiled } of candidates(parse.text, dictionary)) {
    const index = blockAt(at);
    const block = parse.blocks[index];
    if (!block || !isProse(block) || at < block.start || at + find.length > block.end) continue;
    let text = masked.get(index);
    if (text === undefined) masked.set(index, (text = maskedBlockText(parse, block)));
    const start = at - block.start;
    if (text.slice(start, start + find.length) !== find || !applies(compiled, text, start, start + find.length)) continue;
    hits.push({ start: at, end: at + find.length, entry: compiled.entry });
  }
  return withoutOverlaps(hits);
}

/** The source's name: the part before its first colon or semicolon, for a message of one line. */
function shortSource(source: string): string {
  return source.split(/[：；]/)[0];
}

function report(text: string, hit: Hit): RuleReport {
  const found = text.slice(hit.start, hit.end);
  const entry = hit.entry;
  switch (entry.kind) {
    case 'misspelling': {
      const replace = entry.replace ?? '';
      return {
        start: hit.start,
        end: hit.end,
        message: message(`“${found}”是错别字，应为“${replace}”`, `\`${found}\` is a misspelling; expected \`${replace}\``),
        fix: { title: message(`改为“${replace}”`, `Change to \`${replace}\``), edits: [{ start: hit.start, end: hit.end, newText: replace }] },
      };
    }
    case 'confusable': {
      const suggest = entry.suggest ?? '';
      const advice = entry.advice ?? { zh: '', en: '' };
      return {
        start: hit.start,
        end: hit.end,
        message: message(`“${found}”在此处可能应为“${suggest}”：${advice.zh}`, `\`${found}\` may be meant as \`${suggest}\` here: ${advice.en}`),
      };
    }
    case 'formulation': {
      const standard = entry.standard ?? '';
      const source = shortSource(entry.source);
      return {
        start: hit.start,
        end: hit.end,
        message: message(`“${found}”不是规范表述，应为“${standard}”（依据：${source}）`, `\`${found}\` is not the standard formulation; expected \`${standard}\` (source: ${source})`),
      };
    }
  }
}

export const wording: BlockRule<Hit> = {
  scope: 'block',
  meta: {
    id: 'wording',
    description: {
      zh: '用词规范：公文中常见的错别字（布署→部署、截止目前→截至目前）、需按语境区分的易混词（登陆/登录、截止/截至）、不完整或过时的规范表述（“五位一体”总体布局）；词典为数据，可在 .summaryrc.json 中扩展',
      en: 'Wording: misspellings common in official text (布署→部署, 截止目前→截至目前), easily confused words where context decides (登陆/登录, 截止/截至), official formulations written incompletely or in an outdated form; the dictionary is data, extendable in .summaryrc.json',
    },
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['wording', 'dictionary'],
    examples: [
      {
        description: 'misspellings with a certain correction are fixed',
        format: 'text',
        text: '工作总结\n\n年初认真布署全年工作，截止目前已完成八成。大家获益非浅，将再接再励。\n',
        flagged: ['布署', '截止目前', '获益非浅', '再接再励'],
        fixed: '工作总结\n\n年初认真部署全年工作，截至目前已完成八成。大家获益匪浅，将再接再厉。\n',
        messages: [
          { en: '`布署` is a misspelling; expected `部署`' },
          { en: '`截止目前` is a misspelling; expected `截至目前`' },
          { en: '`获益非浅` is a misspelling; expected `获益匪浅`' },
          { en: '`再接再励` is a misspelling; expected `再接再厉`' },
        ],
      },
      {
        description: 'a confusable word is reported only where its context points to the other one, with how to choose',
        format: 'text',
        text: '工作总结\n\n截止12月7日，群众可登陆平台办理。台风登陆前，报名于12月5日截止。\n',
        flagged: ['截止', '登陆'],
        messages: [
          { en: '`截止` may be meant as `截至` here: 截至 means \'up to\' a time and takes the date after it; 截止 means \'to close\' and usually follows the date' },
          { en: '`登陆` may be meant as `登录` here: 登录 is signing in to a system, site or account; 登陆 is coming ashore (a typhoon, a product reaching a market)' },
        ],
      },
      {
        description: 'an official formulation in an incomplete or outdated form, with the standard one and its source',
        format: 'text',
        text: '工作总结\n\n统筹推进“五位一体”战略布局，深入开展打黑除恶专项斗争。\n',
        flagged: ['“五位一体”战略布局', '打黑除恶'],
        messages: [
          { en: '`“五位一体”战略布局` is not the standard formulation; expected `“五位一体”总体布局` (source: 党的二十大报告（2022年10月16日）)' },
          { en: '`打黑除恶` is not the standard formulation; expected `扫黑除恶` (source: 中共中央、国务院《关于开展扫黑除恶专项斗争的通知》（2018年1月）)' },
        ],
      },
      {
        description: 'a workspace adds its own entries and switches built-in ones off',
        format: 'text',
        config: '{"wording": {"disable": ["bu-shu"], "entries": [{"id": "unit-name", "kind": "misspelling", "find": "沐阳县", "replace": "沭阳县"}]}}\n',
        text: '工作总结\n\n沐阳县认真布署全年工作。\n',
        flagged: ['沐阳县'],
        fixed: '工作总结\n\n沭阳县认真布署全年工作。\n',
      },
      {
        description: 'correct words and look-alikes across word boundaries are left alone',
        format: 'text',
        text: '工作总结\n\n截至目前，及时发布署名文章，既使群众满意，又使企业受益；要做为人民服务的公仆，用户登录系统，营造平安祥和氛围。\n',
        flagged: [],
      },
    ],
  },
  variant(config) {
    return dictionaryFor(config.wording).key;
  },
  findInChunk({ parse, config }) {
    return findInChunk(parse, dictionaryFor(config.wording).dictionary);
  },
  check({ doc }, hits) {
    return hits.map((hit) => report(doc.text, hit));
  },
};
