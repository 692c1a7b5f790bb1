import path from 'node:path';
import type { InputOutputAdapter } from '@yeoman/types';
import { say, type UiKey } from '../i18n/index.js';
import { askAt, confirmOrCancel, type Io } from '../io.js';
import { refuseLongPaths } from '../plan/safe-path.js';
import { publiccodeReminderLines } from '../publiccode.js';
import type { Prepared } from '../run.js';
import { defaultOut } from '../run.js';
import type { FileStatus } from './adapter.js';
import { gitInit, hasLockfile, npmInstall, runStep } from './commands.js';
import { writeRun } from './write.js';

export const STATUS_LINE: Record<FileStatus, UiKey> = { create: 'fileCreate', identical: 'fileIdentical', force: 'fileForce', skip: 'fileSkip' };

export interface ScaffoldOptions {
  out?: string;
  yes?: boolean;
  force?: boolean;
  dryRun?: boolean;
  git?: boolean;
  install?: boolean;
  /** Asks the confirmation and the conflicter's questions; without one nothing is asked and changed files are kept. */
  terminal?: InputOutputAdapter;
}

/**
 * The one write path of `replika new`, the wizard and `yo replika`: a prepared plan is confirmed (when someone
 * can answer), written through the conflicter (or listed, for a dry run), and followed by the optional commands.
 */
export async function scaffold(prepared: Prepared, options: ScaffoldOptions, io: Io): Promise<void> {
  const { region, plan } = prepared;
  for (const note of plan.added) io.out(say(io.lang, 'requiresNote', note));
  const destination = path.resolve(io.cwd, options.out ?? defaultOut(region));
  const relative = path.relative(io.cwd, destination);
  const shown = relative.startsWith('..') ? destination : relative || '.';
  const { terminal } = options;

  // 1. Paths the system cannot hold are refused before anyone is asked; then ask when someone can answer.
  refuseLongPaths(destination, plan.copies);
  if (terminal && !options.yes && !options.dryRun) {
    await confirmOrCancel(askAt(terminal), say(io.lang, 'confirmWrite', { count: plan.copies.length, region: region.region.name, dir: shown }));
  }

  // 2. Write (or list, for a dry run) and report every file. While the conflicter may be asking at the
  // terminal, file lines wait so they do not cut into the question.
  if (options.dryRun) io.out(say(io.lang, 'dryRunHeading', { count: plan.copies.reduce((n, c) => n + c.files.length, 0), dir: shown }));
  const held: string[] = [];
  const asking = Boolean(terminal && !options.yes && !options.force);
  const result = await writeRun(plan, {
    destination,
    force: options.force,
    dryRun: options.dryRun,
    terminal: asking ? terminal : undefined,
    onFile: (status, file) => {
      const line = say(io.lang, STATUS_LINE[status], { path: file });
      if (asking) held.push(line);
      else io.out(line);
    },
  });
  held.forEach((line) => io.out(line));
  if (options.dryRun) return;

  // 3. Optional commands in each copy: no shell, `--` before paths, a timeout; a missing git only warns.
  for (const copy of plan.copies) {
    const dir = path.join(destination, copy.dir);
    const shownDir = path.join(shown, copy.dir);
    if (options.git) {
      const done = await runStep(gitInit('.'), dir);
      if (done.status === 'done') io.out(say(io.lang, 'gitDone', { dir: shownDir }));
      else if (done.reason === 'missing') io.err(say(io.lang, 'gitMissing'));
    }
    if (options.install) {
      const step = npmInstall(await hasLockfile(dir));
      if ((await runStep(step, dir)).status === 'done') io.out(say(io.lang, 'installDone', { command: `npm ${step.args[0]}`, dir: shownDir }));
    }
  }
  io.out(say(io.lang, 'summary', { created: result.create.length, identical: result.identical.length, overwritten: result.force.length, kept: result.skip.length }));
  if (result.skip.length > 0) io.out(say(io.lang, 'keptNote'));
  // 4. What the region must replace in each publiccode.yml before publishing it (suggested addresses, examples).
  for (const line of publiccodeReminderLines(plan.copies, io.lang)) io.out(line);
  // A copy with a lockfile runs its tests only once its dependencies are installed: name that step unless done.
  const first = plan.copies[0]?.dir ?? '';
  const install = !options.install && (await hasLockfile(path.join(destination, first))) ? 'npm ci && ' : '';
  io.out(say(io.lang, 'nextSteps', { dir: path.join(shown, first), install }));
}
