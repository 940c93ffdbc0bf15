import * as vscode from 'vscode';
import type { Locale, Message } from '../core/index';
import { pickMessage } from '../core/index';

/**
 * The language of findings and tree labels: the setting, else the UI language. Chinese documents
 * read by an English UI still get English messages unless the user asks otherwise.
 */
export function messageLocale(): Locale {
  const setting = vscode.workspace.getConfiguration('officialSummary').get<string>('messageLanguage', 'auto');
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function localized(message: Message): string {
  return pickMessage(message, messageLocale());
}
