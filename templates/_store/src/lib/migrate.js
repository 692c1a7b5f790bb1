// Migrations: the numbered SQL files in migrations/ (NNN-what.sql), applied in name order, each in its own
// transaction and recorded in schema_migrations with its sha256. An applied file whose content changed is refused
// before anything runs. A transaction-scoped advisory lock lets several processes start at once: one applies,
// the others wait and then find the work done.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { log } from './log.js';
import { query, transaction } from './db.js';
import { storeText } from './store-text.js';

const FOLDER = new URL('../../migrations/', import.meta.url);
const NAME = /^\d{3,}-[a-z0-9-]+\.sql$/;

export class MigrationRefused extends Error {
  expected = true;
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** Holds the copy's migration lock until the end of the transaction `tx`. */
export const lockMigrations = (tx) => tx.query("SELECT pg_advisory_xact_lock(hashtext('replika-migrations:' || current_schema()))");

/** The migration files, in order, with their text and sha256. */
export async function migrationFiles() {
  const names = (await readdir(FOLDER)).filter((name) => name.endsWith('.sql')).sort();
  const odd = names.find((name) => !NAME.test(name));
  if (odd) throw new MigrationRefused(storeText('migrationName', { name: odd }));
  return Promise.all(names.map(async (name) => {
    const sql = await readFile(new URL(name, FOLDER), 'utf8');
    return { name, sql, sha256: sha256(sql) };
  }));
}

async function applied() {
  await transaction(async (tx) => {
    await lockMigrations(tx);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  });
  const { rows } = await query('SELECT name, sha256, applied_at FROM schema_migrations ORDER BY name');
  return new Map(rows.map((row) => [row.name, row]));
}

/** Applies the pending migrations; resolves with the names applied now. */
export async function migrate() {
  const files = await migrationFiles();
  const done = await applied();
  for (const file of files) {
    const record = done.get(file.name);
    if (record && record.sha256 !== file.sha256) {
      throw new MigrationRefused(storeText('migrationChanged', { name: file.name, appliedAt: new Date(record.applied_at).toISOString(), was: record.sha256, now: file.sha256 }));
    }
  }
  const now = [];
  for (const file of files.filter((f) => !done.has(f.name))) {
    try {
      const ran = await transaction(async (tx) => {
        await lockMigrations(tx);
        // Another process may have applied it while this one waited for the lock.
        const { rows } = await tx.query('SELECT sha256 FROM schema_migrations WHERE name = $1', [file.name]);
        if (rows.length > 0) return false;
        await tx.exec(file.sql);
        await tx.query('INSERT INTO schema_migrations (name, sha256) VALUES ($1, $2)', [file.name, file.sha256]);
        return true;
      });
      if (ran) {
        now.push(file.name);
        log('info', storeText('migrationApplied', { name: file.name }));
      }
    } catch (error) {
      if (error.unavailable) throw error;
      throw new MigrationRefused(storeText('migrationFailed', { name: file.name, reason: error.message }), { cause: error });
    }
  }
  return now;
}
