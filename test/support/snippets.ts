// The whole-document snippets in snippets/summary.code-snippets are generated from the profiles'
// skeletons (src/core/config/profiles/*.json), the same text "New Summary" and Ctrl+Space in an empty
// summary insert: one skeleton source. `npm run snippets` rewrites them; a unit test checks they are
// current. The other snippets (one part, one marker, 一是/二是) are written by hand in the same file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_PROFILES } from '../../src/core/index';
import { ROOT } from './corpus';

export const SNIPPETS_FILE = path.join(ROOT, 'snippets/summary.code-snippets');

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** Prefixes a writer types, per profile; the profile id always works too. */
const PREFIXES: Record<string, string[]> = {
  'work-summary': ['zongjie', 'gzzj'],
  debriefing: ['shuzhi', 'szbg'],
  'disclosure-report': ['gongkai', 'xxgk'],
  'en-report': ['report-skeleton'],
};

/**
 * The snippet name of a profile's skeleton. The names are those the hand-written file used, so
 * users' keybindings to `editor.action.insertSnippet {"name": …}` keep working.
 */
export function skeletonSnippetName(profile: { id: string; language: string; name: { zh: string; en: string } }): string {
  return profile.language === 'zh' ? `${profile.name.zh}（全文骨架）` : `${profile.name.en} skeleton`;
}

// 20XX becomes the year in the file name (2025年工作总结.md → 2025), as New Summary does, else stays 20XX.
export const YEAR_FROM_FILE_NAME = '${TM_FILENAME_BASE/^(?:.*?((?:19|20)\\d{2}))?.*$/${1:-20XX}/}';

/** A skeleton as snippet lines: its placeholders become tab stops, XX单位 and the year mirrored. */
export function skeletonSnippetBody(skeleton: string): string[] {
  const escaped = (text: string) => text.replace(/[$}\\]/g, (c) => `\\${c}`);
  const mirrored = new Map<string, number>();
  let next = 1;
  let body = '';
  let last = 0;
  for (const match of skeleton.matchAll(/XX单位|20XX|XXX|X(?=[月日])|……|…/g)) {
    body += escaped(skeleton.slice(last, match.index));
    const text = match[0];
    if (text === 'XX单位' || text === '20XX') {
      const known = mirrored.get(text);
      if (known !== undefined) body += `\${${known}}`;
      else {
        mirrored.set(text, next);
        body += `\${${next++}:${text === '20XX' ? YEAR_FROM_FILE_NAME : text}}`;
      }
    } else {
      body += `\${${next++}:${text}}`;
    }
    last = match.index + text.length;
  }
  body += escaped(skeleton.slice(last));
  return [...body.replace(/\n$/, '').split('\n'), '$0'];
}

export function skeletonSnippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const profile of BUILTIN_PROFILES) {
    out[skeletonSnippetName(profile)] = {
      prefix: [...(PREFIXES[profile.id] ?? []), profile.id],
      body: skeletonSnippetBody(profile.skeleton),
      description: `${profile.name.zh}骨架（与“按文种模板新建总结”相同） / ${profile.name.en} skeleton (the same as New Summary)`,
    };
  }
  return out;
}

/** The snippet file with the skeleton entries generated and every other entry kept as written. */
export function renderSnippetFile(current: Record<string, Snippet>): string {
  const generated = skeletonSnippets();
  const handWritten = Object.fromEntries(Object.entries(current).filter(([name]) => !(name in generated) && !/（全文骨架）$| skeleton$/.test(name)));
  return JSON.stringify({ ...generated, ...handWritten }, null, 2) + '\n';
}

if (require.main === module && process.argv.includes('--write')) {
  const current = JSON.parse(fs.readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, Snippet>;
  fs.writeFileSync(SNIPPETS_FILE, renderSnippetFile(current));
  console.log(`wrote ${path.relative(ROOT, SNIPPETS_FILE)}`);
}
