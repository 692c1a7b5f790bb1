import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { regions, replika } from '../helpers/cli.js';
import { fromOlderCatalogue } from '../helpers/copies.js';
import { listFiles, tree } from '../helpers/tree.js';

async function checksums(dir: string): Promise<string> {
  const files = await listFiles(dir);
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(await readFile(path.join(dir, f)));
  return hash.digest('hex');
}

describe('replika status and replika update (built CLI)', () => {
  it('status exits 0 when up to date and 10 when an update is available; update --dry-run writes nothing', async () => {
    const cwd = await tree();
    expect((await replika(['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'gawat-darurat-112', '--out', 'out', '--yes'], cwd)).exitCode).toBe(0);
    const copy = path.join(cwd, 'out', 'gawat-darurat-112');
    const fresh = await replika(['status', copy], cwd);
    expect(fresh.exitCode).toBe(0);
    expect(fresh.stdout).toContain('gawat-darurat-112 is up to date with catalogue 1.0.0.');

    // A copy made from an older catalogue, with a local edit.
    await fromOlderCatalogue(copy);
    await writeFile(path.join(copy, 'README.md'), `${await readFile(path.join(copy, 'README.md'), 'utf8')}\nCatatan lokal.\n`);
    const stale = await replika(['status', copy], cwd);
    expect(stale.exitCode).toBe(10);
    expect(stale.stdout).toContain('Files changed in this copy since it was generated (1):\n  README.md');
    expect(stale.stdout).toContain('An update is available: run replika update.');

    const before = await checksums(copy);
    const dry = await replika(['update', copy, '--dry-run'], cwd);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('(dry run: nothing is written)');
    expect(await checksums(copy)).toBe(before);

    const run = await replika(['update', copy, '--yes'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    expect((await replika(['status', copy], cwd)).exitCode).toBe(0);
    expect(await readFile(path.join(copy, 'README.md'), 'utf8')).toMatch(/Catatan lokal\.\n$/);
  });

  it('refuses a folder that is not a copy, and an unknown catalogue version', async () => {
    const cwd = await tree({ 'x.txt': 'x' });
    const run = await replika(['update'], cwd);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('is not a copy made by Replika');
    await replika(['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'gawat-darurat-112', '--out', 'out', '--yes'], cwd);
    const to = await replika(['update', 'out/gawat-darurat-112', '--to', '9.9.9'], cwd);
    expect(to.exitCode).toBe(1);
    expect(to.stderr).toContain('catalogue version 9.9.9 is not available; this kit carries 1.0.0');
    expect((await replika(['update', 'out/gawat-darurat-112', '--conflict', 'both'], cwd)).exitCode).toBe(2);
  });
});
