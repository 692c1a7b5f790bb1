import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { regions, replika } from '../helpers/cli.js';
import { listFiles, tree } from '../helpers/tree.js';

describe('replika region new (official Kemendagri data)', () => {
  it('an ambiguous name without a TTY fails, listing both Banjars', async () => {
    const cwd = await tree();
    const run = await replika(['region', 'new', '--name', 'Banjar'], cwd);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('"Banjar" matches 2 regions: 32.79 Kota Banjar (Jawa Barat); 63.03 Kabupaten Banjar (Kalimantan Selatan)');
    expect(await listFiles(cwd)).toEqual([]);
  });

  it('--code 63.03 writes a file that validates for every application', async () => {
    const cwd = await tree();
    const run = await replika(['region', 'new', '--code', '63.03'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    const text = await readFile(path.join(cwd, 'kabupaten-banjar.yaml'), 'utf8');
    // The schema composed with the applications' settings, so that an editor checks apps.<id> too; it is there.
    const schema = /^# yaml-language-server: \$schema=(.*catalog\/schemas\/region\.composed\.schema\.json)\n/.exec(text)?.[1];
    expect(schema).toBeDefined();
    expect(existsSync(path.resolve(cwd, schema as string)), schema).toBe(true);
    expect(text).toContain('name: Kabupaten Banjar\nkind: kabupaten\nprovince: Kalimantan Selatan\ntimeZone: Asia/Makassar\ndomain: banjarkab.go.id\n');
    const list = JSON.parse((await replika(['list', '--json'], cwd)).stdout) as { apps: { id: string }[] };
    const check = await replika(['validate', 'kabupaten-banjar.yaml', '--app', list.apps.map((a) => a.id).join(',')], cwd);
    expect(check.exitCode, check.stderr).toBe(0);
    // It is not overwritten by accident.
    const again = await replika(['region', 'new', '--code', '63.03'], cwd);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('kabupaten-banjar.yaml already exists');
  });

  it('a name with a typo gets a suggestion; an unknown code is refused', async () => {
    const cwd = await tree();
    const typo = await replika(['region', 'new', '--name', 'Gorontallo'], cwd);
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain('Did you mean "Kabupaten Gorontalo" or "Kota Gorontalo"?');
    expect((await replika(['region', 'new', '--code', '99.99'], cwd)).stderr).toContain('99.99 is not the code of any of the 514 regencies and cities');
  });

  it('a region file whose province does not match its code fails with a clear message', async () => {
    const text = (await readFile(path.join(regions, 'kota-gorontalo.yaml'), 'utf8')).replace('province: Gorontalo', 'province: Jawa Barat');
    const cwd = await tree({ 'r.yaml': text });
    const run = await replika(['validate', 'r.yaml'], cwd);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('r.yaml:8:11  /province  province "Jawa Barat" does not match code 75.71\n    → Region 75.71 is in Gorontalo: correct the province or the code.');
  });

  it('checks names against the official list, with did-you-mean', async () => {
    const text = (await readFile(path.join(regions, 'kota-gorontalo.yaml'), 'utf8')).replace('name: Kota Gorontalo', 'name: Kota Gorontallo');
    const run = await replika(['validate', 'r.yaml'], await tree({ 'r.yaml': text }));
    expect(run.stderr).toContain('"Kota Gorontallo" is not the official name for 75.71\n    → Did you mean "Kota Gorontalo"?');
  });
});
