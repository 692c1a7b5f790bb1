// One process owns an embedded data folder. The lock file names its owner (host and process id); a lock left by a
// process that is gone (killed, or the machine restarted) is taken over, a live owner's never.
import { hostname } from 'node:os';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { storeText } from './store-text.js';

export class DataFolderLocked extends Error {
  expected = true;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return error.code === 'EPERM';
  }
}

async function owner(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    // Half-written or damaged: nobody can be named as owner, so it counts as stale.
    return {};
  }
}

/** Takes the lock at `file` or throws DataFolderLocked saying who holds it; resolves with { release }. */
export async function acquireLock(file) {
  const mine = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      return { release: () => release(file, mine) };
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const held = await owner(file);
    if (held === undefined) continue;
    const sameHost = held.host === mine.host;
    // Our own pid in an old lock is a previous run of this container or process slot, not a live owner.
    const live = sameHost ? Number.isInteger(held.pid) && held.pid !== process.pid && alive(held.pid) : typeof held.host === 'string';
    if (live) throw new DataFolderLocked(storeText(sameHost ? 'locked' : 'lockedElsewhere', { file, pid: held.pid, host: held.host, since: held.since }));
    await unlink(file).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  throw new DataFolderLocked(storeText('lockRace', { file }));
}

async function release(file, mine) {
  const held = await owner(file);
  if (held?.pid === mine.pid && held?.host === mine.host && held?.since === mine.since) await unlink(file).catch(() => {});
}
