import path from 'node:path';
import { loadCatalog } from '../lib/catalog/load.js';
import type { Catalog } from '../lib/catalog/types.js';
import { builtinCatalogDir } from '../lib/paths.js';

/**
 * The catalogue named by --catalog, --catalog-sha256 and --trust (the kit's own without --catalog). The trust
 * check (and what it needs: the index of every file) is loaded only for another catalogue, so the common run does
 * not pay for it.
 */
export async function catalogFromFlags(values: { catalog?: string; trust?: boolean; 'catalog-sha256'?: string }, cwd: string): Promise<Catalog> {
  if (!values.catalog) return loadCatalog(builtinCatalogDir);
  const { catalogFor } = await import('../lib/catalog/trust.js');
  return catalogFor({ catalog: path.resolve(cwd, values.catalog), trust: values.trust, pin: values['catalog-sha256'] });
}
