import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCatalog } from '../../src/lib/catalog/validate.js';
import { forgetCaches } from '../../src/lib/caches.js';
import { forkCatalog } from '../helpers/catalog.js';
import { replika } from '../helpers/cli.js';
import { tree } from '../helpers/tree.js';

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
});
