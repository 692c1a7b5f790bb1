import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { sha256 } from '../copy/manifest.js';
import path from 'node:path';
import { displayPath, packageRoot } from '../paths.js';
import type { AppEntry, Catalog } from './types.js';

/**
 * The bundled catalogue, validated at build time and stored as JSON: parsing fourteen YAML files costs more
 * than everything else `replika new` does. It is used only while every catalogue file still has the contents
 * it had then; any edit makes the loader read and check the YAML again.
 */
export const SNAPSHOT = path.join(packageRoot, 'dist', 'catalog-snapshot.json');

interface Snapshot {
  fingerprint: string;
  catalog: Omit<Catalog, 'apps' | 'timeZones'> & { apps: AppEntry[]; timeZones: [string, string][] };
}

export function fingerprint(dir: string): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  // Contents, not modification times: npm gives every installed file the same date.
  return files.map((file) => `${path.relative(dir, file)}:${sha256(readFileSync(file))}`).join('|');
}

export function readSnapshot(dir: string): Catalog | undefined {
  try {
    const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
    if (snapshot.catalog.dir !== dir || snapshot.fingerprint !== fingerprint(dir)) return undefined;
    const { apps, timeZones, ...rest } = snapshot.catalog;
    return { ...rest, file: displayPath(rest.file), apps: new Map(apps.map((app) => [app.id, { ...app, file: displayPath(app.file) }])), timeZones: new Map(timeZones) };
  } catch {
    return undefined;
  }
}

export function writeSnapshot(catalog: Catalog): void {
  const snapshot: Snapshot = {
    fingerprint: fingerprint(catalog.dir),
    catalog: { ...catalog, file: path.resolve(catalog.file), apps: [...catalog.apps.values()].map((app) => ({ ...app, file: path.resolve(app.file) })), timeZones: [...catalog.timeZones] },
  };
  writeFileSync(SNAPSHOT, `${JSON.stringify(snapshot)}\n`);
}
