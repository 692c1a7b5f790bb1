import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { npmErrorLines, openDependencyCache } from '../../src/lib/check/dependencies.js';
import { UserError } from '../../src/lib/errors.js';
import { formatProblems } from '../../src/lib/report.js';
import { root } from '../helpers/cli.js';
import { tree } from '../helpers/tree.js';

// A lockfile as npm writes it for a copy named kota-gorontalo-laksa that depends on is-number 7.0.0.
const LOCK = JSON.parse(await readFile(path.join(root, 'test', 'fixtures', 'dependencies', 'package-lock.json'), 'utf8'));

/** A copy folder whose package.json and lockfile name it `name`; `edit` changes the lockfile before it is written. */
async function copyNamed(name: string, edit: (lock: typeof LOCK) => void = () => undefined): Promise<string> {
  const lock = structuredClone(LOCK);
  lock.name = lock.packages[''].name = name;
  edit(lock);
  const pkg = { name, version: '1.0.0', private: true, type: 'module', dependencies: lock.packages[''].dependencies ?? {} };
  return tree({ 'package.json': JSON.stringify(pkg), 'package-lock.json': JSON.stringify(lock) });
}

/** What `import('is-number')` gives in the copy: how Node.js resolves the package from there. */
const imports = async (copy: string) =>
  (await execa('node', ['--input-type=module', '-e', "const { default: isNumber } = await import('is-number'); console.log(isNumber(5), isNumber('x'))"], { cwd: copy })).stdout;

const entries = async (dir: string) => (await readdir(dir)).sort();

describe('dependencies of copies whose tests are run', () => {
  it('installs one set once for copies of two regions, and each copy imports it through a link', async () => {
    const installs: string[] = [];
    const cache = await openDependencyCache({ root: await tree(), onInstall: (key) => installs.push(key) });
    const gorontalo = await copyNamed('kota-gorontalo-laksa');
    const banjar = await copyNamed('kabupaten-banjar-laksa', (lock) => (lock.packages[''].version = '1.0.1'));
    // At the same time, as check's two workers do: the second waits for the first one's install.
    const keys = await Promise.all([cache.link(gorontalo), cache.link(banjar)]);
    expect(installs).toHaveLength(1);
    expect(keys).toEqual([installs[0], installs[0]]);
    expect(await entries(cache.root)).toEqual([installs[0]]);
    for (const copy of [gorontalo, banjar]) {
      expect((await stat(path.join(copy, 'node_modules'))).isDirectory()).toBe(true);
      expect(await imports(copy)).toBe('true false');
    }
    // A cache opened again on the same folder finds the set installed: no second npm ci.
    const again = await openDependencyCache({ root: cache.root, onInstall: (key) => installs.push(key) });
    const third = await copyNamed('kabupaten-poso-laksa');
    expect(await again.link(third)).toBe(installs[0]);
    expect(installs).toHaveLength(1);
    expect(await imports(third)).toBe('true false');
    await again.close();
    expect(await entries(cache.root)).toEqual([installs[0]]);
  });

  it('installs nothing for a copy without dependencies, and a cache of its own is removed when closed', async () => {
    const installs: string[] = [];
    const cache = await openDependencyCache({ onInstall: (key) => installs.push(key) }, {});
    const rootOnly = await copyNamed('kota-gorontalo-live', (lock) => {
      delete lock.packages['node_modules/is-number'];
      delete lock.packages[''].dependencies;
    });
    const unlocked = await tree({ 'package.json': '{"name":"kota-gorontalo-portal","version":"1.0.0"}' });
    expect(await cache.link(rootOnly)).toBeUndefined();
    expect(await cache.link(unlocked)).toBeUndefined();
    expect(installs).toEqual([]);
    expect(await entries(rootOnly)).toEqual(['package-lock.json', 'package.json']);
    expect(await entries(unlocked)).toEqual(['package.json']);
    await cache.close();
    await expect(stat(cache.root)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a failed install is a user error with what npm said, leaves no half cache, and is not tried again', async () => {
    const installs: string[] = [];
    const cache = await openDependencyCache({ root: await tree(), onInstall: (key) => installs.push(key) });
    // Out of step with its own root entry: npm ci refuses it before fetching anything.
    const broken = (lock: typeof LOCK) => (lock.packages['node_modules/is-number'].version = '6.0.0');
    const copies = [await copyNamed('kota-gorontalo-laksa', broken), await copyNamed('kabupaten-banjar-laksa', broken)];
    const errors = await Promise.all(copies.map((copy) => cache.link(copy).catch((e: unknown) => e)));
    expect(installs).toHaveLength(1);
    for (const error of errors) {
      expect(error).toBeInstanceOf(UserError);
      const text = formatProblems((error as UserError).problems, 'en', false);
      // One install for both, named after whichever copy asked first (their lockfiles are read at the same time).
      expect(text).toMatch(/the dependencies of (kota-gorontalo|kabupaten-banjar)-laksa could not be installed: "npm ci --ignore-scripts --no-audit --no-fund" failed with exit code 1:/);
      expect(text).toContain("Invalid: lock file's is-number@6.0.0 does not satisfy is-number@7.0.0");
      expect(text).toContain('→ Check that the npm registry can be reached');
      expect(formatProblems((error as UserError).problems, 'id', false)).toMatch(/dependensi (kota-gorontalo|kabupaten-banjar)-laksa tidak dapat dipasang/);
    }
    expect(await entries(cache.root)).toEqual([]);
    for (const copy of copies) expect(await entries(copy)).toEqual(['package-lock.json', 'package.json']);
  });

  it('a lockfile that is not JSON, or has no packages, is a user error naming it', async () => {
    const cache = await openDependencyCache({ root: await tree() });
    const garbled = await tree({ 'package-lock.json': '{"packages": ' });
    const old = await tree({ 'package-lock.json': '{"lockfileVersion": 1, "dependencies": {}}' });
    for (const [copy, reason] of [[garbled, /cannot be read as an npm lockfile: .*JSON/], [old, /no "packages" \(lockfileVersion 2 or 3\)/]] as const) {
      const error = (await cache.link(copy).catch((e: unknown) => e)) as UserError;
      expect(error.problems[0]).toMatchObject({ key: 'dependencies.lockfile', file: path.join(copy, 'package-lock.json') });
      expect(formatProblems(error.problems, 'en', false)).toMatch(reason);
    }
  });

  it("shows npm's reason and its log, not its usage text", () => {
    const usage = ['npm warn old', 'npm error code EUSAGE', 'npm error', 'npm error why', ...Array.from({ length: 20 }, (_, i) => `npm error help ${i}`), 'npm error A complete log of this run can be found in: x.log'];
    expect(npmErrorLines(usage.join('\n'), 3)).toEqual(['npm error code EUSAGE', 'npm error', 'npm error why', '…', 'npm error A complete log of this run can be found in: x.log']);
    expect(npmErrorLines('a\nb\nc', 2)).toEqual(['b', 'c']);
  });
});
