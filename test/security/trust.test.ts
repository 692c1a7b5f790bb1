import { createHash } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forkCatalog } from '../helpers/catalog.js';
import { regions, replika, root } from '../helpers/cli.js';
import { listFiles, readAll, tree } from '../helpers/tree.js';

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

  it('with its published index: pinned by the sha256 of dist/catalog.json, and every file that differs is named', async () => {
    const fork = await forkCatalog();
    const cwd = await tree();
    // The maintainers' release: a template change (a patch), then the index and the pin to publish.
    await appendFile(path.join(fork, 'templates', 'emergency', 'src', 'text.js'), '\n');
    const release = await replika(['catalog', 'release', path.join(fork, 'catalog'), '--previous', path.join(root, 'catalog'), '--trust'], cwd);
    expect(release.exitCode, release.stderr).toBe(0);
    const index = path.join(fork, 'dist', 'catalog.json');
    const pin = createHash('sha256').update(await readFile(index)).digest('hex');
    expect(release.stdout).toContain(`--catalog-sha256 ${pin}`);

    const args = (out: string) => ['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'gawat-darurat-112', '--yes', '--catalog', path.join(fork, 'catalog'), '--catalog-sha256', pin, '--out', out];
    expect((await replika(args('released'), cwd)).exitCode).toBe(0);

    // Someone changes a template and adds one after the release: the pin still matches the index, the files do not.
    await appendFile(path.join(fork, 'templates', 'emergency', 'src', 'app.js'), '\n// added later\n');
    await writeFile(path.join(fork, 'templates', 'emergency', 'extra.txt'), 'not published\n');
    const tampered = await replika(args('tampered'), cwd);
    expect(tampered.exitCode).toBe(4);
    expect(tampered.stderr).toContain('templates/emergency/src/app.js is not what the published index says');
    expect(tampered.stderr).toContain('templates/emergency/extra.txt is here but not in the published index');
    expect(tampered.stderr).not.toContain('text.js');
    // An update from the tampered catalogue is refused the same way, and leaves the copy as it was.
    const copy = path.join(cwd, 'released', 'gawat-darurat-112');
    const before = await readAll(copy);
    const update = await replika(['update', copy, '--yes', '--catalog', path.join(fork, 'catalog'), '--catalog-sha256', pin], cwd);
    expect(update.exitCode).toBe(4);
    expect(update.stderr).toContain('templates/emergency/src/app.js is not what the published index says');
    expect(await readAll(copy)).toEqual(before);

    // An index that is not JSON, pinned by its own sha256: refused, naming the index.
    const text = await readFile(index, 'utf8');
    await writeFile(index, '{ not json');
    const unreadable = await replika([...args('unreadable').slice(0, -4), '--catalog-sha256', createHash('sha256').update('{ not json').digest('hex'), '--out', 'unreadable'], cwd);
    expect(unreadable.exitCode).toBe(4);
    expect(unreadable.stderr).toMatch(/dist\/catalog\.json {2}the published index is not valid JSON: .+\n    → Get the catalogue and its dist\/catalog\.json again from its publisher\./);
    await writeFile(index, text);

    // An index edited to match: the pin no longer matches the index.
    await writeFile(index, text.replace('"version"', '"version" ').replace(/\n$/, '\n\n'));
    const edited = await replika(args('edited'), cwd);
    expect(edited.exitCode).toBe(4);
    expect(edited.stderr).toContain('does not match the pinned sha256');
    expect((await listFiles(cwd)).filter((f) => f.endsWith('package.json'))).toEqual(['released/gawat-darurat-112/package.json']);
  });
});
