import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { AppEntry, Catalog } from '../catalog/types.js';
import { readBeside } from '../copy/safe-fs.js';
import { UserError, type Problem } from '../errors.js';
import { displayPath } from '../paths.js';
import { forgetSchemas, settingsKey, settingsValidator, validator } from '../schema/ajv.js';
import { boundProblems } from '../report.js';
import { schemaProblems } from '../schema/problems.js';
import { shortList } from '../text/short-list.js';
import { slugify } from '../text/suggest.js';
import { loadYamlFile, type Source } from '../yaml/source.js';
import { regionRules } from './rules.js';
import type { LoadedRegion, Region } from './types.js';

/** Settings validators, keyed by the schema's text: catalogue entries with the same schema share one. */
const settingsValidators = new Map<string, ValidateFunction>();

/** Forgets compiled settings validators, with the catalogues they were made for. */
export function forgetValidators(): void {
  settingsValidators.clear();
  byEntry = new WeakMap();
  forgetSchemas();
}

let byEntry = new WeakMap<AppEntry, ValidateFunction>();

function appValidator(app: AppEntry): ValidateFunction {
  const known = byEntry.get(app);
  if (known) return known;
  const schema = app.settings ?? {};
  const key = settingsKey(schema);
  let validate = settingsValidators.get(key);
  if (!validate) {
    try {
      validate = settingsValidator(schema);
    } catch (error) {
      throw new UserError({ key: 'catalog.settingsSchema', params: { message: (error as Error).message }, file: app.file, pointer: '/settings' });
    }
    settingsValidators.set(key, validate);
  }
  byEntry.set(app, validate);
  return validate;
}

/**
 * The region schema, then each chosen app's settings schema on `apps.<id>` (an empty object when absent, so that
 * its defaults are filled in). Each schema is compiled once per process however many app sets are checked: the
 * settings are validated in place, with the region file as their root, so errors carry their full path and an
 * `x-replika-ref: opd` finds the region's OPDs.
 */
function schemaErrors(data: unknown, catalog: Catalog, chosen: readonly string[]): ErrorObject[] {
  const region = validator('region');
  const errors = region(data) ? [] : [...(region.errors ?? [])];
  const apps = (data as { apps?: unknown } | null)?.apps;
  if (typeof apps !== 'object' || apps === null || Array.isArray(apps)) return errors;
  const settings = apps as Record<string, unknown>;
  const allowedValues = [...catalog.apps.keys()];
  for (const id of Object.keys(settings)) {
    // An id the catalogue does not know: reported as ajv reports a failed `propertyNames` enum.
    if (!catalog.apps.has(id)) errors.push({ keyword: 'enum', instancePath: '/apps', schemaPath: '#/properties/apps/propertyNames/enum', params: { allowedValues }, propertyName: id } as ErrorObject);
  }
  for (const id of chosen) {
    const app = catalog.apps.get(id);
    if (!app) continue;
    settings[id] ??= {};
    const validate = appValidator(app);
    if (!validate(settings[id], { instancePath: `/apps/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`, parentData: settings, parentDataProperty: id, rootData: data as Record<string, unknown>, dynamicAnchors: {} })) {
      errors.push(...(validate.errors ?? []));
    }
  }
  return errors;
}

/** Every problem of a parsed region file: schema (with the chosen apps' settings) then cross-field rules. */
export function regionProblems(source: Source, catalog: Catalog, chosen: readonly string[]): Problem[] {
  const errors = schemaErrors(source.data, catalog, chosen);
  const problems = errors.length === 0 ? [] : schemaProblems(errors, source, { knownApps: [...catalog.apps.keys()] });
  return boundProblems([...problems, ...regionRules(source, catalog, problems)], source.file);
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
    // The logo is read from the settings file's folder or below, never through a link or from elsewhere on the
    // machine, and only if it is a regular file of a sensible size (a named pipe would block the read).
    const contents = await readBeside(dir, region.branding.logo);
    if (contents) logo = { name: `logo${path.extname(region.branding.logo)}`, contents };
    else problems.push({ key: 'region.logo', params: { path: region.branding.logo }, file: shown, pointer: '/branding/logo', ...source.locate('/branding/logo') });
  }
  for (const id of chosen) {
    const owner = catalog.apps.get(id)?.owner;
    if (owner && problems.length === 0 && !Object.hasOwn(region.opd, owner)) {
      problems.push({ key: 'ref.opd', params: { value: owner, known: shortList(Object.keys(region.opd)) }, file: shown, pointer: '/opd', ...source.locate('/opd') });
    }
  }
  if (problems.length > 0) throw new UserError(problems);
  return { file: shown, region, slug: slugify(region.name), logo };
}
