import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';

/**
 * Reading and checking paths inside a copy without ever leaving it: every folder between the copy and a file is
 * lstat-checked (a symbolic link there is an error naming it), only regular files are opened, never following a
 * link and never waiting on a named pipe, and each read has a size cap. Writes go through ./transaction.ts.
 */

/** No file the kit generates comes near this; anything bigger at a generated path is not the kit's. */
export const MAX_FILE_BYTES = 16 * 2 ** 20;
/** The kit's own records (.yo-rc.json, .replika/base.json) hold every generated file: a larger cap. */
export const MAX_RECORD_BYTES = 256 * 2 ** 20;

const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
const shown = (relative: string) => relative.split(path.sep).join('/');

export const linkError = (relative: string) => new UserError({ key: 'copy.symlink', params: { path: shown(relative) } });
const specialError = (relative: string) => new UserError({ key: 'copy.special', params: { path: shown(relative) } });
const largeError = (relative: string, limit: number) => new UserError({ key: 'copy.tooLarge', params: { path: shown(relative), limit: megabytes(limit) } });

/**
 * The entry at root/relative as lstat sees it, or undefined when it (or a folder above it) is missing. Throws
 * when a folder on the way is a symbolic link or not a folder. The entry itself may be a link: callers decide.
 */
export async function entryInside(root: string, relative: string): Promise<Stats | undefined> {
  const parts = path.normalize(relative).split(path.sep).filter(Boolean);
  if (parts.length === 0 || parts.includes('..') || path.isAbsolute(relative)) throw new Error(`not a path inside the copy: ${relative}`);
  let current = root;
  for (const [i, part] of parts.entries()) {
    current = path.join(current, part);
    const stat = await lstat(current).catch(missing);
    if (!stat || i === parts.length - 1) return stat;
    if (stat.isSymbolicLink()) throw linkError(parts.slice(0, i + 1).join('/'));
    if (!stat.isDirectory()) return undefined;
  }
  return undefined;
}

/** root/relative's contents, or undefined when missing; a link, a pipe or device, or a file over `limit` is an error. */
export async function readInside(root: string, relative: string, limit = MAX_FILE_BYTES): Promise<Buffer | undefined> {
  const stat = await entryInside(root, relative);
  if (!stat) return undefined;
  checkRegular(stat, relative, limit);
  return readRegular(path.join(root, relative), relative, limit, stat);
}

/** Refuses what is not a plain file of at most `limit` bytes (checked before anything opens it). */
export function checkRegular(stat: Stats, relative: string, limit = MAX_FILE_BYTES): void {
  if (stat.isSymbolicLink()) throw linkError(relative);
  if (!stat.isFile()) throw specialError(relative);
  if (stat.size > limit) throw largeError(relative, limit);
}

/**
 * Reads a file already checked with lstat: opened without following a link and without waiting on a pipe, then
 * checked again to be that same regular file (it may have been swapped meanwhile), and read up to the cap.
 */
async function readRegular(file: string, relative: string, limit: number, seen: Stats): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.ino !== seen.ino || stat.dev !== seen.dev) throw specialError(relative);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The first read is sized from the file (one byte more, to see it grow); later ones only if it did.
      const want = total === 0 ? stat.size + 1 : 1 << 16;
      const { bytesRead, buffer } = await handle.read({ buffer: Buffer.allocUnsafe(Math.min(limit + 1 - total, want) || 1) });
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw largeError(relative, limit);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/**
 * A file named relative to a settings folder, read only if its real path is the folder's real path joined with
 * the name: nothing outside the folder and no link anywhere below it. Undefined when missing or refused.
 */
export async function readBeside(folder: string, relative: string, limit = MAX_FILE_BYTES): Promise<Buffer | undefined> {
  const inside = path.relative(folder, path.resolve(folder, relative));
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
  try {
    const [real, realFolder] = await Promise.all([realpath(path.join(folder, inside)), realpath(folder)]);
    if (real !== path.join(realFolder, inside)) return undefined;
    const stat = await lstat(real);
    if (!stat.isFile() || stat.size > limit) return undefined;
    return await readRegular(real, inside, limit, stat);
  } catch {
    return undefined;
  }
}

/**
 * Creates root/relative as a folder, each missing level in turn; an existing level must be a real folder.
 * Returns the folders it made, outermost first, for an undo.
 */
export async function makeFolders(root: string, relative: string): Promise<string[]> {
  const made: string[] = [];
  const parts = path.normalize(relative).split(path.sep).filter((p) => p && p !== '.');
  let current = root;
  for (const [i, part] of parts.entries()) {
    current = path.join(current, part);
    const stat = await lstat(current).catch(missing);
    if (stat?.isSymbolicLink()) throw linkError(parts.slice(0, i + 1).join('/'));
    if (stat && !stat.isDirectory()) throw Object.assign(new Error(`${shown(path.join(...parts.slice(0, i + 1)))} is not a folder`), { code: 'ENOTDIR' });
    if (!stat) {
      // A folder made by someone else meanwhile is checked again on the next run through; ours is recorded.
      await mkdir(current);
      made.push(current);
    }
  }
  return made;
}

function missing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
  throw error;
}
