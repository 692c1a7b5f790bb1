import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { regions, replika, root } from '../helpers/cli.js';
import { forkCatalog } from '../helpers/catalog.js';
import { listFiles, tree } from '../helpers/tree.js';

const git = promisify(execFile);

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

describe('paths beyond the system\'s limits', () => {
  const newArgs = (out: string) => ['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'gawat-darurat-112', '--out', out, '--yes', '--lang', 'en'];

  it('a folder name longer than 255 bytes is refused before anything is written, naming it and the limit', async () => {
    const cwd = await tree();
    const run = await replika(newArgs('a'.repeat(300)), cwd);
    expect(run.exitCode, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/a name in \S*a{20}\S* is 300 bytes long; this system allows at most 255 per name/);
    expect(run.stdout).not.toMatch(/create/);
    expect(await readdir(cwd)).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('a destination deeper than the path limit is refused before anything is written', async () => {
    const cwd = await tree();
    const deep = Array.from({ length: 25 }, (_, i) => `${i}`.padEnd(200, 'b')).join('/');
    const run = await replika(newArgs(deep), cwd);
    expect(run.exitCode, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/the path \S+ is \d{4} bytes long; this system allows at most 4095/);
    expect(run.stderr).not.toMatch(/Internal error/);
    expect(run.stdout).not.toMatch(/create/);
    expect(await readdir(cwd)).toEqual([]);
  });
});

describe('catalog diff OLD <git-ref>', () => {
  async function repository(): Promise<string> {
    const dir = await forkCatalog();
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
    await git('git', ['init', '--quiet'], { cwd: dir });
    await git('git', ['add', 'catalog', 'templates'], { cwd: dir });
    await git('git', ['commit', '--quiet', '-m', 'one'], { cwd: dir, env });
    // A second commit whose catalogue does not load.
    await writeFile(path.join(dir, 'catalog', 'catalog.yaml'), 'id: [broken\n');
    await git('git', ['commit', '--quiet', '-am', 'two'], { cwd: dir, env });
    return dir;
  }

  it('removes the folders it extracted refs into, after success and after failure', async () => {
    const dir = await repository();
    const temp = await tree();
    const ok = await replika(['catalog', 'diff', 'HEAD~1', path.join(root, 'catalog'), '--lang', 'en'], dir, { TMPDIR: temp });
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(await listFiles(temp)).toEqual([]);
    expect(await readdir(temp)).toEqual([]);
    const failed = await replika(['catalog', 'diff', 'HEAD~1', 'HEAD', '--lang', 'en'], dir, { TMPDIR: temp });
    expect(failed.exitCode).toBe(1);
    expect(await readdir(temp)).toEqual([]);
  });
});
