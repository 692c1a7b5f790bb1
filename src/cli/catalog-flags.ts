import path from 'node:path';
import { catalogFor } from '../lib/catalog/trust.js';
import type { Catalog } from '../lib/catalog/types.js';

/**
 * The catalogue named by --catalog, --catalog-sha256 and --trust (the kit's own without --catalog). Kept apart
 * from args.ts so commands that never render (list, validate) do not load the trust check.
 */
export function catalogFromFlags(values: { catalog?: string; trust?: boolean; 'catalog-sha256'?: string }, cwd: string): Promise<Catalog> {
  return catalogFor({ catalog: values.catalog && path.resolve(cwd, values.catalog), trust: values.trust, pin: values['catalog-sha256'] });
}
