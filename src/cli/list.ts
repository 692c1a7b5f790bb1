import { loadCatalog } from '../lib/catalog/load.js';
import { UsageError } from '../lib/errors.js';
import { say } from '../lib/i18n/index.js';
import { parse } from './args.js';
import type { Io } from './io.js';
import { listOptions } from './options.js';

/** `replika list [--dimension D] [--json]`: the catalogue, grouped by smart-city dimension. */
export async function runList(argv: string[], io: Io): Promise<number> {
  const { values } = parse('list', listOptions, argv);
  const catalog = await loadCatalog();
  const known = catalog.dimensions.map((d) => d.id);
  if (values.dimension && !known.includes(values.dimension)) {
    throw new UsageError({ key: 'usage.dimension', params: { value: values.dimension, known: known.join(', ') } });
  }
  const apps = [...catalog.apps.values()].filter((a) => !values.dimension || a.dimension === values.dimension);
  if (values.json) {
    const rows = apps.map(({ file: _file, settings: _settings, example: _example, ...app }) => app);
    io.out(JSON.stringify({ id: catalog.id, version: catalog.version, apps: rows }, null, 2));
    return 0;
  }
  const width = Math.max(...apps.map((a) => a.id.length), 10) + 1;
  io.out(say(io.lang, 'listHeading', { name: catalog.name, version: catalog.version, count: apps.length }));
  for (const dimension of catalog.dimensions) {
    const inDimension = apps.filter((a) => a.dimension === dimension.id);
    if (inDimension.length === 0) continue;
    io.out(`\n${dimension.label[io.lang]}`);
    for (const app of inDimension) {
      const requires = app.requires?.length ? `  (requires: ${app.requires.join(', ')})` : '';
      io.out(`  ${app.id.padEnd(width)} ${app.name} — ${app.title[io.lang]} [${app.audience}, ${app.version}]${requires}`);
    }
  }
  return 0;
}
