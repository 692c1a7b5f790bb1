import { appendFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetCaches } from '../../src/lib/caches.js';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { fingerprint, readSnapshot } from '../../src/lib/catalog/snapshot.js';
import { builtinCatalogDir } from '../../src/lib/paths.js';
import { forkCatalog } from '../helpers/catalog.js';

describe('the build-time catalogue snapshot', () => {
  it('holds exactly what loading the YAML gives', async () => {
    const snapshot = readSnapshot(builtinCatalogDir);
    expect(snapshot, 'npm run build writes dist/catalog-snapshot.json').toBeDefined();
    forgetCaches();
    const fresh = await loadCatalog(builtinCatalogDir, { fresh: true });
    expect({ ...snapshot, apps: [...(snapshot?.apps.values() ?? [])] }).toEqual({ ...fresh, apps: [...fresh.apps.values()] });
  });

  it('is not used once any catalogue file changes', async () => {
    const dir = path.join(await forkCatalog(), 'catalog');
    const before = fingerprint(dir);
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(dir, 'apps', 'laksa.yaml'), later, later);
    // A new date alone (as npm gives installed files) changes nothing; an edit does.
    expect(fingerprint(dir)).toBe(before);
    await appendFile(path.join(dir, 'apps', 'laksa.yaml'), '# edited\n');
    expect(fingerprint(dir)).not.toBe(before);
    // A snapshot is only ever for the bundled catalogue folder.
    expect(readSnapshot(dir)).toBeUndefined();
  });
});
