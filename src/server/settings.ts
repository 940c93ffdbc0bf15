import { RULE_IDS, type Locale, type RuleId, type SeveritySetting, type SummaryConfig } from '../core/index';

export const CONFIG_FILE_NAME = '.summaryrc.json';
export const SETTINGS_SECTION = 'officialSummary';
/** The rules page on the web, for a server that has no copy beside it (a browser, a bundle moved alone). */
export const ONLINE_RULE_DOCS = 'https://github.com/official-summary/official-summary/blob/main/docs/rules.md';

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
 * Where the server gets a workspace folder's `.summaryrc.json`: from the disk under Node
 * (nodeFiles.ts), from the client in a browser (browserConfig.ts). Either may answer at once or later.
 */
export interface ConfigSource {
  configIn(folderUri: string | undefined): SummaryConfig | Promise<SummaryConfig>;
  /** A stamp that changes whenever the folder's file does (part of the analysis cache key). */
  stampOf(folderUri: string | undefined): string | Promise<string>;
}

/** What the server needs from where it runs (Node or a browser's Web Worker). */
export interface ServerHost {
  configFiles: ConfigSource;
  /** the rules page that diagnostics link to */
  ruleDocs: string;
  /** the environment's locale variables (LANG, LC_ALL …), empty in a browser */
  env: Record<string, string | undefined>;
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
