// Dependencies for copies whose own tests the kit runs (check --run-tests, the end-to-end tests). Copies of one
// application for different regions lock the same packages and differ only in the root entry's name and version,
// so each distinct set is installed once into a cache folder and every copy links its node_modules there:
// 56 copies then cost one `npm ci` per set of packages instead of one each.
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TIMEOUT_MS } from '../copy/commands.js';
import { UserError } from '../errors.js';

/** A cache folder kept between runs instead of a temporary one, e.g. in CI with a cached directory. */
export const CACHE_ENV = 'REPLIKA_DEPENDENCY_CACHE';
const NPM_CI = ['ci', '--ignore-scripts', '--no-audit', '--no-fund'];

interface Lockfile {
  packages: Record<string, Record<string, unknown>>;
}

export interface DependencyCache {
  /** Where the installed sets live, one folder per key. */
  readonly root: string;
  /**
   * Makes a copy's dependencies available as `<copy>/node_modules` (a link into the cache). Resolves to the
   * set's key, or undefined when the copy has nothing to install (no lockfile, or only its root package).
   */
  link(copy: string): Promise<string | undefined>;
  /** Removes the cache folder, unless it was given (or named by REPLIKA_DEPENDENCY_CACHE) to be kept. */
  close(): Promise<void>;
}

export interface CacheOptions {
  /** A folder to keep the installed sets in (created if missing, kept by close()); default: a temporary one. */
  root?: string;
  /** Called before each `npm ci`, with the set's key: tests count installs with it. */
  onInstall?: (key: string) => void;
  timeout?: number;
}

/** Opens a cache of installed dependency sets: `options.root`, else REPLIKA_DEPENDENCY_CACHE, else a temp folder. */
export async function openDependencyCache(options: CacheOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<DependencyCache> {
  const kept = options.root ?? (env[CACHE_ENV] || undefined);
  const root = kept ? path.resolve(kept) : await mkdtemp(path.join(tmpdir(), 'replika-deps-'));
  await mkdir(root, { recursive: true });
  // One promise per key: copies that need the same set while it is being installed wait for that one install.
  const installs = new Map<string, Promise<string>>();
  return {
    root,
    async link(copy) {
      const lock = await readLockfile(copy);
      if (!lock || Object.keys(lock.packages).every((name) => name === '')) return undefined;
      const key = dependencyKey(lock);
      let installed = installs.get(key);
      if (!installed) {
        installed = install(root, key, lock, options);
        installs.set(key, installed);
      }
      await linkModules(await installed, path.join(copy, 'node_modules'));
      return key;
    },
    close: () => (kept ? Promise.resolve() : rm(root, { recursive: true, force: true })),
  };
}

/** sha256 of the lockfile's packages without the root's name and version, the only part that names the region. */
export function dependencyKey(lock: Lockfile): string {
  const { name: _name, version: _version, ...root } = lock.packages[''] ?? {};
  return createHash('sha256').update(canonical({ ...lock.packages, '': root })).digest('hex');
}

/** JSON with every object's keys sorted, so that the same packages give the same key whatever their order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Node.js resolves a package through the link, then the package's own dependencies from where it really is: the
 * cache. A junction on Windows needs no special rights; elsewhere the type is ignored. A copy that has a
 * node_modules folder of its own (installed by hand) keeps it; an earlier link is replaced.
 */
async function linkModules(modules: string, link: string): Promise<void> {
  const existing = await lstat(link).catch(() => undefined);
  if (existing && !existing.isSymbolicLink()) return;
  if (existing) await rm(link);
  await symlink(modules, link, 'junction');
}

async function readLockfile(copy: string): Promise<Lockfile | undefined> {
  const file = path.join(copy, 'package-lock.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError({ key: 'dependencies.lockfile', file, params: { reason: (error as NodeJS.ErrnoException).code ?? String(error) } });
  }
  let lock: unknown;
  try {
    lock = JSON.parse(text);
  } catch (error) {
    throw new UserError({ key: 'dependencies.lockfile', file, params: { reason: (error as Error).message } });
  }
  const packages = (lock as { packages?: unknown } | null)?.packages;
  if (!packages || typeof packages !== 'object' || Array.isArray(packages)) {
    throw new UserError({ key: 'dependencies.lockfile', file, params: { reason: 'no "packages" (lockfileVersion 2 or 3)' } });
  }
  return lock as Lockfile;
}

/**
 * Installs one set into `<root>/<key>/` and resolves to its node_modules. The install runs in a temporary sibling
 * renamed into place only once `npm ci` succeeded, so a failed or interrupted one never leaves a half cache.
 */
async function install(root: string, key: string, lock: Lockfile, options: CacheOptions): Promise<string> {
  const done = path.join(root, key);
  const exists = await stat(path.join(done, 'node_modules')).then(() => true, () => false);
  if (exists) return path.join(done, 'node_modules');
  const work = await mkdtemp(path.join(root, `${key}.partial-`));
  try {
    const top = lock.packages[''] ?? {};
    // npm ci checks package.json against the lockfile's root entry: the dependencies, nothing the copy runs.
    const fields = ['name', 'version', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
    const manifest = Object.fromEntries(fields.filter((f) => top[f] !== undefined).map((f) => [f, top[f]]));
    await writeFile(path.join(work, 'package.json'), `${JSON.stringify({ ...manifest, private: true }, null, 2)}\n`);
    await writeFile(path.join(work, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
    options.onInstall?.(key);
    await npmCi(work, String(top.name ?? key), options.timeout ?? TIMEOUT_MS);
    await rename(work, done).catch(async (error: NodeJS.ErrnoException) => {
      // Another process sharing a kept cache installed the same set first: use that one.
      if (error.code !== 'EEXIST' && error.code !== 'ENOTEMPTY') throw error;
      await rm(work, { recursive: true, force: true });
    });
    return path.join(done, 'node_modules');
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

async function npmCi(cwd: string, name: string, timeout: number): Promise<void> {
  const { execa } = await import('execa');
  const run = await execa('npm', NPM_CI, { cwd, shell: false, timeout, reject: false, stdin: 'ignore', all: true });
  if ((run as { code?: string }).code === 'ENOENT') throw new UserError({ key: 'command.missing', params: { command: 'npm' } });
  if (run.exitCode === 0 && !run.timedOut) return;
  const output = npmErrorLines(String(run.all ?? '')).join('\n      ');
  const code = run.timedOut ? 'timeout' : (run.exitCode ?? run.signal ?? '?');
  throw new UserError({ key: 'dependencies.install', params: { name, command: `npm ${NPM_CI.join(' ')}`, code, seconds: Math.round(timeout / 1000), output } });
}

/**
 * What npm said about its failure: its first `npm error` lines (the code and the reason; a usage error goes on
 * with the whole help text) and the last line, which names the debug log; the end of the output when it said none.
 */
export function npmErrorLines(output: string, count = 8): string[] {
  const lines = output.trim().split('\n');
  const first = lines.findIndex((line) => /^npm (error|ERR!)/.test(line));
  if (first < 0) return lines.slice(-count);
  const shown = lines.slice(first, first + count);
  const last = lines.at(-1) ?? '';
  return first + count < lines.length && /^npm (error|ERR!)/.test(last) ? [...shown, '…', last] : shown;
}
