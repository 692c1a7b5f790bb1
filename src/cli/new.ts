import { UsageError } from '../lib/errors.js';
import { scaffold } from '../lib/copy/scaffold.js';
import { prepare } from '../lib/run.js';
import { list, parse } from './args.js';
import { catalogFromFlags } from './catalog-flags.js';
import type { Io } from './io.js';
import { newOptions } from './options.js';
import { terminalAdapter } from './prompt.js';

export { STATUS_LINE } from '../lib/copy/scaffold.js';
const EXAMPLE = 'replika new --region catalog/regions/kota-gorontalo.yaml --app laksa --yes';

/** `replika new`: flags → (wizard when a person must answer) → plan → the one write path. */
export async function runNew(argv: string[], io: Io): Promise<number> {
  // 1. Read the flags; whatever is missing must be asked, and only a person at a terminal can answer.
  const { values } = parse('new', newOptions, argv);
  const apps = list(values.app);
  const missing = [!values.region && '--region', apps.length === 0 && '--app'].filter((v): v is string => !!v);
  if (missing.length > 0) {
    if (!io.interactive) throw new UsageError({ key: 'usage.noTty', params: { names: missing.join(', '), example: EXAMPLE } });
    const { runWizard } = await import('./wizard.js');
    return runWizard(values, apps, io);
  }

  // 2. Validate and render everything in memory; any problem stops here, before a byte is written.
  const catalog = await catalogFromFlags(values, io.cwd);
  const prepared = await prepare(values.region as string, apps, catalog);

  // 3. Confirm, write and run the optional commands; a terminal asks only when someone is there to answer.
  const terminal = io.interactive && !values.yes && !values['dry-run'] ? await terminalAdapter() : undefined;
  try {
    await scaffold(prepared, { out: values.out, yes: values.yes, force: values.force, dryRun: values['dry-run'], git: values.git, install: values.install, terminal }, io);
  } finally {
    // A question left open would keep the process waiting after the run has ended (e.g. after a failed write).
    terminal?.close();
  }
  return 0;
}
