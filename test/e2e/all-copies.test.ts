import { existsSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { regions, replika } from '../helpers/cli.js';
import { reachableServer } from '../helpers/database.js';
import { linkDependencies } from '../helpers/dependencies.js';
import { nodeTestsPassed } from '../helpers/node-test.js';
import { tree } from '../helpers/tree.js';

const ADOPTERS = ['kota-gorontalo', 'kabupaten-banjar', 'kabupaten-poso'];

const server = await reachableServer();
if (!server) console.warn('No PostgreSQL server reachable (REPLIKA_TEST_DATABASE_URL or DATABASE_URL): the data-keeping copies are tested on their embedded database only.');

/**
 * Runs `npm test` in each copy, its dependencies linked, two at a time: every copy on its embedded database (as a
 * regency's first `npm test` does), and the ones with migrations again on the PostgreSQL server when there is one.
 * Returns the failures with their output.
 */
async function testCopies(dirs: string[]): Promise<string[]> {
  const failures: string[] = [];
  const keepsData = (dir: string) => existsSync(path.join(dir, 'migrations'));
  const queue: Array<[string, string]> = [...dirs.map((dir): [string, string] => [dir, '']), ...(server ? dirs.filter(keepsData).map((dir): [string, string] => [dir, server]) : [])];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [dir, databaseUrl] = job;
      await linkDependencies(dir);
      const run = await execa('npm', ['test'], { cwd: dir, reject: false, all: true, timeout: 180_000, env: { DATABASE_URL: databaseUrl } });
      const where = databaseUrl ? 'on the PostgreSQL server' : 'embedded';
      if (run.exitCode !== 0 || !nodeTestsPassed(run.all ?? '')) failures.push(`${path.basename(dir)} (${where}): exit ${run.exitCode}\n${run.all}`);
    }
  };
  await Promise.all([worker(), worker()]);
  return failures;
}

describe('every application, copied for every adopting region, passes its own tests', () => {
  it.each(ADOPTERS)('%s', async (region) => {
    const cwd = await tree();
    const ids = (JSON.parse((await replika(['list', '--json'], cwd)).stdout) as { apps: { id: string }[] }).apps.map((a) => a.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const run = await replika(['new', '--region', path.join(regions, `${region}.yaml`), '--app', ids.join(','), '--out', 'out', '--yes'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(await testCopies(ids.map((id) => path.join(cwd, 'out', id)))).toEqual([]);
  }, 600_000);
});
