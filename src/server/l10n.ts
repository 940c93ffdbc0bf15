import type { Locale } from '../core/index';
import chineseStrings from '../../l10n/bundle.l10n.zh-cn.json';

const CHINESE: Readonly<Record<string, string>> = chineseStrings;

/**
 * A UI string in `locale`, with {0}, {1}… filled in. The strings are l10n/bundle.l10n.zh-cn.json,
 * keyed by the English text as vscode.l10n bundles are; the extension and the server share them, so
 * a menu never mixes the server's titles with the extension's in two languages.
 */
export function translate(locale: Locale, english: string, ...args: (string | number | boolean)[]): string {
  const template = locale === 'zh-CN' ? (CHINESE[english] ?? english) : english;
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : placeholder));
}

export type Translate = (english: string, ...args: (string | number | boolean)[]) => string;

export function translator(locale: Locale): Translate {
  return (english, ...args) => translate(locale, english, ...args);
}
