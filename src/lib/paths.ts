import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root: this file sits at src/lib or dist/lib, two levels below it. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const builtinCatalogDir = path.join(packageRoot, 'catalog');

/** A path as shown to the user: relative to the working directory when it is inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
