import { globMatches, looksLikeSummary } from '../core/index';
import type { DocumentMark } from './protocol';
import type { EditorSettings } from './settings';

/** Language ids editors give Markdown and plain text (VS Code, Neovim, Helix, Zed). */
const SUPPORTED_LANGUAGES = new Set(['markdown', 'plaintext', 'text', 'txt', 'plain text', 'plain_text']);
const SUPPORTED_EXTENSIONS = /\.(md|markdown|txt)$/i;

/**
 * The decision src/extension/summaryDocuments.ts makes, without VS Code: the user's mark for the file
 * (the VS Code extension sends it, officialSummary/documentState), then the exclude globs of the
 * settings, then the include globs, then the core's guess from the file name, front matter and title.
 */
export function isSummaryDocument(uri: string, languageId: string, text: string, settings: EditorSettings, mark?: DocumentMark): boolean {
  const filePath = pathOf(uri);
  if (!SUPPORTED_LANGUAGES.has(languageId.toLowerCase()) && !SUPPORTED_EXTENSIONS.test(filePath)) return false;
  if (mark) return mark === 'summary';
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
