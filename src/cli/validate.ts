import path from 'node:path';
import { loadCatalog } from '../lib/catalog/load.js';
import { withRequirements } from '../lib/catalog/graph.js';
import { UsageError } from '../lib/errors.js';
import { say } from '../lib/i18n/index.js';
import { loadRegion } from '../lib/region/load.js';
import { checkAppIds } from '../lib/run.js';
import { list, parse } from './args.js';
import type { Io } from './io.js';
import { validateOptions } from './options.js';

/** `replika validate FILE [--app ID…]`: every problem of a region file, nothing written. */
export async function runValidate(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('validate', validateOptions, argv);
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    throw new UsageError({ key: 'usage.missing', params: { names: 'FILE', example: 'replika validate catalog/regions/kota-gorontalo.yaml --app laksa' } });
  }
  const catalog = await loadCatalog();
  const apps = list(values.app);
  checkAppIds(catalog, apps);
  const { ids } = withRequirements(catalog.apps, apps);
  const loaded = await loadRegion(path.resolve(io.cwd, file), catalog, ids);
  io.out(say(io.lang, 'valid', { file, name: loaded.region.name, code: loaded.region.code, apps: ids.length > 0 ? ids.join(', ') : '-' }));
  return 0;
}
