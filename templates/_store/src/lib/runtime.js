// What src/server.js opens before it listens and closes after it stops, for an application that keeps data:
// the database, brought up to date (migrations, then the import of a JSON-era data file) at every start.
import { legacy } from '../store.js';
import { close, health, open, ready } from './db.js';
import { importLegacy } from './legacy-import.js';
import { migrate } from './migrate.js';
import { scheduleBackups, stopBackups } from './scheduled-backup.js';

/** Migrations and the one-time import; `npm run migrate` runs exactly this. */
export async function prepare() {
  const applied = await migrate();
  const imported = legacy ? await importLegacy(legacy) : undefined;
  return { applied, imported };
}

export async function startup() {
  await open();
  try {
    await prepare();
  } catch (error) {
    await close();
    throw error;
  }
  scheduleBackups();
}

export async function shutdown() {
  stopBackups();
  await close();
}

/** For the copy's tests (test/support.js): a new embedded DATA_DIR from a cached initialised cluster. */
export async function seedTestData(dir) {
  if (process.env.DATABASE_URL) return;
  const { seedDataDir } = await import('./test-cluster.js');
  await seedDataDir(dir);
}

export { health, ready };
