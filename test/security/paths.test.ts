import { lstat, mkdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { writeRun } from '../../src/lib/copy/write.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { forkCatalog, problemsOf } from '../helpers/catalog.js';
import { listFiles, tree } from '../helpers/tree.js';

const root = path.resolve(import.meta.dirname, '../..');
const gorontalo = path.join(root, 'catalog', 'regions', 'kota-gorontalo.yaml');

const fork = () => forkCatalog({ 'sentinel.txt': 'untouched' });
const keys = (work: () => unknown) => problemsOf(work, (p) => `${p.key} ${p.params?.reason ?? p.params?.path ?? ''}`.trim());

describe('output paths never leave the destination', () => {
  it.each([
    ['dot-./x.txt', '".." segment'],
    ['dot-git/config', 'reserved name .git'],
    ['dot-yo-rc.json', 'reserved name .yo-rc.json'],
    ['CON.txt', 'Windows reserved name CON.txt'],
    ['aux', 'Windows reserved name aux'],
    ['a\\..\\x', 'backslash'],
    ['C:x', 'absolute path'],
    ['trailing.', 'name ends with a dot or space'],
  ])('a template file %j is refused before anything is written (%s)', async (name, reason) => {
    const dir = await fork();
    const file = path.join(dir, 'templates', 'emergency', name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'x');
    const catalog = await loadCatalog(path.join(dir, 'catalog'));
    const region = await loadRegion(gorontalo, catalog, ['gawat-darurat-112']);
    const out = path.join(dir, 'out');
    expect(await keys(async () => writeRun(planRun(catalog, region, ['gawat-darurat-112']), { destination: out }))).toEqual([`path.unsafe ${reason}`]);
    expect(await lstat(out).catch(() => 'absent')).toBe('absent');
    expect(await readFile(path.join(dir, 'sentinel.txt'), 'utf8')).toBe('untouched');
  });

  it('an app id that is a path is a catalogue error', async () => {
    const dir = await fork();
    const text = await readFile(path.join(dir, 'catalog', 'apps', 'laksa.yaml'), 'utf8');
    await writeFile(path.join(dir, 'catalog', 'apps', 'laksa.yaml'), text.replace('id: laksa', 'id: ../x'));
    expect(await keys(() => loadCatalog(path.join(dir, 'catalog')))).toContain('schema.pattern');
  });

  it.each(['folder', 'dangling'])('a symbolic link (%s) inside the destination is refused and its target untouched', async (kind) => {
    const dir = await tree({ 'outside/keep.txt': 'outside' });
    const out = path.join(dir, 'out');
    await mkdir(path.join(out, 'gawat-darurat-112'), { recursive: true });
    const target = kind === 'folder' ? path.join(dir, 'outside') : path.join(dir, 'nowhere');
    await symlink(target, path.join(out, 'gawat-darurat-112', 'src'));
    const catalog = await loadCatalog();
    const region = await loadRegion(gorontalo, catalog, ['gawat-darurat-112']);
    expect(await keys(() => writeRun(planRun(catalog, region, ['gawat-darurat-112']), { destination: out }))).toEqual(['path.symlink gawat-darurat-112/src']);
    expect(await listFiles(path.join(dir, 'outside'))).toEqual(['keep.txt']);
    expect(await readlink(path.join(out, 'gawat-darurat-112', 'src'))).toBe(target);
    expect(await listFiles(out)).toEqual([]);
  });

  it('a logo is read only from the settings file\'s folder, never through a link', async () => {
    const base = await readFile(gorontalo, 'utf8');
    const dir = await tree({ 'secret.svg': '<svg>secret</svg>', 'region/logo.svg': '<svg>logo</svg>' });
    await symlink(path.join(dir, 'secret.svg'), path.join(dir, 'region', 'linked.svg'));
    const withLogo = (logo: string) => base.replace('  shortName: Gorontalo\n', `  shortName: Gorontalo\n  logo: ${logo}\n`);
    const catalog = await loadCatalog();
    for (const logo of ['a/../../secret.svg', 'linked.svg', 'missing.svg']) {
      await writeFile(path.join(dir, 'region', 'r.yaml'), withLogo(logo));
      expect(await keys(() => loadRegion(path.join(dir, 'region', 'r.yaml'), catalog, []))).toEqual([`region.logo ${logo}`]);
    }
    await writeFile(path.join(dir, 'region', 'r.yaml'), withLogo('logo.svg'));
    const region = await loadRegion(path.join(dir, 'region', 'r.yaml'), catalog, ['gawat-darurat-112']);
    const files = planRun(catalog, region, ['gawat-darurat-112']).copies[0]?.files ?? [];
    expect(files.find((f) => f.path === 'public/logo.svg')?.contents.toString()).toBe('<svg>logo</svg>');
  });

  it('a destination that is itself a link is refused', async () => {
    const dir = await tree({ 'real/keep.txt': 'x' });
    await symlink(path.join(dir, 'real'), path.join(dir, 'link'));
    const catalog = await loadCatalog();
    const region = await loadRegion(gorontalo, catalog, ['gawat-darurat-112']);
    expect(await keys(() => writeRun(planRun(catalog, region, ['gawat-darurat-112']), { destination: path.join(dir, 'link') }))).toEqual([`path.symlink ${path.join(dir, 'link')}`]);
    expect(await listFiles(path.join(dir, 'real'))).toEqual(['keep.txt']);
  });

  it('outputs that differ only by case or Unicode normalisation are refused before any write', async () => {
    const dir = await fork();
    await writeFile(path.join(dir, 'templates', 'emergency', 'Caf\u00e9.txt'), 'a');
    await writeFile(path.join(dir, 'templates', 'emergency', 'cafe\u0301.txt'), 'b');
    const catalog = await loadCatalog(path.join(dir, 'catalog'));
    const region = await loadRegion(gorontalo, catalog, ['gawat-darurat-112']);
    const out = path.join(dir, 'out');
    expect(await keys(() => writeRun(planRun(catalog, region, ['gawat-darurat-112']), { destination: out }))).toEqual(['path.collision cafe\u0301.txt']);
    expect(await lstat(out).catch(() => 'absent')).toBe('absent');
  });
});
