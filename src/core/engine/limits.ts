import type { Message } from '../types';

/**
 * One set of limits for every way text comes in (a text file, standard input, a Word file, the
 * editor): past them a document is declined with the same message, not half-read or left to stall.
 */
export const LIMITS = {
  /** the largest text checked: about 2.5 million Chinese characters */
  maxTextBytes: 5 * 1024 * 1024,
  /**
   * What a Word file may unpack to, as its archive declares: the XML around the text is several
   * times the text, so ten times the text limit; more is a document we would decline anyway, or a
   * "zip bomb".
   */
  maxUnpackedBytes: 50 * 1024 * 1024,
} as const;

const megabytes = (bytes: number) => (bytes / 1048576).toFixed(1);

/** The one message for a document past the limit; `unpacked` when it is what a Word file unpacks to. */
export function tooLargeMessage(bytes: number, unpacked = false): Message {
  const limit = LIMITS.maxTextBytes / 1048576;
  if (unpacked) {
    return {
      zh: `文件过大（解压后 ${megabytes(bytes)} MB，正文上限 ${limit} MB），未检查；请拆分后再检查`,
      en: `file too large (it unpacks to ${megabytes(bytes)} MB; the limit is ${limit} MB of text), not checked; split it first`,
    };
  }
  return {
    zh: `文件过大（${megabytes(bytes)} MB，上限 ${limit} MB），未检查；请拆分后再检查`,
    en: `file too large (${megabytes(bytes)} MB, the limit is ${limit} MB), not checked; split it first`,
  };
}
