import { link, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { writeRun } from '../../src/lib/copy/write.js';
import type { Problem } from '../../src/lib/errors.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { applyUpdate, planUpdate } from '../../src/lib/update/update.js';
import { problemsOf } from '../helpers/catalog.js';
import { bin } from '../helpers/cli.js';
import { laksaCopy, regionDir } from '../helpers/copies.js';
import { readAll, tree } from '../helpers/tree.js';

const show = (p: Problem) => `${p.key} ${p.params?.path ?? ''}`.trim();

describe('new and update never write through a hard link', () => {
  it.each([true, false])('new with force %s: hard-linked files and records are replaced; the files they were linked to are untouched', async (force) => {
    const { copy, outside } = await laksaCopy();
    await writeFile(path.join(copy, 'README.md'), 'edited\n');
    for (const name of ['README.md', '.yo-rc.json', '.replika/base.json']) await link(path.join(copy, name), path.join(outside, path.basename(name)));
    const before = await readAll(outside);
    const catalog = await loadCatalog();
    const region = await regionDir({}, { phone: '+62 435 111111' });
    await writeRun(planRun(catalog, await loadRegion(path.join(region, 'r.yaml'), catalog, ['laksa']), ['laksa']), { destination: path.dirname(copy), force });
    expect(await readAll(outside)).toEqual(before);
    expect(await readFile(path.join(copy, '.yo-rc.json'), 'utf8')).toContain('+62 435 111111');
    for (const name of ['.yo-rc.json', '.replika/base.json']) expect((await stat(path.join(copy, name))).nlink).toBe(1);
    // Without force the edited README is kept as it is, link and all; with it, replaced.
    expect([(await stat(path.join(copy, 'README.md'))).nlink, (await readFile(path.join(copy, 'README.md'), 'utf8')) === 'edited\n']).toEqual(force ? [1, false] : [2, true]);
  });

  it('update replaces a hard-linked file instead of writing through it', async () => {
    const { copy, outside } = await laksaCopy();
    await link(path.join(copy, 'config', 'settings.json'), path.join(outside, 'settings.json'));
    const before = await readFile(path.join(outside, 'settings.json'), 'utf8');
    const region = await regionDir({}, { phone: '+62 435 111111' });
    await applyUpdate(await planUpdate(copy, { catalog: await loadCatalog(), regionFile: path.join(region, 'r.yaml') }));
    expect(await readFile(path.join(outside, 'settings.json'), 'utf8')).toBe(before);
    expect(await readFile(path.join(copy, 'config', 'settings.json'), 'utf8')).toContain('+62 435 111111');
  });
});

describe('a logo is read only from inside the settings folder', () => {
  it('not through a symlinked folder', async () => {
    const outside = await tree({ 'logo.svg': '<svg>someone else</svg>' });
    const region = await regionDir({}, { logo: 'assets/logo.svg' });
    await symlink(outside, path.join(region, 'assets'));
    expect(await problemsOf(async () => loadRegion(path.join(region, 'r.yaml'), await loadCatalog(), []), show)).toEqual(['region.logo assets/logo.svg']);
  });

  it('a named pipe as the logo is refused without opening it', async () => {
    const region = await regionDir({}, { logo: 'logo.svg' });
    await execa('mkfifo', [path.join(region, 'logo.svg')]);
    const run = await execa('node', [bin, 'new', '--region', 'r.yaml', '--app', 'laksa', '--out', 'out', '--yes', '--dry-run'], { cwd: region, reject: false, timeout: 20_000, env: { LANG: 'en_US.UTF-8' } });
    expect(run.timedOut).toBe(false);
    expect([run.exitCode, run.stderr]).toEqual([1, expect.stringContaining('logo.svg')]);
  });
});
