import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { forkCatalog } from '../helpers/catalog.js';
import { regions, replika } from '../helpers/cli.js';
import { listFiles, tree } from '../helpers/tree.js';

const names = (report: string) => (JSON.parse(report) as { results: { app: string; region: string }[] }).results.map((r) => `${r.app} for ${r.region}`);

describe('replika check (CI matrix)', () => {
  it('renders every app for all 514 regencies and cities with 0 failures, as JUnit XML CI systems read', async () => {
    const cwd = await tree();
    const run = await replika(['check', '--all-regencies', '--reporter', 'junit', '--output', 'junit.xml'], cwd);
    expect(run.exitCode, run.stdout.slice(-2000)).toBe(0);
    const text = await readFile(path.join(cwd, 'junit.xml'), 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const suite = new XMLParser({ ignoreAttributes: false }).parse(text).testsuites.testsuite;
    const apps = (JSON.parse((await replika(['list', '--json'], cwd)).stdout) as { apps: unknown[] }).apps.length;
    expect(Number(suite['@_tests'])).toBe(514 * apps);
    expect(suite['@_failures']).toBe('0');
    expect(suite.testcase).toHaveLength(514 * apps);
  }, 300_000);

  it('three shards cover every case exactly once', async () => {
    const cwd = await tree();
    const all = names((await replika(['check', '--reporter', 'json'], cwd)).stdout);
    const shards = await Promise.all([1, 2, 3].map(async (k) => names((await replika(['check', '--reporter', 'json', '--shard', `${k}/3`], cwd)).stdout)));
    expect(shards.map((s) => s.length).reduce((a, b) => a + b)).toBe(all.length);
    expect(new Set(shards.flat())).toEqual(new Set(all));
    for (const shard of shards) expect(shard.length).toBeGreaterThanOrEqual(Math.floor(all.length / 3));
    expect((await replika(['check', '--shard', '4/3'], cwd)).exitCode).toBe(2);
    const reporter = await replika(['check', '--reporter', 'xml', '--output', 'r.xml'], cwd);
    expect(reporter.exitCode).toBe(2);
    expect(reporter.stderr).toContain('--reporter must be text, json or junit, not "xml"');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('refuses a --regions folder it cannot read or that holds no region file, and a report it cannot write', async () => {
    const cwd = await tree({ 'empty/notes.txt': 'x', 'plain.txt': 'x' });
    const missing = await replika(['check', '--regions', 'missing'], cwd);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('--regions missing cannot be read as a folder (ENOENT)\n    → Give --regions a folder of region settings files (.yaml), or --all-regencies.');
    const empty = await replika(['check', '--regions', 'empty', '--lang', 'id'], cwd);
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain('--regions empty tidak berisi berkas pengaturan daerah (.yaml)\n    → Buat satu dengan "replika region new", atau pakai --all-regencies.');
    const output = await replika(['check', '--app', 'laksa', '--reporter', 'junit', '--output', 'plain.txt/report.xml'], cwd);
    expect(output.exitCode).toBe(1);
    expect(output.stderr).toContain('the report could not be written to plain.txt/report.xml (ENOTDIR)\n    → Give --output a file in a folder that exists and you can write to.');
    expect(await listFiles(cwd)).toEqual(['empty/notes.txt', 'plain.txt']);
  });

  it('worker threads report exactly what one thread reports, failures included, in the same order', async () => {
    const gorontalo = await readFile(path.join(regions, 'kota-gorontalo.yaml'), 'utf8');
    const cwd = await tree({
      'r/kota-gorontalo.yaml': gorontalo,
      'r/kota-poso.yaml': await readFile(path.join(regions, 'kabupaten-poso.yaml'), 'utf8'),
      // Broken on purpose: a domain that is not a government domain fails every case of this region.
      'r/zz-broken.yaml': gorontalo.replace(/^domain: .*$/m, 'domain: example.com'),
    });
    const report = async (jobs: string) => {
      const run = await replika(['check', '--regions', 'r', '--reporter', 'json', '--jobs', jobs], cwd);
      expect(run.exitCode).toBe(1);
      return (JSON.parse(run.stdout) as { results: { ms?: number }[] }).results.map(({ ms: _ms, ...rest }) => rest);
    };
    const one = await report('1');
    const three = await report('3');
    expect(three).toEqual(one);
    expect(JSON.stringify(one)).toContain('example.com');
    expect((await replika(['check', '--jobs', '0'], cwd)).stderr).toContain('--jobs must be a whole number of at least 1, not "0"');
    const indonesian = await replika(['check', '--jobs', '1.5', '--lang', 'id'], cwd);
    expect(indonesian.exitCode).toBe(2);
    expect(indonesian.stderr).toContain('--jobs harus bilangan bulat paling kecil 1, bukan "1.5"');
  });

  it('worker threads check the catalogue given with --catalog, not the kit\'s own', async () => {
    const fork = await forkCatalog();
    await writeFile(path.join(fork, 'templates', 'emergency', 'NOTES.md.ejs'), 'Kode: <%= region.kode %>\n');
    const cwd = await tree();
    const run = await replika(['check', '--catalog', path.join(fork, 'catalog'), '--trust', '--app', 'gawat-darurat-112,laksa', '--jobs', '2', '--reporter', 'json'], cwd);
    expect(run.exitCode).toBe(1);
    const results = (JSON.parse(run.stdout) as { results: { app: string; problems: unknown[] }[] }).results;
    expect(results.filter((r) => r.problems.length > 0).map((r) => r.app)).toEqual(['gawat-darurat-112', 'gawat-darurat-112', 'gawat-darurat-112', 'gawat-darurat-112']);
    expect(JSON.stringify(results)).toContain('region.kode is not defined');
  });

  it('--run-tests writes each copy and runs its own tests', async () => {
    const cwd = await tree({ 'r/kota-gorontalo.yaml': await readFile(path.join(regions, 'kota-gorontalo.yaml'), 'utf8') });
    // Two threads: the copies are checked there, then rendered again here to be written and tested.
    const run = await replika(['check', '--regions', 'r', '--app', 'gawat-darurat-112,laksa', '--run-tests', '--jobs', '2'], cwd);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('2/2 passed');
  });

  it('--run-tests reports a copy whose own tests fail, with their output (exit 1)', async () => {
    const fork = await forkCatalog();
    await writeFile(path.join(fork, 'templates', 'emergency', 'test', 'deliberate.test.js'), "import test from 'node:test';\ntest('fails on purpose', () => { throw new Error('deliberate failure for check'); });\n");
    const cwd = await tree({ 'r/kota-gorontalo.yaml': await readFile(path.join(regions, 'kota-gorontalo.yaml'), 'utf8') });
    const run = await replika(['check', '--catalog', path.join(fork, 'catalog'), '--trust', '--regions', 'r', '--app', 'gawat-darurat-112,laksa', '--run-tests'], cwd);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('1/2 passed');
    expect(run.stdout).toContain('the copy of gawat-darurat-112 failed its own tests (1)');
    expect(run.stdout).toContain('deliberate failure for check');
  });
});
