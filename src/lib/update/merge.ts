import { diffComm, merge } from 'node-diff3';

/** What happened to one file in an update. */
export type Outcome = 'updated' | 'merged' | 'conflicted' | 'added' | 'removed' | 'kept' | 'deleted-kept' | 'unchanged';

export interface FileChange {
  path: string;
  outcome: Outcome;
  /** The new contents to write; undefined when the file is to be removed or left as it is. */
  contents?: Buffer;
  remove?: boolean;
  /** For `--conflict rej`: the regenerated version, written beside the user's file as <path>.rej. */
  rejected?: Buffer;
}

export type Files = Map<string, Buffer>;
export type ConflictStyle = 'inline' | 'rej';

const LABELS = { a: 'kept (this copy)', o: 'base (as generated before)', b: 'catalogue (new version)' };

/**
 * The three-way update of one copy, as a pure function: base is what the kit generated last time, theirs what
 * it generates now, ours what is on disk. A file the user did not touch takes the new version; one the kit did
 * not change keeps the user's; one both changed is merged line by line, conflicts marked; a file the user
 * deleted stays deleted; a file the template dropped is removed only if the user never edited it.
 */
export function threeWay(base: Files, ours: Files, theirs: Files, style: ConflictStyle = 'inline'): FileChange[] {
  const paths = [...new Set([...base.keys(), ...theirs.keys()])].sort();
  return paths.map((path) => decide(path, base.get(path), ours.get(path), theirs.get(path), style));
}

const same = (a: Buffer | undefined, b: Buffer | undefined) => a !== undefined && b !== undefined && a.equals(b);

function decide(path: string, base: Buffer | undefined, ours: Buffer | undefined, theirs: Buffer | undefined, style: ConflictStyle): FileChange {
  if (theirs === undefined) {
    // The template no longer has this file.
    if (ours === undefined) return { path, outcome: 'unchanged' };
    return same(ours, base) ? { path, outcome: 'removed', remove: true } : { path, outcome: 'kept' };
  }
  if (base === undefined) {
    // A new template file; the user may have created one of that name meanwhile.
    if (ours === undefined) return { path, outcome: 'added', contents: theirs };
    if (same(ours, theirs)) return { path, outcome: 'unchanged' };
    return mergeText(path, undefined, ours, theirs, style);
  }
  if (ours === undefined) return { path, outcome: 'deleted-kept' };
  // Nothing new from the kit (the user's edit, if any, simply stays), or both made the same change.
  if (same(ours, theirs) || same(base, theirs)) return { path, outcome: 'unchanged' };
  if (same(ours, base)) return { path, outcome: 'updated', contents: theirs };
  return mergeText(path, base, ours, theirs, style);
}

function mergeText(path: string, base: Buffer | undefined, ours: Buffer, theirs: Buffer, style: ConflictStyle): FileChange {
  if ((base && isBinary(base)) || isBinary(ours) || isBinary(theirs)) {
    // Binary files cannot be merged by line: keep the user's, offer the new one beside it.
    return { path, outcome: 'conflicted', rejected: theirs };
  }
  const lines = (b: Buffer) => b.toString('utf8').split('\n');
  if (base === undefined) {
    // No base (a file new on both sides, or records rebuilt): nothing tells whose change a difference is, so each
    // differing stretch is a conflict for the user, and the lines both sides share stay as they are.
    if (style === 'rej') return { path, outcome: 'conflicted', rejected: theirs };
    const marked = diffComm(lines(ours), lines(theirs)).flatMap((part) => ('common' in part ? part.common : [`<<<<<<< ${LABELS.a}`, ...part.buffer1, '=======', ...part.buffer2, `>>>>>>> ${LABELS.b}`]));
    return { path, outcome: 'conflicted', contents: Buffer.from(marked.join('\n')) };
  }
  const result = merge(lines(ours), lines(base), lines(theirs), { label: LABELS });
  if (!result.conflict) return { path, outcome: 'merged', contents: Buffer.from(result.result.join('\n')) };
  if (style === 'rej') return { path, outcome: 'conflicted', rejected: theirs };
  return { path, outcome: 'conflicted', contents: Buffer.from(result.result.join('\n')) };
}

function isBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8000).includes(0);
}
