import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { writeRun } from '../../src/lib/copy/write.js';
import type { Problem } from '../../src/lib/errors.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { applyUpdate, copyStatus, planUpdate, updateDiffs } from '../../src/lib/update/update.js';
import { forgetCaches } from '../../src/lib/caches.js';
import { forkCatalog, problemsOf } from '../helpers/catalog.js';
import { linkDependencies } from '../helpers/dependencies.js';
import { listFiles, tree } from '../helpers/tree.js';

const edit = async (file: string, from: string, to: string) => {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  await writeFile(file, text.replace(from, to));
};

/** A forked catalogue at version N, and LAKSA for Kota Gorontalo generated from it. */
async function laksaAtN(): Promise<{ fork: string; copy: string }> {
  const fork = await forkCatalog();
  const catalog = await loadCatalog(path.join(fork, 'catalog'));
  const region = await loadRegion(path.join(fork, 'catalog', 'regions', 'kota-gorontalo.yaml'), catalog, ['laksa']);
  const out = await tree();
  await writeRun(planRun(catalog, region, ['laksa']), { destination: out });
  return { fork, copy: path.join(out, 'laksa') };
}

/** Catalogue N+1: LAKSA 1.1.0 with changes in the README, the interface text, the rules and a new guide. */
async function releaseNplus1(fork: string): Promise<void> {
  await release(fork);
  forgetCaches();
}

async function release(fork: string): Promise<void> {
  await edit(path.join(fork, 'catalog', 'catalog.yaml'), 'version: 1.0.0', 'version: 1.1.0');
  await edit(path.join(fork, 'catalog', 'apps', 'laksa.yaml'), 'version: 1.0.0', 'version: 1.1.0');
  await edit(path.join(fork, 'templates', '_base', 'README.md.ejs'), '## Fitur\n', '## Fitur aplikasi\n');
  await edit(path.join(fork, 'templates', 'aspirations', 'src', 'text.js'), "title: 'Send an aspiration or complaint',", "title: 'Send us an aspiration or a complaint',");
  await edit(path.join(fork, 'templates', 'aspirations', 'src', 'laksa.js'), '\n', '\n// Catalogue 1.1.0: rules unchanged, documented.\n');
  await mkdir(path.join(fork, 'templates', 'aspirations', 'docs'));
  await writeFile(path.join(fork, 'templates', 'aspirations', 'docs', 'PANDUAN.md.ejs'), '# Panduan petugas <%= app.name %>\n');
}

async function checksums(dir: string): Promise<Record<string, string>> {
  const files = await listFiles(dir);
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, createHash('sha256').update(await readFile(path.join(dir, f))).digest('hex')] as const)));
}

describe('replika update', () => {
  it('keeps two user edits, applies the other changes, marks the one real conflict; the copy still passes its tests', async () => {
    const { fork, copy } = await laksaAtN();
    // Gorontalo's staff edit two files: the README heading the catalogue will also change, and one UI text.
    await edit(path.join(copy, 'README.md'), '## Fitur\n', '## Fitur layanan Gorontalo\n');
    await edit(path.join(copy, 'src', 'text.js'), "title: 'Sampaikan aspirasi atau pengaduan',", "title: 'Sampaikan aspirasi Anda',");
    await releaseNplus1(fork);
    const catalog = await loadCatalog(path.join(fork, 'catalog'));
    const before = await copyStatus(copy, catalog);
    expect(before.updateAvailable).toBe(true);
    expect(before.modified).toEqual(['README.md', 'src/text.js']);

    const plan = await planUpdate(copy, { catalog });
    const outcomes = Object.fromEntries(plan.changes.filter((c) => c.outcome !== 'unchanged').map((c) => [c.path, c.outcome]));
    expect(outcomes).toEqual({ 'README.md': 'conflicted', 'docs/PANDUAN.md': 'added', 'src/laksa.js': 'updated', 'src/text.js': 'merged', 'config/settings.json': 'updated', 'package.json': 'updated', 'package-lock.json': 'updated', 'publiccode.yml': 'updated' });
    await applyUpdate(plan);

    const readme = await readFile(path.join(copy, 'README.md'), 'utf8');
    expect(readme).toContain('<<<<<<< kept (this copy)\n## Fitur layanan Gorontalo\n=======\n## Fitur aplikasi\n>>>>>>> catalogue (new version)\n');
    const text = await readFile(path.join(copy, 'src', 'text.js'), 'utf8');
    expect(text).toContain("title: 'Sampaikan aspirasi Anda',");
    expect(text).toContain("title: 'Send us an aspiration or a complaint',");
    expect(await readFile(path.join(copy, 'src', 'laksa.js'), 'utf8')).toContain('// Catalogue 1.1.0: rules unchanged, documented.');
    expect(await readFile(path.join(copy, 'docs', 'PANDUAN.md'), 'utf8')).toBe('# Panduan petugas LAKSA Gorontalo\n');
    const manifest = JSON.parse(await readFile(path.join(copy, '.yo-rc.json'), 'utf8'))['generator-replika'];
    expect(manifest).toMatchObject({ catalog: { version: '1.1.0' }, app: { version: '1.1.0' } });
    // The conflict is in the README; the code merged cleanly, so the copy's own tests pass.
    await linkDependencies(copy);
    const test = await execa('npm', ['test'], { cwd: copy, reject: false, all: true, env: { DATABASE_URL: '' } });
    expect(test.exitCode, test.all).toBe(0);
    // Up to date now, with the user's files still reported as theirs.
    const after = await copyStatus(copy, catalog);
    expect(after.updateAvailable).toBe(false);
    expect(after.modified).toEqual(['README.md', 'src/text.js']);
  });

  it('--dry-run writes nothing and shows a unified diff per file', async () => {
    const { fork, copy } = await laksaAtN();
    await releaseNplus1(fork);
    const before = await checksums(copy);
    const plan = await planUpdate(copy, { catalog: await loadCatalog(path.join(fork, 'catalog')) });
    const diffs = updateDiffs(plan).join('\n');
    expect(diffs).toContain('--- a/README.md\n+++ b/README.md');
    expect(diffs).toContain('-## Fitur\n+## Fitur aplikasi');
    expect(await checksums(copy)).toEqual(before);
  });

  it('with --conflict rej keeps the user\'s file whole and writes the catalogue\'s change beside it', async () => {
    const { fork, copy } = await laksaAtN();
    await edit(path.join(copy, 'README.md'), '## Fitur\n', '## Fitur kami\n');
    await releaseNplus1(fork);
    await applyUpdate(await planUpdate(copy, { catalog: await loadCatalog(path.join(fork, 'catalog')), conflict: 'rej' }));
    expect(await readFile(path.join(copy, 'README.md'), 'utf8')).toContain('## Fitur kami\n');
    expect(await readFile(path.join(copy, 'README.md'), 'utf8')).not.toContain('<<<<<<<');
    expect(await readFile(path.join(copy, 'README.md.rej'), 'utf8')).toContain('-## Fitur\n+## Fitur aplikasi');
  });

  it('a deleted file stays deleted; a dropped template file goes only if unedited', async () => {
    const { fork, copy } = await laksaAtN();
    const { rm } = await import('node:fs/promises');
    await rm(path.join(copy, '.env.example'));
    await edit(path.join(copy, 'src', 'store.js'), '\n', '\n// our note\n');
    await rm(path.join(fork, 'templates', 'aspirations', 'src', 'store.js'));
    await rm(path.join(fork, 'templates', 'aspirations', 'src', 'views.js'));
    await edit(path.join(fork, 'templates', 'aspirations', 'src', 'app.js'), '\n', '\n// no views module any more\n');
    forgetCaches();
    const plan = await planUpdate(copy, { catalog: await loadCatalog(path.join(fork, 'catalog')) });
    const outcome = (p: string) => plan.changes.find((c) => c.path === p)?.outcome;
    expect([outcome('.env.example'), outcome('src/store.js'), outcome('src/views.js')]).toEqual(['deleted-kept', 'kept', 'removed']);
    await applyUpdate(plan);
    const files = await listFiles(copy);
    expect(files).not.toContain('.env.example');
    expect(files).toContain('src/store.js');
    expect(files).not.toContain('src/views.js');
  });

  it('re-renders with changed settings, applies renamed-setting migrations, and names a new required setting', async () => {
    const { fork, copy } = await laksaAtN();
    // A new name for the communication office, through --region.
    const regionFile = path.join(fork, 'catalog', 'regions', 'kota-gorontalo.yaml');
    await edit(regionFile, 'name: Dinas Komunikasi, Informatika dan Persandian', 'name: Dinas Komunikasi, Informatika, Statistik dan Persandian');
    forgetCaches();
    const catalog = await loadCatalog(path.join(fork, 'catalog'));
    await applyUpdate(await planUpdate(copy, { catalog, regionFile }));
    expect(await readFile(path.join(copy, 'config', 'settings.json'), 'utf8')).toContain('Dinas Komunikasi, Informatika, Statistik dan Persandian');

    // Catalogue 1.1.0 renames forwardToLapor to forwardToNational, with a migration.
    const fork2 = await forkCatalog();
    const app = path.join(fork2, 'catalog', 'apps', 'laksa.yaml');
    await edit(app, 'version: 1.0.0', 'version: 1.1.0\nmigrations:\n  - { version: 1.1.0, rename: { forwardToLapor: forwardToNational } }');
    await edit(app, '    forwardToLapor:\n', '    forwardToNational:\n');
    for (const file of ['src/views.js', 'test/app.test.js']) await edit(path.join(fork2, 'templates', 'aspirations', file), 'settings.forwardToLapor', 'settings.forwardToNational');
    forgetCaches();
    await applyUpdate(await planUpdate(copy, { catalog: await loadCatalog(path.join(fork2, 'catalog')) }));
    const settings = JSON.parse(await readFile(path.join(copy, 'config', 'settings.json'), 'utf8')).settings;
    expect(settings).toMatchObject({ forwardToNational: true });
    expect(settings.forwardToLapor).toBeUndefined();

    // Catalogue 1.2.0 adds a required setting without a default: the update stops, naming it.
    await edit(app, 'version: 1.1.0\n', 'version: 1.2.0\n');
    await edit(app, 'settings:\n  type: object\n', 'settings:\n  type: object\n  required: [officer]\n');
    await edit(app, '  properties:\n    categories:', '  properties:\n    officer: { type: string }\n    categories:');
    forgetCaches();
    const before = await checksums(copy);
    const show = (p: Problem) => `${p.pointer} ${p.key} ${p.params?.property ?? ''}`;
    expect(await problemsOf(async () => planUpdate(copy, { catalog: await loadCatalog(path.join(fork2, 'catalog')) }), show)).toEqual(['/generator-replika/settings/apps/laksa/officer schema.required officer', '/generator-replika/settings records.settings ']);
    expect(await checksums(copy)).toEqual(before);
  });

  it('a failed write leaves the copy as it was, manifest included', async () => {
    const { fork, copy } = await laksaAtN();
    await releaseNplus1(fork);
    // A file where the update needs a folder: the new guide cannot be written.
    await writeFile(path.join(copy, 'docs'), 'not a folder');
    const before = await checksums(copy);
    const plan = await planUpdate(copy, { catalog: await loadCatalog(path.join(fork, 'catalog')) });
    await expect(applyUpdate(plan)).rejects.toThrow(/the update could not be written/);
    expect(await checksums(copy)).toEqual(before);
  });
});
