import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG, RULE_IDS, parseConfig, type Locale, type RuleId, type SeveritySetting, type SummaryConfig } from '../core/index';

export const CONFIG_FILE_NAME = '.summaryrc.json';
export const SETTINGS_SECTION = 'officialSummary';

/** The client's `officialSummary` settings, as the VS Code extension declares them in package.json. */
export interface EditorSettings {
  include: string[];
  exclude: string[];
  detectByContent: boolean;
  profile: string;
  houseStyle: string;
  rules: Record<string, string>;
  messageLanguage: 'auto' | 'zh-CN' | 'en';
}

export const DEFAULT_SETTINGS: EditorSettings = {
  include: [],
  exclude: ['**/README*', '**/CHANGELOG*', '**/CONTRIBUTING*', '**/LICENSE*', '**/node_modules/**'],
  detectByContent: true,
  profile: '',
  houseStyle: '',
  rules: {},
  messageLanguage: 'auto',
};

/** Whatever a client sends (an editor's settings are user input): typed fields kept, the rest defaulted. */
export function readSettings(value: unknown): EditorSettings {
  const given = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const strings = (v: unknown, fallback: string[]) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : fallback);
  const rules = given.rules && typeof given.rules === 'object' && !Array.isArray(given.rules) ? (given.rules as Record<string, string>) : {};
  const language = given.messageLanguage === 'zh-CN' || given.messageLanguage === 'en' ? given.messageLanguage : 'auto';
  return {
    include: strings(given.include, DEFAULT_SETTINGS.include),
    exclude: strings(given.exclude, DEFAULT_SETTINGS.exclude),
    detectByContent: typeof given.detectByContent === 'boolean' ? given.detectByContent : true,
    profile: typeof given.profile === 'string' ? given.profile : '',
    houseStyle: typeof given.houseStyle === 'string' ? given.houseStyle : '',
    rules,
    messageLanguage: language,
  };
}

/**
 * `.summaryrc.json` of a workspace folder, re-read when its modification time changes (a client
 * need not watch files for us). The only file of the server that reads the disk.
 */
export class ConfigFiles {
  private readonly cache = new Map<string, { stamp: string; config: SummaryConfig }>();

  configIn(folderUri: string | undefined): SummaryConfig {
    const folder = folderUri ? filePathOf(folderUri) : undefined;
    if (!folder) return DEFAULT_CONFIG;
    const file = path.join(folder, CONFIG_FILE_NAME);
    let stamp: string;
    try {
      const stat = fs.statSync(file);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      this.cache.delete(file);
      return DEFAULT_CONFIG;
    }
    const cached = this.cache.get(file);
    if (cached?.stamp === stamp) return cached.config;
    let config = DEFAULT_CONFIG;
    try {
      // problems in the file are the editor's to show on the file itself; the usable part is used
      config = parseConfig(fs.readFileSync(file, 'utf8')).config;
    } catch {
      config = DEFAULT_CONFIG;
    }
    this.cache.set(file, { stamp, config });
    return config;
  }

  /** A stamp that changes whenever the folder's file does (part of the analysis cache key). */
  stampOf(folderUri: string | undefined): string {
    const folder = folderUri ? filePathOf(folderUri) : undefined;
    if (!folder) return '';
    try {
      const stat = fs.statSync(path.join(folder, CONFIG_FILE_NAME));
      return `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return 'none';
    }
  }
}

/** The file's settings with the editor's settings on top, as src/extension/configuration.ts does. */
export function withSettings(base: SummaryConfig, settings: EditorSettings): SummaryConfig {
  const config: SummaryConfig = { ...base, rules: { ...base.rules }, profiles: [...base.profiles] };
  if (settings.profile) config.profile = settings.profile;
  if (settings.houseStyle) config.houseStyle = settings.houseStyle;
  for (const [rule, severity] of Object.entries(settings.rules)) {
    if ((RULE_IDS as readonly string[]).includes(rule) && ['error', 'warning', 'info', 'off'].includes(severity)) {
      config.rules[rule as RuleId] = severity as SeveritySetting;
    }
  }
  return config;
}

export function localeOf(settings: EditorSettings, clientLocale: string | undefined, env: Record<string, string | undefined>): Locale {
  if (settings.messageLanguage !== 'auto') return settings.messageLanguage;
  // an editor's UI language, as the VS Code extension decides: Chinese for a Chinese UI, else English
  if (clientLocale) return /^zh/i.test(clientLocale) ? 'zh-CN' : 'en';
  // no client locale (a terminal editor): the environment, Chinese unless it says English
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(tag) ? 'en' : 'zh-CN';
}

/** The rules page: the copy shipped beside the bundle (docs/rules.md in the npm package), else the repository's. */
export function ruleDocsBase(bundleDirectory: string): string {
  for (const candidate of [path.join(bundleDirectory, '..', 'docs', 'rules.md'), path.join(bundleDirectory, '..', '..', '..', 'docs', 'rules.md')]) {
    if (fs.existsSync(candidate)) return pathToFileURL(candidate).href;
  }
  return 'https://github.com/official-summary/official-summary/blob/main/docs/rules.md';
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
