// Copies made before the database kept their records in one JSON file under DATA_DIR. The first start (or
// `npm run migrate`) imports that file: in one transaction, keeping every id and history entry, skipping records
// already there (so a second run adds nothing), then renames the file aside — it is never deleted.
import { readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { log } from './log.js';
import { dataDir, transaction } from './db.js';
import { lockMigrations } from './migrate.js';
import { storeText } from './store-text.js';

export class ImportRefused extends Error {
  expected = true;
}

/**
 * The first problem of a JSON-era record for an application's `legacy.check`: not an object, or one of `fields`
 * missing or not text; undefined when there is none. Returns { where, problem } so the check can go on.
 */
export function textFieldsProblem(record, index, fields) {
  const where = `record ${index + 1}${typeof record?.id === 'string' ? ` (${record.id})` : ''}`;
  if (typeof record !== 'object' || record === null) return { where, problem: `${where} is not an object` };
  const missing = fields.find((field) => typeof record[field] !== 'string' || record[field] === '');
  return { where, problem: missing ? `${where}: "${missing}" is missing or not text` : undefined };
}

const exists = (file) => stat(file).then(() => true, () => false);

/** A free name beside `file` to keep it under: `<file>.imported`, else with the time added. */
async function asideName(file) {
  const plain = `${file}.imported`;
  if (!(await exists(plain))) return plain;
  return `${plain}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * `legacy` is what the application's src/store.js exports: { file, check(record, index) → problem or undefined,
 * load(tx, records) → number of records added }. Resolves with { count, added } or undefined when there is no file.
 */
export async function importLegacy(legacy) {
  const file = join(dataDir(), legacy.file);
  if (!(await exists(file))) return undefined;
  let records;
  try {
    records = JSON.parse(await readFile(file, 'utf8'));
    if (!Array.isArray(records)) throw new Error('not a JSON list');
    for (const [index, record] of records.entries()) {
      const problem = legacy.check(record, index);
      if (problem) throw new Error(problem);
    }
  } catch (error) {
    throw new ImportRefused(storeText('importBad', { file, reason: error.message }));
  }
  const added = await transaction(async (tx) => {
    await lockMigrations(tx);
    return legacy.load(tx, records);
  });
  const aside = await asideName(file);
  await rename(file, aside);
  log('info', storeText('imported', { file, count: records.length, added, aside }));
  return { count: records.length, added };
}
