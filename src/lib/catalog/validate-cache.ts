import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { templateFileHashes } from '../plan/templates.js';
import { UsageError, UserError } from '../errors.js';
import { builtinCatalogDir, displayPath, packageRoot } from '../paths.js';
import type { ParseCache } from '../yaml/parse-cache.js';
import type { Catalog } from './types.js';

/**
 * What `catalog validate --cache` keeps between runs, as ESLint's --cache does: the parsed data of every YAML
 * file (by its sha256) and the cases that passed (by the sha256 of everything that goes into them). A maintainer
 * who edits one entry re-checks that entry; nothing that changed is ever taken from the cache.
 */
export interface ValidateCache {
  yaml: ParseCache;
  /** Passed cases: their key → the number of files they rendered. */
  passed: Map<string, number>;
}

interface Stored {
  kit: string;
  yaml: [string, { sha256: string; data: unknown }][];
  passed: [string, number][];
}

const hash = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex');
};

let kit: string | undefined;
/**
 * The kit's own identity: its build (every bundled module, written at build time) and its schemas. Any change to
 * the code that renders or checks makes every cached result stale.
 */
export function kitIdentity(): string {
  if (kit) return kit;
  const build = path.join(packageRoot, 'dist', 'build-id.txt');
  const schemas = readdirSync(path.join(builtinCatalogDir, 'schemas')).sort().map((f) => readFileSync(path.join(builtinCatalogDir, 'schemas', f)));
  return (kit = hash(existsSync(build) ? readFileSync(build) : `unbundled:${Date.now()}`, ...schemas));
}

export async function readValidateCache(file: string): Promise<ValidateCache> {
  // Asked for by name: a folder (or anything but a file) there is a mistake in the command, not a cache to ignore.
  const found = await stat(file).catch(() => undefined);
  if (found && !found.isFile()) throw new UsageError({ key: 'cache.notFile', params: { path: displayPath(file) } });
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Stored;
    if (stored.kit === kitIdentity()) return { yaml: new Map(stored.yaml), passed: new Map(stored.passed) };
  } catch {
    // No cache yet, or one that cannot be read: start afresh (it is only ever a shortcut).
  }
  return { yaml: new Map(), passed: new Map() };
}

/** Written whole to a temporary file and renamed, so an interrupted run never leaves half a cache. */
export async function writeValidateCache(file: string, cache: ValidateCache): Promise<void> {
  const stored: Stored = { kit: kitIdentity(), yaml: [...cache.yaml], passed: [...cache.passed] };
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, JSON.stringify(stored));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new UserError({ key: 'cache.unwritable', params: { path: displayPath(file), reason: (error as NodeJS.ErrnoException).code ?? String(error) } });
  }
}

const templateDigests = new WeakMap<Catalog, Map<string, string>>();

/** Every file a template is made of, hashed once per loaded catalogue. */
function templateHash(catalog: Catalog, name: string): string {
  let known = templateDigests.get(catalog);
  if (!known) templateDigests.set(catalog, (known = new Map()));
  let value = known.get(name);
  if (!value) known.set(name, (value = hash(JSON.stringify(templateFileHashes(name, catalog.templatesDir)))));
  return value;
}

const headDigests = new WeakMap<Catalog, string>();
const runDigests = new WeakMap<Catalog, Map<string, string>>();
const regionDigests = new WeakMap<object, string>();

/** A file's bytes, or what stands there instead (a link and its target, nothing): never followed blindly. */
function fileDigest(file: string): string {
  try {
    const found = lstatSync(file);
    if (found.isSymbolicLink()) return `link:${readlinkSync(file)}`;
    return found.isFile() ? hash(readFileSync(file)) : 'not a file';
  } catch {
    return 'missing';
  }
}

/** Every file of the catalogue folder but the entries and the region files (each part of its own cases). */
function headFiles(catalog: Catalog): string[] {
  const skip = [path.join(catalog.dir, 'apps'), path.join(catalog.dir, 'regions')];
  return readdirSync(catalog.dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !skip.some((dir) => file === dir || file.startsWith(`${dir}${path.sep}`)))
    .sort();
}

/**
 * The key of one case: the same bytes the published index covers, as far as they reach the case — the kit, the
 * catalogue's own files (catalog.yaml, time zones, schemas) and its origin's region file, the entries of the apps
 * rendered together and every file their templates are made of (includes cannot reach further), the region file
 * and its logo — with the region's data taken before validation fills defaults in. Each part is hashed once (a
 * catalogue, a set of apps, a region file) and the parts are hashed together.
 */
export function caseKey(catalog: Catalog, run: readonly string[], regionFile: string, region: object): string {
  let head = headDigests.get(catalog);
  if (!head) {
    const { apps: _apps, timeZones, ...rest } = catalog;
    const files = [...headFiles(catalog), catalog.origin.file].map((file) => `${path.relative(catalog.dir, file)}:${fileDigest(file)}`);
    headDigests.set(catalog, (head = hash(kitIdentity(), JSON.stringify([rest, [...timeZones], files]))));
  }
  let runs = runDigests.get(catalog);
  if (!runs) runDigests.set(catalog, (runs = new Map()));
  let apps = runs.get(run.join(','));
  if (!apps) {
    const entries = run.map((id) => catalog.apps.get(id));
    const bytes = run.map((id) => fileDigest(path.join(catalog.dir, 'apps', `${id}.yaml`)));
    const templates = entries.map((entry) => (entry ? templateHash(catalog, entry.template) : ''));
    runs.set(run.join(','), (apps = hash(JSON.stringify([entries, bytes, templates]))));
  }
  let settings = regionDigests.get(region);
  if (!settings) {
    const regions = path.join(catalog.dir, 'regions');
    const logo = (region as { branding?: { logo?: unknown } }).branding?.logo;
    const logoDigest = typeof logo === 'string' ? fileDigest(path.resolve(regions, logo)) : 'none';
    regionDigests.set(region, (settings = hash(JSON.stringify(region), fileDigest(path.join(regions, regionFile)), logoDigest)));
  }
  return hash(head, apps, regionFile, settings);
}
