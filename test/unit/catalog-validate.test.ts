import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCatalog } from '../../src/lib/catalog/validate.js';
import { forgetCaches } from '../../src/lib/caches.js';
import { forkCatalog } from '../helpers/catalog.js';
import { replika } from '../helpers/cli.js';
import { listFiles, tree } from '../helpers/tree.js';

describe('replika catalog validate', () => {
  it('passes the bundled catalogue, rendering every app for every region file', async () => {
    const run = await replika(['catalog', 'validate'], await tree());
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Catalogue valid: \d+ applications × 4 region files, \d+ copies and \d+ files rendered and checked\.$/m);
  });

  it('reports every kind of finding in one run, with the file', async () => {
    const dir = await forkCatalog();
    const t = (...p: string[]) => path.join(dir, 'templates', ...p);
    await writeFile(t('emergency', 'notes.md.ejs'), 'Kode: <%= region.kode %>\n');
    await writeFile(t('portal', 'origin.txt'), 'Dibuat oleh Diskominfo Kota Tangerang\n');
    await writeFile(t('directory', 'extra.json.ejs'), '{ "name": <%- JSON.stringify(region.name) %>, }\n');
    await mkdir(t('orphan'));
    await writeFile(t('orphan', 'x.txt'), 'x');
    forgetCaches();
    const { problems } = await validateCatalog(path.join(dir, 'catalog'));
    const keys = new Set(problems.map((p) => `${p.key} ${String(p.params?.path ?? p.params?.name ?? p.file ?? '').replace(/^.*\//, '')}`));
    expect(keys).toContain('template.render notes.md.ejs');
    expect(keys).toContain('catalog.portability origin.txt');
    expect(keys).toContain('catalog.roundTrip extra.json');
    expect(keys).toContain('catalog.unusedTemplate orphan');
  });

  it('--cache re-checks only what changed, and never takes a changed or failing case from the cache', async () => {
    const dir = await forkCatalog();
    const cwd = await tree();
    const validate = () => replika(['catalog', 'validate', path.join(dir, 'catalog'), '--cache', '--trust'], cwd);
    const cached = (stdout: string) => Number(/^(\d+) of them unchanged/m.exec(stdout)?.[1] ?? 0);
    const first = await validate();
    expect(first.exitCode, first.stderr).toBe(0);
    expect(cached(first.stdout)).toBe(0);
    const copies = Number(/(\d+) copies/.exec(first.stdout)?.[1]);
    expect(cached((await validate()).stdout)).toBe(copies);

    // A template every emergency copy uses breaks: its cases run again (one per region file) and fail.
    await appendFile(path.join(dir, 'templates', 'emergency', 'src', 'text.js'), '');
    await writeFile(path.join(dir, 'templates', 'emergency', 'notes.md.ejs'), 'Kode: <%= region.kode %>\n');
    const broken = await validate();
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toContain('notes.md.ejs');
    // Still failing on the next run: a failure is never cached.
    expect((await validate()).exitCode).toBe(1);

    // Fixed: only the cases that render the emergency template run again: Gawat Darurat 112 itself and Tangerang
    // LIVE, which requires it (rendered together), for each of the four region files.
    await writeFile(path.join(dir, 'templates', 'emergency', 'notes.md.ejs'), 'Kode: <%= region.code %>\n');
    const fixed = await validate();
    expect(fixed.exitCode, fixed.stderr).toBe(0);
    expect(cached(fixed.stdout)).toBe(copies - 2 * 4);

    // A region file changes: its cases run again, and a mistake in it is reported at its line.
    const banjar = path.join(dir, 'catalog', 'regions', 'kabupaten-banjar.yaml');
    await writeFile(banjar, (await readFile(banjar, 'utf8')).replace(/^domain: .*$/m, 'domain: banjarkab.com'));
    const region = await validate();
    expect(region.exitCode).toBe(1);
    expect(region.stderr).toMatch(/kabupaten-banjar\.yaml:\d+:\d+/);
    expect(JSON.parse(await readFile(path.join(cwd, '.replika-cache.json'), 'utf8')).kit).toMatch(/^[0-9a-f]{64}$/);
  });

  it('--cache ignores a cache it cannot read, or one written by another build of the kit', async () => {
    const dir = await forkCatalog();
    const cwd = await tree({ '.replika-cache.json': '{ not json' });
    const cacheFile = path.join(cwd, '.replika-cache.json');
    const validate = () => replika(['catalog', 'validate', path.join(dir, 'catalog'), '--cache', '--trust'], cwd);
    const unreadable = await validate();
    expect(unreadable.exitCode, unreadable.stderr).toBe(0);
    expect(unreadable.stdout).not.toMatch(/unchanged since the last check/);
    const stored = JSON.parse(await readFile(cacheFile, 'utf8')) as { kit: string; passed: unknown[] };
    expect(stored.passed.length).toBeGreaterThan(0);
    await writeFile(cacheFile, JSON.stringify({ ...stored, kit: 'another build' }));
    expect((await validate()).stdout).not.toMatch(/unchanged since the last check/);
    expect((await validate()).stdout).toMatch(/unchanged since the last check/);
  });

  it('--cache-location that cannot hold the cache: a folder is refused before checking, an unwritable path after', async () => {
    const cwd = await tree({ 'taken/keep.txt': 'x', 'plain.txt': 'x' });
    const folder = await replika(['catalog', 'validate', '--cache-location', 'taken'], cwd);
    expect(folder.exitCode).toBe(2);
    expect(folder.stderr).toContain('taken is not a file, so it cannot hold the cache\n    → Give --cache-location the path of a file');
    expect(folder.stdout).toBe('');
    const under = await replika(['catalog', 'validate', '--cache-location', 'plain.txt/cache.json'], cwd);
    expect(under.exitCode).toBe(1);
    expect(under.stdout).toMatch(/^Catalogue valid: /);
    expect(under.stderr).toMatch(/the cache could not be written to plain\.txt\/cache\.json \(E[A-Z]+\)\n    → Give --cache-location a file in a folder you can write to/);
    expect(await listFiles(cwd)).toEqual(['plain.txt', 'taken/keep.txt']);
  });
});
