// npm run restore -- FILE [--replace]: loads a backup into this copy's database (embedded or server).
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
await runTask(async () => storeText('restoreDone', { file, rows: await restore(file, { replace }) }));
