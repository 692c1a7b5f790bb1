import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnySchema, ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { builtinCatalogDir } from '../paths.js';

// ajv-formats is CommonJS: its default export arrives wrapped under Node's ESM interop.
type AddFormats = (instance: Ajv2020) => unknown;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

export type SchemaName = 'catalog' | 'app' | 'region' | 'publiccode';
export const schemaId = (name: SchemaName) => `urn:replika:schemas:${name}`;

let shared: Ajv2020 | undefined;

/** One Ajv for the process: schemas compile once and validators are cached by ajv itself. */
export function ajv(): Ajv2020 {
  if (shared) return shared;
  // Schemas are not checked against the 2020-12 meta-schema on every run (compiling it costs more than everything
  // else); strict mode still refuses unknown keywords and malformed types when a schema compiles.
  const instance = new Ajv2020({ validateSchema: false, allErrors: true, useDefaults: true, verbose: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
  addFormats(instance);
  instance.addKeyword({
    // A string that must name an OPD of the region being validated (a key of its `opd`).
    keyword: 'x-replika-ref',
    type: 'string',
    schemaType: 'string',
    errors: true,
    validate: function opdRef(kind: string, data: string, _parent?: AnySchema, cxt?: { rootData: unknown }): boolean {
      const root = cxt?.rootData as { opd?: Record<string, unknown> } | undefined;
      const ok = kind !== 'opd' || (typeof root?.opd === 'object' && root.opd !== null && Object.hasOwn(root.opd, data));
      (opdRef as unknown as { errors: Partial<ErrorObject>[] }).errors = ok ? [] : [{ keyword: 'x-replika-ref', params: { ref: kind } }];
      return ok;
    },
  });
  for (const name of ['app', 'catalog', 'region', 'publiccode'] as const) {
    instance.addSchema(JSON.parse(readFileSync(path.join(builtinCatalogDir, 'schemas', `${name}.schema.json`), 'utf8')) as AnySchema);
  }
  shared = instance;
  return instance;
}

export function validator(name: SchemaName): ValidateFunction {
  const fn = ajv().getSchema(schemaId(name));
  if (!fn) throw new Error(`schema ${name} is not registered`);
  return fn;
}
