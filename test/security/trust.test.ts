import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forkCatalog } from '../helpers/catalog.js';
import { regions, replika } from '../helpers/cli.js';
import { listFiles, tree } from '../helpers/tree.js';

describe('a catalogue from elsewhere', () => {
  it('is refused (exit 4) unless pinned by sha256 or trusted; nothing is written', async () => {
    const fork = await forkCatalog();
    const cwd = await tree();
    const args = ['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'gawat-darurat-112', '--yes', '--catalog', path.join(fork, 'catalog')];
    const refused = await replika([...args, '--out', 'a'], cwd);
    expect(refused.exitCode).toBe(4);
    expect(refused.stderr).toContain("is not the kit's own: its templates would run code on this machine");
    const sha = /--catalog-sha256 ([0-9a-f]{64})/.exec(refused.stderr)?.[1] ?? '';
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(await listFiles(cwd)).toEqual([]);

    const wrong = await replika([...args, '--out', 'a', '--catalog-sha256', '0'.repeat(64)], cwd);
    expect(wrong.exitCode).toBe(4);
    expect(wrong.stderr).toContain(`does not match the pinned sha256 (it is ${sha})`);

    expect((await replika([...args, '--out', 'pinned', '--catalog-sha256', sha], cwd)).exitCode).toBe(0);
    expect((await replika([...args, '--out', 'trusted', '--trust'], cwd)).exitCode).toBe(0);
    expect((await listFiles(cwd)).filter((f) => f.endsWith('package.json'))).toEqual(['pinned/gawat-darurat-112/package.json', 'trusted/gawat-darurat-112/package.json']);
  });
});
