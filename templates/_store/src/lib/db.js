// The copy's one database, PostgreSQL either way: embedded (PostgreSQL compiled to WebAssembly, files under
// DATA_DIR/pgdata, no server to install) by default, or a PostgreSQL server through a pool when DATABASE_URL is
// set. The same SQL and the same migrations run on both; the rest of the copy only sees query/transaction.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { acquireLock, DataFolderLocked } from './data-lock.js';
import { storeText } from './store-text.js';

// Dates (`date`) come back as YYYY-MM-DD text in both modes: a Date object would shift by the server's zone.
const DATE_OID = 1082;
const asText = (value) => value;

/** The database cannot answer (down, unreachable, damaged files): pages say 503, not 500, and the log says why. */
export class DatabaseUnavailable extends Error {
  constructor(cause) {
    super(storeText('unavailable', { reason: cause?.message ?? String(cause) }), { cause });
    this.unavailable = true;
    this.expected = true;
  }
}

// SQLSTATE classes that mean the database, not the query, is at fault: connection (08), resources (53),
// operator intervention such as a shutdown (57), system (58) and internal errors such as damaged files (XX).
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57', '58', 'XX']);

// Once a query has found the database gone, every request answers 503 at once (even pages that read nothing,
// whose forms could not be saved) until a probe, at most every PROBE_MS, finds it back.
const PROBE_MS = 2000;
let downSince;
let probedAt = 0;

function classify(error) {
  if (error instanceof DatabaseUnavailable) return error;
  const code = typeof error?.code === 'string' ? error.code : '';
  // A 5-character code is a SQLSTATE from PostgreSQL; anything else (ECONNREFUSED, a WebAssembly abort, a
  // closed pool) comes from the way to the database.
  if (/^[0-9A-Z]{5}$/.test(code) && !UNAVAILABLE_CLASSES.has(code.slice(0, 2))) return error;
  downSince ??= Date.now();
  probedAt = Date.now();
  return new DatabaseUnavailable(error);
}

export const dataDir = () => resolve(process.env.DATA_DIR || './data');
export const mode = () => (process.env.DATABASE_URL ? 'server' : 'embedded');

async function openEmbedded() {
  const dir = dataDir();
  await mkdir(dir, { recursive: true });
  // Only one process may own the files: two PostgreSQL processes writing one data folder corrupt it.
  const lock = await acquireLock(join(dir, 'pgdata.lock'));
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create(join(dir, 'pgdata'), { parsers: { [DATE_OID]: asText } });
    await pg.exec("SET TIME ZONE 'UTC'");
    const run = (runner) => async (sql, params = []) => {
      const result = await runner.query(sql, params).catch((error) => Promise.reject(classify(error)));
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    };
    const exec = (runner) => (sql) => runner.exec(sql).catch((error) => Promise.reject(classify(error)));
    return {
      query: run(pg),
      exec: exec(pg),
      transaction: (work) => pg.transaction((tx) => work({ query: run(tx), exec: exec(tx) })),
      close: async () => {
        try {
          await pg.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openServer() {
  const { default: pg } = await import('pg');
  const types = { getTypeParser: (oid, format) => (oid === DATE_OID ? asText : pg.types.getTypeParser(oid, format)) };
  // DATABASE_SCHEMA puts the copy's tables in a schema of their own, so several copies can share one database.
  const schema = process.env.DATABASE_SCHEMA || '';
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(storeText('badSchema', { schema }));
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE || 10),
    connectionTimeoutMillis: 5000,
    options: `-c TimeZone=UTC${schema ? ` -c search_path=${schema}` : ''}`,
    types,
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  if (schema) {
    // 42P06 / 23505: another process created it at the same moment.
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((error) => {
      if (error.code !== '42P06' && error.code !== '23505') throw error;
    });
  }
  const run = (client) => async (sql, params = []) => {
    const result = await client.query(sql, params).catch((error) => Promise.reject(classify(error)));
    return { rows: result.rows ?? [], rowCount: result.rowCount ?? 0 };
  };
  return {
    query: run(pool),
    exec: (sql) => run(pool)(sql),
    transaction: async (work) => {
      const client = await pool.connect().catch((error) => Promise.reject(classify(error)));
      try {
        await run(client)('BEGIN');
        const result = await work({ query: run(client), exec: (sql) => run(client)(sql) });
        await run(client)('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      // Tests on a shared server give each file a schema of its own and drop it when they stop.
      if (schema && process.env.DATABASE_SCHEMA_TEMPORARY === '1') await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
      await pool.end();
    },
  };
}

let opened;

/** Opens the database once per process (embedded or server, from the environment). */
export function open() {
  opened ??= (mode() === 'server' ? openServer() : openEmbedded()).catch((error) => {
    opened = undefined;
    throw error instanceof DataFolderLocked ? error : classify(error);
  });
  return opened;
}

/** Runs one statement; resolves with { rows, rowCount }. */
export async function query(sql, params) {
  return (await open()).query(sql, params);
}

/**
 * Runs `work({ query, exec })` in one transaction: committed when it resolves, rolled back when it throws.
 * Row locks taken inside (SELECT … FOR UPDATE) hold until the end, so concurrent changes cannot race.
 */
export async function transaction(work) {
  const db = await open();
  // What `work` throws (a refusal such as a 409, or a query's error, already classified) passes unchanged;
  // anything else on the way (BEGIN, COMMIT, the embedded engine) is the database's failure.
  const fromWork = new WeakSet();
  const tracked = (tx) => work(tx).catch((error) => {
    if (error !== null && typeof error === 'object') fromWork.add(error);
    throw error;
  });
  try {
    return await db.transaction(tracked);
  } catch (error) {
    throw error !== null && typeof error === 'object' && fromWork.has(error) ? error : classify(error);
  }
}

/** Resolves true when requests may go on; false while the database is known to be down (see PROBE_MS). */
export async function ready() {
  if (downSince === undefined) return true;
  if (Date.now() - probedAt < PROBE_MS) return false;
  probedAt = Date.now();
  return (await health()).ok;
}

/** Whether the database answers now, within `timeoutMs`; never throws. */
export async function health(timeoutMs = 2000) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(storeText('healthTimeout', { ms: timeoutMs }))), timeoutMs);
  });
  try {
    await Promise.race([query('SELECT 1 AS ok'), timeout]);
    downSince = undefined;
    return { ok: true, database: mode() };
  } catch (error) {
    downSince ??= Date.now();
    probedAt = Date.now();
    return { ok: false, database: mode(), reason: error.cause?.message ?? error.message };
  } finally {
    clearTimeout(timer);
  }
}

/** Closes the pool or the embedded database and frees the data folder. */
export async function close() {
  const pending = opened;
  opened = undefined;
  if (!pending) return;
  const db = await pending.catch(() => undefined);
  await db?.close();
}
