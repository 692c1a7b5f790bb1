// A list of records in one JSON file under DATA_DIR, replaced atomically (write a temp file, then rename) so a
// crash mid-write never leaves half a file. One process owns the file; changes run one at a time.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

export function createStore(fileName) {
  // Read at each use so the folder can be set (in tests, too) before the first save.
  const dataDir = () => resolve(process.env.DATA_DIR || './data');
  const file = () => join(dataDir(), fileName);
  let queue = Promise.resolve();

  async function readAll() {
    try {
      return JSON.parse(await readFile(file(), 'utf8'));
    } catch (error) {
      if (error.code === 'ENOENT') return [];
      throw error;
    }
  }

  async function find(id) {
    return (await readAll()).find((record) => record.id === id);
  }

  /** Runs `change(list)` on the stored records and saves them; resolves with what `change` returns. */
  function update(change) {
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

  return { readAll, find, update };
}
