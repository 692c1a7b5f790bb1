import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../copy/manifest.js';
import { UserError, type Problem } from '../errors.js';
import { templateFileHashes } from '../plan/templates.js';
import type { Catalog } from './types.js';

/**
 * The index's own version. 2: `files` holds the sha256 of every file of catalog/ and templates/, and each app
 * its entry in full. An index of another version is not compared file by file: it is refused, naming why.
 */
export const INDEX_FORMAT = 2;

export interface CatalogIndex {
  format?: number;
  /** Every file of the catalogue folder (as `catalog/…`) and of the templates folder (as `templates/…`). */
  files?: Record<string, string>;
  apps: ({ id: string; files: Record<string, string> } & Record<string, unknown>)[];
  [key: string]: unknown;
}

/** The index as `catalog release` writes it: its sha256 is the one that pins the catalogue. */
export const indexText = (index: CatalogIndex) => `${JSON.stringify(index, null, 2)}\n`;

/**
 * The published index: what `--catalog-sha256` pins and what `new`, `update`, `check` and `catalog validate`
 * check a catalogue against. It covers every byte that can reach a copy — every file of catalog/ (entries with
 * their settings schemas and examples, catalog.yaml, time zones, regions, schemas) and of templates/ — and
 * names, per app, its entry and the files its template is made of.
 */
export async function catalogIndex(catalog: Catalog): Promise<CatalogIndex> {
  const files = { ...fileHashes(catalog.dir, 'catalog'), ...fileHashes(catalog.templatesDir, 'templates') };
  const apps: CatalogIndex['apps'] = [];
  for (const app of catalog.apps.values()) {
    const { file: _file, ...entry } = app;
    apps.push({ ...entry, files: templateFileHashes(app.template, catalog.templatesDir) });
  }
  return { format: INDEX_FORMAT, id: catalog.id, name: catalog.name, version: catalog.version, publisher: catalog.publisher, license: catalog.license, files, apps };
}

/**
 * The sha256 of every file under `dir`, by `<name>/<path>` with `/` separators, sorted. A link (or a pipe, a
 * device) is refused rather than followed or skipped: what it points to could change under an unchanged pin.
 */
function fileHashes(dir: string, name: string): Record<string, string> {
  const files: [string, string][] = [];
  const problems: Problem[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const shown = [name, ...path.relative(dir, file).split(path.sep)].join('/');
    if (entry.isFile()) files.push([shown, sha256(readFileSync(file))]);
    else if (!entry.isDirectory()) problems.push({ key: 'catalog.notPlain', params: { path: shown, kind: entry.isSymbolicLink() ? 'link' : 'other' } });
  }
  if (problems.length > 0) throw new UserError(problems);
  return Object.fromEntries(files.sort(([a], [b]) => (a < b ? -1 : 1)));
}
