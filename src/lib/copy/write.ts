import { lstat, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import type { InputOutputAdapter } from '@yeoman/types';
import type { MemFsEditorFile } from 'mem-fs-editor';
import { collecting, isPromptExit, promptInterrupted, UserError, type Problem } from '../errors.js';
import type { CopyPlan } from '../plan/plan.js';
import { conflictAdapter, type FileStatus } from './adapter.js';
import { isKitRecord } from './manifest.js';
import { checkRegular, makeFolders, MAX_FILE_BYTES, MAX_RECORD_BYTES, readInside } from './safe-fs.js';
import { refuseLongPaths } from '../plan/safe-path.js';
import { transact, type Change } from './transaction.js';

export interface WriteOptions {
  /** Absolute destination folder; each copy goes to <destination>/<app>. */
  destination: string;
  force?: boolean;
  dryRun?: boolean;
  /** A terminal adapter to ask about changed files; without one, changed files are kept. */
  terminal?: InputOutputAdapter;
  onFile?: (status: FileStatus, relativePath: string) => void;
}

export type WriteResult = Record<FileStatus, string[]>;

/**
 * Writes a plan after Yeoman's conflicter has decided each file: identical files are left alone, a changed file is
 * overwritten only with --force or an interactive yes. The decided files are written all or none, never through a
 * link (see transaction.ts); a copy this run created is removed again when writing fails or is given up.
 */
export async function writeRun(plan: { copies: Pick<CopyPlan, 'dir' | 'files'>[] }, options: WriteOptions): Promise<WriteResult> {
  const { destination } = options;
  const targets: Target[] = plan.copies.flatMap((copy) => copy.files.map((file) => {
    const abs = path.join(destination, copy.dir, file.path);
    return { abs, relative: path.relative(destination, abs), contents: file.contents, record: isKitRecord(file.path) };
  }));
  // Every existing target is a regular file within the cap before anything (the conflicter included) reads it.
  refuseLongPaths(destination, plan.copies);
  const existing = await refuseUnsafeDestination(destination, targets);
  const result: WriteResult = { create: [], identical: [], force: [], skip: [] };
  // The kit's records are always written (forced): report them as created or identical where that is the truth.
  const unchanged = new Set<string>();
  for (const target of targets) {
    if (target.record && existing.has(target.relative) && (await readInside(destination, target.relative, MAX_RECORD_BYTES))?.equals(target.contents)) unchanged.add(target.relative);
  }
  const record = (status: FileStatus, relative: string) => {
    const shown = status !== 'force' ? status : !existing.has(relative) ? 'create' : unchanged.has(relative) ? 'identical' : status;
    result[shown].push(relative);
    options.onFile?.(shown, relative);
  };
  if (options.dryRun) {
    for (const target of targets) record(await dryStatus(destination, target), target.relative);
    return result;
  }

  const fresh = [destination, ...plan.copies.map((c) => path.join(destination, c.dir))];
  const created = (await Promise.all(fresh.map(async (dir) => ((await exists(dir)) ? undefined : dir)))).filter((d): d is string => !!d);
  const [{ create: createStore }, { create: createEditor }, { createConflicterTransform, forceFileTransform, forceYoFiles }] = await Promise.all([
    import('mem-fs'),
    import('mem-fs-editor'),
    import('@yeoman/conflicter'),
  ]);
  // 1. Decide: the conflicter settles every file (asking at the terminal where one is given) and writes nothing;
  // a question answered with Ctrl-C therefore leaves every file as it was.
  const decide = createEditor(createStore<MemFsEditorFile>());
  for (const target of targets) decide.write(target.abs, target.contents);
  const adapter = conflictAdapter(record, options.terminal);
  const chosen: { path: string; contents: Buffer }[] = [];
  const collect = new Transform({
    objectMode: true,
    transform(file: MemFsEditorFile, _encoding, done) {
      if (file.state === 'modified' && file.contents) chosen.push({ path: file.path, contents: file.contents });
      done();
    },
  });
  try {
    // The manifest and the base snapshot are the kit's own records: always current, never a question.
    await decide.commit(forceYoFiles(), forceFileTransform('**/.replika/base.json'), createConflicterTransform(adapter, { force: options.force, cwd: destination }), collect);
  } catch (error) {
    if (isPromptExit(error)) throw promptInterrupted();
    if (error instanceof Error && /aborted by user/i.test(error.message)) throw new UserError({ key: 'write.aborted' });
    throw error;
  }

  // 2. Write what was decided.
  await writeDecided(plan.copies.map((c) => c.dir), destination, chosen, created);
  return result;
}

/**
 * Writes the decided files, each copy through its own transaction, all copies or none. An interrupt waits for
 * the write to finish (a few seconds at most): each copy is then complete, or as it was (absent if this run
 * created it).
 */
async function writeDecided(dirs: readonly string[], destination: string, chosen: readonly { path: string; contents: Buffer }[], created: readonly string[]): Promise<void> {
  const changes: Change[] = dirs.map((dir) => {
    const root = path.join(destination, dir);
    return { root, puts: chosen.filter((f) => f.path.startsWith(root + path.sep)).map((f) => ({ relative: path.relative(root, f.path), contents: f.contents })) };
  });
  await transact(`write-${process.pid}`, changes.filter((c) => c.puts.length > 0), 'write.failed', {
    prepareRoot: async (root) => {
      await mkdir(destination, { recursive: true });
      await makeFolders(destination, path.relative(destination, root));
    },
    // Remove what this run created: the outermost created folder takes everything under it.
    cleanUp: async () => {
      const outermost = created.filter((dir) => !created.some((other) => other !== dir && dir.startsWith(other + path.sep)));
      await Promise.all(outermost.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  });
}

/** A planned file at its place in the destination; the kit's records are always written and read with a larger cap. */
interface Target {
  abs: string;
  relative: string;
  contents: Buffer;
  record: boolean;
}

const capFor = (target: Target) => (target.record ? MAX_RECORD_BYTES : MAX_FILE_BYTES);

async function dryStatus(destination: string, target: Target): Promise<FileStatus> {
  const existing = await readInside(destination, target.relative, capFor(target));
  if (!existing) return 'create';
  return existing.equals(target.contents) ? 'identical' : 'skip';
}

const exists = (p: string) => lstat(p).then(() => true, () => false);

/**
 * Nothing is written through a symbolic link or over a non-folder where a folder must be, and nothing is read or
 * replaced that is not a regular file (a named pipe would block the read) or is larger than any generated file.
 * Returns the targets that exist already (destination-relative), found by the same lstat calls.
 */
async function refuseUnsafeDestination(destination: string, targets: readonly Target[]): Promise<Set<string>> {
  const problems: Problem[] = [];
  const existing = new Set<string>();
  const checked = new Set<string>();
  const dest = await lstat(destination).catch(() => undefined);
  if (dest?.isSymbolicLink()) problems.push({ key: 'path.symlink', params: { path: destination } });
  else if (dest && !dest.isDirectory()) problems.push({ key: 'destination.notDirectory', params: { path: destination } });
  else if (dest) {
    for (const target of targets) {
      let current = target.abs;
      while (current.length > destination.length && !checked.has(current)) {
        checked.add(current);
        const stat = await lstat(current).catch(() => undefined);
        const relative = path.relative(destination, current);
        if (stat && current === target.abs) existing.add(relative);
        if (stat?.isSymbolicLink()) problems.push({ key: 'path.symlink', params: { path: relative } });
        else if (stat && current === target.abs) await collecting(problems, () => checkRegular(stat, relative, capFor(target)));
        current = path.dirname(current);
      }
    }
  }
  if (problems.length > 0) throw new UserError(problems);
  return existing;
}
