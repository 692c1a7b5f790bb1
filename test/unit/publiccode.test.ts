// publiccode.yml in every copy: valid for the standard version it declares, linked to the original by the
// origin's own url, and every suggested or illustrative value marked and listed for the region to replace.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import type { Catalog } from '../../src/lib/catalog/types.js';
import { planRun, type CopyPlan } from '../../src/lib/plan/plan.js';
import { CONTACT_PLACEHOLDER, markComment, PUBLICCODE_VERSION } from '../../src/lib/plan/publiccode-meta.js';
import { markedValues, originPubliccode, PUBLICCODE, publiccodeProblems, publiccodeReminderLines, publiccodeReminders } from '../../src/lib/publiccode.js';
import { regionFromSource } from '../../src/lib/region/load.js';
import type { Region } from '../../src/lib/region/types.js';
import { parseYaml } from '../../src/lib/yaml/source.js';
import { forkCatalog, root } from '../helpers/catalog.js';

const regionsDir = path.join(root, 'catalog', 'regions');
const REGIONS = (await readdir(regionsDir)).filter((f) => f.endsWith('.yaml')).sort();
const schema = JSON.parse(await readFile(path.join(root, 'catalog', 'schemas', 'publiccode.schema.json'), 'utf8'));

/** Each app of the catalogue, with its example settings, planned for a region given as data. */
async function copies(catalog: Catalog, data: Record<string, unknown>, name: string, dir = regionsDir) {
  const out: { copy: CopyPlan; region: Region; text: string }[] = [];
  for (const app of catalog.apps.values()) {
    const source = parseYaml(stringify({ ...data, apps: { [app.id]: app.example } }), name);
    const loaded = await regionFromSource(source, dir, catalog, [app.id, ...app.requires]);
    const copy = planRun(catalog, loaded, [app.id]).copies.find((c) => c.app === app.id) as CopyPlan;
    out.push({ copy, region: loaded.region, text: copy.files.find((f) => f.path === PUBLICCODE)?.text ?? '' });
  }
  return out;
}
const regionData = async (file: string, dir = regionsDir) => parse(await readFile(path.join(dir, file), 'utf8')) as Record<string, unknown>;

// Keys by the version of the standard that added them, and those it deprecated (CHANGELOG of publiccode.yml).
const ADDED: Record<string, string> = { organisation: '0.5', fundedBy: '0.5', supports: '0.7' };
const DEPRECATED: Record<string, string> = {
  monochromeLogo: '0.3', inputTypes: '0.3', outputTypes: '0.3', 'description.*.genericName': '0.3', 'legal.authorsFile': '0.4',
  'legal.repoOwner': '0.5', 'IT.conforme': '0.5', 'IT.riuso.codiceIPA': '0.5', it: '0.7', IT: '0.7',
};
const atLeast = (version: string, since: string) => Number(version.split('.')[1]) >= Number(since.split('.')[1]);
/** Every key path of the data, languages under description written `*`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, prefix));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = prefix === 'description' ? `${prefix}.*` : prefix ? `${prefix}.${key}` : key;
    return [here, ...keyPaths(inner, here)];
  });
}

const catalog = await loadCatalog();
// The url of each app in the origin's own publiccode.yml, as `replika catalog export --publiccode` writes it
// (made when a test first asks, so a template that fails the schema fails the tests rather than the file).
let origin: Promise<Map<string, string>> | undefined;
const originUrls = () => (origin ??= originPubliccode(catalog).then(({ copies }) => new Map(copies.map((c) => [c.app, parse(c.files[0]?.contents.toString('utf8') ?? '').url as string]))));

describe('publiccode.yml of every bundled app for every bundled region', () => {

  it.each(REGIONS)('%s: valid for the declared version, linked to the original, examples marked', async (file) => {
    const isOrigin = path.join(regionsDir, file) === catalog.origin.file;
    for (const { copy, region, text } of await copies(catalog, await regionData(file), file)) {
      const where = `${copy.app} for ${file}`;
      expect(publiccodeProblems(text, where), where).toEqual([]);
      const data = parse(text);

      // The version declared is the kit's, the schema's, and every key used exists in it and is not deprecated.
      expect(data.publiccodeYmlVersion, where).toBe(PUBLICCODE_VERSION);
      const keys = keyPaths(data);
      expect(keys.filter((k) => ADDED[k] && !atLeast(PUBLICCODE_VERSION, ADDED[k])), where).toEqual([]);
      expect(keys.filter((k) => DEPRECATED[k] && atLeast(PUBLICCODE_VERSION, DEPRECATED[k])), where).toEqual([]);
      expect(data.intendedAudience.countries).toEqual(['ID']);

      // isBasedOn is the url the origin's own publiccode.yml declares (catalog export --publiccode).
      const entry = catalog.apps.get(copy.app);
      if (isOrigin || entry?.illustrative) expect(data.isBasedOn, where).toBeUndefined();
      else expect(data.isBasedOn, where).toBe((await originUrls()).get(copy.app));

      // The technical contact is a person's placeholder, never an office presented as one.
      expect(data.maintenance.contacts[0].name).toBe(CONTACT_PLACEHOLDER);
      const marked = markedValues(text, 'en');
      expect(marked.map((m) => m.field), where).toEqual(expect.arrayContaining(['url', 'landingURL', 'maintenance.contacts[0].name', 'maintenance.contacts[0].email', 'maintenance.contacts[0].phone']));
      expect(marked.some((m) => m.field === 'isBasedOn'), where).toBe(data.isBasedOn !== undefined);
      expect(marked.some((m) => m.field === 'organisation.uri'), where).toBe(region.illustrative?.includes('/domain') ?? false);

      // No illustrative value of the region is published on an unmarked line.
      const lines = text.split('\n');
      for (const pointer of region.illustrative ?? []) {
        for (const value of leaves(pointer.split('/').slice(1).reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], region))) {
          const bare = lines.filter((l) => l.includes(value) && !l.includes('# CONTOH / EXAMPLE [') && !l.trimStart().startsWith('#'));
          expect(bare, `${where}: ${pointer} = ${value}`).toEqual([]);
        }
      }
    }
  });

  it('the schema declares the version the kit writes', () => {
    expect(schema.properties.publiccodeYmlVersion.enum).toEqual([PUBLICCODE_VERSION, `${PUBLICCODE_VERSION}.0`]);
  });
});

const leaves = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(leaves) : [];

describe('the reminder list', () => {
  it('lists exactly the marked values, with the reason and the setting they came from, in both languages', async () => {
    const laksa = (await copies(catalog, await regionData('kabupaten-poso.yaml'), 'kabupaten-poso.yaml')).find((c) => c.copy.app === 'laksa');
    const copy = laksa?.copy as CopyPlan;
    const en = publiccodeReminders(copy, 'en');
    expect(en.map((r) => [r.field, r.reason, r.setting ?? ''])).toEqual([
      ['url', 'repository', ''],
      ['landingURL', 'landing', ''],
      ['isBasedOn', 'basedOn', ''],
      ['organisation.uri', 'illustrative', '/domain'],
      ['maintenance.contacts[0].name', 'person', ''],
      ['maintenance.contacts[0].email', 'illustrative', '/contacts/email'],
      ['maintenance.contacts[0].phone', 'illustrative', '/contacts/phone'],
      ['maintenance.contacts[0].affiliation', 'illustrative', '/opd/communication'],
    ]);
    const text = laksa?.text ?? '';
    // Each reminder points at its line, which carries the mark.
    for (const r of en) expect(text.split('\n')[r.line - 1], r.field).toContain(`# ${markComment(r.reason, r.setting)}`);
    expect(text.split('\n').filter((l) => l.includes('# CONTOH / EXAMPLE [')).length).toBe(en.length);
    expect(en[0]).toMatchObject({ value: 'https://posokab.go.id/kode-sumber/kabupaten-poso-laksa', text: expect.stringContaining('only a suggestion'), hint: expect.stringContaining('sourceBaseUrl') });
    expect(en[6]).toMatchObject({ value: '+62 000 000000', text: expect.stringContaining('/contacts/phone'), hint: expect.stringContaining('illustrative') });

    const id = publiccodeReminders(copy, 'id');
    expect(id.map((r) => r.field)).toEqual(en.map((r) => r.field));
    expect(id[0]?.text).toContain('hanya saran');
    expect(id[4]?.text).toContain('nama lengkap pengelola teknis');

    const lines = publiccodeReminderLines([copy], 'id');
    expect(lines[0]).toBe('laksa/publiccode.yml: 8 nilai harus diganti sebelum berkas ini dipublikasikan. Masing-masing bertanda "CONTOH / EXAMPLE" di barisnya.');
    expect(lines[1]).toMatch(/^laksa\/publiccode\.yml:\d+ {2}url {2}"https:\/\/posokab\.go\.id\/kode-sumber\/kabupaten-poso-laksa" hanya saran: .*\n {4}→ Isi sourceBaseUrl/);
    expect(publiccodeReminders({ files: [] }, 'en')).toEqual([]);
  });

  it('shrinks to what is still an example once the region gives its own values and the origin its repository', async () => {
    const dir = await forkCatalog();
    const fork = path.join(dir, 'catalog');
    // Test values: a code server for the origin and for the adopter, and an adopter whose settings list nothing illustrative.
    await writeFile(path.join(fork, 'regions', 'kota-tangerang.yaml'), `${await readFile(path.join(fork, 'regions', 'kota-tangerang.yaml'), 'utf8')}sourceBaseUrl: https://kode.example.go.id/asal\n`);
    const forked = await loadCatalog(fork);
    const exported = (await originPubliccode(forked)).copies.find((c) => c.app === 'laksa');
    const exportedData = parse(exported?.files[0]?.contents.toString('utf8') ?? '');
    expect(exportedData.url).toBe('https://kode.example.go.id/asal/kota-tangerang-laksa');

    const data = { ...(await regionData('kota-gorontalo.yaml')), sourceBaseUrl: 'https://kode.example.go.id/daerah/', illustrative: [] };
    const laksa = (await copies(forked, data, 'kota-gorontalo.yaml')).find((c) => c.copy.app === 'laksa');
    const parsed = parse(laksa?.text ?? '');
    expect(parsed.url).toBe('https://kode.example.go.id/daerah/kota-gorontalo-laksa');
    expect(parsed.isBasedOn).toBe(exportedData.url);
    expect(publiccodeReminders(laksa?.copy as CopyPlan, 'en').map((r) => `${r.field} ${r.reason}`)).toEqual([
      'landingURL landing',
      'maintenance.contacts[0].name person',
      'maintenance.contacts[0].email officeContact',
      'maintenance.contacts[0].phone officeContact',
    ]);
  });
});

describe('the shipped schema is the standard 0.7, strict', () => {
  const valid = {
    publiccodeYmlVersion: '0.7', name: 'x', url: 'https://x.go.id/x', platforms: ['web'], developmentStatus: 'stable', softwareType: 'standalone/web',
    organisation: { uri: 'https://x.go.id', name: 'Pemerintah X' },
    description: { id: { shortDescription: 's', longDescription: 'l'.repeat(150), features: ['a'] } },
    legal: { license: 'MIT' }, maintenance: { type: 'internal', contacts: [{ name: 'n' }] }, localisation: { localisationReady: true, availableLanguages: ['id'] },
  };
  const problems = (change: (d: Record<string, any>) => void) => {
    const data = structuredClone(valid) as Record<string, any>;
    change(data);
    return publiccodeProblems(stringify(data), 'p.yml').map((p) => `${p.pointer} ${p.key}`);
  };

  it('accepts a minimal file and what 0.5–0.7 added', () => {
    expect(problems(() => {})).toEqual([]);
    expect(problems((d) => Object.assign(d, { fundedBy: [{ uri: 'https://x.go.id', name: 'X' }], supports: [{ id: 'alias:gdpr' }, { id: 'urn:x-foo:bar' }], isBasedOn: ['https://a.go.id/a'] }))).toEqual([]);
  });

  it('refuses other versions, deprecated keys, unknown keys and lowercase countries', () => {
    expect(problems((d) => (d.publiccodeYmlVersion = '0.4'))).toEqual(['/publiccodeYmlVersion schema.enum']);
    expect(problems((d) => (d.publiccodeYmlVersion = '0.5'))).toEqual(['/publiccodeYmlVersion schema.enum']);
    expect(problems((d) => (d.legal.repoOwner = 'X'))).toEqual(['/legal/repoOwner schema.additional']);
    expect(problems((d) => (d.legal.authorsFile = 'AUTHORS'))).toEqual(['/legal/authorsFile schema.additional']);
    expect(problems((d) => (d.description.id.genericName = 'Web app'))).toEqual(['/description/id/genericName schema.additional']);
    expect(problems((d) => (d.monochromeLogo = 'logo.svg'))).toEqual(['/monochromeLogo schema.additional']);
    expect(problems((d) => (d.IT = { piattaforme: { spid: true } }))).toEqual(['/IT schema.additional']);
    expect(problems((d) => (d.intendedAudience = { countries: ['id'] }))).toEqual(['/intendedAudience/countries/0 schema.pattern']);
    expect(problems((d) => (d.maintenance.contacts[0].role = 'lead'))).toEqual(['/maintenance/contacts/0/role schema.additional']);
    expect(problems((d) => (d.supports = [{ id: 'alias:nope' }]))).not.toEqual([]);
    expect(problems((d) => (d.description.id.shortDescription = 'one\ntwo'))).toEqual(['/description/id/shortDescription schema.pattern']);
    expect(problems((d) => (d.platforms = 'web'))).toEqual(['/platforms schema.type']);
  });

  it('refuses what the standard requires otherwise', () => {
    expect(problems((d) => (d.description.id.longDescription = 'short'))).toEqual(['/description/id/longDescription schema.limit']);
    expect(problems((d) => delete d.maintenance.contacts)).toEqual(['/maintenance/contacts schema.required']);
    expect(problems((d) => (d.maintenance = { type: 'contract' }))).toEqual(['/maintenance/contractors schema.required']);
    expect(problems((d) => (d.maintenance.contractors = [{ name: 'PT X', until: '2027-01-01' }]))).not.toEqual([]);
    expect(problems((d) => delete d.organisation.uri)).toEqual(['/organisation/uri schema.required']);
  });
});
