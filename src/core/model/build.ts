import { skipBlank, trimEndOffset } from './offsets';
import { periodOf } from './period';
import { buildSections, findLeadIns, findScopeBreaks, resolveMarkers } from './sections';
import { readTables, tableOfContents } from './tables';
import { findTitleBlock, frontMatterTitle, titleOf } from './title';
import type { FrontMatter, ProfileChoice, ReadResult, SummaryDocument } from './types';

export interface BuildInput {
  text: string;
  format: 'markdown' | 'text';
  frontMatter: FrontMatter | undefined;
  /** where the chunks begin: after front matter and a BOM */
  bodyStart: number;
  read: ReadResult;
  /** picks the profile from what the text says (front matter, title or the opening lines) */
  chooseProfile: (frontMatterProfile: string | undefined, hint: string) => ProfileChoice;
}

/** Builds the one model every rule, the outline, the symbols and the completion share. */
export function buildDocument({ text, format, frontMatter, bodyStart, read, chooseProfile }: BuildInput): SummaryDocument {
  const blocks = read.blocks;
  let candidates = read.candidates;
  let enumerations = read.enumerations;
  const chunks = read.chunks;
  if (frontMatter) {
    for (const chunk of chunks) chunk.firstBlock++;
    blocks.unshift({ kind: 'front-matter', start: frontMatter.start, end: frontMatter.end, lineStarts: [0] });
    candidates = candidates.map((c) => ({ ...c, blockIndex: c.blockIndex + 1 }));
    enumerations = enumerations.map((e) => ({ ...e, blockIndex: e.blockIndex + 1 }));
  }

  const titleIndex = findTitleBlock(text, blocks);
  const title = titleIndex >= 0 ? titleOf(text, blocks[titleIndex]) : frontMatterTitle(text, frontMatter);
  // table row labels and table-of-contents entries are set aside: they are no sections
  const { tables, rowLabels } = readTables(text, blocks, candidates, read.tableLines);
  const contents = tableOfContents(candidates, blocks);
  const setAside = candidates.filter((c) => rowLabels.has(c) || contents.has(c));
  const markers = resolveMarkers(candidates.filter((c) => !rowLabels.has(c) && !contents.has(c)), titleIndex);
  const tableMarkers = resolveMarkers(setAside, titleIndex);
  const scopeBreaks = findScopeBreaks(text, blocks, titleIndex, markers);
  const leadIns = findLeadIns(text, markers);
  const sections = buildSections(text, markers, scopeBreaks, leadIns);
  if (titleIndex >= 0) enumerations = enumerations.filter((e) => e.blockIndex !== titleIndex);
  const contentStart = title ? title.end : bodyStart;
  const firstSectionStart = markers[0]?.lineStart ?? text.length;
  const opening = firstSectionStart > contentStart && /\S/.test(text.slice(contentStart, firstSectionStart))
    ? { start: skipBlank(text, contentStart), end: trimEndOffset(text, contentStart, firstSectionStart) }
    : undefined;
  // PDF-extracted reports wrap the title over lines, under a stray first line: look at the opening lines too
  const profileHint = title?.text ?? text.slice(bodyStart, bodyStart + 200).replace(/\s+/g, '');
  const profile = chooseProfile(frontMatter?.data.profile, profileHint);

  const doc: SummaryDocument = { text, format, blocks, markers, sections, enumerations, scopeBreaks, leadIns, tables, tableMarkers, profile, chunks };
  if (frontMatter) doc.frontMatter = frontMatter;
  if (title) doc.title = title;
  if (opening) doc.opening = opening;
  const period = periodOf(frontMatter?.data.year ?? frontMatter?.data.period, title?.text);
  if (period) doc.period = period;
  return doc;
}
