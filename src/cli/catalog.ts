import path from 'node:path';
import { loadCatalog } from '../lib/catalog/load.js';
import { writeRun } from '../lib/copy/write.js';
import { UsageError, UserError } from '../lib/errors.js';
import { say } from '../lib/i18n/index.js';
import { originPubliccode } from '../lib/publiccode.js';
import { parse } from './args.js';
import type { Io } from './io.js';
import { catalogExportOptions, catalogValidateOptions } from './options.js';
import { validateCatalog } from '../lib/catalog/validate.js';
import { builtinCatalogDir } from '../lib/paths.js';
import { STATUS_LINE } from './new.js';

/** `replika catalog export --publiccode DIR`: the origin's publiccode.yml for every catalogue application. */
export async function runCatalog(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'validate') return runCatalogValidate(rest, io);
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

/** `replika catalog validate [DIR]`: every finding about a catalogue in one run; exit 1 on any. */
async function runCatalogValidate(argv: string[], io: Io): Promise<number> {
  const { positionals } = parse('catalog validate', catalogValidateOptions, argv);
  const dir = positionals[0] ? path.resolve(io.cwd, positionals[0]) : builtinCatalogDir;
  const { problems, stats } = await validateCatalog(dir);
  if (problems.length > 0) throw new UserError(problems);
  io.out(say(io.lang, 'catalogValid', stats));
  return 0;
}
