import * as vscode from 'vscode';
import type { Locale, Message } from '../core/index';
import { pickMessage } from '../core/index';
import { translate } from '../server/l10n';

/**
 * The language of everything the extension says: findings, tree labels, status bar, quick-fix
 * titles, notifications. The setting, else the UI language. Chinese documents read by an English UI
 * still get English unless the user asks otherwise.
 */
export function messageLocale(): Locale {
  if (cached) return cached;
  const setting = vscode.workspace.getConfiguration('officialSummary').get<string>('messageLanguage', 'auto');
  const locale: Locale = setting === 'zh-CN' || setting === 'en' ? setting : vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  if (watched) cached = locale;
  return locale;
}

let cached: Locale | undefined;
let watched = false;

/**
 * Keeps the message language between changes of the setting. Every label asks for it, and reading
 * the configuration each time was most of what the Summary Outline cost the extension host (its
 * items are compared after each analysis). Registered before any other listener, so a listener that
 * relabels on the change reads the new language.
 */
export function watchMessageLocale(): vscode.Disposable {
  watched = true;
  const listening = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('officialSummary.messageLanguage')) cached = undefined;
  });
  return new vscode.Disposable(() => {
    listening.dispose();
    watched = false;
    cached = undefined;
  });
}

export function localized(message: Message): string {
  return pickMessage(message, messageLocale());
}

/**
 * A UI string in the message language, with {0}, {1}… filled in. Not vscode.l10n.t: that follows
 * only VS Code's display language, so `messageLanguage: zh-CN` in an English VS Code mixed
 * 重新编排本组编号 (a finding's fix) with "Renumber the whole document" in one menu. The strings are
 * l10n/bundle.l10n.zh-cn.json, shared with the language server (src/server/l10n.ts).
 */
export function t(english: string, ...args: (string | number | boolean)[]): string {
  return translate(messageLocale(), english, ...args);
}
