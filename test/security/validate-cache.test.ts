import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetCaches } from '../../src/lib/caches.js';
import { validateCatalog } from '../../src/lib/catalog/validate.js';
import type { ValidateCache } from '../../src/lib/catalog/validate-cache.js';
import { forkCatalog } from '../helpers/catalog.js';
import { tree } from '../helpers/tree.js';

/** `catalog validate --cache` as two separate runs would see it: nothing kept in the process but the cache. */
async function validate(fork: string, cache: ValidateCache): Promise<string[]> {
  forgetCaches();
  const { problems } = await validateCatalog(path.join(fork, 'catalog'), { cache });
  return problems.map((p) => `${p.key} ${p.file ?? ''}`);
}

const emptyCache = (): ValidateCache => ({ yaml: new Map(), passed: new Map() });

describe('catalog validate --cache', () => {
  it('never passes from the cache a case whose included file changed, wherever it was included from', async () => {
    const fork = await forkCatalog();
    const outside = await tree({ 'linked.md.ejs': 'fine\n' });
    const t = (...p: string[]) => path.join(fork, 'templates', ...p);
    await writeFile(t('payload.ejs'), 'fine\n');
    await writeFile(t('emergency', 'notes.md.ejs'), "<%- include('../payload.ejs') %>");
    await symlink(path.join(outside, 'linked.md.ejs'), t('portal', '_partials', 'linked.md.ejs'));
    await writeFile(t('portal', 'notes.md.ejs'), "<%- include('@linked.md.ejs') %>");
    const cache = emptyCache();
    await validate(fork, cache);
    await writeFile(t('payload.ejs'), 'Kode: <%= region.kode %>\n');
    await writeFile(path.join(outside, 'linked.md.ejs'), 'Kode: <%= region.kode %>\n');
    const again = await validate(fork, cache);
    expect(again.some((p) => p.startsWith('template.') && p.endsWith(path.join('emergency', 'notes.md.ejs')))).toBe(true);
    expect(again.some((p) => p.startsWith('template.') && p.endsWith(path.join('portal', 'notes.md.ejs')))).toBe(true);
  });

  it('never passes from the cache a case whose logo changed', async () => {
    const fork = await forkCatalog();
    const regionsDir = path.join(fork, 'catalog', 'regions');
    const poso = path.join(regionsDir, 'kabupaten-poso.yaml');
    await writeFile(poso, (await readFile(poso, 'utf8')).replace('  shortName: Poso\n', '  shortName: Poso\n  logo: logo.svg\n'));
    await writeFile(path.join(regionsDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
    const cache = emptyCache();
    expect(await validate(fork, cache)).toEqual([]);
    expect(cache.passed.size).toBeGreaterThan(0);
    // The logo becomes a link to a file elsewhere: a fresh run refuses it, so a cached one must too.
    const outside = await tree({ 'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n' });
    await rm(path.join(regionsDir, 'logo.svg'));
    await symlink(path.join(outside, 'logo.svg'), path.join(regionsDir, 'logo.svg'));
    const logo = (problems: string[]) => problems.filter((p) => p.startsWith('region.logo ')).length;
    expect(logo(await validate(fork, emptyCache()))).toBeGreaterThan(0);
    expect(logo(await validate(fork, cache))).toBeGreaterThan(0);
  });
});
