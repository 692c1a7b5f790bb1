import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { sha256 } from '../copy/manifest.js';
import { EXIT, UserError, type Problem } from '../errors.js';
import { builtinCatalogDir, displayPath } from '../paths.js';
import { loadCatalog } from './load.js';
import { catalogIndex, indexText, type CatalogIndex } from './release.js';
import type { Catalog } from './types.js';

/** Where `catalog release` publishes a catalogue's index: dist/catalog.json beside the catalogue folder. */
export const indexFile = (catalogDir: string) => path.join(catalogDir, '..', 'dist', 'catalog.json');

/**
 * A catalogue from elsewhere runs its templates' code on this machine (EJS is JavaScript), so, as Copier does
 * for unsafe templates, it is refused unless it matches a pinned sha256 or the user says --trust (exit 4).
 * When the catalogue comes with its published index, the pin is checked against that file and the catalogue
 * against the index, naming every template file or entry that differs from what was published.
 * The bundled catalogue is the kit's own and needs neither.
 */
export async function catalogFor(options: { catalog?: string; trust?: boolean; pin?: string }): Promise<Catalog> {
  if (!options.catalog) return loadCatalog(builtinCatalogDir);
  const catalog = await loadCatalog(options.catalog);
  if (options.trust) return catalog;
  const actual = await catalogIndex(catalog);
  const published = await readFile(indexFile(catalog.dir)).catch(() => undefined);
  // The pin is the sha256 of the published index, or of the index `catalog release` would publish for it.
  const digest = sha256(published ?? indexText(actual));
  const pin = options.pin?.toLowerCase();
  const where = { path: options.catalog, sha256: digest, pin: options.pin };
  if (pin !== digest) throw new UserError({ key: pin ? 'catalog.pinMismatch' : 'catalog.untrusted', params: where }, EXIT.untrusted);
  if (published) {
    const file = displayPath(indexFile(catalog.dir));
    let index: CatalogIndex;
    try {
      index = JSON.parse(published.toString('utf8')) as CatalogIndex;
    } catch (error) {
      throw new UserError({ key: 'catalog.indexUnreadable', params: { message: (error as Error).message }, file }, EXIT.untrusted);
    }
    const differences = compareIndex(index, actual, file);
    if (differences.length > 0) throw new UserError(differences, EXIT.untrusted);
  }
  return catalog;
}

/** What differs between a published index and the catalogue on disk: apps, their metadata, template files. */
export function compareIndex(published: CatalogIndex, actual: CatalogIndex, file: string): Problem[] {
  const problems: Problem[] = [];
  const differs = (what: string, kind: 'changed' | 'missing' | 'added') => problems.push({ key: 'catalog.indexDiffers', params: { what, kind }, file });
  const { apps: before = [], ...headBefore } = published;
  const { apps: after, ...headAfter } = actual;
  for (const key of new Set([...Object.keys(headBefore), ...Object.keys(headAfter)])) {
    if (!isDeepStrictEqual(headBefore[key], headAfter[key])) differs(`catalog.yaml: ${key}`, 'changed');
  }
  const byId = new Map(after.map((app) => [app.id, app]));
  for (const old of before) {
    const now = byId.get(old.id);
    byId.delete(old.id);
    if (!now) {
      differs(`apps/${old.id}.yaml`, 'missing');
      continue;
    }
    const { files: oldFiles = {}, ...oldMeta } = old;
    const { files: newFiles, ...newMeta } = now;
    if (!isDeepStrictEqual(oldMeta, newMeta)) differs(`apps/${old.id}.yaml`, 'changed');
    for (const name of new Set([...Object.keys(oldFiles), ...Object.keys(newFiles)])) {
      if (oldFiles[name] === newFiles[name]) continue;
      differs(`templates/${name}`, !(name in newFiles) ? 'missing' : !(name in oldFiles) ? 'added' : 'changed');
    }
  }
  for (const id of byId.keys()) differs(`apps/${id}.yaml`, 'added');
  return [...new Map(problems.map((p) => [JSON.stringify(p.params), p])).values()];
}
