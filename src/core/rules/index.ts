import type { Rule } from './rule';
import { numberingSequence } from './numbering-sequence';
import { numberingStyle } from './numbering-style';
import { numberingHierarchy } from './numbering-hierarchy';
import { enumerationSequence } from './enumeration-sequence';
import { countMismatch } from './count-mismatch';
import { requiredSection } from './required-section';
import { placeholder } from './placeholder';
import { pastedContent } from './pasted-content';
import { yearConsistency } from './year-consistency';
import { punctuation } from './punctuation';
import { attachment } from './attachment';
import { wording } from './wording';
import { numberUsage } from './number-usage';
import { title } from './title';
import { sectionLength } from './section-length';

/** Every rule, in the contract's order. */
export const ALL_RULES: readonly Rule[] = [
  numberingSequence,
  numberingStyle,
  numberingHierarchy,
  enumerationSequence,
  countMismatch,
  requiredSection,
  placeholder,
  pastedContent,
  yearConsistency,
  punctuation,
  attachment,
  wording,
  numberUsage,
  title,
  sectionLength,
];
