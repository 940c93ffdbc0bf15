import type { Level } from './model';
import type { Message } from './types';
import workSummary from './profiles/work-summary.json';
import debriefing from './profiles/debriefing.json';
import disclosureReport from './profiles/disclosure-report.json';
import enReport from './profiles/en-report.json';

/** A part the profile expects; found by section headings, else by a paragraph that opens with it. */
export interface ProfilePart {
  id: string;
  name: Message;
  /** `opening`: text between title and first section; `main-work`: any section that is not another part. */
  kind?: 'opening' | 'main-work';
  /** Only sections of this level count (the six mandated parts of a disclosure report are level one). */
  level?: Level;
  headingPatterns?: string[];
  paragraphPatterns?: string[];
  skeleton: string;
}

/** Profiles are data: built in ones ship as JSON, workspaces add more in .summaryrc.json. */
export interface Profile {
  id: string;
  name: Message;
  language: 'zh' | 'en';
  titlePatterns: string[];
  parts: ProfilePart[];
  /** Part ids in the order they must appear (among those present). */
  order: string[];
  skeleton: string;
}

export interface ProfileChoice {
  profile: Profile;
  reason: 'chosen' | 'front-matter' | 'title' | 'config' | 'default';
}

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
    if (profile) return { profile, reason: 'config' };
  }
  return { profile: findProfile(DEFAULT_PROFILE_ID)!, reason: 'default' };
}
