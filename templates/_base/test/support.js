// What this copy's test files share: the settings it was generated with, and the copy served on a free local
// port around a file's tests. node --test also loads this file; it defines no tests and starts nothing itself.
import { after, before } from 'node:test';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as application from '../src/app.js';
import { setLogSink } from '../src/lib/log.js';
import { start } from '../src/server.js';

/** The rendered settings (config/settings.json): region, app, settings, services. */
export const config = JSON.parse(await readFile(new URL('../config/settings.json', import.meta.url), 'utf8'));

/** Log lines written while the tests run, parsed; kept here instead of cluttering the test report. */
export const logs = [];
setLogSink((line) => logs.push(JSON.parse(line)));

/**
 * Where test data goes: a memory-backed folder when the machine has a roomy one (Linux's /dev/shm with at least
 * 1 GiB free: a container's default 64 MiB is too small), else the temp folder. The tests do the same file
 * operations either way; memory only makes them faster.
 */
async function scratchRoot() {
  try {
    const { bavail, bsize } = await statfs('/dev/shm');
    if (bavail * bsize >= 2 ** 30) return '/dev/shm';
  } catch {
    // No such folder (macOS, Windows): the temp folder.
  }
  return tmpdir();
}

/**
 * Gives the calling test file data of its own: a new DATA_DIR and, on a PostgreSQL server (DATABASE_URL set), a
 * schema of its own that is dropped when the copy stops. Returns the folder.
 */
export async function ownData() {
  const dir = await mkdtemp(join(await scratchRoot(), `${config.app.id}-test-`));
  process.env.DATA_DIR = dir;
  // An application with a database may start the folder from a prepared one (see its src/app.js).
  await application.seedTestData?.(dir);
  if (process.env.DATABASE_URL) {
    process.env.DATABASE_SCHEMA = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
    process.env.DATABASE_SCHEMA_TEMPORARY = '1';
  }
  return dir;
}

/**
 * Serves the copy for the tests of the calling file, on data of its own (see ownData): `setUp` runs before it
 * starts (environment, fake services), `tearDown` after it has stopped. Returns a function that gives its base
 * URL once it runs.
 */
export function serve({ setUp = async () => {}, tearDown = async () => {} } = {}) {
  let running;
  let dir;
  before(async () => {
    dir = await ownData();
    await setUp();
    running = await start({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await running.stop();
    await tearDown();
    await rm(dir, { recursive: true, force: true });
  });
  return () => running.url;
}
