import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { collecting, UserError, type Problem } from '../errors.js';
import { builtinCatalogDir, displayPath } from '../paths.js';
import { validator } from '../schema/ajv.js';
import { schemaProblems } from '../schema/problems.js';
import { loadYamlFile, type Source } from '../yaml/source.js';
import { checkGraph } from './graph.js';
import { readSnapshot } from './snapshot.js';
import { checkTemplates } from './template-meta.js';
import type { AppEntry, Catalog, Dimension, Origin } from './types.js';

const cache = new Map<string, Promise<Catalog>>();

/** Forgets loaded catalogues, for a long-running process whose catalogue files change. */
export function forgetCatalogs(): void {
  cache.clear();
}

/** Loads and checks a catalogue folder once per process; every problem in every file is reported together. */
export function loadCatalog(dir = builtinCatalogDir, options: { fresh?: boolean } = {}): Promise<Catalog> {
  const key = path.resolve(dir);
  let pending = cache.get(key);
  if (!pending) {
    const snapshot = options.fresh ? undefined : readSnapshot(key);
    pending = snapshot ? Promise.resolve(snapshot) : readCatalog(key);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

async function readCatalog(dir: string): Promise<Catalog> {
  const problems: Problem[] = [];
  const attempt = <T>(work: () => Promise<T>) => collecting(problems, work);
  const file = path.join(dir, 'catalog.yaml');
  const head = await attempt(() => checked(file, 'catalog'));
  const appFiles = (await readdir(path.join(dir, 'apps')).catch(() => [])).filter((f) => f.endsWith('.yaml')).sort();
  const entries = await Promise.all(appFiles.map((f) => attempt(() => checked(path.join(dir, 'apps', f), 'app'))));
  const timeZones = await attempt(() => loadYamlFile(path.join(dir, 'time-zones.yaml'), displayPath(path.join(dir, 'time-zones.yaml'))));
  if (!head || !timeZones) throw new UserError(problems);

  const data = head.data as Omit<Catalog, 'apps' | 'origin' | 'dir' | 'file' | 'timeZones'> & { origin: string };
  const apps = new Map<string, AppEntry>();
  const sources = new Map<string, Source>();
  for (const source of entries) {
    if (!source) continue;
    const app = { ...(source.data as Omit<AppEntry, 'file'>), file: source.file };
    const expected = path.basename(source.file, '.yaml');
    if (app.id !== expected) problems.push({ key: 'catalog.idMismatch', params: { id: app.id, file: path.basename(source.file) }, file: source.file, pointer: '/id', ...source.locate('/id') });
    else if (apps.has(app.id)) problems.push({ key: 'catalog.duplicateApp', params: { id: app.id }, file: source.file, ...source.locate('/id') });
    else {
      apps.set(app.id, app);
      sources.set(app.id, source);
    }
  }
  const templatesDir = path.join(dir, '..', 'templates');
  problems.push(...checkEntries(apps, sources, data.dimensions));
  problems.push(...(await checkTemplates(apps, sources, templatesDir)));
  problems.push(...checkGraph(apps, sources));
  const origin = await attempt(() => loadOrigin(dir, data.origin, head));
  if (problems.length > 0 || !origin) throw new UserError(problems);

  const zones = new Map<string, string>();
  for (const [zone, codes] of Object.entries(timeZones.data as Record<string, string[]>)) for (const code of codes) zones.set(code, zone);
  return { ...data, dir, templatesDir, file: head.file, apps, origin, timeZones: zones };
}

/** Reads a YAML file and validates it against one of the kit's schemas. */
async function checked(file: string, schema: 'catalog' | 'app'): Promise<Source> {
  const source = await loadYamlFile(file, displayPath(file));
  const validate = validator(schema);
  if (!validate(source.data)) throw new UserError(schemaProblems(validate.errors ?? [], source));
  return source;
}

function checkEntries(apps: Map<string, AppEntry>, sources: Map<string, Source>, dimensions: Dimension[]): Problem[] {
  const problems: Problem[] = [];
  const known = dimensions.map((d) => d.id);
  for (const app of apps.values()) {
    const source = sources.get(app.id) as Source;
    if (!known.includes(app.dimension)) problems.push({ key: 'catalog.dimension', params: { value: app.dimension, known: known.join(', ') }, file: source.file, pointer: '/dimension', ...source.locate('/dimension') });
  }
  return problems;
}

async function loadOrigin(dir: string, relative: string, head: Source): Promise<Origin> {
  const file = path.join(dir, relative);
  const source = await loadYamlFile(file, displayPath(file)).catch((error: unknown) => {
    if (error instanceof UserError && error.problems[0]?.key === 'file.notFound') {
      throw new UserError({ key: 'catalog.origin', params: { path: relative }, file: head.file, pointer: '/origin', ...head.locate('/origin') });
    }
    throw error;
  });
  const validate = validator('region');
  if (!validate(source.data)) throw new UserError(schemaProblems(validate.errors ?? [], source));
  const region = source.data as { code: string; name: string; domain: string; branding: { shortName: string }; sourceBaseUrl?: string };
  const base = region.sourceBaseUrl === undefined ? {} : { sourceBaseUrl: region.sourceBaseUrl };
  return { file, code: region.code, name: region.name, domain: region.domain, shortName: region.branding.shortName, ...base };
}
