import path from 'node:path';
import type { InputOutputAdapter } from '@yeoman/types';
import { gitInit, npmInstall, runStep } from '../lib/copy/commands.js';
import { writeRun } from '../lib/copy/write.js';
import type { FileStatus } from '../lib/copy/adapter.js';
import { UsageError } from '../lib/errors.js';
import { say, type UiKey } from '../lib/i18n/index.js';
import { defaultOut, prepare } from '../lib/run.js';
import { list, parse } from './args.js';
import { catalogFromFlags } from './catalog-flags.js';
import type { Io } from './io.js';
import { newOptions } from './options.js';
import { confirmOrCancel, terminalAdapter } from './prompt.js';

export const STATUS_LINE: Record<FileStatus, UiKey> = { create: 'fileCreate', identical: 'fileIdentical', force: 'fileForce', skip: 'fileSkip' };
const EXAMPLE = 'replika new --region catalog/regions/kota-gorontalo.yaml --app laksa --yes';

/** `replika new`: flags → (wizard when a person must answer) → plan → write through the conflicter. */
export async function runNew(argv: string[], io: Io): Promise<number> {
  // 1. Read the flags; whatever is missing must be asked, and only a person at a terminal can answer.
  const { values } = parse('new', newOptions, argv);
  const apps = list(values.app);
  const missing = [!values.region && '--region', apps.length === 0 && '--app'].filter((v): v is string => !!v);
  if (missing.length > 0) {
    if (!io.interactive) throw new UsageError({ key: 'usage.noTty', params: { names: missing.join(', '), example: EXAMPLE } });
    const { runWizard } = await import('./wizard.js');
    return runWizard(values, apps, io);
  }

  // 2. Validate and render everything in memory; any problem stops here, before a byte is written.
  const catalog = await catalogFromFlags(values, io.cwd);
  const { region, plan } = await prepare(values.region as string, apps, catalog);
  for (const note of plan.added) io.out(say(io.lang, 'requiresNote', note));
  const destination = path.resolve(io.cwd, values.out ?? defaultOut(region));
  const relative = path.relative(io.cwd, destination);
  const shown = relative.startsWith('..') ? destination : relative || '.';
  const count = plan.copies.reduce((n, c) => n + c.files.length, 0);

  // 3. Ask before writing when someone is there to answer.
  let terminal: InputOutputAdapter | undefined;
  if (io.interactive && !values.yes && !values['dry-run']) {
    terminal = await terminalAdapter();
    await confirmOrCancel(terminal, say(io.lang, 'confirmWrite', { count: plan.copies.length, region: region.region.name, dir: shown }));
  }

  // 4. Write (or list, for a dry run) and report every file.
  if (values['dry-run']) io.out(say(io.lang, 'dryRunHeading', { count, dir: shown }));
  // While the conflicter may be asking at the terminal, file lines wait so they do not cut into the question.
  const held: string[] = [];
  const result = await writeRun(plan, {
    destination,
    force: values.force,
    dryRun: values['dry-run'],
    terminal,
    onFile: (status, file) => (terminal ? held.push : io.out)(say(io.lang, STATUS_LINE[status], { path: file })),
  });
  held.forEach((line) => io.out(line));
  if (values['dry-run']) return 0;

  // 5. Optional commands in each copy: no shell, `--` before paths, a timeout; a missing git only warns.
  for (const copy of plan.copies) {
    const dir = path.join(destination, copy.dir);
    const shownDir = path.join(shown, copy.dir);
    if (values.git) {
      const done = await runStep(gitInit('.'), dir);
      if (done.status === 'done') io.out(say(io.lang, 'gitDone', { dir: shownDir }));
      else if (done.reason === 'missing') io.err(say(io.lang, 'gitMissing'));
    }
    if (values.install && (await runStep(npmInstall(), dir)).status === 'done') io.out(say(io.lang, 'installDone', { dir: shownDir }));
  }
  io.out(say(io.lang, 'summary', { created: result.create.length, identical: result.identical.length, overwritten: result.force.length, kept: result.skip.length }));
  if (result.skip.length > 0) io.out(say(io.lang, 'keptNote'));
  io.out(say(io.lang, 'nextSteps', { dir: path.join(shown, plan.copies[0]?.dir ?? '') }));
  return 0;
}
