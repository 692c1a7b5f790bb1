import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { Catalog } from '../catalog/types.js';
import { UserError, type Problem } from '../errors.js';
import { displayPath } from '../paths.js';
import { ajv, schemaId } from '../schema/ajv.js';
import { schemaProblems } from '../schema/problems.js';
import { slugify } from '../text/suggest.js';
import { loadYamlFile, type Source } from '../yaml/source.js';
import { regionRules } from './rules.js';
import type { LoadedRegion, Region } from './types.js';

const validators = new Map<string, { schemaId: string; validate: ValidateFunction }>();

/** Forgets compiled region validators (and their schemas in ajv), with the catalogues they were made for. */
export function forgetValidators(): void {
  for (const { schemaId: id } of validators.values()) ajv().removeSchema(id);
  validators.clear();
  for (const id of settingsIds.values()) ajv().removeSchema(id);
  settingsIds.clear();
}

/**
 * The region schema with every catalogue app's settings schema under `apps.<id>`; the chosen apps get an
 * empty default so that their own defaults are filled in.
 */
function composedValidator(catalog: Catalog, chosen: readonly string[]): ValidateFunction {
  const key = `${catalog.dir}@${catalog.version}:${[...chosen].sort().join(',')}`;
  let validate = validators.get(key)?.validate;
  if (!validate) {
    // Only the chosen apps' schemas are compiled (a catalogue may hold thousands); other known ids are allowed.
    // Each app's settings schema is compiled once and referenced, so the many app sets of a catalogue check
    // (or of a large catalogue) do not compile the same schemas again.
    const properties = Object.fromEntries(chosen.map((id) => [id, { $ref: settingsSchemaId(catalog, id), default: {} }]));
    const schema = {
      $id: `urn:replika:region:${encodeURIComponent(key)}`,
      allOf: [{ $ref: schemaId('region') }],
      properties: { apps: { type: 'object', default: {}, properties, propertyNames: { enum: [...catalog.apps.keys()] } } },
    };
    try {
      validate = ajv().compile(schema);
    } catch (error) {
      throw settingsSchemaError(catalog, chosen, error as Error);
    }
    validators.set(key, { schemaId: schema.$id, validate });
  }
  return validate;
}

const settingsIds = new Map<string, string>();

function settingsSchemaId(catalog: Catalog, id: string): string {
  const app = catalog.apps.get(id);
  const key = `${catalog.dir}:${id}:${JSON.stringify(app?.settings ?? {})}`;
  let schemaId = settingsIds.get(key);
  if (!schemaId) {
    schemaId = `urn:replika:settings:${settingsIds.size}`;
    ajv().addSchema({ ...(app?.settings ?? {}), $id: schemaId });
    settingsIds.set(key, schemaId);
  }
  return schemaId;
}

/** A catalogue entry whose settings schema does not compile: found by compiling the chosen ones one by one. */
function settingsSchemaError(catalog: Catalog, chosen: readonly string[], cause: Error): UserError {
  for (const id of chosen) {
    const app = catalog.apps.get(id);
    if (!app) continue;
    try {
      ajv().compile(app.settings);
    } catch (error) {
      return new UserError({ key: 'catalog.settingsSchema', params: { message: (error as Error).message }, file: app.file, pointer: '/settings' });
    }
  }
  return new UserError({ key: 'catalog.settingsSchema', params: { message: cause.message } });
}

/** Every problem of a parsed region file: schema (with the chosen apps' settings) then cross-field rules. */
export function regionProblems(source: Source, catalog: Catalog, chosen: readonly string[]): Problem[] {
  const validate = composedValidator(catalog, chosen);
  const valid = validate(source.data);
  const problems = valid ? [] : schemaProblems(validate.errors ?? [], source, { knownApps: [...catalog.apps.keys()] });
  return [...problems, ...regionRules(source, catalog, problems)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

export async function loadRegion(file: string, catalog: Catalog, chosen: readonly string[]): Promise<LoadedRegion> {
  return regionFromSource(await loadYamlFile(file, displayPath(file)), path.dirname(file), catalog, chosen);
}

/** Validates parsed settings; `dir` is where a relative logo path is looked up. */
export async function regionFromSource(source: Source, dir: string, catalog: Catalog, chosen: readonly string[]): Promise<LoadedRegion> {
  const shown = source.file;
  const problems = regionProblems(source, catalog, chosen);
  const region = source.data as Region;
  let logo: LoadedRegion['logo'];
  if (region.branding?.logo && problems.length === 0) {
    const logoPath = path.resolve(dir, region.branding.logo);
    const inside = path.relative(dir, logoPath);
    // The logo is read from beside the settings file, never from elsewhere on the machine.
    const escapes = inside.startsWith('..') || path.isAbsolute(inside);
    try {
      if (escapes) throw new Error('outside');
      if ((await lstat(logoPath)).isSymbolicLink()) throw new Error('link');
      logo = { name: `logo${path.extname(logoPath)}`, contents: await readFile(logoPath) };
    } catch {
      problems.push({ key: 'region.logo', params: { path: region.branding.logo }, file: shown, pointer: '/branding/logo', ...source.locate('/branding/logo') });
    }
  }
  for (const id of chosen) {
    const owner = catalog.apps.get(id)?.owner;
    if (owner && problems.length === 0 && !Object.hasOwn(region.opd, owner)) {
      problems.push({ key: 'ref.opd', params: { value: owner, known: Object.keys(region.opd).join(', ') }, file: shown, pointer: '/opd', ...source.locate('/opd') });
    }
  }
  if (problems.length > 0) throw new UserError(problems);
  return { file: shown, region, slug: slugify(region.name), logo };
}
