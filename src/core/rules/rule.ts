import type { HouseStyle, SummaryConfig } from '../config/config';
import type { Block, ChunkParse, SummaryDocument } from '../model/types';
import type { Fix, Message, RuleId, Severity } from '../types';

export { isProse, proseBlocks } from '../model/blocks';

/** One example per behaviour; the unit tests run every example, so the docs cannot drift. */
export interface RuleExample {
  description: string;
  format: 'text' | 'markdown';
  text: string;
  /** the exact text each finding of this rule covers, in document order; [] for a clean example */
  flagged: string[];
  /** the whole text after applying every fix of this rule */
  fixed?: string;
  /**
   * The `.summaryrc.json` the example runs with (a house style, a profile, a severity): so every
   * difference a setting makes is documented, and tested, in the rule's own file.
   */
  config?: string;
  /** the message each finding must carry, in document order (either language may be left out) */
  messages?: Partial<Message>[];
}

export interface RuleMeta {
  id: RuleId;
  description: Message;
  /** `off`: the rule runs only where `.summaryrc.json` turns it on */
  defaultSeverity: Severity | 'off';
  fixable: boolean;
  tags: string[];
  examples: RuleExample[];
}

export interface RuleContext {
  doc: SummaryDocument;
  config: SummaryConfig;
  houseStyle: HouseStyle;
}

export interface RuleReport {
  start: number;
  end: number;
  message: Message;
  fix?: Fix;
  /**
   * A gentler severity than the rule's for this report (a hint, not a fault: a restart under a lead-in,
   * a note on a document that is no formal summary); never a stronger one, whatever the setting.
   */
  severity?: Severity;
}

/** One prose block on its own, in the coordinates of the chunk it stands in. */
export interface BlockContext {
  /** the chunk's text; every offset here and in the reports is relative to it */
  text: string;
  block: Block;
  format: 'markdown' | 'text';
  /** numbering markers at the starts of the block's lines (ambiguous ones included) */
  markers: readonly { start: number; end: number }[];
}

/** Something a rule found at a place in the text (in chunk coordinates until the engine shifts it). */
export interface Located {
  start: number;
  end: number;
}

/** One chunk on its own, as a block-scoped rule's chunk pass sees it. */
export interface ChunkContext {
  parse: ChunkParse;
  /** a chunk pass that reads the settings declares `variant`, so its results are kept per variant */
  config: SummaryConfig;
}

/** A rule that looks at the whole model at once. */
export interface DocumentRule {
  meta: RuleMeta;
  scope: 'document';
  check(context: RuleContext): RuleReport[];
}

/**
 * A rule whose costly part depends on one chunk's text alone. The engine runs `checkBlock` on each
 * prose block and `findInChunk` on each chunk, keeps both with the chunk's parse under the rule's id,
 * and hands them over in document coordinates: after an edit only the chunks it touched are looked
 * at again. The rule itself holds only its logic: it never fetches or fills a memo.
 */
export interface BlockRule<Found extends Located = Located> {
  meta: RuleMeta;
  scope: 'block';
  /** the findings of one prose block, in the chunk's coordinates */
  checkBlock?(context: BlockContext): RuleReport[];
  /** what the rule looks for in one chunk (chunk coordinates), for `check` to judge against the whole model */
  findInChunk?(context: ChunkContext): Found[];
  /** moves a found item by `by` (default: its start, end and fix edits) */
  shiftFound?(found: Found, by: number): Found;
  /** when `findInChunk` depends on the settings: a key for them, so each variant is kept apart */
  variant?(config: SummaryConfig): string;
  /** the findings that need the whole model, from what `findInChunk` found in every chunk (document coordinates) */
  check?(context: RuleContext, found: Found[]): RuleReport[];
}

/** Every rule; a block rule's own found type fits here because its methods take it as a parameter (bivariantly). */
export type Rule = DocumentRule | BlockRule;

/** Quote a found text in messages: 「…」 in Chinese, `…` in English. */
export function quoted(text: string): Message {
  return { zh: `“${text}”`, en: `\`${text}\`` };
}

export function message(zh: string, en: string): Message {
  return { zh, en };
}
