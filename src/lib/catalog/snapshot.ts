import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../copy/manifest.js';
import { builtinCatalogDir, displayPath, packageRoot } from '../paths.js';
import type { AppEntry, Catalog } from './types.js';

/**
 * The bundled catalogue, validated at build time and stored as JSON: parsing fourteen YAML files costs more
 * than everything else `replika new` does. It is used only while every catalogue file still has the contents
 * it had then; any edit makes the loader read and check the YAML again. Paths are stored relative to the
 * package, so the snapshot also serves the package once installed elsewhere.
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

const relative = (file: string) => path.relative(packageRoot, path.resolve(file));
const absolute = (file: string) => path.resolve(packageRoot, file);

/** The bundled catalogue from the snapshot, if `dir` is the bundled catalogue and nothing in it changed. */
export function readSnapshot(dir: string): Catalog | undefined {
  if (path.resolve(dir) !== path.resolve(builtinCatalogDir)) return undefined;
  try {
    const { fingerprint: stored, catalog } = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
    if (stored !== fingerprint(builtinCatalogDir)) return undefined;
    const { apps, timeZones, ...rest } = catalog;
    return {
      ...rest,
      dir: absolute(rest.dir),
      templatesDir: absolute(rest.templatesDir),
      file: displayPath(absolute(rest.file)),
      origin: { ...rest.origin, file: absolute(rest.origin.file) },
      apps: new Map(apps.map((app) => [app.id, { ...app, file: displayPath(absolute(app.file)) }])),
      timeZones: new Map(timeZones),
    };
  } catch {
    return undefined;
  }
}

export function writeSnapshot(catalog: Catalog): void {
  const snapshot: Snapshot = {
    fingerprint: fingerprint(catalog.dir),
    catalog: {
      ...catalog,
      dir: relative(catalog.dir),
      templatesDir: relative(catalog.templatesDir),
      file: relative(catalog.file),
      origin: { ...catalog.origin, file: relative(catalog.origin.file) },
      apps: [...catalog.apps.values()].map((app) => ({ ...app, file: relative(app.file) })),
      timeZones: [...catalog.timeZones],
    },
  };
  writeFileSync(SNAPSHOT, `${JSON.stringify(snapshot)}\n`);
}
