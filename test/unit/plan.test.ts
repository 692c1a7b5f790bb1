import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import type { Problem } from '../../src/lib/errors.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { publiccodeProblems } from '../../src/lib/publiccode.js';
import { markComment } from '../../src/lib/plan/publiccode-meta.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { parseYaml } from '../../src/lib/yaml/source.js';
import { regionFromSource } from '../../src/lib/region/load.js';
import { emergencyProblems } from '../helpers/catalog.js';

const root = path.resolve(import.meta.dirname, '../..');
const regionsDir = path.join(root, 'catalog', 'regions');
// Every bundled region file but the origin's: the portability check covers each app for each of them.
const ADOPTERS = (await readdir(regionsDir)).filter((f) => f.endsWith('.yaml') && f !== 'kota-tangerang.yaml').map((f) => f.replace(/\.yaml$/, ''));
const ORIGIN = /tangerang|36\.71/i;

const show = (p: Problem) => `${p.file ? path.basename(p.file) : ''}:${p.line ?? ''} ${p.key} ${JSON.stringify(p.params ?? {})}`;

describe('plan', () => {
  it('renders the files of a copy, manifest last', async () => {
    const catalog = await loadCatalog();
    const region = await loadRegion(path.join(regionsDir, 'kota-gorontalo.yaml'), catalog, ['laksa']);
    const [copy] = planRun(catalog, region, ['laksa']).copies;
    expect(copy?.files.map((f) => f.path)).toMatchInlineSnapshot(`
      [
        ".dockerignore",
        ".env.example",
        ".gitignore",
        "Dockerfile",
        "README.md",
        "bin/backup.js",
        "bin/migrate.js",
        "bin/restore.js",
        "compose.yaml",
        "config/settings.json",
        "migrations/001-reports.sql",
        "package-lock.json",
        "package.json",
        "public/style.css",
        "publiccode.yml",
        "src/app.js",
        "src/laksa.js",
        "src/lib/backup.js",
        "src/lib/config.js",
        "src/lib/data-lock.js",
        "src/lib/db.js",
        "src/lib/html.js",
        "src/lib/http.js",
        "src/lib/i18n.js",
        "src/lib/legacy-import.js",
        "src/lib/log.js",
        "src/lib/migrate.js",
        "src/lib/ops-text.js",
        "src/lib/paging.js",
        "src/lib/rate-limit.js",
        "src/lib/runtime.js",
        "src/lib/scheduled-backup.js",
        "src/lib/store-text.js",
        "src/lib/task.js",
        "src/lib/test-cluster.js",
        "src/server.js",
        "src/store.js",
        "src/text.js",
        "src/views.js",
        "test/app.test.js",
        "test/server.test.js",
        "test/storage.test.js",
        "test/support.js",
        ".replika/base.json",
        ".yo-rc.json",
      ]
    `);
    const pkg = JSON.parse(copy?.files.find((f) => f.path === 'package.json')?.contents.toString() ?? '{}');
    expect(pkg).toEqual({
      name: 'kota-gorontalo-laksa', version: '1.0.0', private: true, description: 'LAKSA Gorontalo — Layanan Aspirasi Kotak Saran Anda (Kota Gorontalo)',
      type: 'module', scripts: { start: 'node src/server.js', test: 'node --test', migrate: 'node bin/migrate.js', backup: 'node bin/backup.js', restore: 'node bin/restore.js' },
      dependencies: { '@electric-sql/pglite': '^0.6.1', pg: '^8.23.1' }, engines: { node: '^20.6 || ^22 || ^24' },
    });
  });

  it('is pure: the same inputs give the same bytes', async () => {
    const catalog = await loadCatalog();
    const region = await loadRegion(path.join(regionsDir, 'kabupaten-banjar.yaml'), catalog, ['live', 'gawat-darurat-112']);
    const a = planRun(catalog, region, ['live']);
    const b = planRun(catalog, region, ['live']);
    expect(a.copies.flatMap((c) => c.files.map((f) => f.contents.toString('base64')))).toEqual(b.copies.flatMap((c) => c.files.map((f) => f.contents.toString('base64'))));
  });

  // Every catalogue app ships an example settings block: render it, for real, for every adopting region.
  it('covers the adopting regions', () => {
    expect(ADOPTERS).toEqual(expect.arrayContaining(['kabupaten-banjar', 'kabupaten-poso', 'kota-gorontalo']));
  });

  it.each(ADOPTERS)('renders every app with its example settings for %s, naming the origin only in the attribution line', async (name) => {
    const catalog = await loadCatalog();
    for (const app of catalog.apps.values()) {
      const data = parseYaml(await readFile(path.join(regionsDir, `${name}.yaml`), 'utf8'), `${name}.yaml`).data as Record<string, unknown>;
      const source = parseYaml(stringify({ ...data, apps: { [app.id]: app.example } }), `${name}.yaml`);
      const region = await regionFromSource(source, regionsDir, catalog, [app.id, ...app.requires]);
      expect(region.region.apps[app.id]).toMatchObject(app.example);
      for (const copy of planRun(catalog, region, [app.id]).copies) {
        const hits = copy.files.flatMap((f) => f.contents.toString('utf8').split('\n').filter((l) => ORIGIN.test(l) || l.includes('tangerangkota')).map((l) => `${f.path}: ${l}`));
        // Only the attribution lines name the origin: the README's, and publiccode.yml's isBasedOn unless the
        // entry is illustrative (then it is based on nothing of the origin's).
        const entry = catalog.apps.get(copy.app);
        const text = (entry?.illustrative && catalog.attributionIllustrative) || catalog.attribution;
        expect(hits, `${copy.app} for ${name}`).toEqual([
          `README.md: ${text.id.replaceAll('{app}', entry?.name ?? '').replaceAll('{origin}', 'Kota Tangerang').replaceAll('{code}', '36.71')}`,
          // The origin's repository, as the origin's own publiccode.yml declares it (a suggestion, so marked).
          ...(entry?.illustrative ? [] : [`publiccode.yml: isBasedOn: "https://tangerangkota.go.id/kode-sumber/kota-tangerang-${copy.app}"  # ${markComment('basedOn')}`]),
        ]);
        const publiccode = copy.files.find((f) => f.path === 'publiccode.yml')?.contents.toString('utf8') ?? '';
        expect(publiccodeProblems(publiccode, `${copy.app}/publiccode.yml`), `${copy.app} for ${name}`).toEqual([]);
      }
    }
  });

  it('refuses output paths that differ only by case', async () => {
    expect(await emergencyProblems({ 'readme.md': 'x' }, show)).toEqual([
      'gawat-darurat-112.yaml: path.collision {"path":"readme.md","other":"README.md"}',
    ]);
  });
});
