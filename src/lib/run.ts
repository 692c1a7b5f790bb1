import path from 'node:path';
import { loadCatalog } from './catalog/load.js';
import { withRequirements } from './catalog/graph.js';
import type { Catalog } from './catalog/types.js';
import { UsageError } from './errors.js';
import { planRun, type RunPlan } from './plan/plan.js';
import { loadRegion, regionFromSource } from './region/load.js';
import type { Source } from './yaml/source.js';
import type { LoadedRegion } from './region/types.js';
import { suggest } from './text/suggest.js';

export interface Prepared {
  catalog: Catalog;
  region: LoadedRegion;
  plan: RunPlan;
}

/** App ids from the command line must exist in the catalogue (a usage error, with a suggestion). */
export function checkAppIds(catalog: Catalog, ids: readonly string[]): void {
  const unknown = ids.filter((id) => !catalog.apps.has(id));
  if (unknown.length > 0) {
    throw new UsageError(unknown.map((id) => ({ key: 'app.unknown' as const, params: { id, suggestion: suggest(id, catalog.apps.keys()) } })));
  }
}

/**
 * catalogue + region settings + app ids → validated model → plan in memory. Writes nothing. The settings are
 * a file path, or an already parsed source (the wizard's new region file, not yet on disk).
 */
export async function prepare(settings: string | { source: Source; dir: string }, apps: readonly string[], catalogOrDir?: string | Catalog): Promise<Prepared> {
  const catalog = typeof catalogOrDir === 'object' ? catalogOrDir : await loadCatalog(catalogOrDir);
  checkAppIds(catalog, apps);
  const { ids } = withRequirements(catalog.apps, apps);
  const region = typeof settings === 'string'
    ? await loadRegion(path.resolve(settings), catalog, ids)
    : await regionFromSource(settings.source, settings.dir, catalog, ids);
  return { catalog, region, plan: planRun(catalog, region, apps) };
}

export const defaultOut = (region: LoadedRegion) => `replika-${region.slug}`;
