import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv2020, Options } from 'ajv/dist/2020.js';
import type { AnySchema, KeywordCxt, ValidateFunction } from 'ajv';
import { sha256 } from '../copy/manifest.js';
import { builtinCatalogDir, packageRoot } from '../paths.js';

// ajv and ajv-formats are CommonJS and cost more to load than a whole `replika new`: they are required only
// when a schema has no validator compiled at build time (see PRECOMPILED below).
const require = createRequire(import.meta.url);

export type SchemaName = 'catalog' | 'app' | 'region' | 'publiccode';
export const SCHEMA_NAMES: readonly SchemaName[] = ['app', 'catalog', 'region', 'publiccode'];
/**
 * The key a kit schema is registered under: its file name. The schemas refer to each other by relative `$ref`
 * ("./app.schema.json#/$defs/text"), which resolves against this key here as against the file's place in an editor.
 */
export const schemaId = (name: SchemaName) => `${name}.schema.json`;
export const schemaFile = (name: SchemaName) => path.join(builtinCatalogDir, 'schemas', schemaId(name));

/** The options every validator is compiled with, at build time and at run time alike. */
const OPTIONS: Options = { validateSchema: false, allErrors: true, useDefaults: true, verbose: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false };

/**
 * A new Ajv with the kit's formats and keyword but none of its schemas. Schemas are not checked against the
 * 2020-12 meta-schema on every run (compiling it costs more than everything else); strict mode still refuses
 * unknown keywords and malformed types when a schema compiles.
 */
export function bareAjv(extra: Options = {}): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const { _ } = require('ajv') as typeof import('ajv');
  const names = (require('ajv/dist/compile/names.js') as typeof import('ajv/dist/compile/names.js')).default;
  const formats = require('ajv-formats') as { default: (instance: Ajv2020) => unknown };
  const instance = new Ajv({ ...OPTIONS, ...extra });
  formats.default(instance);
  instance.addKeyword({
    // A string that must name an OPD of the region being validated (a key of its `opd`). Generated code, not a
    // closure, so that validators compiled at build time carry it.
    keyword: 'x-replika-ref',
    type: 'string',
    schemaType: 'string',
    code(cxt: KeywordCxt) {
      if (cxt.schema !== 'opd') return;
      const root = names.rootData;
      cxt.fail(_`!(typeof ${root} == "object" && ${root} !== null && typeof ${root}.opd == "object" && ${root}.opd !== null && Object.prototype.hasOwnProperty.call(${root}.opd, ${cxt.data}))`);
    },
    error: { message: 'must name an OPD of the region', params: ({ schema }) => _`{ref: ${schema as string}}` },
  });
  return instance;
}

/** A new Ajv with the kit's formats, keyword and schemas, each under its `schemaId`. */
export function createAjv(extra: Options = {}): Ajv2020 {
  const instance = bareAjv(extra);
  for (const name of SCHEMA_NAMES) instance.addSchema(JSON.parse(readFileSync(schemaFile(name), 'utf8')) as AnySchema, schemaId(name));
  return instance;
}

let shared: Ajv2020 | undefined;

/** One Ajv for the process, made on first use: schemas compile once and validators are cached by ajv itself. */
export function ajv(): Ajv2020 {
  return (shared ??= createAjv());
}

/**
 * Validators compiled at build time (ajv's standalone code) for the kit's schemas and the bundled apps' settings,
 * one file each, named after the sha256 of the schema it was compiled from: one is used only for that exact schema.
 */
export const PRECOMPILED = path.join(packageRoot, 'dist', 'validators');

/** Where the build puts the validator compiled from this schema text. */
export const precompiledFile = (schemaText: string | Buffer) => path.join(PRECOMPILED, `v${sha256(schemaText)}.cjs`);

function built(file: string): ValidateFunction | undefined {
  try {
    return existsSync(file) ? (require(file) as ValidateFunction) : undefined;
  } catch {
    return undefined;
  }
}

const kitValidators = new Map<SchemaName, ValidateFunction>();

export function validator(name: SchemaName): ValidateFunction {
  let fn = kitValidators.get(name);
  if (!fn) {
    fn = built(precompiledFile(readFileSync(schemaFile(name)))) ?? ajv().getSchema(schemaId(name));
    if (!fn) throw new Error(`schema ${name} is not registered`);
    kitValidators.set(name, fn);
  }
  return fn;
}

/** The key of a settings schema: its canonical text. */
export const settingsKey = (schema: object) => JSON.stringify(schema);

/** A validator for an app's settings schema: built at build time if the schema is one of those, else compiled. */
export function settingsValidator(schema: object): ValidateFunction {
  return built(precompiledFile(settingsKey(schema))) ?? ajv().compile(schema);
}

/** Forgets compiled schemas (a long-running process whose catalogue changes). */
export function forgetSchemas(): void {
  shared = undefined;
  kitValidators.clear();
}
