import type { Problem } from '../errors.js';
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
