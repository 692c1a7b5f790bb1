import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { sha256 } from '../copy/manifest.js';
import { EXIT, UserError, type Problem } from '../errors.js';
import { builtinCatalogDir, displayPath } from '../paths.js';
import { loadCatalog } from './load.js';
import { catalogIndex, indexText, type CatalogIndex } from './catalog-index.js';
import type { Catalog } from './types.js';

/** Where `catalog release` publishes a catalogue's index: dist/catalog.json beside the catalogue folder. */
export const indexFile = (catalogDir: string) => path.join(catalogDir, '..', 'dist', 'catalog.json');

/**
 * A catalogue from elsewhere runs its templates' code on this machine (EJS is JavaScript), so, as Copier does
 * for unsafe templates, it is refused unless it matches a pinned sha256 or the user says --trust (exit 4).
 * When the catalogue comes with its published index, the pin is checked against that file and the catalogue
 * against the index, naming every file that differs from what was published; `current` (for `catalog release`,
 * which changes the catalogue since its last index by definition) pins the catalogue as it is instead.
 * The bundled catalogue is the kit's own and needs neither.
 */
export async function catalogFor(options: { catalog?: string; trust?: boolean; pin?: string; current?: boolean }): Promise<Catalog> {
  if (!options.catalog) return loadCatalog(builtinCatalogDir);
  const catalog = await loadCatalog(options.catalog);
  if (options.trust) return catalog;
  const actual = await catalogIndex(catalog).catch((error: unknown) => {
    // A link in the catalogue: it cannot be pinned, only trusted.
    throw error instanceof UserError ? new UserError(error.problems, EXIT.untrusted) : error;
  });
  const published = options.current ? undefined : await readFile(indexFile(catalog.dir)).catch(() => undefined);
  // The pin is the sha256 of the published index, or of the index `catalog release` would publish for it.
  const digest = sha256(published ?? indexText(actual));
  const pin = options.pin?.toLowerCase();
  const where = { path: options.catalog, sha256: digest, pin: options.pin };
  if (pin !== digest) throw new UserError({ key: pin ? 'catalog.pinMismatch' : 'catalog.untrusted', params: where }, EXIT.untrusted);
  if (published) {
    const file = displayPath(indexFile(catalog.dir));
    let index: unknown;
    try {
      index = JSON.parse(published.toString('utf8'));
    } catch (error) {
      throw new UserError({ key: 'catalog.indexUnreadable', params: { message: (error as Error).message }, file }, EXIT.untrusted);
    }
    const differences = compareIndex(index, actual, file);
    if (differences.length > 0) throw new UserError(differences, EXIT.untrusted);
  }
  return catalog;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What differs between a published index and the catalogue on disk: every file, then the entries and catalog.yaml. */
export function compareIndex(published: unknown, actual: CatalogIndex, file: string): Problem[] {
  if (!isRecord(published) || published.format !== actual.format || !isRecord(published.files) || !Array.isArray(published.apps)) return [{ key: 'catalog.indexFormat', file }];
  const problems: Problem[] = [];
  const differs = (what: string, kind: 'changed' | 'missing' | 'added') => problems.push({ key: 'catalog.indexDiffers', params: { what, kind }, file });
  const before = published.files;
  const after = actual.files ?? {};
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (before[name] !== after[name]) differs(name, !(name in after) ? 'missing' : !(name in before) ? 'added' : 'changed');
  }
  if (problems.length > 0) return problems;
  // The same bytes: the entries and catalog.yaml can differ only if this kit reads them otherwise.
  const { apps: oldApps, files: _before, ...headBefore } = published as CatalogIndex;
  const { apps: newApps, files: _after, ...headAfter } = actual;
  for (const key of new Set([...Object.keys(headBefore), ...Object.keys(headAfter)])) {
    if (!isDeepStrictEqual(headBefore[key], headAfter[key])) differs(`catalog/catalog.yaml: ${key}`, 'changed');
  }
  const byId = new Map(newApps.map((app) => [app.id, app]));
  for (const old of oldApps) {
    const now = byId.get(old.id);
    byId.delete(old.id);
    if (!isDeepStrictEqual(old, now)) differs(`catalog/apps/${old.id}.yaml`, now ? 'changed' : 'missing');
  }
  for (const id of byId.keys()) differs(`catalog/apps/${id}.yaml`, 'added');
  return problems;
}
