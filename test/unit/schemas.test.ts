import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnySchemaObject, ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { builtinCatalogDir } from '../../src/lib/paths.js';
import { bareAjv } from '../../src/lib/schema/ajv.js';
import type { AppEntry, Catalog } from '../../src/lib/catalog/types.js';
import { COMPOSED_REGION_SCHEMA, composeRegionSchema, composedRegionSchemaText } from '../../src/lib/schema/compose.js';

const schemasDir = path.join(builtinCatalogDir, 'schemas');
const schemaFiles = readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json')).sort();
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const regionFiles = readdirSync(path.join(builtinCatalogDir, 'regions')).filter((f) => f.endsWith('.yaml')).sort();
const region = (file: string) => parse(readFileSync(path.join(builtinCatalogDir, 'regions', file), 'utf8')) as { apps?: Record<string, Record<string, unknown>> };

/**
 * Compiles one schema file the way an editor uses it: nothing registered beforehand, its base the file's own place
 * (unless it names another), and every other schema it refers to read from disk, from the same folder.
 */
async function compileFromDisk(file: string) {
  const loaded: string[] = [];
  const ajv = bareAjv({
    loadSchema: async (uri) => {
      loaded.push(uri);
      if (!uri.startsWith('file:')) throw new Error(`${file} refers to ${uri}, which is not a file beside it`);
      const target = fileURLToPath(uri);
      if (path.dirname(target) !== schemasDir) throw new Error(`${file} refers to ${uri}, outside catalog/schemas`);
      return readJson(target) as AnySchemaObject;
    },
  });
  const schema = readJson(path.join(schemasDir, file));
  expect(ajv.validateSchema(schema), `${file} against the 2020-12 meta-schema: ${ajv.errorsText()}`).toBe(true);
  const validate = await ajv.compileAsync({ $id: pathToFileURL(path.join(schemasDir, file)).href, ...schema });
  return { validate, loaded };
}

const at = (errors: readonly ErrorObject[] | null | undefined) => (errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);

describe('the JSON Schemas, each on its own as an editor loads it', () => {
  it.each(schemaFiles)('%s compiles with its references read from disk', async (file) => {
    const { loaded } = await compileFromDisk(file);
    if (file === 'catalog.schema.json') expect(loaded).toEqual([pathToFileURL(path.join(schemasDir, 'app.schema.json')).href]);
  });

  it('no schema names another by an identifier an editor cannot resolve', () => {
    for (const file of schemaFiles) {
      const refs = [...readFileSync(path.join(schemasDir, file), 'utf8').matchAll(/"\$ref":\s*"([^"]*)"/g)].map((m) => m[1] as string);
      for (const ref of refs) expect(ref, `${file}: ${ref}`).toMatch(/^(#|\.\/[a-z]+\.schema\.json#)/);
    }
  });
});

describe(`the region schema composed with the applications' settings (${COMPOSED_REGION_SCHEMA})`, () => {
  it('is up to date with the catalogue: the build writes it, and a change to an app without a build fails here', async () => {
    const catalog = await loadCatalog(builtinCatalogDir, { fresh: true });
    expect(readFileSync(path.join(schemasDir, COMPOSED_REGION_SCHEMA), 'utf8'), 'run `npm run build` and commit the schema it rewrites').toBe(composedRegionSchemaText(catalog));
  });

  it('accepts the bundled region files, and each application\'s example settings', async () => {
    const { validate } = await compileFromDisk(COMPOSED_REGION_SCHEMA);
    for (const file of regionFiles) expect(validate(region(file)) ? [] : at(validate.errors), file).toEqual([]);
    const catalog = await loadCatalog();
    const origin = region('kota-tangerang.yaml');
    for (const app of catalog.apps.values()) {
      const data = { ...origin, apps: { [app.id]: structuredClone(app.example) } };
      expect(validate(data) ? [] : at(validate.errors), app.id).toEqual([]);
    }
  });

  it('rejects what `replika validate` rejects in the settings: a wrong type, an unknown application, an unknown OPD', async () => {
    const { validate } = await compileFromDisk(COMPOSED_REGION_SCHEMA);
    const data = region('kota-gorontalo.yaml');
    const laksa = { slaDays: 'tiga', categories: [{ id: 'jalan', label: { id: 'Jalan', en: 'Roads' }, opd: 'noSuchOffice' }] };
    expect(validate({ ...data, apps: { ...data.apps, laksa } })).toBe(false);
    expect(at(validate.errors)).toEqual(expect.arrayContaining(['/apps/laksa/slaDays type', '/apps/laksa/categories/0/opd x-replika-ref']));
    expect(validate({ ...data, apps: { ...data.apps, laksaa: {} } })).toBe(false);
    expect(at(validate.errors)).toEqual(['/apps additionalProperties']);
  });

  it("moves an application's own references ($defs) with its settings", async () => {
    const settings = { type: 'object', $defs: { day: { type: 'integer', minimum: 1 } }, properties: { days: { type: 'array', items: { $ref: '#/$defs/day' } }, default: { $ref: '#/$defs/day' } } };
    const app = { id: 'rapat', name: 'Rapat', title: { id: 'Rapat', en: 'Meetings' }, settings } as unknown as AppEntry;
    const composed = composeRegionSchema(readJson(path.join(schemasDir, 'region.schema.json')), { id: 'uji', apps: new Map([['rapat', app]]) } as Catalog);
    const validate = bareAjv().compile(composed);
    const data = region('kota-gorontalo.yaml');
    expect(validate({ ...data, apps: { rapat: { days: [1, 2], default: 3 } } }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...data, apps: { rapat: { days: [0], default: 'x' } } })).toBe(false);
    expect(at(validate.errors)).toEqual(expect.arrayContaining(['/apps/rapat/days/0 minimum', '/apps/rapat/default type']));
  });
});
