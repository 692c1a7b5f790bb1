import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { regions, replika } from '../helpers/cli.js';
import { nodeTestsPassed } from '../helpers/node-test.js';
import { tree } from '../helpers/tree.js';

const ADOPTERS = ['kota-gorontalo', 'kabupaten-banjar', 'kabupaten-poso'];

/** Runs `npm test` in each copy, two at a time; returns the copies that failed, with their output. */
async function testCopies(dirs: string[]): Promise<string[]> {
  const failures: string[] = [];
  const queue = [...dirs];
  const worker = async () => {
    for (let dir = queue.shift(); dir; dir = queue.shift()) {
      const run = await execa('npm', ['test'], { cwd: dir, reject: false, all: true, timeout: 120_000 });
      if (run.exitCode !== 0 || !nodeTestsPassed(run.all ?? '')) failures.push(`${path.basename(dir)}: exit ${run.exitCode}\n${run.all}`);
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
