import path from 'node:path';
import { loadCatalog } from '../lib/catalog/load.js';
import { writeRun } from '../lib/copy/write.js';
import { UsageError } from '../lib/errors.js';
import { say } from '../lib/i18n/index.js';
import { originPubliccode } from '../lib/publiccode.js';
import { parse } from './args.js';
import type { Io } from './io.js';
import { catalogExportOptions } from './options.js';
import { STATUS_LINE } from './new.js';

/** `replika catalog export --publiccode DIR`: the origin's publiccode.yml for every catalogue application. */
export async function runCatalog(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'export') throw new UsageError({ key: 'usage.command', params: { command: `catalog ${sub ?? ''}`.trim() } });
  const { values } = parse('catalog export', catalogExportOptions, rest);
  if (!values.publiccode) throw new UsageError({ key: 'usage.missing', params: { names: '--publiccode DIR', example: 'replika catalog export --publiccode publiccode' } });
  const plan = await originPubliccode(await loadCatalog());
  const result = await writeRun(plan, {
    destination: path.resolve(io.cwd, values.publiccode),
    force: values.force,
    dryRun: values['dry-run'],
    onFile: (status, file) => io.out(say(io.lang, STATUS_LINE[status], { path: file })),
  });
  if (!values['dry-run']) io.out(say(io.lang, 'summary', { created: result.create.length, identical: result.identical.length, overwritten: result.force.length, kept: result.skip.length }));
  return 0;
}
