import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Values } from './args.js';
import type { Io } from './io.js';
import type { newOptions } from './options.js';

/** Runs the `replika:app` Yeoman generator (the wizard) with whatever flags were given. */
export async function runWizard(values: Values<typeof newOptions>, apps: string[], io: Io): Promise<number> {
  const { createEnv } = await import('yeoman-environment');
  const env = createEnv({ cwd: io.cwd });
  const generator = fileURLToPath(new URL('../generators/app/index.js', import.meta.url));
  env.register(path.resolve(generator), { namespace: 'replika:app' });
  // Every flag given on the command line reaches the generator, which hands it to the same write path.
  await env.run(['replika:app'], { ...values, app: apps.join(','), lang: io.lang, interactive: true, skipInstall: true } as Record<string, unknown>);
  return 0;
}
