import { globMatches, looksLikeSummary } from '../core/index';
import type { EditorSettings } from './settings';

/** Language ids editors give Markdown and plain text (VS Code, Neovim, Helix, Zed). */
const SUPPORTED_LANGUAGES = new Set(['markdown', 'plaintext', 'text', 'txt', 'plain text', 'plain_text']);
const SUPPORTED_EXTENSIONS = /\.(md|markdown|txt)$/i;

/**
 * The decision src/extension/summaryDocuments.ts makes, without VS Code: the exclude globs of the
 * settings, then the include globs, then the core's guess from the file name, front matter and title.
 * (The extension's per-file marks live in VS Code's storage; a client can send them as include/exclude.)
 */
export function isSummaryDocument(uri: string, languageId: string, text: string, settings: EditorSettings): boolean {
  const filePath = pathOf(uri);
  if (!SUPPORTED_LANGUAGES.has(languageId.toLowerCase()) && !SUPPORTED_EXTENSIONS.test(filePath)) return false;
  if (settings.exclude.some((glob) => glob && globMatches(glob, filePath))) return false;
  if (settings.include.some((glob) => glob && globMatches(glob, filePath))) return true;
  if (!settings.detectByContent) return false;
  return looksLikeSummary(filePath.slice(filePath.lastIndexOf('/') + 1), text);
}

export function isMarkdown(uri: string, languageId: string): boolean {
  return languageId.toLowerCase() === 'markdown' || /\.(md|markdown)$/i.test(pathOf(uri));
}

export function pathOf(uri: string): string {
  const withoutQuery = uri.replace(/[?#].*$/, '');
  const afterScheme = withoutQuery.replace(/^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i, '');
  try {
    return decodeURIComponent(afterScheme);
  } catch {
    return afterScheme;
  }
}
