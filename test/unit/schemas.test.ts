import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnySchema } from 'ajv';
import { describe, expect, it } from 'vitest';
import { builtinCatalogDir } from '../../src/lib/paths.js';
import { bareAjv } from '../../src/lib/schema/ajv.js';

const schemasDir = path.join(builtinCatalogDir, 'schemas');
const schemaFiles = readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json')).sort();
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

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
      return readJson(target) as AnySchema;
    },
  });
  const schema = readJson(path.join(schemasDir, file));
  expect(ajv.validateSchema(schema), `${file} against the 2020-12 meta-schema: ${ajv.errorsText()}`).toBe(true);
  const validate = await ajv.compileAsync({ $id: pathToFileURL(path.join(schemasDir, file)).href, ...schema });
  return { validate, loaded };
}

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
