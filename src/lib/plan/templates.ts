import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import { UserError } from '../errors.js';
import { displayPath } from '../paths.js';
import { html, md } from './helpers.js';
import { chain, forgetLayers, lstatOrNothing } from './layers.js';

export { chain, templateFileHashes } from './layers.js';

export interface TemplateFile {
  /** Output path relative to the copy, with `.ejs` dropped and `dot-` turned into `.`. */
  out: string;
  source: string;
  /** Compiled EJS, or the bytes to copy as they are. */
  render?: ejs.TemplateFunction;
  contents?: Buffer;
}

export const LOCALS = ['region', 'app', 'settings', 'services', 'attribution', 'catalog', 'meta', 'h'];
const cache = new Map<string, TemplateFile[]>();

/** Forgets compiled templates, for a long-running process whose template files change. */
export function forgetTemplates(): void {
  cache.clear();
  forgetLayers();
  partials.clear();
  realRoots.clear();
  ejs.clearCache();
}

/** The files of a template, its `extends` chain laid down first; compiled once per process. */
export function templateFiles(name: string, root: string): TemplateFile[] {
  const key = path.join(root, name);
  let files = cache.get(key);
  if (!files) {
    const byOut = new Map<string, TemplateFile>();
    const dirs = chain(name, root);
    for (const dir of dirs) for (const file of readTemplateDir(dir, dirs)) byOut.set(file.out, file);
    files = [...byOut.values()].sort((a, b) => (a.out < b.out ? -1 : 1));
    cache.set(key, files);
  }
  return files;
}

const partials = new Map<string, string>();

/** The most specific layer's `_partials/<name>`, looked up once per template. */
function partial(layers: readonly string[], dir: string, name: string): string {
  const key = `${layers.join('|')}|${name}`;
  let file = partials.get(key);
  if (file === undefined) {
    file = [...layers].reverse().map((layer) => path.join(layer, PARTIALS, name)).find((candidate) => existsSync(candidate)) ?? path.join(dir, PARTIALS, name);
    partials.set(key, file);
  }
  return file;
}

/** Files under `_partials/` are not output: `include('@name')` finds them, the most specific layer first. */
const PARTIALS = '_partials';

function readTemplateDir(dir: string, layers: readonly string[]): TemplateFile[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const files: TemplateFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, source).split(path.sep).join('/');
    if (relative === '_template.yaml' || relative.startsWith(`${PARTIALS}/`)) continue;
    const ejsFile = relative.endsWith('.ejs');
    const out = relative
      .replace(/\.ejs$/, '')
      .split('/')
      .map((segment) => segment.replace(/^dot-/, '.'))
      .join('/');
    files.push(ejsFile ? { out, source, render: compile(source, out, dir, layers) } : { out, source, contents: readFileSync(source) });
  }
  return files;
}

class EscapeMisuse extends Error {}
const HELPER_FOR: Record<string, string> = { '.yaml': 'yaml', '.yml': 'yaml', '.env': 'env', '.example': 'env' };

function escaperFor(out: string, source: string): (value: unknown) => string {
  const extension = path.extname(out).toLowerCase();
  if (['.html', '.htm', '.svg', '.xml'].includes(extension)) return html;
  if (extension === '.md') return md;
  // EJS also escapes the template's own file name when it reports an error: let that one through.
  return (value) => {
    if (value === source) return String(value);
    throw new EscapeMisuse(extension || 'plain');
  };
}

function compile(source: string, out: string, dir: string, layers: readonly string[]): ejs.TemplateFunction {
  const root = path.dirname(dir);
  const options: ejs.Options = {
    filename: source,
    strict: true,
    _with: false,
    localsName: 'it',
    destructuredLocals: LOCALS,
    escape: escaperFor(out, source),
    // Included partials are compiled once (ejs keys its cache by file name), not at every render.
    cache: true,
    includer: (original: string, given: string) => {
      // `@name` is a partial: the template's own if it has one, else the one of the layer it extends.
      const isPartial = original.startsWith('@');
      const resolved: string | undefined = isPartial ? partial(layers, dir, original.slice(1)) : given;
      const refuse = (key: 'template.include' | 'template.includeLink' | 'template.includeNotFile' | 'template.includeMissing') => new UserError({ key, params: { path: original }, file: displayPath(source) });
      // ejs gives no path for a relative include it did not find.
      if (resolved === undefined) throw refuse('template.includeMissing');
      // Only the layers this template is made of, which the index and the cache keys cover: a partial from a
      // layer's _partials folder, any other include from one of the layers.
      const folders = isPartial ? layers.map((layer) => path.join(layer, PARTIALS)) : layers;
      if (!folders.some((folder) => isInside(folder, resolved))) throw refuse('template.include');
      const found = lstatOrNothing(resolved);
      if (!found) throw refuse('template.includeMissing');
      if (found.isSymbolicLink() || throughLink(root, resolved)) throw refuse('template.includeLink');
      if (!found.isFile()) throw refuse('template.includeNotFile');
      return { filename: resolved };
    },
  };
  try {
    return ejs.compile(readFileSync(source, 'utf8'), options) as ejs.TemplateFunction;
  } catch (error) {
    throw templateError(error, source);
  }
}

const isInside = (folder: string, file: string) => {
  const inside = path.relative(folder, file);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${path.sep}`) && !path.isAbsolute(inside);
};

const realRoots = new Map<string, string>();

/** Whether reaching `file` (inside `root`) goes through a symbolic link: its real path is not where it is named. */
function throughLink(root: string, file: string): boolean {
  let real = realRoots.get(root);
  try {
    if (real === undefined) realRoots.set(root, (real = realpathSync(root)));
    return realpathSync(file) !== path.join(real, path.relative(root, file));
  } catch {
    return true;
  }
}

/** Turns an EJS failure into a user error naming the template file and line. */
export function templateError(error: unknown, source: string): unknown {
  if (error instanceof UserError) return error;
  if (!(error instanceof Error)) return error;
  const [head = '', ...rest] = error.message.split('\n');
  const place = /:(\d+)$/.exec(head);
  const detail = place ? rest.slice(rest.indexOf('') + 1).join('\n') || head : error.message;
  const line = place ? Number(place[1]) : undefined;
  if (error instanceof EscapeMisuse) {
    const format = error.message.split('\n').pop() ?? '';
    return new UserError({ key: 'template.escape', params: { format, helper: HELPER_FOR[format] ?? 'json' }, file: displayPath(source), line });
  }
  return new UserError({ key: 'template.render', params: { message: detail.split('\n')[0] ?? detail }, file: displayPath(source), line });
}
