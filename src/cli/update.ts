import path from 'node:path';
import { loadCatalog } from '../lib/catalog/load.js';
import { say } from '../lib/i18n/index.js';
import type { ConflictStyle } from '../lib/update/merge.js';
import { reportUpdate, updateCounts } from '../lib/update/report.js';
import { applyUpdate, copyStatus, planUpdate } from '../lib/update/update.js';
import { badValue, parse } from './args.js';
import { catalogFromFlags } from './catalog-flags.js';
import type { Io } from './io.js';
import { statusOptions, updateOptions } from './options.js';
import { askAt, confirmOrCancel } from '../lib/io.js';
import { terminalAdapter } from './prompt.js';

/** Exit code of `replika status` when an update is available, for CI. */
export const UPDATE_AVAILABLE = 10;

/** `replika update [DIR]`: three-way update of a copy; `--dry-run` prints the diffs and writes nothing. */
export async function runUpdate(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('update', updateOptions, argv);
  const conflict = values.conflict ?? 'inline';
  if (conflict !== 'inline' && conflict !== 'rej') throw badValue('update', '--conflict', conflict, { choices: ['inline', 'rej'] });
  const dir = path.resolve(io.cwd, positionals[0] ?? '.');
  const catalog = await catalogFromFlags(values, io.cwd);
  const plan = await planUpdate(dir, { catalog, regionFile: values.region && path.resolve(io.cwd, values.region), to: values.to, conflict: conflict as ConflictStyle });
  if (!reportUpdate(plan, io, Boolean(values['dry-run'])) || values['dry-run']) return 0;
  if (io.interactive && !values.yes) {
    const terminal = await terminalAdapter();
    try {
      await confirmOrCancel(askAt(terminal), say(io.lang, 'confirmUpdate', { app: plan.state.manifest.app.id, dir: path.relative(io.cwd, dir) || '.' }));
    } finally {
      terminal.close();
    }
  }
  await applyUpdate(plan);
  if (updateCounts(plan).conflicted > 0) io.out(say(io.lang, 'updateConflicts'));
  return 0;
}

/** `replika status [DIR]`: exit 0 when up to date, 10 when an update is available. */
export async function runStatus(argv: string[], io: Io): Promise<number> {
  const { positionals } = parse('status', statusOptions, argv);
  const catalog = await loadCatalog();
  const { plan, updateAvailable, modified } = await copyStatus(path.resolve(io.cwd, positionals[0] ?? '.'), catalog);
  const { manifest } = plan.state;
  io.out(say(io.lang, 'statusLine', { app: manifest.app.id, appVersion: manifest.app.version, region: manifest.region.name, version: manifest.catalog.version, available: catalog.version }));
  if (modified.length > 0) {
    io.out(say(io.lang, 'statusModified', { count: modified.length }));
    for (const file of modified) io.out(`  ${file}`);
  }
  if (!updateAvailable) {
    io.out(say(io.lang, 'upToDate', { app: manifest.app.id, version: catalog.version }));
    return 0;
  }
  io.out(say(io.lang, 'statusUpdate'));
  return UPDATE_AVAILABLE;
}
