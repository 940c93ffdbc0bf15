// The core's public entrance: adapters (CLI, extension, server, Word) import from here only.
export * from './types';
export type * from './model/types';
export { LineIndex } from './text/lines';
export { applyEdits } from './text/edits';
export { analyze, lintDocument, collectFixEdits, type Analysis } from './engine/lint';
export { parseSummary, type ParseOptions } from './engine/parse';
export { formatOf } from './reader/read';
export { parseConfig, mayBacktrackForever, DEFAULT_CONFIG, HOUSE_STYLES, houseStyleOf, type SummaryConfig, type HouseStyle, type ConfigProblem } from './config/config';
export { BUILTIN_PROFILES, chooseProfile, findProfile } from './config/profiles';
export { ALL_RULES } from './rules/index';
export type { Rule, RuleMeta, RuleExample } from './rules/rule';
export { formatMarker, readMarker } from './text/markers';
export { formatChineseNumeral, parseChineseNumeral } from './text/numerals';
export { renumberEdits, nextMarkers, requiredParts, skeleton, looksLikeSummary, type MarkerSuggestion, type RequiredPartView } from './editing/editor-support';
export { findParts, type PartStatus } from './model/parts';
export { insertPartEdits } from './editing/parts';
export { DocumentAnalyzer, type AnalyzerOptions } from './engine/analyzer';
export { splitChunks, ChunkCache } from './reader/chunks';
