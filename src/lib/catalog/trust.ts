import { sha256 } from '../copy/manifest.js';
import { EXIT, UserError } from '../errors.js';
import { builtinCatalogDir } from '../paths.js';
import { loadCatalog } from './load.js';
import { catalogIndex } from './release.js';
import type { Catalog } from './types.js';

/** The sha256 that pins a catalogue: of its published index (every app's metadata and template file hashes). */
export async function catalogDigest(catalog: Catalog): Promise<string> {
  return sha256(JSON.stringify(await catalogIndex(catalog)));
}

/**
 * A catalogue from elsewhere runs its templates' code on this machine (EJS is JavaScript), so, as Copier does
 * for unsafe templates, it is refused unless it matches a pinned sha256 or the user says --trust (exit 4).
 * The bundled catalogue is the kit's own and needs neither.
 */
export async function catalogFor(options: { catalog?: string; trust?: boolean; pin?: string }): Promise<Catalog> {
  if (!options.catalog) return loadCatalog(builtinCatalogDir);
  const catalog = await loadCatalog(options.catalog);
  if (options.trust) return catalog;
  const digest = await catalogDigest(catalog);
  if (options.pin?.toLowerCase() === digest) return catalog;
  throw new UserError({ key: options.pin ? 'catalog.pinMismatch' : 'catalog.untrusted', params: { path: options.catalog, sha256: digest, pin: options.pin } }, EXIT.untrusted);
}
