import { createHash } from 'node:crypto';
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { describe, expect, it } from 'vitest';
import { bin, regions, replika } from '../helpers/cli.js';
import { listFiles, readAll, tree } from '../helpers/tree.js';

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
    // How long a whole run takes on this machine now: the interrupts are spread over half as long again, so the
    // late ones land after the write even when a later run is slower than this one.
    const started = performance.now();
    expect((await execa('node', args, { ...options, cwd: await tree() })).exitCode).toBe(0);
    const span = performance.now() - started;
    const seen = new Map<string, number>();
    const steps = 24;
    for (let i = 0; i < steps; i++) {
      const cwd = await tree();
      const delay = Math.round((1.5 * span * (i + 1)) / steps);
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

const slowFs = path.join(import.meta.dirname, '..', 'helpers', 'slow-fs.mjs');

/** Resolves once the child has written `text` to stderr. */
const saidOnStderr = (child: ResultPromise, text: string) =>
  new Promise<void>((resolve) => {
    let seen = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
  });

/** Gawat Darurat 112 for Kota Gorontalo, and a region file that changes its phone number (an update to write). */
async function copyAndNewRegion(): Promise<{ cwd: string; copy: string; region: string }> {
  const cwd = await tree();
  const made = await replika(['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'gawat-darurat-112', '--out', 'out', '--yes'], cwd);
  expect(made.exitCode, made.stderr).toBe(0);
  const region = path.join(cwd, 'r.yaml');
  await writeFile(region, (await readFile(path.join(regions, 'kota-gorontalo.yaml'), 'utf8')).replace('+62 435 000000', '+62 435 111111'));
  return { cwd, copy: path.join(cwd, 'out', 'gawat-darurat-112'), region };
}

const stages = async (copy: string) => (await readdir(path.join(copy, '.replika'))).filter((name) => name !== 'base.json');

describe('an interrupt while a write is blocked', () => {
  it('update: the first interrupt waits a few seconds, then rolls the copy back and ends the run', async () => {
    const { cwd, copy, region } = await copyAndNewRegion();
    const before = await readAll(copy);
    const slow = { op: 'rename', arg: 1, match: path.join('config', 'settings.json'), ms: 60_000 };
    const child = execa('node', ['--import', slowFs, bin, 'update', copy, '--region', region, '--yes'], { cwd, reject: false, timeout: 30_000, env: { LANG: 'en_US.UTF-8', REPLIKA_TEST_SLOW: JSON.stringify(slow) } });
    await saidOnStderr(child, 'slow rename started');
    const sent = performance.now();
    child.kill('SIGINT');
    const run = await child;
    expect(run.timedOut, run.stderr).toBe(false);
    expect(performance.now() - sent).toBeLessThan(10_000);
    expect(run.exitCode, run.stderr).toBe(130);
    expect(run.stderr).toContain('undone');
    expect(await readAll(copy)).toEqual(before);
    expect(await stages(copy)).toEqual([]);
  });

  it('update: an interrupt while the stage is being removed ends the run only once it is gone', async () => {
    const { cwd, copy, region } = await copyAndNewRegion();
    const slow = { op: 'rm', arg: 0, match: path.join('.replika', 'update-'), ms: 1500 };
    const child = execa('node', ['--import', slowFs, bin, 'update', copy, '--region', region, '--yes'], { cwd, reject: false, timeout: 30_000, env: { LANG: 'en_US.UTF-8', REPLIKA_TEST_SLOW: JSON.stringify(slow) } });
    await saidOnStderr(child, 'slow rm started');
    child.kill('SIGTERM');
    const run = await child;
    expect([run.exitCode, run.signal], run.stderr).toEqual([143, undefined]);
    expect(await stages(copy)).toEqual([]);
    expect(await readFile(path.join(copy, 'config', 'settings.json'), 'utf8')).toContain('+62 435 111111');
  });

  it('new --force over a named pipe: nothing waits on the pipe, so an interrupt is never held without limit', async () => {
    const { cwd, copy } = await copyAndNewRegion();
    const settings = path.join(copy, 'config', 'settings.json');
    await rename(settings, `${settings}.old`);
    await execa('mkfifo', [settings]);
    const child = execa('node', [bin, 'new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'gawat-darurat-112', '--out', 'out', '--yes', '--force'], { cwd, reject: false, timeout: 30_000, env: { LANG: 'en_US.UTF-8' } });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    child.kill('SIGINT');
    const run = await child;
    expect(run.timedOut, run.stderr).toBe(false);
    expect([run.exitCode, run.stderr]).toEqual([1, expect.stringContaining('config/settings.json in the copy is not a regular file')]);
  });
});
