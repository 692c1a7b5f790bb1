// Build step: validate the bundled catalogue and store it for fast start-up (see lib/catalog/snapshot.ts).
import { loadCatalog } from '../lib/catalog/load.js';
import { writeSnapshot } from '../lib/catalog/snapshot.js';
import { builtinCatalogDir } from '../lib/paths.js';

writeSnapshot(await loadCatalog(builtinCatalogDir, { fresh: true }));
