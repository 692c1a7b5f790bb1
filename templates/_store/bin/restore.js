// npm run restore -- FILE [--replace]: loads a backup into this copy's database (embedded or server).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { restore } from '../src/lib/backup.js';
import { runTask } from '../src/lib/task.js';
import { storeText } from '../src/lib/store-text.js';

const args = process.argv.slice(2);
const replace = args.includes('--replace');
const files = args.filter((a) => a !== '--replace');
if (files.length !== 1 || files[0].startsWith('-')) {
  console.error(storeText('restoreUsage'));
  process.exit(2);
}
const file = resolve(files[0]);
// Said before the database is opened: nothing to wait for when the file is not there.
if (!existsSync(file)) {
  console.error(storeText('restoreBad', { file, line: 1, reason: 'no such file' }));
  process.exit(1);
}
await runTask(async () => storeText('restoreDone', { file, rows: await restore(file, { replace }) }));
