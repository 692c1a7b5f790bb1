// The storage layer every data-keeping copy shares: migrations recorded and protected, backup and restore,
// one process per embedded data folder, and loud failure when the database is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { backup, restore, tablesInOrder } from '../src/lib/backup.js';
import { dataDir, mode, open, query, transaction } from '../src/lib/db.js';
import { importLegacy } from '../src/lib/legacy-import.js';
import { backupInto } from '../src/lib/scheduled-backup.js';
import { seedDataDir } from '../src/lib/test-cluster.js';
import { migrate, migrationFiles } from '../src/lib/migrate.js';
import { legacy } from '../src/store.js';
import { config, logs, serve } from './support.js';

const run = promisify(execFile);
const base = serve();
const root = new URL('..', import.meta.url);

/** A data folder for a child process, beside this file's own, started from the prepared cluster. */
async function seeded(name) {
  const dir = join(dataDir(), name);
  await mkdir(dir);
  await seedDataDir(dir, dirname(dataDir()));
  return dir;
}

/** Every row of every table, as PostgreSQL writes it in JSON, in key order: what "identical" means here. */
async function everything() {
  return transaction(async (tx) => {
    const out = {};
    for (const table of await tablesInOrder(tx)) {
      const { rows } = await tx.query(`SELECT row_to_json(t)::text AS row FROM "${table}" t ORDER BY 1`);
      out[table] = rows.map((r) => r.row);
    }
    return out;
  });
}

test('every migration file is applied once and recorded with its sha256', async () => {
  const files = await migrationFiles();
  assert.ok(files.length > 0);
  const { rows } = await query('SELECT name, sha256 FROM schema_migrations ORDER BY name');
  assert.deepEqual(rows, files.map((f) => ({ name: f.name, sha256: f.sha256 })));
  assert.deepEqual(await migrate(), [], 'a second run applies nothing');
});

test('an applied migration whose file changed is refused, naming the file and what to do', async () => {
  const [first] = await migrationFiles();
  await query('UPDATE schema_migrations SET sha256 = $2 WHERE name = $1', [first.name, 'f'.repeat(64)]);
  try {
    await assert.rejects(migrate(), (error) => error.expected === true && error.message.includes(first.name) && /(new numbered|bernomor baru)/.test(error.message));
  } finally {
    await query('UPDATE schema_migrations SET sha256 = $2 WHERE name = $1', [first.name, first.sha256]);
  }
});

test('a JSON-era data file is imported once, keeping its records, and kept aside', async () => {
  const records = legacy.example();
  const file = join(dataDir(), legacy.file);
  await writeFile(file, JSON.stringify(records));
  assert.deepEqual(await importLegacy(legacy), { count: records.length, added: records.length });
  assert.equal(existsSync(file), false);
  assert.ok(existsSync(`${file}.imported`), 'kept aside, not deleted');
  await writeFile(file, JSON.stringify(records));
  assert.deepEqual(await importLegacy(legacy), { count: records.length, added: 0 }, 'a second import adds nothing');
  assert.ok(readdirSync(dataDir()).filter((name) => name.startsWith(`${legacy.file}.imported`)).length === 2, 'the second file is kept too');
  await writeFile(file, '[{"id": 1}');
  await assert.rejects(importLegacy(legacy), (error) => error.expected === true && error.message.includes(file));
  assert.ok(existsSync(file), 'a damaged file stays where it is');
  await writeFile(file, JSON.stringify([{ ...records[0], id: 42 }]));
  await assert.rejects(importLegacy(legacy), /record 1/);
  await rm(file);
});

test('a backup restores to the same records; a damaged or foreign file changes nothing', async () => {
  const file = join(dataDir(), 'test-backup.jsonl.gz');
  const before = await everything();
  assert.ok(Object.values(before).some((list) => list.length > 0), 'there are records to back up (imported above)');
  const rows = await backup(file);
  assert.equal(rows, Object.values(before).reduce((n, list) => n + list.length, 0));
  await assert.rejects(restore(file), /(already holds|sudah berisi)/, 'never over existing records without --replace');
  assert.equal(await restore(file, { replace: true }), rows);
  assert.deepEqual(await everything(), before);

  const cut = join(dataDir(), 'cut.jsonl.gz');
  const header = { format: 'replika-backup', version: 1, app: config.app.id, tables: Object.keys(before), migrations: [] };
  await writeFile(cut, gzipSync(`${JSON.stringify(header)}\n`));
  await assert.rejects(restore(cut, { replace: true }), /(closing line|baris penutup)/);
  assert.deepEqual(await everything(), before, 'the failed restore was rolled back');
  const foreign = join(dataDir(), 'foreign.jsonl.gz');
  await writeFile(foreign, gzipSync(`${JSON.stringify({ ...header, app: 'another-app' })}\n{"end":true,"rows":0}\n`));
  await assert.rejects(restore(foreign, { replace: true }), /another-app/);
  await writeFile(foreign, 'not gzip at all');
  await assert.rejects(restore(foreign, { replace: true }), (error) => error.expected === true);
});

test('scheduled backups keep the newest BACKUP_KEEP files, each one restorable', async () => {
  const dir = join(dataDir(), 'backups');
  for (let i = 0; i < 3; i++) await backupInto(dir, 2);
  const files = readdirSync(dir).sort();
  assert.equal(files.length, 2);
  assert.ok(files.every((name) => name.startsWith(`${config.app.id}-`) && name.endsWith('.jsonl.gz')));
  const before = await everything();
  await restore(join(dir, files[1]), { replace: true });
  assert.deepEqual(await everything(), before);
});

test('npm run backup and npm run restore work from the command line, and refuse bad use', async () => {
  // Embedded, this process owns its data folder: the commands work on a folder of their own.
  const env = mode() === 'embedded' ? { ...process.env, DATA_DIR: await seeded('cli') } : { ...process.env, DATABASE_SCHEMA_TEMPORARY: '' };
  const ours = join(dataDir(), 'ours.jsonl.gz');
  const rows = await backup(ours);
  const restored = await run(process.execPath, ['bin/restore.js', ours, '--replace'], { cwd: root, env });
  assert.match(restored.stdout, new RegExp(`ours\\.jsonl\\.gz: ${rows} `));
  const theirs = join(dataDir(), 'theirs.jsonl.gz');
  const made = await run(process.execPath, ['bin/backup.js', theirs], { cwd: root, env });
  assert.match(made.stdout, new RegExp(`theirs\\.jsonl\\.gz \\(${rows} `));
  const empty = { ...env, ...(mode() === 'embedded' ? { DATA_DIR: await seeded('empty') } : { DATABASE_SCHEMA: `${process.env.DATABASE_SCHEMA}_none`, DATABASE_SCHEMA_TEMPORARY: '1' }) };
  await assert.rejects(run(process.execPath, ['bin/backup.js', join(dataDir(), 'none.jsonl.gz')], { cwd: root, env: empty }), (error) => error.code === 1 && /schema_migrations/.test(error.stderr) && !/\n\s+at /.test(error.stderr));
  await assert.rejects(run(process.execPath, ['bin/restore.js'], { cwd: root, env }), (error) => error.code === 2 && /restore/.test(error.stderr));
  await assert.rejects(run(process.execPath, ['bin/restore.js', join(dataDir(), 'missing.jsonl.gz')], { cwd: root, env }), (error) => error.code === 1 && /missing\.jsonl\.gz/.test(error.stderr) && !/\n\s+at /.test(error.stderr));
});

test('a second process on the same embedded data folder refuses at once', { skip: mode() !== 'embedded' && 'on a server many processes may share the database' }, async () => {
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  const started = Date.now();
  const second = await run(process.execPath, ['src/server.js'], { cwd: root, env }).then(() => undefined, (error) => error);
  assert.ok(second, 'the second process did not stay up');
  assert.equal(second.code, 1);
  assert.match(second.stdout, /(one process only|satu proses)/);
  assert.ok(Date.now() - started < 15_000);
  const migrateToo = await run(process.execPath, ['bin/migrate.js'], { cwd: root, env }).then(() => undefined, (error) => error);
  assert.equal(migrateToo?.code, 1, 'npm run migrate is refused too');
  assert.equal((await fetch(`${base()}/healthz`)).status, 200, 'the owner is unharmed');
});

test('with the database gone: /healthz 503, pages 503 in the visitor\'s language, the log says why', async () => {
  const db = await open();
  // The engine or pool closed under the copy's feet, as when a server stops or files become unreadable.
  await db.close();
  try {
    const health = await fetch(`${base()}/healthz`);
    assert.equal(health.status, 503);
    assert.equal((await health.json()).status, 'unavailable');
    const en = await fetch(`${base()}/?lang=en`);
    assert.equal(en.status, 503);
    assert.match(await en.text(), /cannot store or read data/);
    const id = await fetch(`${base()}/?lang=id`);
    assert.equal(id.status, 503);
    assert.match(await id.text(), /tidak dapat menyimpan atau membaca data/);
    assert.ok(logs.some((l) => l.level === 'error' && typeof (l.reason ?? l.cause) === 'string' && (l.reason ?? l.cause).length > 0), 'the reason is logged');
    assert.ok(logs.some((l) => l.level === 'error' && l.msg === 'database unavailable'), 'so are the refused pages');
  } finally {
    await reopen();
  }
});

/** Opens the database again after the test above closed it behind the module's back. */
async function reopen() {
  const { close } = await import('../src/lib/db.js');
  await close().catch(() => {});
  await open();
  assert.equal((await fetch(`${base()}/healthz`)).status, 200);
}
