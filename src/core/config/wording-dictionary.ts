import builtin from './wording.json';
import type { Message } from '../types';

/**
 * One entry of the wording dictionary (config/wording.json, extended in `.summaryrc.json`):
 * - `misspelling`: a form that is always wrong; `replace` is the certain correction (a fix);
 * - `confusable`: a word that is right in one sense and wrong in another; `suggest` and `advice`
 *   say how to choose, and the contexts narrow it to where the other word is likely meant (no fix);
 * - `formulation`: an official formulation written incompletely or in an outdated form; `standard`
 *   is the form its `source` uses (no fix: the sentence around it may need rewording).
 */
export interface WordingEntry {
  id: string;
  kind: 'misspelling' | 'confusable' | 'formulation';
  /** the text found, or its variants (quotes written “” or "") */
  find: string | string[];
  replace?: string;
  suggest?: string;
  standard?: string;
  advice?: Message;
  source: string;
  /** regular expressions on the text just before (`…$`) or after (`^…`) the found text, within the paragraph */
  before?: string;
  notBefore?: string;
  after?: string;
  notAfter?: string;
  /** sentences with the text each must flag marked `[[…]]`; counter-examples must not be flagged by this entry */
  examples: string[];
  counterExamples: string[];
}

/** The workspace's changes to the dictionary, from the `wording` key of `.summaryrc.json`. */
export interface WordingSettings {
  entries: WordingEntry[];
  /** ids of built-in entries switched off */
  disable: string[];
}

export const BUILTIN_WORDING: readonly WordingEntry[] = (builtin as { entries: WordingEntry[] }).entries;

export const WORDING_KINDS = ['misspelling', 'confusable', 'formulation'] as const;

/** The fields each kind needs besides id, kind and find. */
export const WORDING_REQUIRED: Record<WordingEntry['kind'], 'replace' | 'suggest' | 'standard'> = {
  misspelling: 'replace',
  confusable: 'suggest',
  formulation: 'standard',
};

export const WORDING_CONTEXT_KEYS = ['before', 'notBefore', 'after', 'notAfter'] as const;

/** The built-in entries in force after the workspace's changes, then the workspace's own. */
export function activeWording(settings: WordingSettings | undefined): readonly WordingEntry[] {
  if (!settings) return BUILTIN_WORDING;
  const disabled = new Set(settings.disable);
  return [...BUILTIN_WORDING.filter((e) => !disabled.has(e.id)), ...settings.entries];
}
