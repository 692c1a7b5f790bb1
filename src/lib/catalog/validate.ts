import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual, parseEnv } from 'node:util';
import { parseRendered } from '../yaml/shape.js';
import { collecting, type Problem } from '../errors.js';
import { fileText, planRun, type CopyPlan } from '../plan/plan.js';
import { isKitRecord } from '../copy/manifest.js';
import { chain } from '../plan/templates.js';
import { publiccodeProblems, PUBLICCODE } from '../publiccode.js';
import { regionFromSource } from '../region/load.js';
import { useParseCache } from '../yaml/parse-cache.js';
import { loadYamlFile } from '../yaml/source.js';
import { withRequirements } from './graph.js';
import { forgetCatalogs, loadCatalog } from './load.js';
import { caseKey, type ValidateCache } from './validate-cache.js';
import type { AppEntry, Catalog } from './types.js';
import type { LoadedRegion } from '../region/types.js';

export const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const origins = new WeakMap<Catalog, RegExp>();

/** What names the origin in a copy: its short name, its region code or its domain (made once per catalogue). */
export function originPattern(catalog: Catalog): RegExp {
  let pattern = origins.get(catalog);
  if (!pattern) origins.set(catalog, (pattern = new RegExp(`${escapeRe(catalog.origin.shortName)}|${escapeRe(catalog.origin.code)}|${escapeRe(catalog.origin.domain)}`, 'i')));
  return pattern;
}

/**
 * One app planned for a loaded region, and what its copy shows: data files that do not parse back, and for an
 * adopting region, facts of the origin outside the attribution lines. Shared by `catalog validate` and `check`.
 */
export function copyProblems(catalog: Catalog, region: LoadedRegion, app: AppEntry, adopter: boolean): { copy?: CopyPlan; problems: Problem[] } {
  const copy = planRun(catalog, region, [app.id]).copies.find((c) => c.app === app.id);
  if (!copy) return { problems: [] };
  const problems = renderedProblems(copy, app, region.region.apps[app.id] ?? {});
  if (adopter) problems.push(...portability(copy, app, originPattern(catalog), [region.region.name, region.region.branding.shortName, region.region.domain, region.slug]));
  return { copy, problems };
}

/**
 * Everything a maintainer must know before publishing a catalogue, in one run: schemas and cross-references,
 * every app rendered (strict EJS) with its example settings for every region file, every JSON, YAML, .env and
 * publiccode.yml parsed back, the settings a copy carries equal to those it was given, no origin-specific fact
 * outside the attribution lines, and no template folder that no app uses.
 */
export async function validateCatalog(dir: string, options: { cache?: ValidateCache } = {}): Promise<{ problems: Problem[]; stats: { apps: number; regions: number; copies: number; files: number; cached: number } }> {
  const problems: Problem[] = [];
  const stats = { apps: 0, regions: 0, copies: 0, files: 0, cached: 0 };
  const { cache } = options;
  const touched = new Set<string>();
  useParseCache(cache?.yaml, touched);
  try {
    return await validateWith(dir, problems, stats, cache && { ...cache, touched });
  } finally {
    useParseCache(undefined);
    if (cache) {
      // Only what this run used is kept: the cache does not grow with every edit.
      for (const key of cache.yaml.keys()) if (!touched.has(key)) cache.yaml.delete(key);
      for (const key of cache.passed.keys()) if (!touched.has(key)) cache.passed.delete(key);
    }
  }
}

async function validateWith(dir: string, problems: Problem[], stats: Awaited<ReturnType<typeof validateCatalog>>['stats'], cache?: ValidateCache & { touched: Set<string> }) {
  // A catalogue loaded earlier in the process (without the cache) is read again, through it.
  if (cache) forgetCatalogs();
  const cat = await collecting(problems, () => loadCatalog(dir, { fresh: Boolean(cache) }));
  if (!cat) return { problems, stats };
  const regionFiles = (await readdir(path.join(cat.dir, 'regions'))).filter((f) => f.endsWith('.yaml')).sort();
  for (const file of regionFiles) {
    const source = await collecting(problems, () => loadYamlFile(path.join(cat.dir, 'regions', file)));
    if (!source) continue;
    const isOrigin = path.join(cat.dir, 'regions', file) === cat.origin.file;
    // The file as written: validation fills defaults into the objects the cases share.
    const pristine = cache && structuredClone(source.data);
    for (const app of cat.apps.values()) {
      const data = { ...(source.data as Record<string, unknown>), apps: { [app.id]: structuredClone(app.example) } };
      const withExample = { ...source, data };
      const key = cache && caseKey(cat, withRequirements(cat.apps, [app.id]).ids, file, pristine as object);
      if (key !== undefined) cache?.touched.add(key);
      const passed = key === undefined ? undefined : cache?.passed.get(key);
      if (passed !== undefined) {
        stats.copies++;
        stats.files += passed;
        stats.cached++;
        continue;
      }
      await collecting(problems, async () => {
        const region = await regionFromSource(withExample, path.join(cat.dir, 'regions'), cat, [app.id, ...(app.requires ?? [])]);
        const { copy, problems: found } = copyProblems(cat, region, app, !isOrigin);
        problems.push(...found);
        if (!copy) return;
        stats.copies++;
        stats.files += copy.files.length;
        if (key !== undefined && found.length === 0) cache?.passed.set(key, copy.files.length);
      });
    }
  }
  problems.push(...(await unusedTemplates(cat)));
  stats.apps = cat.apps.size;
  stats.regions = regionFiles.length;
  return { problems, stats };
}

/** Each rendered data file parses back; the copy's settings are the settings it was given. */
export function renderedProblems(copy: CopyPlan, app: AppEntry, settings: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const file of copy.files) {
    // The manifest and the base snapshot are the kit's own JSON, not template output.
    if (isKitRecord(file.path)) continue;
    const text = fileText(file);
    const where = `${app.id}/${file.path}`;
    const fail = (message: string) => problems.push({ key: 'catalog.roundTrip', params: { path: where, message }, file: app.file });
    try {
      if (file.path.endsWith('.json')) {
        const data = JSON.parse(text) as { settings?: unknown };
        if (file.path === 'config/settings.json' && !isDeepStrictEqual(data.settings, settings)) fail('settings differ from the settings given');
      } else if (/\.ya?ml$/.test(file.path) && file.path !== PUBLICCODE) parseRendered(text, where);
      else if (/(^|\/)\.env(\.|$)/.test(file.path)) parseEnv(text);
    } catch (error) {
      fail((error as Error).message.split('\n')[0] ?? '');
    }
    if (file.path === PUBLICCODE) problems.push(...publiccodeProblems(text, where));
  }
  return problems;
}

const originFree = new WeakMap<Buffer, Set<string>>();

/**
 * Lines naming the origin, other than the README's attribution line and publiccode.yml's isBasedOn. The region's
 * own names are taken out first: Kota Tangerang Selatan and Kabupaten Tangerang legitimately say "Tangerang".
 */
export function portability(copy: CopyPlan, app: AppEntry, origin: RegExp, own: string[] = []): Problem[] {
  const problems: Problem[] = [];
  const ownNames = own.filter(Boolean).sort((a, b) => b.length - a.length).map((n) => new RegExp(escapeRe(n), 'gi'));
  for (const file of copy.files) {
    if (isKitRecord(file.path)) continue;
    // Most files do not name the origin at all: only those that do are read line by line. A file copied as it is
    // (not rendered) is the same for every region, so it is searched once.
    if (file.text === undefined && originFree.get(file.contents)?.has(origin.source)) continue;
    const text = fileText(file);
    if (!origin.test(text)) {
      if (file.text === undefined) originFree.set(file.contents, (originFree.get(file.contents) ?? new Set()).add(origin.source));
      continue;
    }
    text.split('\n').forEach((line, i) => {
      // Most lines do not match at all: strip the region's own names only from those that do.
      if (!origin.test(line) || !origin.test(ownNames.reduce((rest, name) => rest.replace(name, ''), line))) return;
      if (file.path === 'README.md' && /Direplikasi dari|katalog replikasi/.test(line)) return;
      if (file.path === PUBLICCODE && line.startsWith('isBasedOn:')) return;
      problems.push({ key: 'catalog.portability', params: { path: `${app.id}/${file.path}`, line: i + 1, text: line.trim().slice(0, 80) }, file: app.file });
    });
  }
  return problems;
}

async function unusedTemplates(catalog: Catalog): Promise<Problem[]> {
  const used = new Set<string>();
  for (const app of catalog.apps.values()) for (const dir of chain(app.template, catalog.templatesDir)) used.add(path.basename(dir));
  const all = (await readdir(catalog.templatesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  return all.filter((name) => !used.has(name)).map((name) => ({ key: 'catalog.unusedTemplate' as const, params: { name }, file: path.join(catalog.templatesDir, name) }));
}
