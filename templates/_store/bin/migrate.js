// npm run migrate: applies the pending migrations and imports a JSON-era data file, as every start does.
import { runTask } from '../src/lib/task.js';
import { migrationFiles } from '../src/lib/migrate.js';
import { prepare } from '../src/lib/runtime.js';
import { storeText } from '../src/lib/store-text.js';

await runTask(async () => {
  await prepare();
  return storeText('migrationsUpToDate', { count: (await migrationFiles()).length });
});
