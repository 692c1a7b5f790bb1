import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { regions, replika } from '../helpers/cli.js';
import { tree } from '../helpers/tree.js';

describe('check --jobs', () => {
  it('starts no more threads than there are cores, whatever number is asked for', async () => {
    const dir = await tree();
    const counted = path.join(dir, 'workers.txt');
    // Counts the worker threads the CLI starts: loaded before it, it wraps the Worker class the pool imports.
    await writeFile(path.join(dir, 'count.mjs'), [
      "import threads from 'node:worker_threads';",
      "import { syncBuiltinESMExports } from 'node:module';",
      "import { appendFileSync } from 'node:fs';",
      'const Worker = threads.Worker;',
      `threads.Worker = class extends Worker { constructor(...args) { super(...args); appendFileSync(${JSON.stringify(counted)}, 'w'); } };`,
      'syncBuiltinESMExports();',
    ].join('\n'));
    const cores = availableParallelism();
    // More cases than cores: the same region under other file names.
    await mkdir(path.join(dir, 'regions'));
    for (let i = 0; i <= cores + 1; i++) await copyFile(path.join(regions, 'kota-gorontalo.yaml'), path.join(dir, 'regions', `r${i}.yaml`));
    const run = await replika(['check', '--regions', path.join(dir, 'regions'), '--app', 'gawat-darurat-112', '--jobs', '150', '--lang', 'en'], dir, { NODE_OPTIONS: `--import=${path.join(dir, 'count.mjs')}` });
    expect(run.exitCode, run.stderr).toBe(0);
    const started = await readFile(counted, 'utf8').catch(() => '');
    expect(started.length).toBeLessThanOrEqual(cores);
  });
});
