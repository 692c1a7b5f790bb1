import path from 'node:path';
import { stringify } from 'yaml';
import type { Catalog } from '../catalog/types.js';
import { BASE_FILE, MANIFEST_FILE, type Manifest } from '../copy/manifest.js';
import { entryInside } from '../copy/safe-fs.js';
import type { Problem } from '../errors.js';
import { regionFromSource, loadRegion } from '../region/load.js';
import type { LoadedRegion } from '../region/types.js';
import { parseYaml } from '../yaml/source.js';
import { readGenerated, readRecord } from './copy-files.js';
import { checkRecords, inRecordedSettings } from './records.js';

export interface CopyState {
  dir: string;
  manifest: Manifest;
  base: Map<string, Buffer>;
  /** Damage in the records that a rebuild (update --region) set aside, to be shown before its report. */
  rebuilt: Problem[];
  /** The copy's files on disk at the paths the kit generated (its own records left out). */
  ours: Map<string, Buffer>;
}

/**
 * Reads a copy made by Replika: its manifest, the base it carries and its files as they are now. With `rebuild`
 * (a region file gives the settings) a damaged or missing base is set aside instead of refused.
 */
export async function readCopy(dir: string, options: { rebuild?: boolean } = {}): Promise<CopyState> {
  const manifestText = await readRecord(dir, MANIFEST_FILE);
  const baseText = await readRecord(dir, BASE_FILE);
  // Damaged, foreign or missing records are user errors naming the file, the place and the way back.
  const { manifest, base, rebuilt } = checkRecords(dir, manifestText, baseText, options.rebuild);
  // Only the files the kit generated are read (never data/ or .env), each safely: see copy-files.ts.
  const ours = await readGenerated(dir, [...base.keys(), ...Object.keys(manifest.files)]);
  return { dir, manifest, base, rebuilt, ours };
}

/**
 * The settings to render with: a new region file when given, else those recorded in the manifest, after the
 * catalogue's settings migrations for this app (renamed settings) from the copy's app version on.
 */
export async function settingsFor(state: CopyState, catalog: Catalog, regionFile?: string): Promise<LoadedRegion> {
  const { manifest } = state;
  const run = manifest.services.filter((id) => catalog.apps.has(id));
  if (regionFile) return loadRegion(path.resolve(regionFile), catalog, run);
  const settings = structuredClone(manifest.settings) as Record<string, unknown> & { apps: Record<string, Record<string, unknown>>; branding: { logo?: string } };
  const app = catalog.apps.get(manifest.app.id);
  for (const migration of app?.migrations ?? []) {
    if (compareVersions(manifest.app.version, migration.version) >= 0) continue;
    const own = settings.apps[manifest.app.id] ?? {};
    for (const [from, to] of Object.entries(migration.rename ?? {})) {
      if (Object.hasOwn(own, from)) {
        own[to] = own[from];
        delete own[from];
      }
    }
    settings.apps[manifest.app.id] = own;
  }
  // The logo the copy was made with is its own public/logo.* now.
  let dir = state.dir;
  if (settings.branding.logo) {
    const name = [...state.base.keys()].find((p) => /^public\/logo\.(svg|png)$/.test(p));
    if (name) {
      // Read from the copy's own public/ folder: a link there is refused, not followed.
      await entryInside(state.dir, name);
      settings.branding.logo = path.basename(name);
      dir = path.join(state.dir, 'public');
    } else delete settings.branding.logo;
  }
  const label = `${path.join(path.basename(state.dir), MANIFEST_FILE)} (settings)`;
  try {
    return await regionFromSource(parseYaml(stringify(settings), label), dir, catalog, run);
  } catch (error) {
    // Problems with recorded settings belong to the manifest, with the way on (records.ts).
    throw inRecordedSettings(error, label, state.dir, catalog);
  }
}

export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.-]/).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}
