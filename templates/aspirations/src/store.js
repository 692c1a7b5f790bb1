// Reports live in one JSON file, DATA_DIR/aspirasi.json, replaced atomically (write a temp file, then rename)
// so a crash mid-write never leaves half a file. One process owns the file; changes run one at a time.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes, randomInt } from 'node:crypto';

// Read at each use so the directory can be set (in tests, too) before the first report.
const dataDir = () => resolve(process.env.DATA_DIR || './data');
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

export async function find(id) {
  return (await readAll()).find((r) => r.id === id);
}

/** Runs `change(reports)` on the stored list and saves it; returns what `change` returns. */
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

// No 0/O or 1/I, so a ticket read out over the phone is not misheard.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const TICKET = /^LKS-\d{8}-[2-9A-HJ-NP-Z]{8}$/;

/** LKS-YYYYMMDD-XXXXXXXX: the local date, then 40 random bits so tickets cannot be guessed. */
export function newTicket(localDate) {
  let tail = '';
  for (let i = 0; i < 8; i++) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `LKS-${localDate.replace(/-/g, '')}-${tail}`;
}
