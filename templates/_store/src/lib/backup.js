// A portable dump: gzip'd JSON lines, one header, one line per row ({ table, row } with the row as
// PostgreSQL's row_to_json writes it), one closing line with the count, so a cut-off file is recognised.
// Written from one consistent snapshot; restored into an empty database of either mode (embedded or server),
// which is also how a copy moves from embedded to a server.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { app, region } from './config.js';
import { mode, transaction } from './db.js';
import { lockMigrations, migrate } from './migrate.js';
import { storeText } from './store-text.js';

export const FORMAT = 'replika-backup';
const BATCH = 500;
const quote = (name) => `"${name.replace(/"/g, '""')}"`;

export class RestoreRefused extends Error {
  expected = true;
}

/** The copy's tables (schema_migrations aside), parents before the tables whose foreign keys point at them. */
export async function tablesInOrder(tx) {
  const { rows: tables } = await tx.query(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY c.relname`);
  const { rows: links } = await tx.query(`SELECT cl.relname AS child, pa.relname AS parent FROM pg_constraint co
    JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_class pa ON pa.oid = co.confrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
    WHERE co.contype = 'f' AND n.nspname = current_schema() AND cl.relname <> pa.relname`);
  const ordered = [];
  const visit = (name, path = []) => {
    if (ordered.includes(name) || path.includes(name)) return;
    for (const link of links.filter((l) => l.child === name)) visit(link.parent, [...path, name]);
    ordered.push(name);
  };
  for (const { name } of tables) visit(name);
  return ordered;
}

async function primaryKey(tx, table) {
  const { rows } = await tx.query(`SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
    WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`, [quote(table)]);
  return rows.map((r) => quote(r.name));
}

/** Writes a backup to `file` (through a temp file, renamed when complete); resolves with the number of rows. */
export async function backup(file) {
  const temp = `${file}.partial`;
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(temp));
  const write = async (value) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  let rows = 0;
  try {
    await transaction(async (tx) => {
      // One snapshot for all tables; on the embedded database there is only this connection anyway.
      if (mode() === 'server') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const { rows: [found] } = await tx.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS migrated");
      if (!found.migrated) throw new RestoreRefused(storeText('backupEmpty'));
      const tables = await tablesInOrder(tx);
      const { rows: migrations } = await tx.query('SELECT name, sha256 FROM schema_migrations ORDER BY name');
      await write({ format: FORMAT, version: 1, app: app.id, region: region.code, from: mode(), createdAt: new Date().toISOString(), migrations, tables });
      for (const table of tables) {
        const order = await primaryKey(tx, table);
        await tx.query(`DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quote(table)} t${order.length ? ` ORDER BY ${order.join(', ')}` : ''}`);
        for (;;) {
          const { rows: batch } = await tx.query(`FETCH ${BATCH} FROM dump`);
          for (const { row } of batch) await write({ table, row: JSON.parse(row) });
          rows += batch.length;
          if (batch.length < BATCH) break;
        }
        await tx.query('CLOSE dump');
      }
    });
    await write({ end: true, rows });
    gzip.end();
    await done;
    await rename(temp, file);
    return rows;
  } catch (error) {
    gzip.destroy();
    await done.catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
}

async function* linesOf(file) {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  // pipe() does not pass a read error on (a missing file): hand it to the stream being read.
  source.on('error', (error) => gunzip.destroy(error));
  const lines = createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    let value;
    try {
      value = JSON.parse(line);
    } catch {
      throw new RestoreRefused(storeText('restoreBad', { file, line: number, reason: 'not JSON' }));
    }
    yield { number, value };
  }
}

async function identityColumns(tx, table) {
  const { rows } = await tx.query("SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attidentity <> '' AND NOT attisdropped", [quote(table)]);
  return rows.map((r) => r.name);
}

/**
 * Restores `file` into this copy's database. The tables must be empty unless `replace` is set; everything happens
 * in one transaction, so a damaged or cut-off file changes nothing. Resolves with the number of rows.
 */
export async function restore(file, { replace = false } = {}) {
  const bad = (line, reason) => new RestoreRefused(storeText('restoreBad', { file, line, reason }));
  let header;
  try {
    const lines = linesOf(file);
    const first = await lines.next();
    await lines.return();
    header = first.value?.value;
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw bad(1, error.message);
  }
  if (header?.format !== FORMAT || header.version !== 1) throw bad(1, 'not a backup of this kind (format replika-backup, version 1)');
  if (header.app !== app.id) throw new RestoreRefused(storeText('restoreForeign', { file, app: header.app, expected: app.id }));
  await migrate();
  return transaction(async (tx) => {
    await lockMigrations(tx);
    const present = await tablesInOrder(tx);
    for (const table of header.tables) if (!present.includes(table)) throw bad(1, storeText('restoreUnknownTable', { table }));
    if (replace) await tx.query(`TRUNCATE ${present.map(quote).join(', ')} CASCADE`);
    for (const table of present) {
      const { rows } = await tx.query(`SELECT count(*)::int AS n FROM ${quote(table)}`);
      if (rows[0].n > 0) throw new RestoreRefused(storeText('restoreNotEmpty', { table, count: rows[0].n }));
    }
    let rows = 0;
    let batch = [];
    let batchTable;
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.query(`INSERT INTO ${quote(batchTable)} SELECT * FROM json_populate_recordset(NULL::${quote(batchTable)}, $1::json)`, [JSON.stringify(batch)]);
      rows += batch.length;
      batch = [];
    };
    let end;
    for await (const { number, value } of linesOf(file)) {
      if (number === 1) continue;
      if (end) throw bad(number, 'lines after the closing line');
      if (value.end === true) {
        end = value;
        continue;
      }
      if (!header.tables.includes(value.table) || typeof value.row !== 'object' || value.row === null) throw bad(number, 'not a row of a table the header names');
      if (value.table !== batchTable || batch.length >= BATCH) await flush();
      batchTable = value.table;
      batch.push(value.row);
    }
    await flush();
    if (!end) throw bad('?', 'the file ends before its closing line (cut off?)');
    if (end.rows !== rows) throw bad('?', `the closing line counts ${end.rows} rows, the file holds ${rows}`);
    // Identity columns go on after the highest restored value, not from 1 again.
    for (const table of present) {
      for (const column of await identityColumns(tx, table)) {
        await tx.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`, [quote(table), column]);
      }
    }
    return rows;
  });
}
