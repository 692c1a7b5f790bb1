import { chmod, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { runStep, type CommandStep } from '../../src/lib/copy/commands.js';
import { UserError } from '../../src/lib/errors.js';
import { formatProblems } from '../../src/lib/report.js';
import { forkCatalog } from '../helpers/catalog.js';
import { regions, replika } from '../helpers/cli.js';
import { tree } from '../helpers/tree.js';

/** A fake program on PATH that records its arguments and exits with `code`. */
async function fakeProgram(name: string, code: number): Promise<string> {
  const bin = await tree();
  const file = path.join(bin, name);
  await writeFile(file, `#!/bin/sh\nprintf '%s\\n' "$@" >> "${path.join(bin, 'calls.txt')}"\necho "fatal: pretend failure" >&2\nexit ${code}\n`);
  await chmod(file, 0o755);
  return bin;
}

const newArgs = (...extra: string[]) => ['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'gawat-darurat-112', '--out', 'out', '--yes', ...extra];

describe('post-generation commands', () => {
  it('git init runs in each copy without a shell, the path after --', async () => {
    const cwd = await tree();
    const run = await replika(newArgs('--git'), cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('git repository created in out/gawat-darurat-112');
    expect((await stat(path.join(cwd, 'out', 'gawat-darurat-112', '.git'))).isDirectory()).toBe(true);
  });

  it('a failing command is an error naming the command and its exit code, and the copy stays', async () => {
    const bin = await fakeProgram('git', 3);
    const cwd = await tree();
    const run = await replika(newArgs('--git'), cwd, { PATH: `${bin}:${process.env.PATH}` });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('"git init --quiet -- ." failed with exit code 3:\n      fatal: pretend failure');
    expect(await readFile(path.join(bin, 'calls.txt'), 'utf8')).toBe('init\n--quiet\n--\n.\n');
    expect((await stat(path.join(cwd, 'out', 'gawat-darurat-112', 'package.json'))).isFile()).toBe(true);
  });

  it('without git installed, the copy is written and a warning explains why there is no repository', async () => {
    const cwd = await tree();
    const bin = await tree();
    await symlink(process.execPath, path.join(bin, 'node'));
    const run = await replika(newArgs('--git'), cwd, { PATH: bin });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('Git repository will not be created, as Git is not installed on your system.');
  });

  it('npm install runs when asked, for a copy without a package-lock.json', async () => {
    // Templates without a lockfile, whatever the bundled ones ship.
    const fork = await forkCatalog();
    for (const file of await readdir(path.join(fork, 'templates'), { recursive: true })) {
      if (/(^|\/)package-lock\.json(\.ejs)?$/.test(file)) await rm(path.join(fork, 'templates', file));
    }
    const cwd = await tree();
    const run = await replika(newArgs('--install', '--catalog', path.join(fork, 'catalog'), '--trust'), cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('npm install done in out/gawat-darurat-112');
    expect(run.stdout).toContain('Next: cd out/gawat-darurat-112 && npm test && npm start');
    expect((await stat(path.join(cwd, 'out', 'gawat-darurat-112', 'package-lock.json'))).isFile()).toBe(true);
  });

  it('npm ci runs instead for a copy with a package-lock.json, without install scripts', async () => {
    // npm on PATH records its arguments, then is the real npm.
    const npm = (await execa('sh', ['-c', 'command -v npm'])).stdout;
    const bin = await tree();
    await writeFile(path.join(bin, 'npm'), `#!/bin/sh\nprintf '%s\\n' "$@" >> "${path.join(bin, 'calls.txt')}"\nexec "${npm}" "$@"\n`);
    await chmod(path.join(bin, 'npm'), 0o755);
    // A lockfile already in the copy counts like one its template writes (with --yes an edited one is kept).
    const lock = { name: 'kota-gorontalo-gawat-darurat-112', lockfileVersion: 3, requires: true, packages: { '': { name: 'kota-gorontalo-gawat-darurat-112' } } };
    const cwd = await tree({ 'out/gawat-darurat-112/package-lock.json': JSON.stringify(lock) });
    const run = await replika(newArgs('--install'), cwd, { PATH: `${bin}:${process.env.PATH}` });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('npm ci done in out/gawat-darurat-112');
    expect(run.stdout).toContain('Next: cd out/gawat-darurat-112 && npm test && npm start');
    expect(await readFile(path.join(bin, 'calls.txt'), 'utf8')).toBe('ci\n--no-audit\n--no-fund\n--ignore-scripts\n');
    // Without --install, the next steps name the install.
    const without = await replika(newArgs('--lang', 'id'), cwd);
    expect(without.stdout).toContain('Berikutnya: cd out/gawat-darurat-112 && npm ci && npm test && npm start');
  });

  it('a command that hangs is stopped by its timeout, with a clear error', async () => {
    const cwd = await tree();
    const step: CommandStep = { command: process.execPath, args: ['-e', 'setTimeout(() => {}, 60000)'], optional: false };
    const error = await runStep(step, cwd, 300).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(formatProblems((error as UserError).problems, 'en', false)).toMatch(/did not finish within 0 seconds/);
  });

  it('a required program that is missing is an error, not a crash', async () => {
    const error = await runStep({ command: 'replika-no-such-program', args: ['--', 'x'], optional: false }, await tree()).catch((e: unknown) => e);
    expect((error as UserError).problems[0]).toMatchObject({ key: 'command.missing', params: { command: 'replika-no-such-program' } });
  });
});
