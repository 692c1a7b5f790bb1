import { createHash } from 'node:crypto';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetCaches } from '../../src/lib/caches.js';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { catalogIndex, indexText } from '../../src/lib/catalog/release.js';
import { forkCatalog } from '../helpers/catalog.js';
import { regions, replika } from '../helpers/cli.js';
import { listFiles, tree } from '../helpers/tree.js';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** The index `catalog release` would publish for a fork, written where it publishes it; returns its pin. */
async function publish(fork: string): Promise<string> {
  forgetCaches();
  const text = indexText(await catalogIndex(await loadCatalog(path.join(fork, 'catalog'), { fresh: true })));
  await mkdir(path.join(fork, 'dist'), { recursive: true });
  await writeFile(path.join(fork, 'dist', 'catalog.json'), text);
  return sha256(text);
}

/** The pin a fork has without a published index: the sha256 of the index it would have. */
async function pinOf(fork: string): Promise<string> {
  forgetCaches();
  return sha256(indexText(await catalogIndex(await loadCatalog(path.join(fork, 'catalog'), { fresh: true }))));
}

async function edit(file: string, change: (text: string) => string): Promise<() => Promise<void>> {
  const before = await readFile(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(file, after);
  return () => writeFile(file, before);
}

const newArgs = (fork: string, ...more: string[]) => ['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'gawat-darurat-112', '--yes', '--catalog', path.join(fork, 'catalog'), '--out', 'out', ...more];

describe('a pinned catalogue', () => {
  it('covers every template file an include can reach: a payload changed under the pin is refused, naming it, and never runs', async () => {
    const fork = await forkCatalog();
    const cwd = await tree();
    const payload = path.join(fork, 'templates', 'payload.ejs');
    await writeFile(payload, '');
    await writeFile(path.join(fork, 'templates', 'emergency', 'notes.txt.ejs'), "<%- include('../payload.ejs') %>\n");
    const pin = await publish(fork);
    await writeFile(payload, "<% process.stdout.write('PAYLOAD RAN\\n') %>");
    const run = await replika(newArgs(fork, '--catalog-sha256', pin), cwd);
    expect(run.stdout).not.toContain('PAYLOAD RAN');
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toContain('templates/payload.ejs is not what the published index says');
    expect(await listFiles(cwd)).toEqual([]);
  });

  it('covers every byte of the catalogue: entries in full, catalog.yaml, time zones, regions, schemas, every template folder', async () => {
    const fork = await forkCatalog();
    const cwd = await tree();
    const c = (...p: string[]) => path.join(fork, 'catalog', ...p);
    const edits: [string, string, (text: string) => string][] = [
      ['catalog/catalog.yaml', c('catalog.yaml'), (t) => t.replace('Replicated from {app}', 'Pay https://pay.example/ for {app}')],
      ['catalog/apps/gawat-darurat-112.yaml', c('apps', 'gawat-darurat-112.yaml'), (t) => t.replace('maxLength: 60', 'maxLength: 100000')],
      ['catalog/apps/gawat-darurat-112.yaml', c('apps', 'gawat-darurat-112.yaml'), (t) => t.replace('phone: "113"', 'phone: "114"')],
      ['catalog/apps/gawat-darurat-112.yaml', c('apps', 'gawat-darurat-112.yaml'), (t) => `${t}# a comment\n`],
      ['catalog/time-zones.yaml', c('time-zones.yaml'), (t) => t.replace('Asia/Pontianak: ["61", "62"]', 'Asia/Pontianak: ["61", "62", "75"]')],
      ['catalog/regions/kota-tangerang.yaml', c('regions', 'kota-tangerang.yaml'), (t) => t.replace('displayName: Pemerintah Kota Tangerang', 'displayName: Pemerintah Kota Tangerang Raya')],
      ['catalog/regions/kabupaten-poso.yaml', c('regions', 'kabupaten-poso.yaml'), (t) => `${t}\n`],
      ['catalog/schemas/app.schema.json', c('schemas', 'app.schema.json'), (t) => `${t}\n`],
      ['templates/_base/_partials/settings.en.md.ejs', path.join(fork, 'templates', '_base', '_partials', 'settings.en.md.ejs'), (t) => `${t}\n`],
      ['templates/directory/_template.yaml', path.join(fork, 'templates', 'directory', '_template.yaml'), (t) => `${t}\n`],
    ];
    const pin = await publish(fork);
    const bare = await pinOf(fork);
    expect((await replika(newArgs(fork, '--catalog-sha256', pin, '--dry-run'), cwd)).exitCode).toBe(0);
    for (const [name, file, change] of edits) {
      const restore = await edit(file, change);
      // Without the published index the pin itself changes; with it, the file that changed is named.
      expect(await pinOf(fork), name).not.toBe(bare);
      const run = await replika(newArgs(fork, '--catalog-sha256', pin, '--dry-run'), cwd);
      await restore();
      expect(run.exitCode, `${name}: ${run.stderr}`).toBe(4);
      expect(run.stderr, name).toContain(`${name} is not what the published index says`);
    }
    expect(await listFiles(cwd)).toEqual([]);
  });

  it('holds only files and folders: a symbolic link anywhere in it is refused, naming it', async () => {
    const fork = await forkCatalog();
    const outside = await tree({ 'poso.yaml': await readFile(path.join(fork, 'catalog', 'regions', 'kabupaten-poso.yaml'), 'utf8') });
    await symlink(path.join(outside, 'poso.yaml'), path.join(fork, 'catalog', 'regions', 'kabupaten-poso-link.yaml'));
    const cwd = await tree();
    const run = await replika(newArgs(fork), cwd);
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toContain('catalog/regions/kabupaten-poso-link.yaml is a symbolic link');
    expect(run.stderr).not.toContain('--catalog-sha256 ');
  });

  it('is needed by catalog validate and catalog release of any catalogue but the kit\'s own (exit 4, nothing rendered or written)', async () => {
    const fork = await forkCatalog();
    const cwd = await tree();
    await writeFile(path.join(fork, 'templates', 'emergency', 'notes.txt.ejs'), "<% process.stdout.write('TEMPLATE RAN\\n') %>\n");
    const catalog = path.join(fork, 'catalog');
    const validate = await replika(['catalog', 'validate', catalog], cwd);
    expect(validate.stdout).not.toContain('TEMPLATE RAN');
    expect(validate.exitCode).toBe(4);
    const pin = /--catalog-sha256 ([0-9a-f]{64})/.exec(validate.stderr)?.[1] ?? '';
    expect(pin).toBe(await pinOf(fork));
    expect((await replika(['catalog', 'validate', catalog, '--catalog-sha256', '0'.repeat(64)], cwd)).exitCode).toBe(4);
    const pinned = await replika(['catalog', 'validate', catalog, '--catalog-sha256', pin], cwd);
    expect(pinned.exitCode, pinned.stderr).toBe(0);
    expect(pinned.stdout).toContain('TEMPLATE RAN');

    await writeFile(path.join(fork, 'templates', 'emergency', 'changed.txt'), 'a change to release\n');
    const files = await listFiles(fork);
    const previous = await forkCatalog();
    const refused = await replika(['catalog', 'release', catalog, '--previous', path.join(previous, 'catalog')], cwd);
    expect(refused.stdout).not.toContain('TEMPLATE RAN');
    expect(refused.exitCode).toBe(4);
    expect(await listFiles(fork)).toEqual(files);
    const releasePin = /--catalog-sha256 ([0-9a-f]{64})/.exec(refused.stderr)?.[1] ?? '';
    const released = await replika(['catalog', 'release', catalog, '--previous', path.join(previous, 'catalog'), '--catalog-sha256', releasePin], cwd);
    expect(released.exitCode, released.stderr).toBe(0);
    expect(await listFiles(path.join(fork, 'dist'))).toEqual(['catalog.json']);
  });
});
