import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIMITS, tooLargeMessage } from '../core/index';

export const CHECKED_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist']);
/**
 * Larger files are declined with a message: no summary is this big (the 31 provincial reports in one
 * file make 1.6 MB), and checking one would hold up the rest of a folder for many seconds. It is the
 * core's one text limit, the same for files, standard input and Word files.
 */
export const MAX_FILE_BYTES = LIMITS.maxTextBytes;

export interface InputProblem {
  file: string;
  message: { zh: string; en: string };
}

/** Files, folders (recursively, summaries only) and globs (`*`, `**`, `?`) to a sorted file list. */
export function expandInputs(inputs: string[], cwd: string): { files: string[]; problems: InputProblem[]; fromFolders: Set<string> } {
  const files = new Set<string>();
  const fromFolders = new Set<string>();
  const problems: InputProblem[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (/[*?]/.test(input)) {
      const matches = expandGlob(input, cwd);
      if (!matches.length) problems.push({ file: input, message: { zh: '没有文件与此模式匹配', en: 'no file matches this pattern' } });
      matches.forEach((f) => files.add(f));
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      problems.push({ file: input, message: { zh: '文件或目录不存在', en: 'no such file or folder' } });
      continue;
    }
    if (stat.isDirectory()) {
      for (const found of walk(absolute)) {
        if (!files.has(found)) fromFolders.add(found);
        files.add(found);
      }
    } else {
      files.add(absolute);
      fromFolders.delete(absolute);
    }
  }
  return { files: [...files].sort(), problems, fromFolders };
}

/** Summaries in a folder: the checked kinds of file, outside hidden and build folders. */
function walk(directory: string): string[] {
  return filesBelow(directory, (name) => !name.startsWith('.')).filter((file) => CHECKED_EXTENSIONS.includes(path.extname(file).toLowerCase()));
}

function filesBelow(directory: string, enterFolder: (name: string) => boolean = () => true): string[] {
  const found: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && enterFolder(entry.name)) found.push(...filesBelow(full, enterFolder));
    } else if (entry.isFile()) found.push(full);
  }
  return found;
}

function expandGlob(pattern: string, cwd: string): string[] {
  const normalized = pattern.split(path.sep).join('/');
  const segments = normalized.split('/');
  const firstWild = segments.findIndex((s) => /[*?]/.test(s));
  const base = path.resolve(cwd, segments.slice(0, firstWild).join('/') || '.');
  const regex = globToRegExp(segments.slice(firstWild).join('/'));
  return filesBelow(base).filter((file) => regex.test(path.relative(base, file).split(path.sep).join('/')));
}

export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export type ReadResult = { ok: true; text: string } | { ok: false; message: { zh: string; en: string } };

/** Reads a text file strictly: binary, invalid UTF-8 and oversized files are declined with a reason. */
export function readTextFile(file: string): ReadResult {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) return { ok: false, message: tooLargeMessage(size) };
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, message: { zh: `无法读取：${(error as Error).message}`, en: `cannot read: ${(error as Error).message}` } };
  }
  if (bytes.includes(0)) return { ok: false, message: { zh: '是二进制文件，未检查', en: 'binary file, not checked' } };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, message: { zh: '不是有效的 UTF-8 文本（如为 GBK 编码，请先转换为 UTF-8），未检查', en: 'not valid UTF-8 text (convert GBK files to UTF-8 first), not checked' } };
  }
}

/**
 * Writes through a temporary file and a rename, so an interrupted write never leaves half a file.
 * The file's mode is kept.
 */
export function writeFileAtomically(file: string, text: string): void {
  // through a symbolic link the real file is written, and the link stays a link
  const target = fs.realpathSync(file);
  // root may write anywhere: the mode bits are what says the user meant the file to stay as it is
  if ((fs.statSync(target).mode & 0o222) === 0) throw new ReadOnlyError(file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const mode = fs.statSync(target).mode;
  try {
    fs.writeFileSync(temporary, text, { mode });
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

export class ReadOnlyError extends Error {
  constructor(readonly file: string) {
    super(`${file} is read-only`);
  }
}
