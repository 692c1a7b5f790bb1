import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { tree } from '../helpers/tree.js';

// The suite proves the kit on a Node.js line (`npm run test:node -- 22`, or CI's matrix) only when vitest's
// workers and every `node` and `npm` that tests spawn run on that same Node.js.
describe('the suite runs on one Node.js', () => {
  it('vitest, and the node and npm that tests start, are the same version', async () => {
    if (process.env.REPLIKA_TEST_NODE) expect(process.version).toBe(process.env.REPLIKA_TEST_NODE);
    const cwd = await tree();
    expect((await execa('node', ['--version'], { cwd })).stdout).toBe(process.version);
    // `npm version` lists the versions of the node that runs npm, the one that runs a copy's `npm test`.
    const npm = JSON.parse((await execa('npm', ['version', '--json'], { cwd })).stdout) as { node: string };
    expect(`v${npm.node}`).toBe(process.version);
  });
});
