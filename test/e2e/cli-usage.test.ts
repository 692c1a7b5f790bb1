import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { regions, replika } from '../helpers/cli.js';
import { Terminal } from '../helpers/terminal.js';
import { listFiles, tree } from '../helpers/tree.js';

describe('replika (built CLI): names, languages, exit codes', () => {
  it.each([
    ['Kabupaten Banjar', '63.03', 'kabupaten-banjar.yaml'],
    ['Kota Banjar', '32.79', 'kota-banjar.yaml'],
    ['Kota Gorontalo', '75.71', 'kota-gorontalo.yaml'],
    ['Kota Tangerang', '36.71', 'kota-tangerang.yaml'],
  ])('region new --name "%s" --yes writes %s without asking', async (name, code, file) => {
    const cwd = await tree();
    const run = await replika(['region', 'new', '--name', name, '--yes'], cwd);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(await readFile(path.join(cwd, file), 'utf8')).toContain(`code: "${code}"`);
  });

  it('a bare "Banjar" without a terminal fails with exit 2 listing both regions', async () => {
    const cwd = await tree();
    const run = await replika(['region', 'new', '--name', 'Banjar', '--yes'], cwd);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/32\.79 Kota Banjar \(Jawa Barat\); 63\.03 Kabupaten Banjar \(Kalimantan Selatan\)/);
    expect(await listFiles(cwd)).toEqual([]);
  });

  it('region new --out into a missing folder or onto a folder is exit 1 saying so', async () => {
    const cwd = await tree({ 'folder/keep': '' });
    const missing = await replika(['region', 'new', '--code', '63.03', '--yes', '--out', 'nowhere/banjar.yaml', '--lang', 'en'], cwd);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/cannot write nowhere\/banjar\.yaml: its folder does not exist/);
    const folder = await replika(['region', 'new', '--code', '63.03', '--yes', '--out', 'folder', '--force', '--lang', 'en'], cwd);
    expect(folder.exitCode).toBe(1);
    expect(folder.stderr).toMatch(/cannot write folder: it is a folder/);
    expect(await listFiles(cwd)).toEqual(['folder/keep']);
  });

  it('--lang before the command is the language of that command, and alone it gives the help', async () => {
    const cwd = await tree();
    const list = await replika(['--lang', 'en', 'list'], cwd, { LANG: 'id_ID.UTF-8' });
    expect(list.exitCode).toBe(0);
    expect(list.stdout).toMatch(/Smart Governance/);
    const validate = await replika(['--lang=id', 'validate', path.join(regions, 'kota-gorontalo.yaml')], cwd, { LANG: 'en_US.UTF-8' });
    expect(validate.exitCode).toBe(0);
    expect(validate.stdout).toMatch(/pengaturan sah/);
    const help = await replika(['--lang', 'en'], cwd);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Replika — inter-regional/);
  });

  it('new tells the region which publiccode.yml values to replace before publishing, each at its line', async () => {
    const cwd = await tree();
    const run = await replika(['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'laksa', '--yes', '--lang', 'en'], cwd);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/laksa\/publiccode\.yml: \d+ values to replace before publishing/);
    const published = (await readFile(path.join(cwd, 'replika-kota-gorontalo', 'laksa', 'publiccode.yml'), 'utf8')).split('\n');
    const flagged = [...run.stdout.matchAll(/^laksa\/publiccode\.yml:(\d+) {2}(\S+)/gm)];
    expect(flagged.map((m) => m[2])).toEqual(expect.arrayContaining(['url', 'landingURL', 'maintenance.contacts[0].phone']));
    for (const [, line] of flagged) expect(published[Number(line) - 1]).toMatch(/CONTOH \/ EXAMPLE/);
  });

  it('the help lists every exit code the kit uses', async () => {
    const cwd = await tree();
    for (const args of [['--help', '--lang', 'en'], ['new', '--help', '--lang', 'en']]) {
      const { stdout } = await replika(args, cwd);
      for (const code of ['0 success', '1 bad input', '2 bad usage', '3 internal error', '4 untrusted catalogue', '10 update available', '130/143 interrupted']) expect(stdout).toContain(code);
    }
  });

  it('check draws a progress bar on a terminal, but not when TERM=dumb', async () => {
    const cwd = await tree();
    const args = ['check', '--app', 'gawat-darurat-112', '--lang', 'en'];
    const fancy = new Terminal(args, cwd);
    expect(await fancy.exitCode(60_000)).toBe(0);
    expect(fancy.screen).toMatch(/\r\[[#.]{30}\] \d+\/\d+/);
    const dumb = new Terminal(args, cwd, { TERM: 'dumb' });
    expect(await dumb.exitCode(60_000)).toBe(0);
    expect(dumb.screen).toMatch(/passed/);
    expect(dumb.screen).not.toMatch(/\[[#.]{30}\]/);
  });
});
