import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The package root: the nearest folder above this module whose package.json is the kit's. This module runs from
 * src/lib (tests), build/lib (compiled) or a chunk of the dist/ bundle, at different depths.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'generator-replika') return `${dir}${path.sep}`;
    } catch {
      // No package.json here, or not JSON: keep looking upwards.
    }
    if (path.dirname(dir) === dir) throw new Error(`the generator-replika package.json was not found above ${from}`);
  }
}
export const packageRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const builtinCatalogDir = path.join(packageRoot, 'catalog');

/** A path as shown to the user: relative to the working directory when it is inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
