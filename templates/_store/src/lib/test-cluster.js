// For tests only: a new embedded database starts with initdb, about 3 s of a test file's time. The first test
// on a machine makes one freshly initialised cluster per PGlite version beside the test data folders (the
// folder that holds them); every test's DATA_DIR then starts from a copy of it (a fraction of a second). The copy is a real, cleanly shut-down cluster,
// so the tests still run on the real embedded PostgreSQL.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const exists = (path) => stat(path).then(() => true, () => false);

async function template(root) {
  // The version the copy locks (the package exports no package.json to read it from).
  const lock = JSON.parse(await readFile(new URL('../../package-lock.json', import.meta.url), 'utf8'));
  const version = lock.packages['node_modules/@electric-sql/pglite']?.version ?? 'unknown';
  const ready = join(root, `replika-pglite-${version}-cluster`);
  if (await exists(join(ready, 'PG_VERSION'))) return ready;
  const work = await mkdtemp(`${ready}.partial-`);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create(join(work, 'pgdata'));
    await pg.close();
    // Another test process may have finished first: then its cluster is used and this one dropped.
    await rename(join(work, 'pgdata'), ready).catch(() => {});
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return ready;
}

/** Gives `dir` (a new, empty DATA_DIR) an initialised embedded cluster, kept once under `root`. */
export async function seedDataDir(dir, root = dirname(dir)) {
  const from = await template(root);
  const to = join(dir, 'pgdata');
  // The system's cp is about twice as fast as fs.cp for the cluster's thousand small files; fs.cp where it is absent.
  const copied = await new Promise((resolve) => execFile('cp', ['-R', from, to], (error) => resolve(!error)));
  if (!copied) {
    await rm(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true });
  }
}
