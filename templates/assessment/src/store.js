// Assessments live in one JSON file, DATA_DIR/spbe-mandiri.json, replaced atomically (a temp file, then a
// rename) so a crash mid-write never leaves half a file. One process owns the file; changes run one at a time.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

// Read at each use so the folder can be set (in tests, too) before the first save.
const dataDir = () => resolve(process.env.DATA_DIR || './data');
const file = () => join(dataDir(), 'spbe-mandiri.json');
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
  return (await readAll()).find((a) => a.id === id);
}

/** Runs `change(list)` on the stored assessments and saves them; resolves with what `change` returns. */
export function update(change) {
  const next = queue.then(async () => {
    const list = await readAll();
    const result = change(list);
    await mkdir(dataDir(), { recursive: true });
    const temp = `${file()}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, `${JSON.stringify(list, null, 2)}\n`);
    await rename(temp, file());
    return result;
  });
  queue = next.catch(() => undefined);
  return next;
}

export const ID = /^[0-9a-f]{12}$/;
/** 48 random bits: ids in links cannot be guessed from one another. */
export const newId = () => randomBytes(6).toString('hex');
