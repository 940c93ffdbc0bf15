import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Level, MarkerStyle } from './model';
import { BUILTIN_PROFILES, type Profile } from './profiles';
import { RULE_IDS, type Message, type RuleId, type SeveritySetting } from './types';

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

export interface SummaryConfig {
  /** the profile used when neither front matter nor title chooses one */
  profile?: string;
  houseStyle: string;
  /** overrides the house style's allowSkipLevel */
  allowSkipLevel?: boolean;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  profiles: Profile[];
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
  const root = parseTree(jsonText, errors, { allowTrailingComma: true, disallowComments: false });
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
      case 'profiles':
        readProfiles(valueNode, config, problems, knownProfileIds);
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

function readRules(node: JsonNode, config: SummaryConfig, problems: ConfigProblem[]): void {
  if (node.type !== 'object') {
    problems.push(at(node, 'rules 应为对象，如 {"placeholder": "error"}', 'rules must be an object, e.g. {"placeholder": "error"}'));
    return;
  }
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const id = String(keyNode.value);
    if (!(RULE_IDS as readonly string[]).includes(id)) {
      problems.push(at(keyNode, `未知的规则 "${id}"`, `Unknown rule "${id}"`));
      continue;
    }
    if (typeof valueNode.value === 'string' && SEVERITIES.includes(valueNode.value)) {
      config.rules[id as RuleId] = valueNode.value as SeveritySetting;
    } else {
      problems.push(at(valueNode, `规则级别应为 error、warning、info 或 off，实为 ${JSON.stringify(valueNode.value)}`, `A rule severity must be error, warning, info or off, found ${JSON.stringify(valueNode.value)}`));
    }
  }
}

function readProfiles(node: JsonNode, config: SummaryConfig, problems: ConfigProblem[], knownIds: Set<string>): void {
  if (node.type !== 'array') {
    problems.push(at(node, 'profiles 应为数组', 'profiles must be an array'));
    return;
  }
  for (const item of node.children ?? []) {
    const value = nodeValue(item) as Partial<Profile> | undefined;
    const problem = profileProblem(value);
    if (problem) {
      problems.push(at(item, problem.zh, problem.en));
      continue;
    }
    config.profiles.push(value as Profile);
    knownIds.add((value as Profile).id);
  }
}

function profileProblem(value: Partial<Profile> | undefined): Message | undefined {
  if (!value || typeof value !== 'object') return { zh: '文种配置应为对象', en: 'A profile must be an object' };
  if (typeof value.id !== 'string' || !value.id) return { zh: '文种配置缺少 id', en: 'A profile needs an id' };
  if (!Array.isArray(value.parts)) return { zh: `文种 ${value.id} 缺少 parts 数组`, en: `Profile ${value.id} needs a parts array` };
  for (const part of value.parts) {
    if (!part || typeof part.id !== 'string') return { zh: `文种 ${value.id} 的某个部分缺少 id`, en: `A part of profile ${value.id} has no id` };
    for (const pattern of [...(part.headingPatterns ?? []), ...(part.paragraphPatterns ?? [])]) {
      try {
        new RegExp(pattern);
      } catch {
        return { zh: `文种 ${value.id} 中的正则表达式无效：${pattern}`, en: `Invalid regular expression in profile ${value.id}: ${pattern}` };
      }
    }
  }
  value.name ??= { zh: value.id, en: value.id };
  value.language ??= 'zh';
  value.titlePatterns ??= [];
  value.order ??= [];
  value.skeleton ??= '';
  for (const part of value.parts) {
    part.name ??= { zh: part.id, en: part.id };
    part.skeleton ??= '';
  }
  return undefined;
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
