import { DEFAULT_CONFIG, type SummaryConfig } from '../config/config';
import { chooseProfile } from '../config/profiles';
import { buildDocument, type BuildInput } from '../model/build';
import type { ChunkParse, SummaryDocument } from '../model/types';
import { readFrontMatter } from '../reader/blocks';
import type { ChunkCache } from '../reader/chunks';
import { bodyStartOf, formatOf, readChunks } from '../reader/read';
import { readingView } from '../text/lines';

export interface ParseOptions {
  fileName?: string;
  format?: 'markdown' | 'text';
  config?: SummaryConfig;
  /** Parses of unchanged chunks, kept between versions of one document (see DocumentAnalyzer). */
  cache?: ChunkCache<ChunkParse>;
}

/** text → reader → model: the model every rule, the outline, the symbols and the completion share. */
export function parseSummary(original: string, options: ParseOptions = {}): SummaryDocument {
  return buildDocument(readSummary(original, options));
}

/**
 * The reader's half of `parseSummary`: what `buildDocument` makes the model from. The sliced driver
 * gives the thread back between the two halves.
 */
export function readSummary(original: string, options: ParseOptions = {}): BuildInput {
  const text = readingView(original);
  const format = options.format ?? formatOf(options.fileName);
  const config = options.config ?? DEFAULT_CONFIG;
  const frontMatter = readFrontMatter(text);
  const bodyStart = bodyStartOf(text, frontMatter);
  const read = readChunks(text, bodyStart, format, options.cache);
  return {
    text,
    format,
    frontMatter,
    bodyStart,
    read,
    chooseProfile: (frontMatterProfile, hint, language) => chooseProfile(frontMatterProfile, hint, config.profile, config.profiles, config.chosenProfile, language),
  };
}
