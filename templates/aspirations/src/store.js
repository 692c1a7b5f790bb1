// Reports are kept in one JSON file under DATA_DIR, replaced atomically (write a temp file, then rename).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

const dataDir = () => resolve(process.env.DATA_DIR ?? 'data');
const file = () => join(dataDir(), 'aspirasi.json');
let queue = Promise.resolve();

export async function readAll() {
  try {
    return JSON.parse(await readFile(file(), 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

/** Runs one change at a time, so two requests never overwrite each other's report. */
export function update(change) {
  const next = queue.then(async () => {
    const reports = await readAll();
    const result = change(reports);
    await mkdir(dataDir(), { recursive: true });
    const temp = `${file()}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, `${JSON.stringify(reports, null, 2)}\n`);
    await rename(temp, file());
    return result;
  });
  queue = next.catch(() => undefined);
  return next;
}

export function newTicket(now = new Date()) {
  return `LKS-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`;
}
