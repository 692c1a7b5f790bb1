import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { copyProblems } from '../catalog/validate.js';
import type { Catalog } from '../catalog/types.js';
import { isKitRecord } from '../copy/manifest.js';
import { UsageError, UserError, type Problem } from '../errors.js';
import { displayPath } from '../paths.js';
import type { CopyPlan } from '../plan/plan.js';
import { regionFromSource } from '../region/load.js';
import { regionFileText, regionSettings } from '../region/new-region.js';
import { official } from '../region/official.js';
import { loadYamlFile, parseYaml, type Source } from '../yaml/source.js';

/** One region's settings to check against every app: a file, or generated from the official list. */
export interface RegionInput {
  id: string;
  name: string;
  source: () => Promise<Source>;
  dir: string;
}

export interface CheckCase {
  region: RegionInput;
  app: string;
}

export interface CaseResult {
  case: CheckCase;
  problems: Problem[];
  files: number;
  ms: number;
  copy?: CopyPlan;
}

/** The region files of a folder (`--regions`): a folder that cannot be read, or holds none, is a usage error. */
export async function regionsFromDir(dir: string): Promise<RegionInput[]> {
  const shown = displayPath(dir);
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError({ key: 'check.regionsDir', params: { path: shown, reason: error.code ?? String(error) } });
  });
  const files = entries.filter((f) => f.endsWith('.yaml')).sort();
  if (files.length === 0) throw new UsageError({ key: 'check.noRegions', params: { path: shown } });
  return files.map((f) => {
    let parsed: Promise<Source> | undefined;
    return { id: f.replace(/\.yaml$/, ''), name: f, dir, source: () => (parsed ??= loadYamlFile(path.join(dir, f))) };
  });
}

/** Valid settings for all 514 regencies and cities, from the official data with the example answers. */
export function allRegencies(catalog: Catalog): RegionInput[] {
  return [...official().regions.values()].map((region) => {
    // Made once per region and shared by its cases (each works on its own clone of the data). The data is what
    // `replika region new` writes (a test holds the two equal for every region); the text is parsed only if a
    // problem needs a line to point at.
    let source: Source | undefined;
    return {
      id: region.code,
      name: `${region.code} ${region.name}`,
      dir: catalog.dir,
      source: async () => {
        if (source) return source;
        const file = `${region.code}.yaml`;
        let parsed: Source | undefined;
        const locate: Source['locate'] = (pointer, key) => (parsed ??= parseYaml(regionFileText(region, catalog, {}, 'region.schema.json'), file)).locate(pointer, key);
        return (source = { file, data: regionSettings(region, catalog, {}), locate });
      },
    };
  });
}

/** Every app for every region, in a stable order; `--shard K/N` keeps every N-th case from the K-th. */
export function cases(regions: RegionInput[], apps: string[], shard?: { index: number; count: number }): CheckCase[] {
  const all = regions.flatMap((region) => apps.map((app) => ({ region, app })));
  return shard ? all.filter((_, i) => i % shard.count === shard.index - 1) : all;
}

/** Renders one case in memory and checks what it rendered; problems are collected, not thrown. */
export async function runCase(catalog: Catalog, item: CheckCase): Promise<CaseResult> {
  const started = performance.now();
  const app = catalog.apps.get(item.app);
  const problems: Problem[] = [];
  let copy: CopyPlan | undefined;
  try {
    if (!app) throw new UserError({ key: 'app.unknown', params: { id: item.app } });
    const source = await item.region.source();
    const data = structuredClone(source.data) as Record<string, unknown>;
    const region = await regionFromSource({ ...source, data }, item.region.dir, catalog, [app.id, ...(app.requires ?? [])]);
    const checked = copyProblems(catalog, region, app, region.region.code !== catalog.origin.code);
    copy = checked.copy;
    problems.push(...checked.problems);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    problems.push(...error.problems);
  }
  // Files rendered from the templates: the manifest and the base snapshot the kit adds are not counted.
  const files = copy?.files.filter((f) => !isKitRecord(f.path)).length ?? 0;
  return { case: item, problems, files, ms: performance.now() - started, copy };
}
