import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { regions, replika, root } from '../helpers/cli.js';
import { listFiles, readAll, tree } from '../helpers/tree.js';

const ORIGIN = /tangerang|36\.71/i;
const exists = (p: string) => stat(p).then(() => true, () => false);

describe('replika (built CLI, no TTY)', () => {
  it('prints help and lists the catalogue', async () => {
    const cwd = await tree();
    const helpRun = await replika(['--help'], cwd);
    expect(helpRun.exitCode).toBe(0);
    expect(helpRun.stdout).toMatch(/new .*\n.*validate .*\n.*list /);
    const list = await replika(['list', '--json'], cwd);
    const ids = (JSON.parse(list.stdout) as { apps: { id: string }[] }).apps.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['gawat-darurat-112', 'laksa', 'live']));
    // The full catalogue: at least 12 applications over all six smart-city dimensions.
    const apps = (JSON.parse(list.stdout) as { apps: { dimension: string; usedBy?: { name: string }[]; id: string }[] }).apps;
    expect(apps.length).toBeGreaterThanOrEqual(12);
    expect(new Set(apps.map((a) => a.dimension))).toEqual(new Set(['governance', 'branding', 'economy', 'living', 'society', 'environment']));
    // Kabupaten Poso is recorded as using Tangerang LIVE, SIMASN and LAKSA.
    expect(apps.filter((a) => a.usedBy?.some((u) => u.name === 'Kabupaten Poso')).map((a) => a.id).sort()).toEqual(['laksa', 'live', 'simasn']);
    const bad = await replika(['list', '--dimension', 'smart'], cwd);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('unknown dimension "smart"');
  });

  it('scaffolds LAKSA for Kabupaten Banjar with no origin-specific fact but the attribution line', async () => {
    const cwd = await tree();
    const run = await replika(['new', '--region', path.join(regions, 'kabupaten-banjar.yaml'), '--app', 'laksa', '--out', 'X', '--yes'], cwd);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const files = await readAll(path.join(cwd, 'X'));
    expect(Object.keys(files)).toContain('laksa/package.json');
    const hits = Object.entries(files).flatMap(([file, text]) => text.split('\n').filter((line) => ORIGIN.test(line) || line.includes('tangerangkota')).map((line) => `${file}: ${line}`));
    // Only the two attribution lines: the README's, and publiccode.yml's isBasedOn.
    expect(hits).toHaveLength(2);
    expect(hits[0]).toMatch(/^laksa\/README\.md: .*Direplikasi dari LAKSA, Kota Tangerang \(36\.71\)/);
    expect(hits[1]).toMatch(/^laksa\/publiccode\.yml: isBasedOn: "https:\/\/tangerangkota\.go\.id\/kode-sumber\/kota-tangerang-laksa" {2}# CONTOH \/ EXAMPLE/);
    expect(files['laksa/config/settings.json']).toContain('Kabupaten Banjar');
    const manifest = JSON.parse(files['laksa/.yo-rc.json'] as string)['generator-replika'];
    expect(manifest).toMatchObject({ catalog: { version: '1.0.0' }, app: { id: 'laksa', version: '1.0.0' }, region: { code: '63.03' } });
    for (const [file, hash] of Object.entries(manifest.files as Record<string, string>)) {
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(await readFile(path.join(cwd, 'X', 'laksa', file))).digest('hex'), file).toBe(hash);
    }
  });

  it('reports every mistake of a bad region file with exit 1 and writes nothing', async () => {
    const cwd = await tree();
    const run = await replika(['new', '--region', path.join(root, 'test', 'fixtures', 'five-mistakes.yaml'), '--app', 'laksa', '--out', 'dest', '--yes'], cwd);
    expect(run.exitCode).toBe(1);
    const places = run.stderr.split('\n').filter((l) => l.includes('five-mistakes.yaml:')).map((l) => l.split('  ')[0]?.split('five-mistakes.yaml:')[1]);
    expect(places).toEqual(['4:7', '11:3', '13:10', '23:3', '25:14']);
    expect(run.stderr).toContain('5 problems found; nothing was written.');
    expect(await exists(path.join(cwd, 'dest'))).toBe(false);
    const inIndonesian = await replika(['validate', path.join(root, 'test', 'fixtures', 'five-mistakes.yaml'), '--app', 'laksa', '--lang', 'id'], cwd);
    expect(inIndonesian.exitCode).toBe(1);
    expect(inIndonesian.stderr).toContain('bukan email yang sah');
  });

  it('re-runs: identical files alone, an edited file kept unless --force', async () => {
    const cwd = await tree();
    const args = ['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'gawat-darurat-112', '--out', 'out', '--yes'];
    expect((await replika(args, cwd)).exitCode).toBe(0);
    const readme = path.join(cwd, 'out', 'gawat-darurat-112', 'README.md');
    const before = await stat(path.join(cwd, 'out', 'gawat-darurat-112', 'package.json'));
    await writeFile(readme, 'edited by Gorontalo staff\n');
    const again = await replika(args, cwd);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/kept +gawat-darurat-112\/README\.md/);
    expect(again.stdout).toMatch(/identical +gawat-darurat-112\/package\.json/);
    expect(await readFile(readme, 'utf8')).toBe('edited by Gorontalo staff\n');
    expect((await stat(path.join(cwd, 'out', 'gawat-darurat-112', 'package.json'))).mtimeMs).toBe(before.mtimeMs);
    const forced = await replika([...args, '--force'], cwd);
    expect(forced.stdout).toMatch(/overwrite +gawat-darurat-112\/README\.md/);
    expect(await readFile(readme, 'utf8')).not.toContain('edited');
  });

  it('without a TTY and without answers, fails saying what is missing', async () => {
    const cwd = await tree();
    const run = await replika(['new', '--region', path.join(regions, 'kota-gorontalo.yaml')], cwd);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('missing --app, and there is no terminal to ask for them');
    expect(await listFiles(cwd)).toEqual([]);
  });

  it('lists what a dry run would write, and writes nothing', async () => {
    const cwd = await tree();
    const run = await replika(['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'live', '--dry-run'], cwd);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('note: gawat-darurat-112 is added because live requires it.');
    expect(run.stdout).toMatch(/Dry run: would write \d+ files into replika-kota-gorontalo/);
    expect(run.stdout).toMatch(/create +live\/package\.json/);
    expect(await listFiles(cwd)).toEqual([]);
  });

  it('refuses unknown apps, commands and languages as usage errors', async () => {
    const cwd = await tree();
    const app = await replika(['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'laksaa', '--yes'], cwd);
    expect(app.exitCode).toBe(2);
    expect(app.stderr).toContain('"laksaa" is not an application in the catalogue\n    → Did you mean "laksa"?');
    expect((await replika(['make'], cwd)).exitCode).toBe(2);
    expect((await replika(['list', '--lang', 'fr'], cwd)).stderr).toContain('unknown language "fr"');
    expect((await replika(['new', '--bogus'], cwd)).exitCode).toBe(2);
    // Flag mistakes in the user's language, with a suggestion for a typo.
    const typo = await replika(['new', '--regoin', 'x.yaml', '--lang', 'id'], cwd);
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain('new tidak punya opsi --regoin\n    → Maksud Anda --region?');
    expect((await replika(['new', '--region'], cwd)).stderr).toContain('--region needs a value (--region FILE)');
    expect((await replika(['list', '--json=yes'], cwd)).stderr).toContain('--json is a switch and takes no value');
    expect(await listFiles(cwd)).toEqual([]);
  });

  it('validates a good region file', async () => {
    const run = await replika(['validate', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'live'], await tree());
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('valid settings for Kota Gorontalo (75.71); apps checked: live, gawat-darurat-112.');
  });
});
