import type { Profile, ProfileChoice } from '../model/types';
export type { Profile, ProfilePart, ProfileChoice } from '../model/types';
import workSummary from './profiles/work-summary.json';
import debriefing from './profiles/debriefing.json';
import disclosureReport from './profiles/disclosure-report.json';
import enReport from './profiles/en-report.json';

export const BUILTIN_PROFILES: readonly Profile[] = [
  workSummary as Profile,
  debriefing as Profile,
  disclosureReport as Profile,
  enReport as Profile,
];

export const DEFAULT_PROFILE_ID = 'work-summary';

export function findProfile(id: string, extra: readonly Profile[] = []): Profile | undefined {
  return extra.find((p) => p.id === id) ?? BUILTIN_PROFILES.find((p) => p.id === id);
}

/**
 * The profile in force: the user's choice for this file, then front matter, then the title, then the
 * configured one, else the default. The title beats the configuration because a folder mixes kinds of documents.
 */
export function chooseProfile(
  frontMatterProfile: string | undefined,
  title: string | undefined,
  configured: string | undefined,
  extra: readonly Profile[] = [],
  chosen?: string,
  language?: 'zh' | 'en',
): ProfileChoice {
  // the user's own choice for this file (the editor's "Choose profile") beats everything the text says
  if (chosen) {
    const profile = findProfile(chosen, extra);
    if (profile) return { profile, reason: 'chosen' };
  }
  if (frontMatterProfile) {
    const profile = findProfile(frontMatterProfile, extra);
    if (profile) return { profile, reason: 'front-matter' };
  }
  if (title) {
    // more specific kinds first: a 述职报告 or 年度报告 title also contains 报告
    const candidates = [...extra, ...BUILTIN_PROFILES.filter((p) => p.id !== DEFAULT_PROFILE_ID)];
    for (const profile of candidates) {
      if (profile.titlePatterns.some((pattern) => new RegExp(pattern, profile.language === 'en' ? 'i' : '').test(title))) {
        if (profile.language === 'en' && /[\u4e00-\u9fff]/.test(title)) continue;
        return { profile, reason: 'title' };
      }
    }
  }
  if (configured) {
    const profile = findProfile(configured, extra);
    if (profile && (!language || profile.language === language)) return { profile, reason: 'config' };
  }
  // an English document whose title names no kind is an English report, not a Chinese work summary
  if (language === 'en') {
    const profile = [...extra, ...BUILTIN_PROFILES].find((p) => p.language === 'en');
    if (profile) return { profile, reason: 'language' };
  }
  if (configured) {
    const profile = findProfile(configured, extra);
    if (profile) return { profile, reason: 'config' };
  }
  return { profile: findProfile(DEFAULT_PROFILE_ID)!, reason: 'default' };
}
