import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { sha256 } from '../copy/manifest.js';
import { UserError } from '../errors.js';
import { displayPath } from '../paths.js';

/**
 * The layers a template is made of: its folder and the ones it `extends`, each a plain folder of templates/.
 * Rendering, the published index and the validate cache all read a template through these, and only these.
 */

const chains = new Map<string, string[]>();

/** What `template` and `extends` may name: one folder of templates/, never a path. */
const TEMPLATE_NAME = /^[a-z_][a-z0-9_-]*$/;

/** Whether `name` is a template folder: a plain folder of `root` (not a link to one elsewhere). */
export function templateFolder(root: string, name: string): 'folder' | 'link' | 'missing' {
  if (!TEMPLATE_NAME.test(name)) return 'missing';
  const found = lstatOrNothing(path.join(root, name));
  return found?.isSymbolicLink() ? 'link' : found?.isDirectory() ? 'folder' : 'missing';
}

export const lstatOrNothing = (file: string) => {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
};

/** A template folder's `_template.yaml` ({} when there is none or it is empty), or undefined when it is not a mapping. */
function templateMeta(dir: string): { extends?: unknown } | undefined {
  const meta = path.join(dir, '_template.yaml');
  if (!existsSync(meta)) return {};
  const data = parse(readFileSync(meta, 'utf8')) as unknown;
  if (data === null || data === undefined) return {};
  return typeof data === 'object' && !Array.isArray(data) ? (data as { extends?: unknown }) : undefined;
}

/** The folders a template is made of, the one it extends first; read once per process. */
export function chain(name: string, root: string): string[] {
  const key = path.join(root, name);
  let dirs = chains.get(key);
  if (!dirs) chains.set(key, (dirs = readChain(name, root)));
  return [...dirs];
}

/**
 * The loader reports a bad `extends` at its line (catalog/template-meta.ts); this refuses one all the same for a
 * catalogue that did not come through it, so that no path but a template folder is ever read as a layer.
 */
function readChain(name: string, root: string, seen: string[] = []): string[] {
  const dir = path.join(root, name);
  const file = displayPath(path.join(dir, '_template.yaml'));
  if (seen.includes(name)) throw new UserError({ key: 'catalog.extendsLoop', params: { chain: [...seen, name].join(' → ') }, file });
  if (templateFolder(root, name) !== 'folder') {
    const from = seen.at(-1);
    if (from === undefined) throw new UserError({ key: 'catalog.template', params: { value: name } });
    throw new UserError({ key: 'catalog.extends', params: { value: name }, file: displayPath(path.join(root, from, '_template.yaml')) });
  }
  const meta = templateMeta(dir);
  if (!meta) throw new UserError({ key: 'yaml.notMapping', file });
  const base = meta.extends;
  if (base === undefined) return [dir];
  if (typeof base !== 'string') throw new UserError({ key: 'catalog.extends', params: { value: JSON.stringify(base) }, file });
  return [...readChain(base, root, [...seen, name]), dir];
}

/**
 * The sha256 of every file a template is made of (its `extends` chain, partials included), by path relative to
 * the templates folder with `/` separators, sorted: what a release publishes, and what says a template changed.
 * A link is never followed (nothing renders through one) but is listed, with its target: adding one changes the
 * template, if only by making an include of it fail.
 */
export function templateFileHashes(name: string, root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of chain(name, root)) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const digest = entry.isFile() ? sha256(readFileSync(file)) : entry.isSymbolicLink() ? `link:${readlinkSync(file)}` : 'not a file';
      files[path.relative(root, file).split(path.sep).join('/')] = digest;
    }
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Forgets the chains read, for a long-running process whose template files change. */
export function forgetLayers(): void {
  chains.clear();
}
