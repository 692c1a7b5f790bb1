import { lstat, mkdir, readFile, rename, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { forgetCaches } from '../../src/lib/caches.js';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { writeRun } from '../../src/lib/copy/write.js';
import type { Problem } from '../../src/lib/errors.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { applyUpdate, copyStatus, planUpdate } from '../../src/lib/update/update.js';
import { forkCatalog, problemsOf } from '../helpers/catalog.js';
import { bin, replika } from '../helpers/cli.js';
import { gorontalo, laksaCopy, linkOut, regionDir } from '../helpers/copies.js';
import { listFiles, readAll, tree } from '../helpers/tree.js';

const show = (p: Problem) => `${p.key} ${p.params?.path ?? ''}`.trim();
const GIB = 2 ** 30;

const updateWith = async (copy: string, regionFile?: string) => applyUpdate(await planUpdate(copy, { catalog: await loadCatalog(), regionFile }));

describe('update and status never read or write through a link in the copy', () => {
  it('a symlinked folder of generated files: update --region is refused naming the link, the folder it points to untouched', async () => {
    const { copy, outside } = await laksaCopy();
    await linkOut(copy, outside, 'public');
    const before = await readAll(outside);
    const region = await regionDir({ 'logo.svg': '<svg/>' }, { logo: 'logo.svg', phone: '+62 435 111111' });
    expect(await problemsOf(() => updateWith(copy, path.join(region, 'r.yaml')), show)).toEqual(['copy.symlink public']);
    expect(await readAll(outside)).toEqual(before);
  });

  it('a file new to the copy under a symlinked folder is refused before anything is written', async () => {
    const fork = await forkCatalog();
    const catalog = await loadCatalog(path.join(fork, 'catalog'));
    const out = await tree({ 'outside/keep.txt': 'outside' });
    await writeRun(planRun(catalog, await loadRegion(gorontalo, catalog, ['laksa']), ['laksa']), { destination: path.join(out, 'out') });
    const copy = path.join(out, 'out', 'laksa');
    // The next catalogue adds docs/PANDUAN.md; this copy's docs folder is a link to another project's.
    await symlink(path.join(out, 'outside'), path.join(copy, 'docs'));
    await mkdir(path.join(fork, 'templates', 'aspirations', 'docs'));
    await writeFile(path.join(fork, 'templates', 'aspirations', 'docs', 'PANDUAN.md.ejs'), '# Panduan\n');
    await writeFile(path.join(fork, 'catalog', 'catalog.yaml'), (await readFile(path.join(fork, 'catalog', 'catalog.yaml'), 'utf8')).replace('version: 1.0.0', 'version: 1.1.0'));
    forgetCaches();
    const next = await loadCatalog(path.join(fork, 'catalog'));
    const before = await readAll(copy);
    expect(await problemsOf(async () => applyUpdate(await planUpdate(copy, { catalog: next })), show)).toEqual(['copy.symlink docs']);
    expect(await listFiles(path.join(out, 'outside'))).toEqual(['keep.txt']);
    expect(await readAll(copy)).toEqual(before);
  });

  it('.replika as a symlink: refused, the base it points to untouched and no stage made there', async () => {
    const { copy, outside } = await laksaCopy();
    await linkOut(copy, outside, '.replika');
    const before = await readAll(outside);
    const region = await regionDir({}, { phone: '+62 435 111111' });
    expect(await problemsOf(() => updateWith(copy, path.join(region, 'r.yaml')), show)).toEqual(['copy.symlink .replika']);
    expect(await readAll(outside)).toEqual(before);
  });

  it.each(['src', 'README.md'])('generated files behind a link (%s) are reported as such, not as deleted', async (name) => {
    const { copy, outside } = await laksaCopy();
    await linkOut(copy, outside, name);
    expect(await problemsOf(async () => copyStatus(copy, await loadCatalog()), show)).toEqual([`copy.symlink ${name}`]);
  });
});

describe('status and update read only the files the kit generated, each with a size cap', () => {
  it('a 3 GiB data file and .env beside the generated files are never read', async () => {
    const { copy } = await laksaCopy();
    await mkdir(path.join(copy, 'data'));
    for (const name of ['data/big.bin', '.env']) {
      await writeFile(path.join(copy, name), '');
      await truncate(path.join(copy, name), 3 * GIB);
    }
    const { modified, updateAvailable } = await copyStatus(copy, await loadCatalog());
    expect({ modified, updateAvailable }).toEqual({ modified: [], updateAvailable: false });
  });

  it('a generated file grown past the cap, or replaced by a named pipe, is a user error naming it', async () => {
    const { copy } = await laksaCopy();
    await truncate(path.join(copy, 'README.md'), 3 * GIB);
    await rename(path.join(copy, 'package.json'), path.join(copy, 'package.old'));
    await execa('mkfifo', [path.join(copy, 'package.json')]);
    expect((await problemsOf(async () => copyStatus(copy, await loadCatalog()), show)).sort()).toEqual(['copy.special package.json', 'copy.tooLarge README.md']);
  });
});

describe('built CLI: links and odd files in a copy', () => {
  it('status names a symlinked folder in both languages and exits 1', async () => {
    const cwd = await tree({ 'outside/keep.txt': 'x' });
    expect((await replika(['new', '--region', gorontalo, '--app', 'laksa', '--out', 'out', '--yes'], cwd)).exitCode).toBe(0);
    await linkOut(path.join(cwd, 'out', 'laksa'), path.join(cwd, 'outside'), 'src');
    const en = await replika(['status', 'out/laksa'], cwd);
    expect([en.exitCode, en.stderr]).toEqual([1, expect.stringContaining('src in the copy is a symbolic link')]);
    const id = await replika(['status', 'out/laksa'], cwd, { LANG: 'id_ID.UTF-8' });
    expect([id.exitCode, id.stderr]).toEqual([1, expect.stringContaining('src di salinan adalah tautan simbolik')]);
  });

  it('a named pipe as .yo-rc.json: status exits 1 at once instead of waiting on it', async () => {
    const cwd = await tree();
    expect((await replika(['new', '--region', gorontalo, '--app', 'gawat-darurat-112', '--out', 'out', '--yes'], cwd)).exitCode).toBe(0);
    const manifest = path.join(cwd, 'out', 'gawat-darurat-112', '.yo-rc.json');
    await rename(manifest, `${manifest}.old`);
    await execa('mkfifo', [manifest]);
    const run = await execa('node', [bin, 'status', 'out/gawat-darurat-112'], { cwd, reject: false, timeout: 20_000, env: { LANG: 'en_US.UTF-8' } });
    expect(run.timedOut).toBe(false);
    expect([run.exitCode, run.stderr]).toEqual([1, expect.stringContaining('.yo-rc.json in the copy is not a regular file')]);
    expect((await lstat(manifest)).isFIFO()).toBe(true);
  });
});
