import { loadCatalog } from '../lib/catalog/load.js';
import { UsageError } from '../lib/errors.js';
import { say } from '../lib/i18n/index.js';
import { displayPath } from '../lib/paths.js';
import { createRegionFile } from '../lib/region/create.js';
import { parse } from './args.js';
import type { Io } from './io.js';
import { regionNewOptions } from './options.js';
import { askAt } from '../lib/io.js';
import { terminalAdapter } from './prompt.js';

/** `replika region new`: the official data fills what it knows; a person (or the examples) fill the rest. */
export async function runRegion(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'new') throw new UsageError({ key: 'usage.command', params: { command: `region ${sub ?? ''}`.trim() } });
  const { values } = parse('region new', regionNewOptions, rest);
  const terminal = io.interactive && !values.yes ? await terminalAdapter() : undefined;
  try {
    const { file } = await createRegionFile({
      code: values.code, name: values.name, out: values.out, force: values.force,
      ask: terminal && askAt(terminal),
      lang: io.lang, cwd: io.cwd, example: 'replika region new --code 75.71',
    }, await loadCatalog());
    io.out(say(io.lang, 'regionWritten', { file: displayPath(file, io.cwd) }));
    return 0;
  } finally {
    terminal?.close();
  }
}
