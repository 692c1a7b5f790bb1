import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { createAjv, PRECOMPILED, schemaId, settingsKey, settingsValidator, validator, type SchemaName } from '../../src/lib/schema/ajv.js';
import { root } from '../helpers/cli.js';

const yamlFiles = (dir: string) => readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.yaml')).map((f) => parse(readFileSync(path.join(root, dir, f), 'utf8')) as unknown);

/** Whether the build wrote a validator for exactly this schema text. */
const builtFor = (text: string | Buffer) => existsSync(path.join(PRECOMPILED, `v${createHash('sha256').update(text).digest('hex')}.cjs`));

/** A validator's verdict and errors, comparable across two compilations (schemas compared by value). */
function verdict(validate: (data: unknown) => boolean, data: unknown, errors: () => unknown) {
  const copy = structuredClone(data);
  const valid = validate(copy);
  return { valid, data: copy, errors: JSON.parse(JSON.stringify(errors() ?? null)) as unknown };
}

describe('validators compiled at build time', () => {
  const fresh = createAjv();
  const samples: Record<SchemaName, unknown[]> = {
    region: [...yamlFiles('catalog/regions'), parse(readFileSync(path.join(root, 'test', 'fixtures', 'five-mistakes.yaml'), 'utf8')), {}, { code: 7, opd: [] }],
    app: [...yamlFiles('catalog/apps'), { id: 'X', version: 'one' }],
    catalog: [parse(readFileSync(path.join(root, 'catalog', 'catalog.yaml'), 'utf8')), { dimensions: 'all' }],
    publiccode: [{}, { publiccodeYmlVersion: '0.4', name: 1 }],
  };

  for (const name of Object.keys(samples) as SchemaName[]) {
    it(`${name}: the same verdicts, defaults and errors as ajv compiling the schema now`, () => {
      const built = validator(name);
      const compiled = fresh.getSchema(schemaId(name));
      if (!compiled) throw new Error(`${name} is not registered`);
      expect(builtFor(readFileSync(path.join(root, 'catalog', 'schemas', `${name}.schema.json`))), 'the build wrote a validator for this schema').toBe(true);
      for (const data of samples[name]) expect(verdict(built, data, () => built.errors)).toEqual(verdict(compiled, data, () => compiled.errors));
    });
  }

  it("each app's settings: the same verdicts, defaults and errors on its example and on broken settings", async () => {
    const catalog = await loadCatalog();
    for (const app of catalog.apps.values()) {
      expect(builtFor(settingsKey(app.settings)), app.id).toBe(true);
      const built = settingsValidator(app.settings);
      const compiled = fresh.compile(app.settings);
      for (const data of [app.example, {}, { unknown: true }, { ...(app.example as object), title: 5 }]) {
        expect(verdict(built, data, () => built.errors), app.id).toEqual(verdict(compiled, data, () => compiled.errors));
      }
    }
  });
});
