import { lstat, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import type { InputOutputAdapter } from '@yeoman/types';
import type { MemFsEditorFile } from 'mem-fs-editor';
import { isPromptExit, promptInterrupted, UserError, type Problem } from '../errors.js';
import type { CopyPlan } from '../plan/plan.js';
import { conflictAdapter, type FileStatus } from './adapter.js';
import { holdSignals } from './signals.js';

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
 * Writes a plan through mem-fs-editor and Yeoman's conflicter: identical files are left alone, a changed
 * file is overwritten only with --force or an interactive yes. A copy this run created is removed again
 * when writing fails, so no half-written copy is left behind.
 */
export async function writeRun(plan: { copies: Pick<CopyPlan, 'dir' | 'files'>[] }, options: WriteOptions): Promise<WriteResult> {
  const { destination } = options;
  const targets = plan.copies.flatMap((copy) => copy.files.map((file) => ({ abs: path.join(destination, copy.dir, file.path), contents: file.contents })));
  await refuseUnsafeDestination(destination, targets.map((t) => t.abs));
  const result: WriteResult = { create: [], identical: [], force: [], skip: [] };
  const existing = new Set((await Promise.all(targets.map(async (t) => ((await exists(t.abs)) ? path.relative(destination, t.abs) : '')))).filter(Boolean));
  // The kit's records are always written (forced): report them as created or identical where that is the truth.
  const unchanged = new Set<string>();
  for (const target of targets) {
    const relative = path.relative(destination, target.abs);
    if (existing.has(relative) && /(^|\/)(\.yo-rc\.json|\.replika\/base\.json)$/.test(relative) && (await readFile(target.abs)).equals(target.contents)) unchanged.add(relative);
  }
  const record = (status: FileStatus, relative: string) => {
    const shown = status !== 'force' ? status : !existing.has(relative) ? 'create' : unchanged.has(relative) ? 'identical' : status;
    result[shown].push(relative);
    options.onFile?.(shown, relative);
  };
  if (options.dryRun) {
    for (const target of targets) record(await dryStatus(target.abs, target.contents), path.relative(destination, target.abs));
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

  // 2. Write what was decided. An interrupt while files are being written waits for the write to finish: the
  // copy is complete or absent.
  const editor = createEditor(createStore<MemFsEditorFile>());
  for (const file of chosen) editor.write(file.path, file.contents);
  const signals = holdSignals();
  try {
    await editor.commit();
  } catch (error) {
    // Remove what this run created: the outermost created folder takes everything under it.
    const outermost = created.filter((dir) => !created.some((other) => other !== dir && dir.startsWith(other + path.sep)));
    await Promise.all(outermost.map((dir) => rm(dir, { recursive: true, force: true })));
    throw new UserError({ key: 'write.failed', params: { message: (error as Error).message } });
  } finally {
    signals.release();
  }
  signals.check();
  return result;
}

async function dryStatus(abs: string, contents: Buffer): Promise<FileStatus> {
  const existing = await readFile(abs).catch(() => undefined);
  if (!existing) return 'create';
  return existing.equals(contents) ? 'identical' : 'skip';
}

const exists = (p: string) => lstat(p).then(() => true, () => false);

/** Nothing is written through a symbolic link or over a non-folder where a folder must be. */
async function refuseUnsafeDestination(destination: string, files: readonly string[]): Promise<void> {
  const problems: Problem[] = [];
  const checked = new Set<string>();
  const dest = await lstat(destination).catch(() => undefined);
  if (dest?.isSymbolicLink()) problems.push({ key: 'path.symlink', params: { path: destination } });
  else if (dest && !dest.isDirectory()) problems.push({ key: 'destination.notDirectory', params: { path: destination } });
  else if (dest) {
    for (const file of files) {
      let current = file;
      while (current.length > destination.length && !checked.has(current)) {
        checked.add(current);
        const stat = await lstat(current).catch(() => undefined);
        if (stat?.isSymbolicLink()) problems.push({ key: 'path.symlink', params: { path: path.relative(destination, current) } });
        current = path.dirname(current);
      }
    }
  }
  if (problems.length > 0) throw new UserError(problems);
}
