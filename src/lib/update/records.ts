import path from 'node:path';
import type { AppEntry, Catalog } from '../catalog/types.js';
import { BASE_FILE, MANIFEST_FILE, MANIFEST_KEY, sha256, type Manifest } from '../copy/manifest.js';
import { UserError, type Problem } from '../errors.js';
import { displayPath } from '../paths.js';
import { unsafeReason } from '../plan/safe-path.js';
import { checkShape, DEPTH_LIMIT, depthOf, isObject, jsonType, pointerOf, type Expected, type Field } from './records-shape.js';

/**
 * The copy's own records, checked before an update trusts them: the manifest (.yo-rc.json) says which app the copy
 * is and how it was made, the base (.replika/base.json) what was generated then. Both are plain files in the
 * copy's Git repository, so a merge, an editor or a copy from another folder can damage them; each kind of damage
 * is a user error naming the file, the place and the way back.
 *
 * With `rebuild` (update --region FILE: the region file gives the settings) a damaged base is set aside instead:
 * without it every file that differs from the catalogue's version becomes a conflict, so no edit is lost. The
 * manifest must still say which app the copy is.
 */
export interface CopyRecords {
  manifest: Manifest;
  base: Map<string, Buffer>;
  /** What was wrong with the records that `rebuild` set aside; printed before the update's report. */
  rebuilt: Problem[];
}

type Route = 'restore' | 'rebuild' | 'rebuilding';
const SHOWN = 20;

const APP_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SHA256 = /^[0-9a-f]{64}$/;
const isText = (v: unknown) => typeof v === 'string' && v.length > 0;
const isPath = (p: string) => unsafeReason(p) === undefined;

/** The manifest's fields; those marked `identity` are needed even to rebuild (which app, made together with which). */
const MANIFEST_FIELDS: Field[] = [
  { at: ['generator', 'name'], expected: 'text', test: isText },
  { at: ['generator', 'version'], expected: 'text', test: isText },
  { at: ['catalog', 'id'], expected: 'text', test: isText },
  { at: ['catalog', 'version'], expected: 'text', test: isText },
  { at: ['app', 'id'], expected: 'appId', test: (v) => typeof v === 'string' && APP_ID.test(v), identity: true },
  { at: ['app', 'version'], expected: 'text', test: isText },
  { at: ['app', 'template'], expected: 'text', test: isText },
  { at: ['region', 'code'], expected: 'text', test: isText },
  { at: ['region', 'name'], expected: 'text', test: isText },
  { at: ['services'], expected: 'appIds', test: (v) => Array.isArray(v) && v.length > 0 && v.every((id) => typeof id === 'string' && APP_ID.test(id)), identity: true },
  { at: ['settings'], expected: 'object', test: isObject },
  { at: ['settings', 'apps'], expected: 'objects', test: (v) => isObject(v) && Object.values(v).every(isObject) },
  { at: ['settings', 'branding'], expected: 'object', test: isObject },
  { at: ['files'], expected: 'object', test: isObject, each: { key: isPath, value: (v) => typeof v === 'string' && SHA256.test(v), expected: 'sha256' } },
];
const BASE_FIELDS: Field[] = [
  // Whether each string is base64 is checked as it is decoded (readBase): a regular expression costs more.
  { at: ['files'], expected: 'object', test: isObject, each: { key: isPath, value: (v) => typeof v === 'string', expected: 'base64' } },
];

/** Checks the records as read from the copy (undefined: the file is missing) and returns what an update may trust. */
export function checkRecords(dir: string, manifestText: string | undefined, baseText: string | undefined, rebuild = false): CopyRecords {
  const place = (name: string) => ({ name, file: displayPath(path.join(dir, name)) });
  const manifestAt = place(MANIFEST_FILE);
  if (manifestText === undefined) throw new UserError({ key: 'update.notCopy', params: { dir } });
  const root = parseRecord(manifestText, manifestAt, 'restore');
  if (!isObject(root)) throw new UserError(fieldProblem(manifestAt, '', 'object', jsonType(root), 'restore'));
  if (!Object.hasOwn(root, MANIFEST_KEY)) throw new UserError({ key: 'update.notCopy', params: { dir } });
  const raw = root[MANIFEST_KEY];
  const problems = shapeProblems(raw, MANIFEST_FIELDS, `/${MANIFEST_KEY}`);
  const fatal = problems.filter((p) => p.identity || !rebuild);
  if (fatal.length > 0) throw new UserError(fatal.map((p) => fieldProblem(manifestAt, p.pointer, p.expected, p.found, p.identity ? 'restore' : 'rebuild')));
  const damaged = new Set(problems.map((p) => p.at[0]));
  const manifest = soundManifest(raw as Record<string, unknown>, damaged);
  checkIdentity(manifest, damaged, manifestAt);

  const rebuilt = problems.map((p) => fieldProblem(manifestAt, p.pointer, p.expected, p.found, 'rebuilding'));
  const baseAt = place(BASE_FILE);
  const route: Route = rebuild ? 'rebuilding' : 'rebuild';
  const base = readBase(baseText, baseAt, route, damaged.has('files') ? undefined : manifest.files);
  if (base instanceof Map) return { manifest, base, rebuilt: rebuilt.length > 0 ? [...rebuilt, { key: 'records.rebuilding', params: { kept: 1 } }] : [] };
  if (!rebuild) throw new UserError(base);
  return { manifest, base: new Map(), rebuilt: [...rebuilt, ...base, { key: 'records.rebuilding' }] };
}

/**
 * The catalogue's entry for the copy's app. Unknown, or made from another template than the manifest records at
 * the same app version: the manifest names an app the copy is not, and an update would turn it into that app.
 */
export function recordedApp(manifest: Manifest, catalog: Catalog, dir: string): AppEntry {
  const file = displayPath(path.join(dir, MANIFEST_FILE));
  const { id, version, template } = manifest.app;
  const app = catalog.apps.get(id);
  if (!app) throw new UserError({ key: 'records.unknownApp', file, pointer: `/${MANIFEST_KEY}/app/id`, params: { id, catalog: catalog.id, version: catalog.version } });
  if (app.version === version && app.template !== template) {
    throw new UserError({ key: 'records.appMismatch', file, pointer: `/${MANIFEST_KEY}/app/template`, params: { id, reason: 'template', template, expected: app.template, version } });
  }
  return app;
}

/**
 * A user error about the settings a manifest records (checked as a region file is, from a YAML rendering named
 * `label`), placed in the manifest instead: its JSON pointer, no line of a text the user never saw, and a last
 * problem saying how to go on. Anything else is returned as it is.
 */
export function inRecordedSettings(error: unknown, label: string, dir: string, catalog: Catalog): unknown {
  if (!(error instanceof UserError) || !error.problems.some((p) => p.file === label)) return error;
  const file = displayPath(path.join(dir, MANIFEST_FILE));
  const settings = `/${MANIFEST_KEY}/settings`;
  const moved = error.problems.map(({ line: _line, col: _col, ...p }) => (p.file === label ? { ...p, file, pointer: `${settings}${p.pointer ?? ''}` } : p));
  return new UserError([...moved, { key: 'records.settings', file, pointer: settings, params: { catalog: catalog.id, version: catalog.version } }], error.exitCode);
}

interface Place { name: string; file: string }

function fieldProblem(at: Place, pointer: string, expected: Expected, found: string, route: Route): Problem {
  return { key: 'records.field', file: at.file, pointer, params: { name: at.name, expected, found, route } };
}

/** JSON text → value; conflict markers and broken JSON are reported as such, with the line where they start. */
function parseRecord(text: string, at: Place, route: Route): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // A line that starts with a conflict marker is never JSON: say what it is.
    const marker = /^(<{7}|\|{7}|={7}|>{7})( |\r?$)/m.exec(body);
    if (marker) throw new UserError({ key: 'records.conflict', file: at.file, line: body.slice(0, marker.index).split('\n').length, params: { name: at.name, route } });
    throw new UserError({ key: 'records.notJson', file: at.file, params: { name: at.name, route, empty: body.trim() === '' ? 1 : undefined } });
  }
  // Settings are cloned and turned into YAML recursively: a record nested deeper than any the kit writes is damaged.
  if (depthOf(value) > DEPTH_LIMIT) throw new UserError({ key: 'records.field', file: at.file, params: { name: at.name, expected: 'shallow', found: 'invalid', route } });
  return value;
}

interface ShapeProblem { at: string[]; pointer: string; expected: Expected; found: string; identity?: boolean }

function shapeProblems(value: unknown, fields: Field[], prefix: string): ShapeProblem[] {
  if (!isObject(value)) return [{ at: [], pointer: prefix, expected: 'object', found: jsonType(value), identity: true }];
  return checkShape(value, fields, prefix, SHOWN);
}

/** The manifest with every damaged top-level field replaced by a neutral value (a rebuild does not use them). */
function soundManifest(raw: Record<string, unknown>, damaged: Set<string | undefined>): Manifest {
  const take = <K extends keyof Manifest>(key: K, fallback: Manifest[K]) => (damaged.has(key) ? fallback : (raw[key] as Manifest[K]));
  const unknown = { name: MANIFEST_KEY, version: '?', id: '?', code: '?' };
  const app = raw.app as Manifest['app'];
  return {
    generator: take('generator', { name: unknown.name, version: unknown.version }),
    catalog: take('catalog', { id: unknown.id, version: unknown.version }),
    app: damaged.has('app') ? { id: app.id, version: isText(app.version) ? app.version : '?', template: isText(app.template) ? app.template : '?' } : app,
    region: take('region', { code: unknown.code, name: unknown.code }),
    services: raw.services as string[],
    settings: take('settings', { apps: {}, branding: {} }),
    files: take('files', {}),
  };
}

/** The manifest names one app throughout: its settings and the apps it was made with are that app's. */
function checkIdentity(manifest: Manifest, damaged: Set<string | undefined>, at: Place): void {
  const { id } = manifest.app;
  const problem = (pointer: string, params: Record<string, string>) => new UserError({ key: 'records.appMismatch', file: at.file, pointer: `/${MANIFEST_KEY}${pointer}`, params: { id, ...params } });
  if (!manifest.services.includes(id)) throw problem('/services', { reason: 'services', services: manifest.services.join(', ') });
  if (damaged.has('settings')) return;
  const recorded = Object.keys(manifest.settings.apps as object);
  const other = recorded.find((key) => key !== id);
  if (other !== undefined) throw problem(`/settings/apps/${other.replace(/~/g, '~0').replace(/\//g, '~1')}`, { reason: 'settings', other });
}

/** The base as files, or the problems that make it untrustworthy: missing, damaged or not the one the manifest records. */
function readBase(text: string | undefined, at: Place, route: Route, recorded: Record<string, string> | undefined): Map<string, Buffer> | Problem[] {
  if (text === undefined) return [{ key: 'records.noBase', file: at.file, params: { name: at.name, route } }];
  let data: unknown;
  try {
    data = parseRecord(text, at, route);
  } catch (error) {
    if (error instanceof UserError) return error.problems;
    throw error;
  }
  const problems = shapeProblems(data, BASE_FIELDS, '');
  if (problems.length > 0) return problems.map((p) => fieldProblem(at, p.pointer, p.expected, p.found, route));
  const files = new Map<string, Buffer>();
  const undecodable: Problem[] = [];
  for (const [p, b64] of Object.entries((data as { files: Record<string, string> }).files)) {
    const bytes = Buffer.from(b64, 'base64');
    // Base64 as the kit writes it: encoding the bytes again gives the same text (Buffer.from skips what is not).
    if (bytes.toString('base64') === b64) files.set(p, bytes);
    else if (undecodable.length < SHOWN) undecodable.push(fieldProblem(at, pointerOf('', ['files', p]), 'base64', 'invalid', route));
  }
  if (undecodable.length > 0) return undecodable;
  if (recorded === undefined) return [{ key: 'records.noBase', file: at.file, params: { name: at.name, route, unverified: 1 } }];
  const paths = [...new Set([...files.keys(), ...Object.keys(recorded)])].sort();
  const differ = paths.filter((p) => !Object.hasOwn(recorded, p) || !files.has(p) || sha256(files.get(p) as Buffer) !== recorded[p]);
  if (differ.length > 0) return [{ key: 'records.baseMismatch', file: at.file, params: { name: at.name, route, count: differ.length, total: paths.length, path: differ[0] } }];
  return files;
}
