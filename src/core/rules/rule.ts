import type { HouseStyle, SummaryConfig } from '../config/config';
import type { Block, ChunkParse, SummaryDocument } from '../model/types';
import type { Fix, Message, RuleId, Severity } from '../types';

export { isProse, proseBlocks } from '../model/views';
export { memoized, perChunk } from '../model/chunk-memo';

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
  markers: { start: number; end: number }[];
}

/**
 * A rule looks at the whole model (`check`), or at one prose block at a time (`checkBlock`): the
 * latter's findings are kept with the chunk's parse, so an edit re-checks only what it touched.
 */
export interface Rule {
  meta: RuleMeta;
  check?(context: RuleContext): RuleReport[];
  checkBlock?(context: BlockContext): RuleReport[];
  /**
   * Fills this rule's per-chunk memo ahead of time, so a first analysis done in slices leaves
   * little for its last, synchronous step.
   */
  prepareChunk?(parse: ChunkParse): void;
}

/** Quote a found text in messages: 「…」 in Chinese, `…` in English. */
export function quoted(text: string): Message {
  return { zh: `“${text}”`, en: `\`${text}\`` };
}

export function message(zh: string, en: string): Message {
  return { zh, en };
}
