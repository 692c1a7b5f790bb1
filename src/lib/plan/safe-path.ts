import path from 'node:path';
import { UserError, type Problem } from '../errors.js';
import { clipMiddle } from '../text/short-list.js';
import { hasControls } from '../text/terminal.js';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const RESERVED_NAMES = new Set(['.git', '.yo-rc.json', '.replika']);

/** Why a relative output path could escape or damage the destination, or undefined when it is safe. */
export function unsafeReason(relative: string): string | undefined {
  if (relative.length === 0) return 'empty path';
  if (relative.includes('\\')) return 'backslash';
  if (relative.includes('\0')) return 'NUL character';
  if (relative.startsWith('/') || /^[A-Za-z]:/.test(relative)) return 'absolute path';
  for (const segment of relative.split('/')) {
    if (segment === '') return 'empty segment';
    if (segment === '.' || segment === '..') return `"${segment}" segment`;
    if (RESERVED_NAMES.has(segment.toLowerCase())) return `reserved name ${segment}`;
    if (WINDOWS_RESERVED.test(segment)) return `Windows reserved name ${segment}`;
    // Names are printed (create lines, reports): none may move the cursor, hide itself or reorder the text.
    if (hasControls(segment)) return 'control or invisible character';
    if (/[<>:"|?*\u0000-\u001f]/.test(segment)) return 'character not allowed in file names';
    if (/[. ]$/.test(segment)) return 'name ends with a dot or space';
  }
  return undefined;
}

/** Problems for unsafe paths and for paths that collide once case and Unicode normalisation are ignored. */
export function pathProblems(paths: readonly string[], file?: string): Problem[] {
  const problems: Problem[] = [];
  const folded = new Map<string, string>();
  for (const relative of paths) {
    const reason = unsafeReason(relative);
    if (reason) {
      problems.push({ key: 'path.unsafe', params: { path: relative, reason }, file });
      continue;
    }
    const key = relative.normalize('NFC').toLowerCase();
    const other = folded.get(key);
    if (other !== undefined) problems.push({ key: 'path.collision', params: { path: relative, other }, file });
    else folded.set(key, relative);
  }
  return problems;
}

/**
 * The longest file name and the longest path the system takes: 255 bytes a name on every common file system, and
 * PATH_MAX less its terminating NUL (Linux 4096, macOS 1024). Windows counts UTF-16 units, and Node passes long
 * paths there itself.
 */
export const NAME_MAX = 255;
export const PATH_MAX = process.platform === 'darwin' ? 1023 : process.platform === 'win32' ? Infinity : 4095;
const size = (text: string) => (process.platform === 'win32' ? text.length : Buffer.byteLength(text));

/**
 * Refuses, before anything is written, files the system would refuse for the length of a name or of the whole path
 * under `destination`: it says so only when the first write fails, after every file was already announced. The
 * longest of each kind is named.
 */
export function refuseLongPaths(destination: string, copies: readonly { dir: string; files: readonly { path: string }[] }[]): void {
  let name: { file: string; length: number } | undefined;
  let whole: { file: string; length: number } | undefined;
  for (const copy of copies) {
    for (const file of copy.files) {
      const absolute = path.join(destination, copy.dir, file.path);
      const length = size(absolute);
      if (length > PATH_MAX && length > (whole?.length ?? 0)) whole = { file: absolute, length };
      for (const segment of absolute.split(path.sep)) {
        const bytes = size(segment);
        if (bytes > NAME_MAX && bytes > (name?.length ?? 0)) name = { file: absolute, length: bytes };
      }
    }
  }
  const problems: Problem[] = [];
  if (name) problems.push({ key: 'path.nameTooLong', params: { path: clipMiddle(name.file), length: name.length, limit: NAME_MAX } });
  if (whole) problems.push({ key: 'path.tooLong', params: { path: clipMiddle(whole.file), length: whole.length, limit: PATH_MAX } });
  if (problems.length > 0) throw new UserError(problems);
}
