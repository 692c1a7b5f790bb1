import { chmod, lstat, mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { entryInside, makeFolders } from './safe-fs.js';
import { withSignalsHeld, type Guard } from './signals.js';

/** A file to put in a copy, by its path relative to the copy. */
export interface Put {
  relative: string;
  contents: Buffer;
}

/** What to change in one copy. */
export interface Change {
  root: string;
  puts: readonly Put[];
  removals?: readonly string[];
}

/**
 * Applies changes to one or more copies all or none, with interrupts held (a few seconds at most): every copy's
 * new files are staged first (an interrupt then stops with nothing touched), then each is committed; on any
 * failure, or when an interrupt gives up a blocked write, every copy is put back and `cleanUp` runs. A failure
 * that is not the user's is reported under `failure`. `prepareRoot` runs before a copy's stage is made.
 */
export async function transact(name: string, changes: readonly Change[], failure: 'write.failed' | 'update.failed', hooks: { prepareRoot?: (root: string) => Promise<unknown>; cleanUp?: () => Promise<unknown> } = {}): Promise<void> {
  const transactions: Transaction[] = [];
  const undo = async () => {
    for (const transaction of [...transactions].reverse()) await transaction.undo();
    await hooks.cleanUp?.();
  };
  await withSignalsHeld(async (guard) => {
    try {
      for (const change of changes) {
        await hooks.prepareRoot?.(change.root);
        const transaction = new Transaction(change.root, name, guard);
        transactions.push(transaction);
        await transaction.prepare(change.puts);
      }
      // Interrupted while staging: nothing has replaced a file yet, so stop here.
      guard.check();
      for (const [i, transaction] of transactions.entries()) await transaction.commit(changes[i]?.puts ?? [], changes[i]?.removals ?? []);
    } catch (error) {
      await undo();
      if (error instanceof UserError || guard.abandoned) throw error;
      throw new UserError({ key: failure, params: { message: (error as Error).message } });
    }
    for (const transaction of transactions) await transaction.finish();
  }, undo);
}

/** Thrown inside the work once an interrupt has given it up: nothing more is touched. */
class GivenUp extends Error {}

/**
 * Writes files into one copy whole or not at all, never through a link or a hard link. New contents are written
 * as fresh files in a stage (<copy>/.replika/<name>/new), each original is moved aside into the stage (old), then
 * each new file is renamed into place: a rename replaces the directory entry, so a file linked elsewhere (hard or
 * symbolic) is replaced, never written through. Every folder on the way is lstat-checked just before use. `undo`
 * moves the originals back; `finish` removes the stage.
 */
export class Transaction {
  readonly stage: string;
  /** Each target touched, in order: where its original was set aside, and whether a new file was put there. */
  #moves = new Map<string, { target: string; backup?: string; placed?: boolean; mode?: number }>();
  #made: string[] = [];
  #committed = false;
  #undoing?: Promise<void>;

  constructor(
    readonly root: string,
    name: string,
    private readonly guard?: Guard,
  ) {
    this.stage = path.join(root, '.replika', name);
  }

  /** Writes the new contents into the stage; the copy's own files are not touched yet. */
  async prepare(puts: readonly Put[]): Promise<void> {
    this.#made.push(...(await makeFolders(this.root, '.replika')));
    await mkdir(this.stage).catch(async (error: NodeJS.ErrnoException) => {
      // A stage of the same name can only be left by a dead run with this process id.
      if (error.code !== 'EEXIST') throw error;
      await rm(this.stage, { recursive: true, force: true });
      await mkdir(this.stage);
    });
    await Promise.all([mkdir(path.join(this.stage, 'new')), mkdir(path.join(this.stage, 'old'))]);
    for (const [i, put] of puts.entries()) {
      this.#stop();
      await writeFile(path.join(this.stage, 'new', String(i)), put.contents, { flag: 'wx' });
    }
  }

  /** Moves the originals of `puts` and `removals` aside, then the staged files into place. */
  async commit(puts: readonly Put[], removals: readonly string[]): Promise<void> {
    for (const relative of [...puts.map((p) => p.relative), ...removals]) {
      this.#stop();
      const stat = await entryInside(this.root, relative);
      const target = path.join(this.root, relative);
      if (stat?.isDirectory()) throw Object.assign(new Error(`${relative} is a folder`), { code: 'EISDIR' });
      // Recorded before the rename: an undo that runs while it blocks finds out from the stage whether it happened.
      const move = { target, backup: stat ? path.join(this.stage, 'old', String(this.#moves.size)) : undefined, mode: stat?.isFile() ? stat.mode & 0o777 : undefined };
      this.#moves.set(relative, move);
      if (move.backup) await rename(target, move.backup);
    }
    for (const [i, put] of puts.entries()) {
      this.#stop();
      this.#made.push(...(await makeFolders(this.root, path.dirname(put.relative))));
      const staged = path.join(this.stage, 'new', String(i));
      const move = this.#moves.get(put.relative);
      // A replaced file keeps its permissions (a script the user made executable stays so).
      if (move?.mode !== undefined) await chmod(staged, move.mode);
      await rename(staged, path.join(this.root, put.relative));
      if (move) move.placed = true;
    }
    this.#committed = true;
  }

  /**
   * Puts every original back and removes what was added, then the stage; once committed, only the stage. Runs
   * once, however often it is called (an interrupt that gives up the work and the work itself may both ask).
   */
  undo(): Promise<void> {
    this.#undoing ??= this.#undo();
    return this.#undoing;
  }

  async #undo(): Promise<void> {
    if (!this.#committed) {
      for (const move of [...this.#moves.values()].reverse()) {
        // The original is back by one rename over whatever is there now; a file that is new is removed.
        if (move.backup && (await lstat(move.backup).catch(() => undefined))) await rename(move.backup, move.target).catch(() => undefined);
        else if (!move.backup && move.placed) await rm(move.target, { force: true }).catch(() => undefined);
      }
    }
    await this.finish();
    if (!this.#committed) for (const dir of [...this.#made].reverse()) await rmdir(dir).catch(() => undefined);
  }

  /** Removes the stage (with the originals set aside in it, once the new files are in place). */
  async finish(): Promise<void> {
    await rm(this.stage, { recursive: true, force: true });
  }

  #stop(): void {
    if (this.guard?.abandoned) throw new GivenUp('given up after an interrupt');
  }
}
