import { createTwoFilesPatch } from 'diff';
import type { Catalog } from '../catalog/types.js';
import { isKitRecord, sha256 } from '../copy/manifest.js';
import { transact } from '../copy/transaction.js';
import { UserError } from '../errors.js';
import { planCopy, type CopyPlan } from '../plan/plan.js';
import { readGenerated } from './copy-files.js';
import { readCopy, settingsFor, type CopyState } from './copy-state.js';
import { recordedApp } from './records.js';
import { threeWay, type ConflictStyle, type FileChange } from './merge.js';

export interface UpdatePlan {
  state: CopyState;
  from: string;
  to: string;
  changes: FileChange[];
  /** The fresh generation: its manifest and base become the copy's after a successful write. */
  fresh: CopyPlan;
}

export interface UpdateOptions {
  catalog: Catalog;
  regionFile?: string;
  to?: string;
  conflict?: ConflictStyle;
}

/** base (carried by the copy) + ours (on disk) + theirs (the kit now) → what to do with every file. */
export async function planUpdate(dir: string, options: UpdateOptions): Promise<UpdatePlan> {
  const { catalog } = options;
  if (options.to && options.to !== catalog.version) throw new UserError({ key: 'update.version', params: { wanted: options.to, available: catalog.version } });
  // With a region file the settings are known: damaged records can then be rebuilt (records.ts).
  const state = await readCopy(dir, { rebuild: Boolean(options.regionFile) });
  const app = recordedApp(state.manifest, catalog, dir);
  const region = await settingsFor(state, catalog, options.regionFile);
  const run = state.manifest.services.filter((id) => catalog.apps.has(id));
  const fresh = planCopy(catalog, region, app, run);
  const theirs = new Map(fresh.files.filter((f) => !isKitRecord(f.path)).map((f) => [f.path, f.contents]));
  // A file new to the copy may already exist there (or sit behind a link): read it the same safe way.
  await readGenerated(state.dir, theirs.keys(), state.ours);
  const changes = threeWay(state.base, state.ours, theirs, options.conflict ?? 'inline');
  return { state, from: `${state.manifest.catalog.version} (${state.manifest.app.id} ${state.manifest.app.version})`, to: `${catalog.version} (${app.id} ${app.version})`, changes, fresh };
}

/** A unified diff of each file the update would change on disk. */
export function updateDiffs(plan: UpdatePlan): string[] {
  return plan.changes
    .filter((c) => c.contents || c.remove || c.rejected)
    .map((c) => {
      const before = plan.state.ours.get(c.path)?.toString('utf8') ?? '';
      const after = c.remove ? '' : (c.contents ?? plan.state.ours.get(c.path) ?? Buffer.alloc(0)).toString('utf8');
      return createTwoFilesPatch(`a/${c.path}`, `b/${c.path}`, before, after, '', c.outcome);
    });
}

/**
 * Writes an update so that it happens whole or not at all: new contents are staged in the copy first (an
 * interrupt then stops the update with the copy untouched), then the originals are set aside and the new files
 * renamed into place with interrupts held, never through a link (transaction.ts); on any failure, or when an
 * interrupt gives up a blocked write, the originals come back. The manifest and base move last, and the stage is
 * removed before interrupts are let through again.
 */
export async function applyUpdate(plan: UpdatePlan): Promise<void> {
  const { dir } = plan.state;
  const puts = (relative: string, contents: Buffer) => ({ relative, contents });
  const writes = [
    ...plan.changes.flatMap((c) => [
      ...(c.contents ? [puts(c.path, c.contents)] : []),
      ...(c.rejected ? [puts(`${c.path}.rej`, Buffer.from(createTwoFilesPatch(`a/${c.path}`, `b/${c.path}`, plan.state.base.get(c.path)?.toString('utf8') ?? '', c.rejected.toString('utf8'))))] : []),
    ]),
    ...plan.fresh.files.filter((f) => isKitRecord(f.path)).map((f) => puts(f.path, f.contents)),
  ];
  const removals = plan.changes.filter((c) => c.remove).map((c) => c.path);
  await transact(`update-${process.pid}`, [{ root: dir, puts: writes, removals }], 'update.failed');
}

/** For `replika status`: is an update available, and which files has the user changed? */
export async function copyStatus(dir: string, catalog: Catalog): Promise<{ plan: UpdatePlan; updateAvailable: boolean; modified: string[] }> {
  const plan = await planUpdate(dir, { catalog });
  const recorded = plan.state.manifest.files;
  const fresh = plan.fresh.manifest.files;
  const updateAvailable = plan.state.manifest.catalog.version !== plan.fresh.manifest.catalog.version
    || Object.keys({ ...recorded, ...fresh }).some((p) => recorded[p] !== fresh[p]);
  const modified = Object.entries(recorded)
    .filter(([p, hash]) => plan.state.ours.get(p) === undefined || sha256(plan.state.ours.get(p) as Buffer) !== hash)
    .map(([p]) => p)
    .sort();
  return { plan, updateAvailable, modified };
}
