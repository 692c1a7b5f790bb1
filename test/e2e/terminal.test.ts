import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { regions, replika } from '../helpers/cli.js';
import { fromOlderCatalogue } from '../helpers/copies.js';
import { KEY, Terminal } from '../helpers/terminal.js';
import { listFiles, readAll, tree } from '../helpers/tree.js';

// Every interactive flow of the built CLI, driven through a real pseudo-terminal as a person would.
const gorontalo = path.join(regions, 'kota-gorontalo.yaml');

async function edit(file: string, line: string) {
  await writeFile(file, `${await readFile(file, 'utf8')}${line}\n`);
}

describe('replika at a terminal', () => {
  it('new with flags asks to confirm, then writes the copy', async () => {
    const cwd = await tree();
    const term = new Terminal(['new', '--region', gorontalo, '--app', 'laksa', '--lang', 'en'], cwd);
    await term.expect('Write 1 copy for Kota Gorontalo into replika-kota-gorontalo?');
    await term.type(KEY.enter);
    const screen = await term.expect(/Done: \d+ created, 0 identical, 0 overwritten, 0 kept\./);
    expect(await term.exitCode()).toBe(0);
    const files = await listFiles(path.join(cwd, 'replika-kota-gorontalo'));
    expect(files).toContain('laksa/src/app.js');
    expect(Number(/Done: (\d+) created/.exec(screen)?.[1])).toBe(files.length);
  });

  it('new over an edited copy asks about each changed file: one kept, one overwritten', async () => {
    const cwd = await tree();
    expect((await replika(['new', '--region', gorontalo, '--app', 'laksa', '--yes'], cwd)).exitCode).toBe(0);
    const copy = path.join(cwd, 'replika-kota-gorontalo', 'laksa');
    await edit(path.join(copy, 'README.md'), 'our note');
    await edit(path.join(copy, 'src', 'app.js'), '// our change');
    const term = new Terminal(['new', '--region', gorontalo, '--app', 'laksa', '--lang', 'en'], cwd);
    await term.expect('Write 1 copy');
    await term.type(KEY.enter);
    await term.expect(/Overwrite laksa\/README\.md\? \(ynadxreiH\)/);
    await term.type('n', KEY.enter);
    await term.expect(/Overwrite laksa\/src\/app\.js\? \(ynadxreiH\)/);
    await term.type('y', KEY.enter);
    const rest = await term.expect(/Done: 0 created, \d+ identical, 1 overwritten, 1 kept\./);
    expect(rest).toMatch(/kept {7}laksa\/README\.md/);
    expect(rest).toMatch(/overwrite {2}laksa\/src\/app\.js/);
    expect(await term.exitCode()).toBe(0);
    expect(await readFile(path.join(copy, 'README.md'), 'utf8')).toMatch(/our note\n$/);
    expect(await readFile(path.join(copy, 'src', 'app.js'), 'utf8')).not.toMatch(/our change/);
  });

  it('Ctrl-C at an overwrite question exits 130 and leaves every file as it was', async () => {
    const cwd = await tree();
    expect((await replika(['new', '--region', gorontalo, '--app', 'laksa', '--yes'], cwd)).exitCode).toBe(0);
    const copy = path.join(cwd, 'replika-kota-gorontalo', 'laksa');
    await edit(path.join(copy, 'README.md'), 'our note');
    await writeFile(path.join(copy, 'src', 'views.js'), '// ours entirely\n');
    await edit(path.join(copy, 'src', 'app.js'), '// our change');
    const before = await readAll(copy);
    const term = new Terminal(['new', '--region', gorontalo, '--app', 'laksa', '--lang', 'en'], cwd);
    await term.expect('Write 1 copy');
    await term.type(KEY.enter);
    await term.expect(/Overwrite laksa\/README\.md\?/);
    await term.type('y', KEY.enter);
    await term.expect(/Overwrite laksa\/src\/app\.js\?/);
    await term.type(KEY.ctrlC);
    await term.expect('interrupted while asking; nothing was written');
    expect(await term.exitCode()).toBe(130);
    expect(await readAll(copy)).toEqual(before);
  });

  it('Ctrl-C at the confirmation exits 130 and writes nothing', async () => {
    const cwd = await tree();
    const term = new Terminal(['new', '--region', gorontalo, '--app', 'laksa'], cwd, { LANG: 'id_ID.UTF-8' });
    await term.expect('Tulis 1 salinan untuk Kota Gorontalo');
    await term.type(KEY.ctrlC);
    await term.expect('dihentikan saat bertanya; tidak ada yang ditulis');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen).not.toMatch(/internal|bug|at .*\.js:\d+/i);
    expect(await listFiles(cwd)).toEqual([]);
  });

  it('new without flags runs the wizard to the end: region file, applications, destination, confirmation', async () => {
    const cwd = await tree();
    const catalog = await loadCatalog();
    const first = [...catalog.apps.values()].find((a) => a.dimension === catalog.dimensions.find((d) => [...catalog.apps.values()].some((x) => x.dimension === d.id))?.id);
    const term = new Terminal(['new', '--lang', 'en'], cwd);
    await term.expect('Region settings file');
    // kabupaten-banjar, kabupaten-poso, kota-gorontalo…: two down.
    await term.type(KEY.down, KEY.down, KEY.enter);
    await term.expect(/kota-gorontalo\.yaml/);
    await term.expect('Applications');
    await term.type(KEY.space, KEY.enter);
    await term.expect('Destination folder');
    await term.type('copies', KEY.enter);
    await term.expect(/Write \d cop(y|ies) for Kota Gorontalo into copies\?/);
    await term.type(KEY.enter);
    await term.expect(/Done: \d+ created/);
    expect(await term.exitCode()).toBe(0);
    const files = await listFiles(path.join(cwd, 'copies'));
    expect(files).toContain(`${first?.id}/.yo-rc.json`);
    expect(await readFile(path.join(cwd, 'copies', first?.id ?? '', 'config', 'settings.json'), 'utf8')).toMatch(/Kota Gorontalo/);
  });

  it('the wizard with --dry-run lists the files and writes nothing', async () => {
    const cwd = await tree();
    const term = new Terminal(['new', '--region', gorontalo, '--dry-run', '--lang', 'en'], cwd);
    await term.expect('Applications');
    await term.type(KEY.space, KEY.enter);
    await term.expect('Destination folder');
    await term.type(KEY.enter);
    await term.expect(/Dry run: would write \d+ files/);
    expect(await term.exitCode()).toBe(0);
    expect(await listFiles(cwd)).toEqual([]);
  });

  it('Ctrl-C in the wizard exits 130 and writes nothing', async () => {
    const cwd = await tree();
    const term = new Terminal(['new', '--lang', 'en'], cwd);
    await term.expect('Region settings file');
    await term.type(KEY.ctrlC);
    await term.expect('interrupted while asking');
    expect(await term.exitCode()).toBe(130);
    expect(await listFiles(cwd)).toEqual([]);
  });

  it('region new --name "Kabupaten Banjar" takes 63.03 at once and asks for the contacts', async () => {
    const cwd = await tree();
    const term = new Terminal(['region', 'new', '--name', 'Kabupaten Banjar', '--lang', 'en'], cwd);
    await term.expect('Contact e-mail');
    expect(term.screen).not.toMatch(/more than one region|Kota Banjar/);
    await term.type('tik@banjarkab.go.id', KEY.enter);
    for (let i = 0; i < 4; i += 1) await term.type(KEY.enter);
    await term.expect('Region settings written to kabupaten-banjar.yaml');
    expect(await term.exitCode()).toBe(0);
    const text = await readFile(path.join(cwd, 'kabupaten-banjar.yaml'), 'utf8');
    expect(text).toMatch(/code: "63\.03"\nname: Kabupaten Banjar/);
    expect(text).toMatch(/email: tik@banjarkab\.go\.id/);
  });

  it('region new --name Banjar asks which region, with nothing preselected', async () => {
    const cwd = await tree();
    const term = new Terminal(['region', 'new', '--name', 'Banjar', '--lang', 'en'], cwd);
    const question = await term.expect(/2\) 63\.03 Kabupaten Banjar \(Kalimantan Selatan\)/);
    expect(question).toMatch(/"Banjar" names more than one region\. Which one is yours\?/);
    expect(question).toMatch(/1\) 32\.79 Kota Banjar \(Jawa Barat\)/);
    // Enter alone picks nothing.
    await term.type(KEY.enter);
    await term.expect('Please input a value');
    await term.type('2', KEY.enter);
    await term.expect('Contact e-mail');
    for (let i = 0; i < 5; i += 1) await term.type(KEY.enter);
    await term.expect('kabupaten-banjar.yaml');
    expect(await term.exitCode()).toBe(0);
    expect(await listFiles(cwd)).toEqual(['kabupaten-banjar.yaml']);
  });

  it('region new asks for the name when none is given, and re-asks an unknown one', async () => {
    const cwd = await tree();
    const term = new Terminal(['region', 'new', '--lang', 'en'], cwd);
    await term.expect('Official name');
    await term.type('Kota Gorontalx', KEY.enter);
    await term.expect(/Kota Gorontalo/);
    await term.type('\x7f', 'o', KEY.enter);
    await term.expect('Contact e-mail');
    await term.type(KEY.ctrlC);
    expect(await term.exitCode()).toBe(130);
    expect(await listFiles(cwd)).toEqual([]);
  });

  it('update at a terminal shows the changes, asks in its own words, and applies', async () => {
    const cwd = await tree();
    expect((await replika(['new', '--region', gorontalo, '--app', 'gawat-darurat-112', '--out', 'out', '--yes'], cwd)).exitCode).toBe(0);
    const copy = path.join(cwd, 'out', 'gawat-darurat-112');
    const manifestFile = await fromOlderCatalogue(copy);
    const term = new Terminal(['update', '--lang', 'id'], copy);
    await term.expect(/Pembaruan: \d+ diperbarui/);
    await term.expect('Terapkan pembaruan ini ke gawat-darurat-112 di .?');
    expect(term.screen).not.toMatch(/Tulis 1 salinan/);
    await term.type(KEY.enter);
    expect(await term.exitCode()).toBe(0);
    expect(JSON.parse(await readFile(manifestFile, 'utf8'))['generator-replika'].catalog.version).not.toBe('0.9.0');
  });
});
