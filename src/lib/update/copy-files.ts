import { isKitRecord } from '../copy/manifest.js';
import { MAX_RECORD_BYTES, readInside } from '../copy/safe-fs.js';
import { collecting, UserError, type Problem } from '../errors.js';
import { unsafeReason } from '../plan/safe-path.js';

/**
 * How `status` and `update` read a copy: only the paths the kit generated (never data/, .env or anything else the
 * copy holds), each within a size cap, never through a link and never opening a pipe or device (safe-fs.ts).
 */

/** One of the kit's records (.yo-rc.json, .replika/base.json) as text, or undefined when it is missing. */
export async function readRecord(dir: string, name: string): Promise<string | undefined> {
  return (await readInside(dir, name, MAX_RECORD_BYTES))?.toString('utf8');
}

/**
 * The copy's files at `paths` (those the kit generated) added to `into`; missing files are left out. A path the
 * records should never hold is skipped (their check reports it). Every link, odd file or oversized file is
 * reported together, each once.
 */
export async function readGenerated(dir: string, paths: Iterable<string>, into = new Map<string, Buffer>()): Promise<Map<string, Buffer>> {
  const problems: Problem[] = [];
  for (const relative of new Set(paths)) {
    if (into.has(relative) || isKitRecord(relative) || unsafeReason(relative) !== undefined) continue;
    const contents = await collecting(problems, () => readInside(dir, relative));
    if (contents) into.set(relative, contents);
  }
  const seen = new Set<string>();
  const distinct = problems.filter((p) => !seen.has(`${p.key} ${p.params?.path}`) && seen.add(`${p.key} ${p.params?.path}`));
  if (distinct.length > 0) throw new UserError(distinct);
  return into;
}
