// Backups written by the running copy itself, for the embedded database (whose folder no second process may
// open, so `npm run backup` needs the copy stopped): with BACKUP_DIR set, a backup at start-up and then every
// BACKUP_EVERY_HOURS (default 24), keeping the newest BACKUP_KEEP (default 14) files.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { app } from './config.js';
import { errorFields, log } from './log.js';
import { backup } from './backup.js';
import { storeText } from './store-text.js';

let timer;

/** Writes one backup into `dir` and removes all but the newest `keep` of this application's backups there. */
export async function backupInto(dir, keep) {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${app.id}-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
  const rows = await backup(file);
  log('info', storeText('backupDone', { file, rows }));
  const ours = (await readdir(dir)).filter((name) => name.startsWith(`${app.id}-`) && name.endsWith('.jsonl.gz')).sort();
  for (const old of ours.slice(0, Math.max(0, ours.length - keep))) await rm(join(dir, old), { force: true });
}

/** Starts the schedule when BACKUP_DIR is set; a failed backup is logged as an error and tried at the next turn. */
export function scheduleBackups() {
  if (!process.env.BACKUP_DIR) return;
  const dir = resolve(process.env.BACKUP_DIR);
  const hours = Number(process.env.BACKUP_EVERY_HOURS || 24);
  const keep = Math.max(1, Number.parseInt(process.env.BACKUP_KEEP || '14', 10) || 14);
  const run = () => backupInto(dir, keep).catch((error) => log('error', 'scheduled backup failed', errorFields(error)));
  run();
  timer = setInterval(run, Math.max(0.01, hours) * 3_600_000);
  timer.unref();
}

export function stopBackups() {
  clearInterval(timer);
  timer = undefined;
}
