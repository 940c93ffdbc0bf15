/** Offsets are UTF-16 code unit indices into the document text, as in VS Code. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A message in both languages the product speaks; the host picks one by locale. */
export interface Message {
  zh: string;
  en: string;
}

export type Locale = 'zh-CN' | 'en';
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const RULE_IDS = [
  'numbering-sequence',
  'numbering-style',
  'numbering-hierarchy',
  'enumeration-sequence',
  'count-mismatch',
  'required-section',
  'placeholder',
  'pasted-content',
  'year-consistency',
  'punctuation',
  // issue 12: the 附件说明
  'attachment',
  'wording',
  'number-usage',
  'title',
  'section-length',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Fix {
  title: Message;
  /** Non-overlapping edits; applying them changes nothing outside their ranges. */
  edits: TextEdit[];
  /**
   * `false`: the right text is not certain (a renumbering of a run that could be read another way):
   * a quick fix the user picks, never applied by bulk fixing (--fix, Fix All, fix on save).
   * Absent or `true`: certain, bulk fixing applies it.
   */
  certain?: boolean;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  start: number;
  end: number;
  message: Message;
  fix?: Fix;
}

export function pickMessage(message: Message, locale: Locale): string {
  return locale === 'en' ? message.en : message.zh;
}
