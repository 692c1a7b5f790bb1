import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import helpers, { result } from 'yeoman-test';
import ReplikaGenerator from '../../src/generators/app/index.js';
import RegionGenerator from '../../src/generators/region/index.js';
import UpdateGenerator from '../../src/generators/update/index.js';
import { regions } from '../helpers/cli.js';
import { fromOlderCatalogue } from '../helpers/copies.js';
import { listFiles, readAll, tree } from '../helpers/tree.js';

describe('yo replika', () => {
  it('asks for region, apps and destination, then writes the copies', async () => {
    await helpers
      .run<ReplikaGenerator>(ReplikaGenerator)
      .withOptions({ interactive: true, lang: 'en' })
      .withAnswers({ choice: path.join(regions, 'kota-gorontalo.yaml'), apps: ['laksa'], out: 'copies', ok: true });
    result.assertFile(['copies/laksa/package.json', 'copies/laksa/README.md', 'copies/laksa/.yo-rc.json']);
    result.assertFileContent('copies/laksa/config/settings.json', /Kota Gorontalo/);
    const manifest = JSON.parse(await readFile(path.join(result.cwd, 'copies/laksa/.yo-rc.json'), 'utf8'))['generator-replika'];
    expect(manifest.app.id).toBe('laksa');
  });

  it('takes flags instead of answers and adds required apps', async () => {
    await helpers.run<ReplikaGenerator>(ReplikaGenerator).withOptions({ region: path.join(regions, 'kabupaten-banjar.yaml'), app: 'live', interactive: false });
    result.assertFile(['replika-kabupaten-banjar/live/package.json', 'replika-kabupaten-banjar/gawat-darurat-112/package.json']);
  });

  it('creates a region file from answers and validates it', async () => {
    await helpers
      .run<ReplikaGenerator>(ReplikaGenerator)
      .withOptions({ interactive: true, lang: 'id' })
      .withAnswers({
        choice: ':new', name: 'Poso',
        email: 'diskominfo@posokab.go.id', phone: '+62 452 000000', address: 'Jl. Contoh No. 1, Poso',
        communication: 'Dinas Komunikasi dan Informatika', civilService: 'Badan Kepegawaian Daerah',
        apps: ['gawat-darurat-112'], out: 'poso', ok: true,
      });
    result.assertFileContent('kabupaten-poso.yaml', /timeZone: Asia\/Makassar/);
    result.assertFileContent('kabupaten-poso.yaml', /kind: kabupaten/);
    result.assertFileContent('kabupaten-poso.yaml', /province: Sulawesi Tengah/);
    result.assertFileContent('kabupaten-poso.yaml', /email: diskominfo@posokab.go.id/);
    result.assertFileContent('poso/gawat-darurat-112/config/settings.json', /Kabupaten Poso/);
  });

  it('writes nothing when the user does not confirm', async () => {
    const dir = await tree();
    await expect(
      helpers.run<ReplikaGenerator>(ReplikaGenerator).inDir(dir).withOptions({ interactive: true, lang: 'en' }).withAnswers({ choice: path.join(regions, 'kota-gorontalo.yaml'), apps: ['laksa'], out: 'copies', ok: false }),
    ).rejects.toThrow(/cancelled; nothing was written/);
    expect(await listFiles(dir)).toEqual([]);
  });

  it('refuses to run without a terminal when answers are missing, instead of finishing with nothing written', async () => {
    await expect(helpers.run<ReplikaGenerator>(ReplikaGenerator).withOptions({ interactive: false, lang: 'en' })).rejects.toThrow(/missing --region, --app, and there is no terminal/);
  });
});

describe('yo replika: the same write path as replika new', () => {
  const make = async (dir: string) => helpers.run<ReplikaGenerator>(ReplikaGenerator).cd(dir).withOptions({ region: path.join(regions, 'kota-gorontalo.yaml'), app: 'laksa', out: 'out', interactive: false });

  it('over an edited copy, the conflicter asks and the answer decides; the kit\'s records are never asked about', async () => {
    const { writeFile } = await import('node:fs/promises');
    const dir = await tree();
    await make(dir);
    const readme = path.join(dir, 'out', 'laksa', 'README.md');
    await writeFile(readme, 'ours\n');
    const kept = await helpers.run<ReplikaGenerator>(ReplikaGenerator).cd(dir)
      .withOptions({ region: path.join(regions, 'kota-gorontalo.yaml'), app: 'laksa', out: 'out', interactive: true, lang: 'en', force: false })
      .withAnswers({ ok: true, action: 'skip' });
    expect(await readFile(readme, 'utf8')).toBe('ours\n');
    const asked = kept.askedQuestions.map((q) => q.name);
    expect(asked.filter((name) => name === 'action')).toHaveLength(1);
    await helpers.run<ReplikaGenerator>(ReplikaGenerator).cd(dir)
      .withOptions({ region: path.join(regions, 'kota-gorontalo.yaml'), app: 'laksa', out: 'out', interactive: true, lang: 'en', force: false })
      .withAnswers({ ok: true, action: 'write' });
    expect(await readFile(readme, 'utf8')).toMatch(/Kota Gorontalo/);
  });

  it('Ctrl-C at an overwrite question rejects as an interrupt and leaves every file as it was', async () => {
    const { writeFile } = await import('node:fs/promises');
    const dir = await tree();
    await make(dir);
    await writeFile(path.join(dir, 'out', 'laksa', 'README.md'), 'ours\n');
    await writeFile(path.join(dir, 'out', 'laksa', 'src', 'app.js'), '// ours\n');
    const before = await readAll(path.join(dir, 'out'));
    let asked = 0;
    const interrupt = (answer: unknown, { question }: { question: { name?: string } }) => {
      // The first file is answered "overwrite"; Ctrl-C at the second question.
      if (question.name === 'action' && ++asked === 2) throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
      return answer;
    };
    await expect(helpers.run<ReplikaGenerator>(ReplikaGenerator).cd(dir)
      .withOptions({ region: path.join(regions, 'kota-gorontalo.yaml'), app: 'laksa', out: 'out', interactive: true, lang: 'en', force: false })
      .withAnswers({ ok: true, action: 'write' })
      // Yeoman's environment may surface the prompt's own error before ours: either way the run stops.
      .withAdapterOptions({ callback: interrupt as never })).rejects.toThrow(/interrupted while asking|force closed the prompt/);
    expect(asked).toBe(2);
    expect(await readAll(path.join(dir, 'out'))).toEqual(before);
  });

  it('--dry-run writes nothing', async () => {
    const dir = await tree();
    await helpers.run<ReplikaGenerator>(ReplikaGenerator).cd(dir).withOptions({ region: path.join(regions, 'kota-gorontalo.yaml'), app: 'laksa', 'dry-run': true, interactive: false } as never);
    expect(await listFiles(dir)).toEqual([]);
  });

  it('--catalog with an untrusted catalogue is refused before anything is written', async () => {
    const dir = await tree({ 'fork/catalog.yaml': 'x: 1\n' });
    await expect(helpers.run<ReplikaGenerator>(ReplikaGenerator).cd(dir).withOptions({ region: path.join(regions, 'kota-gorontalo.yaml'), app: 'laksa', catalog: 'fork', interactive: false } as never)).rejects.toThrow();
    expect(await listFiles(dir)).toEqual(['fork/catalog.yaml']);
  });

  it('refuses to write through a symbolic link, as replika new does', async () => {
    const { mkdir, symlink } = await import('node:fs/promises');
    const dir = await tree();
    const elsewhere = await tree();
    await mkdir(path.join(dir, 'out'));
    await symlink(elsewhere, path.join(dir, 'out', 'laksa'));
    await expect(make(dir)).rejects.toThrow(/symbolic link/);
    expect(await listFiles(elsewhere)).toEqual([]);
  });
});

describe('yo replika:region', () => {
  it('--yes writes the examples without asking, with or without a terminal', async () => {
    for (const interactive of [false, true]) {
      const run = await helpers.run<RegionGenerator>(RegionGenerator).withOptions({ interactive, lang: 'en', code: '75.71', yes: true } as never);
      expect(run.askedQuestions).toEqual([]);
      result.assertFileContent('kota-gorontalo.yaml', /- \/contacts\/email/);
    }
  });

  it('"Kabupaten Banjar" is 63.03 without a question', async () => {
    const run = await helpers.run<RegionGenerator>(RegionGenerator).withOptions({ interactive: false, lang: 'en', name: 'Kabupaten Banjar', yes: true } as never);
    expect(run.askedQuestions).toEqual([]);
    result.assertFileContent('kabupaten-banjar.yaml', /code: "63\.03"/);
  });

  it('asks which Banjar is meant, then writes a valid region file', async () => {
    await helpers
      .run<RegionGenerator>(RegionGenerator)
      .withOptions({ interactive: true, lang: 'en', name: 'Banjar' })
      .withAnswers({ code: '63.03', email: 'tik@banjarkab.go.id' });
    result.assertFileContent('kabupaten-banjar.yaml', /code: "63\.03"\nname: Kabupaten Banjar\nkind: kabupaten\nprovince: Kalimantan Selatan\ntimeZone: Asia\/Makassar/);
    result.assertNoFileContent('kabupaten-banjar.yaml', /- \/contacts\/email/);
    result.assertFileContent('kabupaten-banjar.yaml', /- \/contacts\/phone/);
  });

  it('without a terminal, an ambiguous name fails listing the candidates', async () => {
    await expect(helpers.run<RegionGenerator>(RegionGenerator).withOptions({ interactive: false, lang: 'en', name: 'Banjar' })).rejects.toThrow(/32\.79 Kota Banjar \(Jawa Barat\); 63\.03 Kabupaten Banjar \(Kalimantan Selatan\)/);
  });
});

describe('yo replika:update', () => {
  it('updates a copy through the same three-way merge, keeping an edit', async () => {
    const { mkdtemp, readFile, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(path.join(tmpdir(), 'replika-yo-update-'));
    await helpers.run<ReplikaGenerator>(ReplikaGenerator).cd(dir).withOptions({ region: path.join(regions, 'kota-gorontalo.yaml'), app: 'gawat-darurat-112', out: 'out', interactive: false });
    const copy = path.join(dir, 'out', 'gawat-darurat-112');
    // Pretend the copy was made from an older catalogue whose README said something else.
    const manifestFile = await fromOlderCatalogue(copy);
    await writeFile(path.join(copy, 'src', 'app.js'), `${await readFile(path.join(copy, 'src', 'app.js'), 'utf8')}// ours\n`);
    await helpers.run<UpdateGenerator>(UpdateGenerator).cd(copy).withOptions({ lang: 'en' } as never);
    expect(JSON.parse(await readFile(manifestFile, 'utf8'))['generator-replika'].catalog.version).toBe('1.0.0');
    expect(await readFile(path.join(copy, 'src', 'app.js'), 'utf8')).toMatch(/\/\/ ours\n$/);
  });

  it('--dry-run prints the report with its summary, in the chosen language, and writes nothing', async () => {
    const { mkdtemp, readFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(path.join(tmpdir(), 'replika-yo-update-'));
    await helpers.run<ReplikaGenerator>(ReplikaGenerator).cd(dir).withOptions({ region: path.join(regions, 'kota-gorontalo.yaml'), app: 'gawat-darurat-112', out: 'out', interactive: false });
    const copy = path.join(dir, 'out', 'gawat-darurat-112');
    const appFile = path.join(copy, 'src', 'app.js');
    const original = await readFile(appFile, 'utf8');
    const manifestFile = await fromOlderCatalogue(copy);
    const lines: string[] = [];
    await helpers.run<UpdateGenerator>(UpdateGenerator).cd(copy).withOptions({ lang: 'id', 'dry-run': true } as never)
      .onGenerator((generator) => {
        (generator as unknown as { log: (line: string) => void }).log = (line: string) => lines.push(String(line));
      });
    expect(lines.join('\n')).toMatch(/uji coba: tidak ada yang ditulis/);
    expect(lines.join('\n')).toMatch(/Pembaruan: \d+ diperbarui, \d+ digabung/);
    expect(await readFile(appFile, 'utf8')).toBe(original);
    expect(JSON.parse(await readFile(manifestFile, 'utf8'))['generator-replika'].catalog.version).toBe('0.9.0');
  });
});
