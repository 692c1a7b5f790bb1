import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { regions, replika } from '../helpers/cli.js';
import { linkDependencies } from '../helpers/dependencies.js';
import { nodeTestsPassed } from '../helpers/node-test.js';
import { tree } from '../helpers/tree.js';

const APPS = ['live', 'laksa', 'gawat-darurat-112'];

/** Starts a copy with `npm start` on a free port and returns its home page. */
async function serve(dir: string, port: number): Promise<string> {
  // Its own process group: npm runs the server through a shell, and the whole group must stop afterwards.
  const server = execa('npm', ['start'], { cwd: dir, env: { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '' }, reject: false, detached: true });
  try {
    // Up to 60 s: a copy with a database creates it on its first start (initdb, a few seconds; more under load).
    for (let attempt = 0; attempt < 600; attempt++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        return await response.text();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`copy in ${dir} did not start on port ${port}`);
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await server;
  }
}

describe('the copies for Kota Gorontalo are real software', () => {
  it('each copy passes its own npm test and serves a page with the region name', async () => {
    const cwd = await tree();
    const run = await replika(['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', APPS.join(','), '--yes'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    for (const [index, app] of APPS.entries()) {
      const dir = path.join(cwd, 'replika-kota-gorontalo', app);
      await linkDependencies(dir);
      const test = await execa('npm', ['test'], { cwd: dir, reject: false, env: { DATABASE_URL: '' } });
      expect(test.exitCode, `${app}: ${test.stdout}\n${test.stderr}`).toBe(0);
      expect(nodeTestsPassed(test.stdout), test.stdout).toBe(true);
      const page = await serve(dir, 41000 + index + Math.floor(Math.random() * 1000) * 3);
      expect(page).toContain('Gorontalo');
      expect(page).not.toMatch(/tangerang/i);
    }
  });
});
