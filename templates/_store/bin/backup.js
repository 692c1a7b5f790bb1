// npm run backup -- [FILE]: a portable dump of the copy's database (see src/lib/backup.js).
import { resolve } from 'node:path';
import { backup } from '../src/lib/backup.js';
import { app } from '../src/lib/config.js';
import { runTask } from '../src/lib/task.js';
import { storeText } from '../src/lib/store-text.js';

const [given, ...rest] = process.argv.slice(2);
if (rest.length > 0 || given?.startsWith('-')) {
  console.error(storeText('backupUsage'));
  process.exit(2);
}
const file = resolve(given ?? `backup-${app.id}-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
await runTask(async () => storeText('backupDone', { file, rows: await backup(file) }));
