import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { UserError } from '../../src/lib/errors.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { regionFileText, regionSettings } from '../../src/lib/region/new-region.js';
import { official } from '../../src/lib/region/official.js';
import { parseYaml } from '../../src/lib/yaml/source.js';
import { formatProblems } from '../../src/lib/report.js';
import { tree } from '../helpers/tree.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test', 'fixtures');

async function problems(file: string, apps: string[] = ['laksa']) {
  const catalog = await loadCatalog();
  try {
    await loadRegion(file, catalog, apps);
  } catch (error) {
    if (error instanceof UserError) return error.problems;
    throw error;
  }
  return [];
}

describe('region settings', () => {
  it('the file `region new` writes holds exactly the settings `check --all-regencies` uses, for all 514 regions', async () => {
    const catalog = await loadCatalog();
    const regions = [...official().regions.values()];
    expect(regions).toHaveLength(514);
    for (const region of regions) {
      const parsed = parseYaml(regionFileText(region, catalog, {}, 'region.schema.json'), `${region.code}.yaml`);
      expect(parsed.data, region.name).toEqual(regionSettings(region, catalog, {}));
    }
  });

  it.each(['kota-gorontalo', 'kabupaten-banjar', 'kota-tangerang'])('%s is valid for every catalogue app', async (name) => {
    const catalog = await loadCatalog();
    const loaded = await loadRegion(path.join(root, 'catalog', 'regions', `${name}.yaml`), catalog, [...catalog.apps.keys()]);
    expect(loaded.slug).toBe(name);
  });

  it('applies defaults of the chosen apps', async () => {
    const catalog = await loadCatalog();
    const { region } = await loadRegion(path.join(root, 'catalog', 'regions', 'kabupaten-banjar.yaml'), catalog, ['laksa']);
    expect(region.apps.laksa).toMatchObject({ slaDays: 5, forwardToLapor: false });
    expect((region.apps.laksa?.categories as unknown[]).length).toBe(5);
    expect(region.locale).toBe('id-ID');
  });

  it('reports five different mistakes in one run, each at its line and column', async () => {
    const found = await problems(path.join(fixtures, 'five-mistakes.yaml'));
    expect(found.map((p) => `${p.line}:${p.col} ${p.pointer} ${p.key}`)).toEqual([
      '4:7 /kind region.kindCode',
      '11:3 /branding/colours schema.additional',
      '13:10 /contacts/email schema.format',
      '23:3 /apps/laksaa app.unknown',
      '25:14 /apps/laksa/slaDays schema.type',
    ]);
    const text = formatProblems(found, 'en');
    expect(text).toContain('test/fixtures/five-mistakes.yaml:11:3  /branding/colours  unknown field "colours"\n    → Did you mean "colors"?');
    expect(text).toContain('"laksaa" is not an application in the catalogue\n    → Did you mean "laksa"?');
    expect(formatProblems(found, 'id')).toContain('kolom "colours" tidak dikenal');
  });

  it('checks OPD references against the region and the time zone against the province', async () => {
    const base = (await import('node:fs/promises')).readFile(path.join(root, 'catalog', 'regions', 'kota-gorontalo.yaml'), 'utf8');
    const text = (await base)
      .replace('timeZone: Asia/Makassar', 'timeZone: Asia/Jayapura')
      .replace('  laksa:\n    forwardToLapor: true', '  laksa:\n    categories:\n      - { id: jalan, label: { id: Jalan, en: Roads }, opd: roads }');
    const dir = await tree({ 'r.yaml': text });
    const found = await problems(path.join(dir, 'r.yaml'));
    expect(found.map((p) => `${p.pointer} ${p.key} ${p.params?.expected ?? p.params?.value}`)).toEqual([
      '/timeZone region.timeZone Asia/Makassar',
      '/apps/laksa/categories/0/opd ref.opd roads',
    ]);
  });

  it('holds the name to the official one for the code', async () => {
    const text = (await (await import('node:fs/promises')).readFile(path.join(root, 'catalog', 'regions', 'kabupaten-banjar.yaml'), 'utf8')).replace('name: Kabupaten Banjar', 'name: Kota Banjar');
    const dir = await tree({ 'r.yaml': text });
    const [problem] = await problems(path.join(dir, 'r.yaml'));
    expect(problem).toMatchObject({ key: 'region.officialName', pointer: '/name', line: 6, col: 7, params: { expected: 'Kabupaten Banjar' } });
  });
});
