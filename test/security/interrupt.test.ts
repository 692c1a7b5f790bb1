import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { bin, regions } from '../helpers/cli.js';
import { listFiles, tree } from '../helpers/tree.js';

const APPS = ['live', 'laksa', 'gawat-darurat-112'];

/** 'absent', 'complete' (every copy has its manifest and every file it lists, byte for byte) or what is wrong. */
async function outcome(dest: string): Promise<string> {
  if (!(await stat(dest).catch(() => undefined))) return 'absent';
  for (const app of APPS) {
    const manifestText = await readFile(path.join(dest, app, '.yo-rc.json'), 'utf8').catch(() => undefined);
    if (!manifestText) return `${app}: no manifest (${(await listFiles(dest)).length} files present)`;
    const files = JSON.parse(manifestText)['generator-replika'].files as Record<string, string>;
    for (const [file, hash] of Object.entries(files)) {
      const contents = await readFile(path.join(dest, app, file)).catch(() => undefined);
      if (!contents || createHash('sha256').update(contents).digest('hex') !== hash) return `${app}/${file} incomplete`;
    }
  }
  return 'complete';
}

describe('an interrupt during a run', () => {
  it('leaves the destination complete or absent, whenever it arrives', async () => {
    const args = [bin, 'new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', APPS.join(','), '--out', 'dest', '--yes'];
    const options = { reject: false, env: { LANG: 'en_US.UTF-8' } } as const;
    // How long a whole run takes on this machine now: the interrupts are spread over that span.
    const started = performance.now();
    expect((await execa('node', args, { ...options, cwd: await tree() })).exitCode).toBe(0);
    const span = performance.now() - started;
    const seen = new Map<string, number>();
    const steps = 24;
    for (let i = 0; i < steps; i++) {
      const cwd = await tree();
      const delay = Math.round((span * (i + 1)) / steps);
      const child = execa('node', args, { ...options, cwd });
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGINT');
      const result = await child;
      const state = await outcome(path.join(cwd, 'dest'));
      const exit = result.exitCode ?? result.signal;
      expect(state, `interrupt after ${delay} ms of ${Math.round(span)} (exit ${exit})`).toMatch(/^(absent|complete)$/);
      if (state === 'complete' && result.exitCode === 130) expect(result.stderr).toContain('interrupted (SIGINT)');
      seen.set(`${state}/${exit}`, (seen.get(`${state}/${exit}`) ?? 0) + 1);
    }
    // Both outcomes occurred, so the interrupts really did land before and after the write.
    expect([...seen.keys()].some((k) => k.startsWith('absent')), JSON.stringify([...seen])).toBe(true);
    expect([...seen.keys()].some((k) => k.startsWith('complete')), JSON.stringify([...seen])).toBe(true);
  });
});
