import { LIMITS, tooLargeMessage, type Message } from '../core/index';

/** A .docx that is declined before it is unpacked, with the reason in both languages. */
export class DocxReadError extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
  }
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/**
 * Reads the ZIP archive's central directory (no inflating) and declines what cannot be a Word file
 * or would unpack past the limit: an 800 KB file that unpacks to 300 MB is refused in microseconds
 * instead of taking seconds and gigabytes. The sizes are those the archive declares (an archive
 * that lies about them is caught by the unzipper's size and CRC checks as damaged).
 */
export function checkDocxArchive(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end < 0) throw new DocxReadError(notAWordFile('不是 ZIP 压缩包', 'not a ZIP archive'));
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let unpacked = 0;
  let hasDocument = false;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new DocxReadError(notAWordFile('压缩包目录已损坏', 'its ZIP directory is damaged'));
    }
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (name === 'word/document.xml') hasDocument = true;
    // 0xFFFFFFFF: the real size is in a ZIP64 field; no Word document needs 4 GB
    unpacked += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (unpacked > LIMITS.maxUnpackedBytes) throw new DocxReadError(tooLargeMessage(Math.min(unpacked, 2 ** 42), true));
  if (!hasDocument) throw new DocxReadError(notAWordFile('压缩包中没有 word/document.xml', 'it has no word/document.xml'));
}

function findEndOfCentralDirectory(view: DataView): number {
  // the record is 22 bytes, followed by a comment of up to 65535 bytes
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

export function notAWordFile(zh: string, en: string): Message {
  return { zh: `不是可读取的 Word 文件：${zh}`, en: `not a readable Word file: ${en}` };
}
