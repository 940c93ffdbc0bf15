import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Level, MarkerStyle } from '../model/types';
import { BUILTIN_PROFILES, type Profile } from './profiles';
import { RULE_IDS, type Message, type RuleId, type SeveritySetting } from '../types';
import { BUILTIN_WORDING, WORDING_CONTEXT_KEYS, WORDING_KINDS, WORDING_REQUIRED, type WordingEntry, type WordingSettings } from './wording-dictionary';

/** Which marker forms a house accepts at each level. */
export interface HouseStyle {
  id: string;
  name: Message;
  /** the form suggested for each level */
  canonical: Record<Level, MarkerStyle>;
  /** forms also accepted, provided the document does not mix them at one level */
  accepted: Partial<Record<Level, MarkerStyle[]>>;
  /** may a level be skipped going down (一、 straight to 1.)? */
  allowSkipLevel: boolean;
}

const CANONICAL: Record<Level, MarkerStyle> = { 1: 'cn-dun', 2: 'cn-paren', 3: 'arabic-dot', 4: 'arabic-paren', 5: 'circled' };

export const HOUSE_STYLES: readonly HouseStyle[] = [
  {
    id: 'gbt9704',
    name: { zh: 'GB/T 9704 严格', en: 'GB/T 9704 strict' },
    canonical: CANONICAL,
    accepted: {},
    allowSkipLevel: true,
  },
  {
    id: 'common',
    name: { zh: '常见（接受 1、 1． ⑴ 1）等，但同级不得混用）', en: 'Common (accepts 1、 1． ⑴ 1）, not mixed at one level)' },
    canonical: CANONICAL,
    accepted: { 3: ['arabic-dun', 'arabic-fullwidth-dot'], 4: ['arabic-parenthesized-char', 'arabic-right-paren'] },
    allowSkipLevel: true,
  },
];

/** A length limit in characters, as counted by `SectionLengthSettings.count`. */
export interface LengthLimit {
  min?: number;
  max?: number;
}

/** `"sectionLength"` in .summaryrc.json: how to count, and the limits per part (for every profile, or for one). */
export interface SectionLengthSettings {
  /** `hanzi`: 汉字 only; `non-whitespace`: every character but whitespace, as Word counts 字符数（不计空格） */
  count: 'hanzi' | 'non-whitespace';
  /** by part id (opening, problems, next-steps …) */
  limits: Record<string, LengthLimit>;
  /** by profile id, then part id: these win over `limits` */
  profiles: Record<string, Record<string, LengthLimit>>;
}

export interface SummaryConfig {
  /** the profile used when neither front matter nor title chooses one */
  profile?: string;
  houseStyle: string;
  /** overrides the house style's allowSkipLevel */
  allowSkipLevel?: boolean;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** per rule, regular expressions: a finding whose flagged text a match overlaps (same line) is dropped */
  ignore?: Partial<Record<RuleId, string[]>>;
  profiles: Profile[];
  /** how parts are counted and their limits (the section-length rule and the outline) */
  sectionLength?: SectionLengthSettings;
  /** the workspace's additions to the wording dictionary and the built-in entries it switches off */
  wording?: WordingSettings;
  /** the profile the user chose for this one file in the editor; not read from .summaryrc.json */
  chosenProfile?: string;
}

export const DEFAULT_CONFIG: SummaryConfig = { houseStyle: 'common', rules: {}, profiles: [] };

export interface ConfigProblem {
  start: number;
  end: number;
  message: Message;
}

export function houseStyleOf(config: SummaryConfig): HouseStyle {
  const style = HOUSE_STYLES.find((s) => s.id === config.houseStyle) ?? HOUSE_STYLES[1];
  return config.allowSkipLevel === undefined ? style : { ...style, allowSkipLevel: config.allowSkipLevel };
}

const SEVERITIES = ['error', 'warning', 'info', 'off'];

/**
 * Reads .summaryrc.json. Whatever is wrong is reported at its place in the file and the default
 * is used for that setting, so a typo never switches the linter off.
 */
export function parseConfig(jsonText: string): { config: SummaryConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const errors: ParseError[] = [];
  // a BOM (Notepad writes one) is read as the whitespace it stands in for, so offsets stay put
  const text = jsonText.charCodeAt(0) === 0xfeff ? ' ' + jsonText.slice(1) : jsonText;
  let root: JsonNode | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    // jsonc-parser recurses: a file nested thousands deep must not take the linter down
    problems.push({ start: 0, end: Math.min(1, jsonText.length), message: { zh: '配置文件嵌套过深或不是有效的 JSON', en: 'The configuration is nested too deeply or is not valid JSON' } });
    return { config: { ...DEFAULT_CONFIG, rules: {}, profiles: [] }, problems };
  }
  for (const error of errors) {
    const code = printParseErrorCode(error.error);
    problems.push({
      start: error.offset,
      end: error.offset + Math.max(1, error.length),
      message: { zh: `配置文件不是有效的 JSON：${code}`, en: `The configuration is not valid JSON: ${code}` },
    });
  }
  const config: SummaryConfig = { ...DEFAULT_CONFIG, rules: {}, profiles: [] };
  if (!root) return { config, problems };
  if (root.type !== 'object') {
    problems.push(at(root, '配置文件应是一个 JSON 对象', 'The configuration must be a JSON object'));
    return { config, problems };
  }
  const knownProfileIds = new Set(BUILTIN_PROFILES.map((p) => p.id));
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    switch (key) {
      case '$schema':
        break;
      case 'houseStyle':
        if (typeof valueNode.value === 'string' && HOUSE_STYLES.some((s) => s.id === valueNode.value)) {
          config.houseStyle = valueNode.value;
        } else {
          const ids = HOUSE_STYLES.map((s) => s.id).join(', ');
          problems.push(at(valueNode, `未知的行文规范 ${JSON.stringify(valueNode.value)}，应为 ${ids} 之一`, `Unknown house style ${JSON.stringify(valueNode.value)}, expected one of ${ids}`));
        }
        break;
      case 'allowSkipLevel':
        if (typeof valueNode.value === 'boolean') config.allowSkipLevel = valueNode.value;
        else problems.push(at(valueNode, 'allowSkipLevel 应为 true 或 false', 'allowSkipLevel must be true or false'));
        break;
      case 'rules':
        readRules(valueNode, config, problems);
        break;
      case 'ignore':
        readIgnore(valueNode, config, problems);
        break;
      case 'profiles':
        readProfiles(valueNode, config, problems, knownProfileIds);
        break;
      case 'wording':
        readWording(valueNode, config, problems);
        break;
      case 'sectionLength':
        readSectionLength(valueNode, config, problems);
        break;
      case 'profile':
        break; // checked below, once custom profiles are known
      default:
        problems.push(at(keyNode, `未知的设置项 "${key}"`, `Unknown setting "${key}"`));
    }
  }
  const profileNode = root.children?.find((p) => p.children?.[0]?.value === 'profile')?.children?.[1];
  if (profileNode) {
    if (typeof profileNode.value === 'string' && knownProfileIds.has(profileNode.value)) config.profile = profileNode.value;
    else {
      const ids = [...knownProfileIds].join(', ');
      problems.push(at(profileNode, `未知的文种配置 ${JSON.stringify(profileNode.value)}，应为 ${ids} 之一`, `Unknown profile ${JSON.stringify(profileNode.value)}, expected one of ${ids}`));
    }
  }
  return { config, problems };
}

/**
 * Each entry of an object keyed by rule id (`rules`, `ignore`), in the file's order, an unknown id
 * reported at its key; a setting that is no object is reported with `example`. False then.
 */
function forEachRuleEntry(node: JsonNode, name: string, example: string, problems: ConfigProblem[], read: (id: RuleId, valueNode: JsonNode) => void): boolean {
  if (node.type !== 'object') {
    problems.push(at(node, `${name} 应为对象，如 ${example}`, `${name} must be an object, e.g. ${example}`));
    return false;
  }
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const id = String(keyNode.value);
    if ((RULE_IDS as readonly string[]).includes(id)) read(id as RuleId, valueNode);
    else problems.push(at(keyNode, `未知的规则 "${id}"`, `Unknown rule "${id}"`));
  }
  return true;
}

function readRules(node: JsonNode, config: SummaryConfig, problems: ConfigProblem[]): void {
  forEachRuleEntry(node, 'rules', '{"placeholder": "error"}', problems, (id, valueNode) => {
    if (typeof valueNode.value === 'string' && SEVERITIES.includes(valueNode.value)) {
      config.rules[id] = valueNode.value as SeveritySetting;
    } else {
      problems.push(at(valueNode, `规则级别应为 error、warning、info 或 off，实为 ${JSON.stringify(valueNode.value)}`, `A rule severity must be error, warning, info or off, found ${JSON.stringify(valueNode.value)}`));
    }
  });
}

/** `"sectionLength": {"count": "hanzi", "limits": {"opening": {"min": 300, "max": 500}}, "profiles": {...}}` */
function readSectionLength(node: JsonNode, config: SummaryConfig, problems: ConfigProblem[]): void {
  if (node.type !== 'object') {
    problems.push(at(node, 'sectionLength 应为对象，如 {"limits": {"opening": {"min": 300, "max": 500}}}', 'sectionLength must be an object, e.g. {"limits": {"opening": {"min": 300, "max": 500}}}'));
    return;
  }
  checkKeys(node, ['count', 'limits', 'profiles'], 'sectionLength ', 'sectionLength', problems);
  const settings: SectionLengthSettings = { count: 'hanzi', limits: {}, profiles: {} };
  const count = field(node, 'count');
  if (count) {
    if (count.value === 'hanzi' || count.value === 'non-whitespace') settings.count = count.value;
    else problems.push(at(count, 'count 应为 "hanzi"（只计汉字）或 "non-whitespace"（不计空格的字符，同 Word）', 'count must be "hanzi" (汉字 only) or "non-whitespace" (every character but whitespace, as Word counts)'));
  }
  const limits = field(node, 'limits');
  if (limits) settings.limits = readLimits(limits, problems);
  const profiles = field(node, 'profiles');
  if (profiles) {
    if (profiles.type !== 'object') problems.push(at(profiles, 'profiles 应为对象：文种 id → 各部分的限定', 'profiles must be an object: profile id → limits per part'));
    else {
      for (const property of profiles.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (keyNode && valueNode) settings.profiles[String(keyNode.value)] = readLimits(valueNode, problems);
      }
    }
  }
  config.sectionLength = settings;
}

/** Part id → {min, max}: whole numbers, at least one of them, min not above max. */
function readLimits(node: JsonNode, problems: ConfigProblem[]): Record<string, LengthLimit> {
  const limits: Record<string, LengthLimit> = {};
  if (node.type !== 'object') {
    problems.push(at(node, '限定应为对象：部分 id → {"min": …, "max": …}', 'Limits must be an object: part id → {"min": …, "max": …}'));
    return limits;
  }
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    if (valueNode.type !== 'object') {
      problems.push(at(valueNode, '每个部分的限定应为 {"min": …, "max": …}', 'Each part\'s limit must be {"min": …, "max": …}'));
      continue;
    }
    checkKeys(valueNode, ['min', 'max'], '限定', 'a limit', problems);
    const limit: LengthLimit = {};
    let bad = false;
    for (const key of ['min', 'max'] as const) {
      const value = field(valueNode, key);
      if (!value) continue;
      if (Number.isInteger(value.value) && value.value >= 0) limit[key] = value.value;
      else {
        problems.push(at(value, `${key} 应为非负整数`, `${key} must be a whole number, 0 or more`));
        bad = true;
      }
    }
    if (bad) continue;
    if (limit.min === undefined && limit.max === undefined) problems.push(at(valueNode, '限定至少需要 min 或 max', 'A limit needs min or max'));
    else if (limit.min !== undefined && limit.max !== undefined && limit.min > limit.max) problems.push(at(valueNode, 'min 不应大于 max', 'min must not be above max'));
    else limits[String(keyNode.value)] = limit;
  }
  return limits;
}

/**
 * `"wording": {"entries": [...], "disable": ["id", ...]}`. A wrong entry is left out and reported where it
 * stands; the rest of the dictionary stays in force.
 */
function readWording(node: JsonNode, config: SummaryConfig, problems: ConfigProblem[]): void {
  if (node.type !== 'object') {
    problems.push(at(node, 'wording 应为对象，如 {"entries": [...], "disable": [...]}', 'wording must be an object, e.g. {"entries": [...], "disable": [...]}'));
    return;
  }
  checkKeys(node, ['entries', 'disable'], 'wording ', 'wording', problems);
  const settings: WordingSettings = { entries: [], disable: [] };
  const builtinIds = new Set(BUILTIN_WORDING.map((e) => e.id));
  const disable = field(node, 'disable');
  if (disable) {
    if (disable.type !== 'array') problems.push(at(disable, 'disable 应为词条 id 的数组', 'disable must be an array of entry ids'));
    for (const item of disable.type === 'array' ? (disable.children ?? []) : []) {
      if (typeof item.value === 'string' && builtinIds.has(item.value)) settings.disable.push(item.value);
      else problems.push(at(item, `内置词典中没有词条 ${JSON.stringify(item.value)}（词条 id 见 docs/wording.md）`, `No built-in wording entry ${JSON.stringify(item.value)} (the ids are in docs/wording.md)`));
    }
  }
  const entries = field(node, 'entries');
  if (entries) {
    if (entries.type !== 'array') problems.push(at(entries, 'entries 应为词条数组', 'entries must be an array of entries'));
    const ids = new Set(builtinIds);
    for (const item of entries.type === 'array' ? (entries.children ?? []) : []) {
      const found = wordingEntryProblems(item, ids);
      if (found.length) {
        problems.push(...found);
        continue;
      }
      const value = nodeValue(item) as Partial<WordingEntry> & Pick<WordingEntry, 'id' | 'kind' | 'find'>;
      ids.add(value.id);
      settings.entries.push({ source: '.summaryrc.json', examples: [], counterExamples: [], ...value });
    }
  }
  config.wording = settings;
}

/** Each wrong field of a workspace wording entry, where it stands; an entry with any is not used. */
function wordingEntryProblems(item: JsonNode, ids: Set<string>): ConfigProblem[] {
  if (item.type !== 'object') return [at(item, '词条应为对象', 'An entry must be an object')];
  const problems: ConfigProblem[] = [];
  const id = field(item, 'id');
  if (!id || typeof id.value !== 'string' || !id.value) problems.push(at(id ?? item, '词条需要非空的 id 字符串', 'An entry needs a non-empty string id'));
  else if (ids.has(id.value)) problems.push(at(id, `词条 id ${JSON.stringify(id.value)} 已被使用；停用内置词条请用 disable`, `The entry id ${JSON.stringify(id.value)} is taken; to switch a built-in entry off use disable`));
  const name = String(id?.value ?? '?');
  checkKeys(item, ['id', 'kind', 'find', 'replace', 'suggest', 'standard', 'advice', 'source', ...WORDING_CONTEXT_KEYS, 'examples', 'counterExamples'], `词条 ${name} `, `entry ${name}`, problems);
  const kind = field(item, 'kind');
  if (!kind || !(WORDING_KINDS as readonly unknown[]).includes(kind.value)) {
    problems.push(at(kind ?? item, `词条 ${name} 的 kind 应为 ${WORDING_KINDS.join('、')} 之一`, `The kind of entry ${name} must be one of ${WORDING_KINDS.join(', ')}`));
  } else {
    const needed = WORDING_REQUIRED[kind.value as WordingEntry['kind']];
    const value = field(item, needed);
    if (!value || value.type !== 'string' || !value.value) problems.push(at(value ?? item, `${kind.value} 词条 ${name} 需要非空的 ${needed} 字符串`, `A ${kind.value} entry (${name}) needs a non-empty string ${needed}`));
  }
  const find = field(item, 'find');
  const finds = find?.type === 'array' ? (find.children ?? []) : find ? [find] : [];
  if (!find || finds.length === 0 || finds.some((f) => f.type !== 'string' || !f.value)) {
    problems.push(at(find ?? item, `词条 ${name} 的 find 应为非空字符串或非空字符串数组`, `The find of entry ${name} must be a non-empty string or an array of them`));
  }
  for (const key of ['replace', 'suggest', 'standard', 'source']) checkString(field(item, key), key, problems);
  checkName(field(item, 'advice'), problems, 'advice');
  for (const key of WORDING_CONTEXT_KEYS) {
    const pattern = field(item, key);
    if (!pattern) continue;
    if (pattern.type !== 'string') {
      problems.push(at(pattern, `${key} 应为正则表达式字符串`, `${key} must be a regular expression string`));
      continue;
    }
    checkPattern(pattern, problems, 'u');
  }
  checkStrings(field(item, 'examples'), 'examples', false, problems);
  checkStrings(field(item, 'counterExamples'), 'counterExamples', false, problems);
  return problems;
}

function readIgnore(node: JsonNode, config: SummaryConfig, problems: ConfigProblem[]): void {
  const ignore: Partial<Record<RuleId, string[]>> = {};
  const isObject = forEachRuleEntry(node, 'ignore', '{"placeholder": ["XX路"]}', problems, (id, valueNode) => {
    const before = problems.length;
    checkStrings(valueNode, `ignore.${id}`, true, problems);
    // only the patterns that passed: a wrong one is reported and ignores nothing
    const wrong = new Set(problems.slice(before).map((p) => p.start));
    const patterns = valueNode.type === 'array' ? (valueNode.children ?? []).filter((e) => e.type === 'string' && !wrong.has(e.offset)).map((e) => String(e.value)) : [];
    if (patterns.length) ignore[id] = patterns;
  });
  if (isObject) config.ignore = ignore;
}

function readProfiles(node: JsonNode, config: SummaryConfig, problems: ConfigProblem[], knownIds: Set<string>): void {
  if (node.type !== 'array') {
    problems.push(at(node, 'profiles 应为数组', 'profiles must be an array'));
    return;
  }
  for (const item of node.children ?? []) {
    const found = profileProblems(item);
    if (found.length) {
      problems.push(...found);
      continue;
    }
    const profile = nodeValue(item) as Profile;
    profile.name ??= { zh: profile.id, en: profile.id };
    profile.language ??= 'zh';
    profile.titlePatterns ??= [];
    profile.order ??= [];
    profile.skeleton ??= '';
    for (const part of profile.parts) {
      part.name ??= { zh: part.id, en: part.id };
      part.skeleton ??= '';
    }
    config.profiles.push(profile);
    knownIds.add(profile.id);
  }
}

function field(node: JsonNode, key: string): JsonNode | undefined {
  return node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}

function keysOf(node: JsonNode): JsonNode[] {
  return (node.children ?? []).map((p) => p.children?.[0]).filter((k): k is JsonNode => k !== undefined);
}

/** Each wrong field of a profile, reported where it stands; a profile with any is not used. */
function profileProblems(item: JsonNode): ConfigProblem[] {
  if (item.type !== 'object') return [at(item, '文种配置应为对象', 'A profile must be an object')];
  const problems: ConfigProblem[] = [];
  const id = field(item, 'id');
  if (!id || typeof id.value !== 'string' || !id.value) problems.push(at(id ?? item, '文种配置需要非空的 id 字符串', 'A profile needs a non-empty string id'));
  const name = String(id?.value ?? '?');
  checkKeys(item, ['id', 'name', 'language', 'titlePatterns', 'parts', 'order', 'skeleton'], `文种 ${name}`, `profile ${name}`, problems);
  checkName(field(item, 'name'), problems);
  const language = field(item, 'language');
  if (language && language.value !== 'zh' && language.value !== 'en') problems.push(at(language, 'language 应为 "zh" 或 "en"', 'language must be "zh" or "en"'));
  checkStrings(field(item, 'titlePatterns'), 'titlePatterns', true, problems);
  checkStrings(field(item, 'order'), 'order', false, problems);
  checkString(field(item, 'skeleton'), 'skeleton', problems);
  const parts = field(item, 'parts');
  if (!parts || parts.type !== 'array') {
    problems.push(at(parts ?? item, `文种 ${name} 需要 parts 数组`, `Profile ${name} needs a parts array`));
    return problems;
  }
  for (const part of parts.children ?? []) {
    if (part.type !== 'object') {
      problems.push(at(part, '每个部分应为对象', 'Each part must be an object'));
      continue;
    }
    const partId = field(part, 'id');
    if (!partId || typeof partId.value !== 'string' || !partId.value) problems.push(at(partId ?? part, '每个部分需要非空的 id 字符串', 'Each part needs a non-empty string id'));
    checkKeys(part, ['id', 'name', 'kind', 'level', 'headingPatterns', 'paragraphPatterns', 'skeleton'], '部分', 'part', problems);
    checkName(field(part, 'name'), problems);
    const kind = field(part, 'kind');
    if (kind && kind.value !== 'opening' && kind.value !== 'main-work') problems.push(at(kind, 'kind 应为 "opening" 或 "main-work"', 'kind must be "opening" or "main-work"'));
    const level = field(part, 'level');
    if (level && !(Number.isInteger(level.value) && level.value >= 1 && level.value <= 5)) problems.push(at(level, 'level 应为 1 到 5 的整数', 'level must be a whole number from 1 to 5'));
    checkStrings(field(part, 'headingPatterns'), 'headingPatterns', true, problems);
    checkStrings(field(part, 'paragraphPatterns'), 'paragraphPatterns', true, problems);
    checkString(field(part, 'skeleton'), 'skeleton', problems);
  }
  return problems;
}

function checkKeys(node: JsonNode, allowed: string[], zhWhere: string, enWhere: string, problems: ConfigProblem[]): void {
  for (const key of keysOf(node)) {
    if (!allowed.includes(String(key.value))) problems.push(at(key, `${zhWhere}中有未知的设置项 "${key.value}"`, `Unknown setting "${key.value}" in ${enWhere}`));
  }
}

function checkName(node: JsonNode | undefined, problems: ConfigProblem[], key = 'name'): void {
  if (!node) return;
  if (node.type !== 'object' || typeof field(node, 'zh')?.value !== 'string' || typeof field(node, 'en')?.value !== 'string') {
    problems.push(at(node, `${key} 应为 {"zh": "…", "en": "…"}`, `${key} must be {"zh": "…", "en": "…"}`));
  }
}

function checkString(node: JsonNode | undefined, key: string, problems: ConfigProblem[]): void {
  if (node && node.type !== 'string') problems.push(at(node, `${key} 应为字符串`, `${key} must be a string`));
}

function checkStrings(node: JsonNode | undefined, key: string, patterns: boolean, problems: ConfigProblem[]): void {
  if (!node) return;
  if (node.type !== 'array') {
    problems.push(at(node, `${key} 应为字符串数组`, `${key} must be an array of strings`));
    return;
  }
  for (const element of node.children ?? []) {
    if (element.type !== 'string') {
      problems.push(at(element, `${key} 中的每一项应为字符串`, `Each item of ${key} must be a string`));
      continue;
    }
    if (patterns) checkPattern(element, problems);
  }
}

function checkPattern(element: JsonNode, problems: ConfigProblem[], flags = ''): void {
  try {
    new RegExp(element.value as string, flags);
  } catch {
    problems.push(at(element, `无效的正则表达式：${element.value}`, `Invalid regular expression: ${element.value}`));
    return;
  }
  if (mayBacktrackForever(element.value as string)) {
    problems.push(at(element, `正则表达式可能运行极慢（嵌套的重复或反向引用），未采用：${element.value}`, `Regular expression may take exponential time (nested repetition or a back-reference), not used: ${element.value}`));
  }
}

function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [String(p.children?.[0]?.value), p.children?.[1] ? nodeValue(p.children[1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function at(node: JsonNode, zh: string, en: string): ConfigProblem {
  return { start: node.offset, end: node.offset + node.length, message: { zh, en } };
}

/**
 * Patterns come from the workspace and run on every keystroke: a group that repeats something that
 * itself repeats, like (a+)+, or a back-reference can take exponential time, so they are refused.
 */
export function mayBacktrackForever(pattern: string): boolean {
  const source = pattern.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  if (/\\[1-9]|\\k</.test(pattern)) return true;
  // per open group: does it hold a repetition, or alternatives that may overlap, like (a|a)+?
  const stack: { repeats: boolean; alternatives: boolean }[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    const top = stack[stack.length - 1];
    if (ch === '(') stack.push({ repeats: false, alternatives: false });
    else if (ch === '|' && top) top.alternatives = true;
    else if (ch === ')') {
      const inner = stack.pop() ?? { repeats: false, alternatives: false };
      const repeated = /[*+{]/.test(source[i + 1] ?? '');
      if (repeated && (inner.repeats || inner.alternatives)) return true;
      const parent = stack[stack.length - 1];
      if (parent && (inner.repeats || repeated)) parent.repeats = true;
    } else if ((ch === '*' || ch === '+' || ch === '{' || (ch === '?' && source[i - 1] !== '(')) && top) top.repeats = true; // (a?){30} too
  }
  return false;
}
