// The test's own file work is synchronous: in-memory files make the event-loop round trips the larger cost.
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { UserError } from '../../src/lib/errors.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { formatProblems } from '../../src/lib/report.js';
import { reportUpdate } from '../../src/lib/update/report.js';
import { applyUpdate, copyStatus, planUpdate } from '../../src/lib/update/update.js';
import { regions, replika } from '../helpers/cli.js';
import { tree } from '../helpers/tree.js';

/**
 * Damaged copies — records broken by merges, editors and copying, odd file types, links out of the copy — through
 * what `replika status` and `replika update` do, in process (the library functions the CLI calls, errors classified
 * as bin/replika.ts does): only user errors (exit 1) or success, and no byte outside the copy changes.
 */
const RUNS = 10_000;
const gorontalo = path.join(regions, 'kota-gorontalo.yaml');
const catalog = await loadCatalog();
const generated = planRun(catalog, await loadRegion(gorontalo, catalog, ['laksa', 'live']), ['laksa', 'live']);
const filesOf = (app: string) => new Map((generated.copies.find((c) => c.app === app)?.files ?? []).map((f) => [f.path, Buffer.from(f.contents)]));
const laksa = filesOf('laksa');
const live = filesOf('live');
const MANIFEST = '.yo-rc.json';
const BASE = '.replika/base.json';
const text = (files: Map<string, Buffer>, name: string) => (files.get(name) as Buffer).toString('utf8');
const GENERATED = [...laksa.keys()].filter((p) => p !== MANIFEST && p !== BASE).sort();
const FOLDERS = [...new Set(GENERATED.filter((p) => p.includes('/')).map((p) => p.split('/')[0] as string))].sort();

// The world around the copy: another project's files, the targets of links, and a region file with new settings.
// In memory where the system offers it: each case writes a whole copy, and a disk makes that the slow part.
const world = await mkdtemp(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'replika-damaged-'));
afterAll(() => rm(world, { recursive: true, force: true }));
const outside = path.join(world, 'outside');
const copy = path.join(world, 'copy');
const stock = path.join(world, 'pipes');
mkdirSync(stock);
const changedRegion = path.join(outside, 'region.yaml');
const changedRegionText = (await readFile(gorontalo, 'utf8')).replace('+62 435 000000', '+62 435 111111');

/** Writes the world outside the copy afresh (after a case changed it, so that the next case starts clean). */
function makeOutside(): void {
  rmSync(outside, { recursive: true, force: true });
  const files: [string, string | Buffer][] = [['keep.txt', 'another project\n'], ['manifest.json', text(laksa, MANIFEST)], ['base.json', text(laksa, BASE)], ['region.yaml', changedRegionText]];
  for (const [name, contents] of [...files, ...[...laksa].map(([name, contents]) => [`tree/${name}`, contents] as [string, Buffer])]) {
    mkdirSync(path.dirname(path.join(outside, name)), { recursive: true });
    writeFileSync(path.join(outside, name), contents);
  }
}
makeOutside();

/**
 * Every entry under `dir` (links not followed) as its inode, type, size, modification time and link target: any
 * write, replacement or removal changes one of them. (Reading every byte per case would cost more than the case.)
 */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const s = lstatSync(full);
    result[path.relative(dir, full)] = `${s.ino} ${s.mode} ${s.size} ${s.mtimeMs}${s.isSymbolicLink() ? ` → ${readlinkSync(full)}` : ''}`;
  }
  return result;
}
let outsideBefore = snapshot(outside);
const worldEntries = () => readdirSync(world).sort();
const worldBefore = [...worldEntries(), 'copy'].sort();

// What may happen to a record (.yo-rc.json or .replika/base.json).
const jsonValue = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.string(), fc.constantFrom('__proto__', 'constructor', '', 'laksa', 'live', '../x', '/etc/passwd', 'a'.repeat(64), 'AAAA', '%%%', '\u001b[2J'),
    fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
    fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'apps', 'files', 'id')), tie('any'), { maxKeys: 3 }),
  ),
})).any;
const recordDamage = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('{', '}', '"', ',', ']', '\n', '\uFEFF', '\u0000', 'null', '[[[[[[', '\\u0000')) }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('conflict' as const), from: fc.double({ min: 0, max: 1, noNaN: true }), lines: fc.nat({ max: 20 }), foreign: fc.boolean(), diff3: fc.boolean() }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: jsonValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('app' as const), id: fc.constantFrom(...catalog.apps.keys(), 'nope', '__proto__', 'constructor', 'Laksa', ''), settings: fc.boolean(), services: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('foreign', 'empty', 'missing', 'directory', 'link-outside', 'link-dangling', 'link-self', 'hardlink-outside', 'fifo', 'deep') }),
  fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
);
type RecordDamage = typeof recordDamage extends fc.Arbitrary<infer T> ? T : never;

// What may happen to the copy's own files.
const treeDamage = fc.oneof(
  fc.record({ kind: fc.constantFrom('edit', 'delete', 'link-file', 'dir-for-file', 'fifo', 'hardlink-outside'), file: fc.constantFrom(...GENERATED) }),
  fc.record({ kind: fc.constant('link-dir' as const), dir: fc.constantFrom(...FOLDERS, '.replika') }),
  fc.record({ kind: fc.constant('extra' as const), name: fc.constantFrom('.env', 'data/reports.json', 'public/new.css', 'node_modules/x/index.js', '.git/HEAD') }),
);
type TreeDamage = typeof treeDamage extends fc.Arbitrary<infer T> ? T : never;

const damagedCopy = fc.record({
  manifest: fc.option(recordDamage, { freq: 5, nil: undefined }),
  base: fc.option(recordDamage, { freq: 3, nil: undefined }),
  tree: fc.array(treeDamage, { maxLength: 2 }),
  region: fc.constantFrom<'none' | 'same' | 'changed'>('none', 'none', 'none', 'same', 'changed'),
  conflict: fc.constantFrom<'inline' | 'rej'>('inline', 'rej'),
});
type DamagedCopy = typeof damagedCopy extends fc.Arbitrary<infer T> ? T : never;

/** Every path to a value in a JSON document, so that a value anywhere can be replaced or removed. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
}
const PATHS = { [MANIFEST]: leafPaths(JSON.parse(text(laksa, MANIFEST))).filter((p) => p.length > 0), [BASE]: leafPaths(JSON.parse(text(laksa, BASE))).filter((p) => p.length > 0) };

function changeJson(original: string, change: (data: any) => void): string {
  const data = JSON.parse(original);
  change(data);
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Makes a named pipe at `file`: moved from a stock made a few hundred at a time (one process each, not one per pipe). */
const pipes: string[] = [];
async function mkfifo(file: string): Promise<void> {
  if (pipes.length === 0) {
    const names = Array.from({ length: 200 }, (_, i) => path.join(stock, `${Date.now()}-${i}`));
    await execa('mkfifo', names);
    pipes.push(...names);
  }
  renameSync(pipes.pop() as string, file);
}

async function damageRecord(name: typeof MANIFEST | typeof BASE, damage: RecordDamage): Promise<void> {
  const file = path.join(copy, name);
  const original = text(laksa, name);
  const foreign = text(live, name);
  let contents: string | Buffer | undefined;
  switch (damage.kind) {
    case 'edit':
      contents = damage.edits.reduce((t, e) => {
        const at = Math.floor(e.at * t.length);
        return t.slice(0, at) + e.insert + t.slice(at + e.remove);
      }, original);
      break;
    case 'conflict': {
      // What Git leaves after merging two versions of the file: one stretch of lines from each side.
      const ours = original.split('\n');
      const theirs = (damage.foreign ? foreign : original.replace('+62 435 000000', '+62 435 111111')).split('\n');
      const from = Math.floor(damage.from * ours.length);
      const to = Math.min(ours.length, from + damage.lines + 1);
      const middle = damage.diff3 ? ['||||||| base', ...ours.slice(from, to)] : [];
      contents = [...ours.slice(0, from), '<<<<<<< HEAD', ...ours.slice(from, to), ...middle, '=======', ...theirs.slice(from, to), '>>>>>>> other', ...ours.slice(to)].join('\n');
      break;
    }
    case 'set': {
      const at = PATHS[name][damage.at % PATHS[name].length] as string[];
      contents = changeJson(original, (data) => {
        let node = data;
        for (const key of at.slice(0, -1)) node = node[key];
        node[at.at(-1) as string] = damage.value;
      });
      break;
    }
    case 'delete': {
      const at = PATHS[name][damage.at % PATHS[name].length] as string[];
      contents = changeJson(original, (data) => {
        let node = data;
        for (const key of at.slice(0, -1)) node = node[key];
        delete node[at.at(-1) as string];
      });
      break;
    }
    case 'app':
      if (name === BASE) {
        contents = foreign;
        break;
      }
      contents = changeJson(original, ({ 'generator-replika': m }) => {
        m.app.id = damage.id;
        if (damage.settings) m.settings.apps = { [damage.id]: m.settings.apps.laksa };
        if (damage.services) m.services.push(damage.id);
      });
      break;
    case 'bytes':
      contents = Buffer.from(damage.bytes);
      break;
    case 'foreign':
      contents = foreign;
      break;
    case 'empty':
      contents = '';
      break;
    case 'deep':
      contents = original.replace(/\{/, `{"deep": ${'['.repeat(50_000)}${']'.repeat(50_000)},`);
      break;
    default:
      rmSync(file, { recursive: true, force: true });
      if (damage.kind === 'directory') mkdirSync(path.join(file, 'inside'), { recursive: true });
      if (damage.kind === 'link-outside') symlinkSync(path.join(outside, name === MANIFEST ? 'manifest.json' : 'base.json'), file);
      if (damage.kind === 'link-dangling') symlinkSync(path.join(outside, 'nothing-here'), file);
      if (damage.kind === 'link-self') symlinkSync(path.basename(file), file);
      if (damage.kind === 'hardlink-outside') linkSync(path.join(outside, name === MANIFEST ? 'manifest.json' : 'base.json'), file);
      if (damage.kind === 'fifo') await mkfifo(file);
      return;
  }
  writeFileSync(file, contents);
}

async function damageTree(damage: TreeDamage): Promise<void> {
  if (damage.kind === 'link-dir') {
    rmSync(path.join(copy, damage.dir), { recursive: true, force: true });
    symlinkSync(path.join(outside, 'tree', damage.dir), path.join(copy, damage.dir));
    return;
  }
  // An earlier damage may have made the path unusable (a folder on the way is a link now): then this one is moot.
  const relative = damage.kind === 'extra' ? damage.name : damage.file;
  const folders = path.dirname(relative).split('/').map((_, i, all) => path.join(copy, ...all.slice(0, i + 1)));
  if (!folders.every((folder) => isFolder(folder) || !lstatSync(folder, { throwIfNoEntry: false }))) return;
  if (damage.kind === 'extra') {
    mkdirSync(path.dirname(path.join(copy, damage.name)), { recursive: true });
    writeFileSync(path.join(copy, damage.name), 'the user\'s own\n');
    return;
  }
  const file = path.join(copy, damage.file);
  if (!isFolder(path.dirname(file))) return;
  if (damage.kind === 'edit') {
    // Only a file of the copy's own (a hard link's other name may be outside it).
    if (lstatSync(file, { throwIfNoEntry: false })?.nlink === 1 && isFile(file)) writeFileSync(file, `${readFileSync(file, 'utf8')}\n// edited here\n`);
    return;
  }
  rmSync(file, { recursive: true, force: true });
  if (damage.kind === 'link-file') symlinkSync(path.join(outside, 'keep.txt'), file);
  if (damage.kind === 'dir-for-file') mkdirSync(file);
  if (damage.kind === 'fifo') await mkfifo(file);
  if (damage.kind === 'hardlink-outside') linkSync(path.join(outside, 'keep.txt'), file);
}

const isFolder = (file: string) => lstatSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
const isFile = (file: string) => lstatSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

async function makeCopy(damage: DamagedCopy): Promise<void> {
  rmSync(copy, { recursive: true, force: true });
  for (const [name, contents] of laksa) {
    mkdirSync(path.dirname(path.join(copy, name)), { recursive: true });
    writeFileSync(path.join(copy, name), contents);
  }
  // Tree first: a record damaged afterwards (say, .replika/base.json) lands where the tree damage left it.
  for (const t of damage.tree) await damageTree(t);
  if (damage.manifest) await damageRecord(MANIFEST, damage.manifest);
  if (damage.base && isFolder(path.join(copy, '.replika'))) await damageRecord(BASE, damage.base);
}

/** Runs what a command runs and returns the exit code bin/replika.ts would set; a bug (exit 3) is thrown. */
async function exitOf(work: () => Promise<number>, messages: string[]): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    messages.push(formatProblems(error.problems, 'en'), formatProblems(error.problems, 'id'));
    return error.exitCode;
  }
}

const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

describe(`${RUNS.toLocaleString('en')} damaged copies through status and update`, () => {
  it('end in success or a user error naming what is wrong, and change nothing outside the copy', async () => {
    await fc.assert(
      fc.asyncProperty(damagedCopy, async (damage) => {
        await makeCopy(damage);
        const messages: string[] = [];
        const status = await exitOf(async () => ((await copyStatus(copy, catalog)).updateAvailable ? 10 : 0), messages);
        const regionFile = damage.region === 'none' ? undefined : damage.region === 'same' ? gorontalo : changedRegion;
        const update = await exitOf(async () => {
          const plan = await planUpdate(copy, { catalog, regionFile, conflict: damage.conflict });
          for (const lang of ['en', 'id'] as const) reportUpdate(plan, { lang, out: (line: string) => messages.push(line) }, false);
          await applyUpdate(plan);
          return 0;
        }, messages);
        // status exits 10 when an update is available (settings recorded differently than the kit now renders).
        expect([0, 1, 10]).toContain(status);
        expect([0, 1]).toContain(update);
        for (const message of messages) expect(message).not.toMatch(/undefined|\[object Object\]|NaN/);
        // Damage to the records alone is reported naming the record.
        if (status === 1 && damage.tree.length === 0) expect(messages[0]).toMatch(/\.yo-rc\.json|\.replika/);
        const [outsideAfter, worldAfter] = [snapshot(outside), worldEntries()];
        const expected = outsideBefore;
        if (JSON.stringify([outsideAfter, worldAfter]) !== JSON.stringify([expected, worldBefore])) {
          makeOutside();
          outsideBefore = snapshot(outside);
        }
        expect(outsideAfter).toEqual(expected);
        expect(worldAfter).toEqual(worldBefore);
        count(`status ${status}`);
        count(`update ${update}`);
        if (messages.some((m) => m.includes('the records are rebuilt'))) count('rebuilt');
      }),
      { numRuns: RUNS },
    );
    // Every kind of outcome was reached: the damage did not simply stop every case at the first check.
    expect(Object.fromEntries(tally)).toMatchObject({ 'status 0': expect.any(Number), 'status 1': expect.any(Number), 'update 0': expect.any(Number), 'update 1': expect.any(Number), rebuilt: expect.any(Number) });
    expect(tally.get('update 0')).toBeGreaterThan(RUNS / 20);
    // About a minute on two idle cores; the bound leaves room for a machine busy with other work.
  }, 600_000);
});

describe('damaged copies through the built CLI', () => {
  const git = (cwd: string, ...args: string[]) => execa('git', ['-c', 'user.name=Diskominfo', '-c', 'user.email=it@gorontalokota.go.id', '-c', 'init.defaultBranch=main', ...args], { cwd, reject: false });
  const regionWith = async (dir: string, phone: string) => {
    const file = path.join(dir, `region-${phone.slice(-6)}.yaml`);
    writeFileSync(file, (await readFile(gorontalo, 'utf8')).replace('+62 435 000000', phone));
    return file;
  };
  const noBug = (run: { stderr: string }) => expect(run.stderr).not.toMatch(/Internal error|Kesalahan internal|\n\s+at /);

  it('after a Git merge leaves conflict markers in the records: exit 1 naming .yo-rc.json, and the advice given works', async () => {
    const cwd = await tree();
    expect((await replika(['new', '--region', gorontalo, '--app', 'laksa', '--out', 'copy', '--yes'], cwd)).exitCode).toBe(0);
    const dir = path.join(cwd, 'copy', 'laksa');
    await git(dir, 'init', '-q');
    await git(dir, 'add', '.');
    await git(dir, 'commit', '-qm', 'LAKSA for Kota Gorontalo');
    // Two branches give the region a new telephone number each, then meet.
    for (const [branch, phone] of [['call-centre', '+62 435 111111'], ['main', '+62 435 222222']] as const) {
      if (branch !== 'main') await git(dir, 'checkout', '-qb', branch);
      else await git(dir, 'checkout', '-q', 'main');
      expect((await replika(['update', '--region', await regionWith(cwd, phone), '--yes'], dir)).exitCode).toBe(0);
      await git(dir, 'commit', '-qam', `telephone ${phone}`);
    }
    expect((await git(dir, 'merge', 'call-centre')).exitCode).toBe(1);
    expect(readFileSync(path.join(dir, '.yo-rc.json'), 'utf8')).toContain('<<<<<<< HEAD');

    for (const command of ['status', 'update']) {
      const run = await replika([command], dir);
      noBug(run);
      expect([run.exitCode, run.stderr]).toEqual([1, expect.stringMatching(/\.yo-rc\.json:\d+ {2}\.yo-rc\.json holds Git conflict markers: a merge left two versions in it\n\s+→ .*git checkout --ours -- \.yo-rc\.json/)]);
    }
    const id = await replika(['status'], dir, { LANG: 'id_ID.UTF-8' });
    expect([id.exitCode, id.stderr]).toEqual([1, expect.stringContaining('.yo-rc.json berisi penanda konflik Git')]);
    // As the message says: keep one version of each record whole; the copy is sound again.
    await git(dir, 'checkout', '--theirs', '--', '.yo-rc.json', '.replika/base.json');
    const after = await replika(['status'], dir);
    noBug(after);
    expect(after.exitCode).toBe(0);
    expect(after.stdout).toContain('config/settings.json');
  });

  it('a missing base: exit 1 with the rebuild, and update --region rebuilds the records', async () => {
    const cwd = await tree();
    expect((await replika(['new', '--region', gorontalo, '--app', 'laksa', '--out', 'copy', '--yes'], cwd)).exitCode).toBe(0);
    const dir = path.join(cwd, 'copy', 'laksa');
    rmSync(path.join(dir, '.replika', 'base.json'));
    const status = await replika(['status', dir], cwd);
    expect([status.exitCode, status.stderr]).toEqual([1, expect.stringContaining('.replika/base.json is missing: it is the base an update merges from')]);
    expect(status.stderr).toContain('replika update --region FILE');
    const update = await replika(['update', dir, '--region', gorontalo, '--yes'], cwd);
    noBug(update);
    expect(update.exitCode).toBe(0);
    expect(update.stdout).toContain('the records are rebuilt from the region file');
    expect((await replika(['status', dir], cwd)).exitCode).toBe(0);
  });

  it.each([
    ['an app id changed by hand', (dir: string) => writeFileSync(path.join(dir, '.yo-rc.json'), readFileSync(path.join(dir, '.yo-rc.json'), 'utf8').replace('"id": "laksa"', '"id": "live"')), '.yo-rc.json names the application "live", but its list of the applications made together (laksa) does not include it'],
    ['the manifest of another copy', (dir: string) => writeFileSync(path.join(dir, '.yo-rc.json'), text(live, MANIFEST)), '.replika/base.json does not belong with .yo-rc.json'],
    ['a truncated base', (dir: string) => writeFileSync(path.join(dir, '.replika', 'base.json'), text(laksa, BASE).slice(0, 999)), '.replika/base.json is damaged: it is not valid JSON'],
    ['a manifest that is a list', (dir: string) => writeFileSync(path.join(dir, '.yo-rc.json'), '[]'), '.yo-rc.json is damaged: expected an object, found a list'],
  ])('%s: status and update exit 1 saying so', async (_name, damage, expected) => {
    const cwd = await tree();
    expect((await replika(['new', '--region', gorontalo, '--app', 'laksa', '--out', 'copy', '--yes'], cwd)).exitCode).toBe(0);
    const dir = path.join(cwd, 'copy', 'laksa');
    damage(dir);
    for (const args of [['status'], ['update', '--yes']]) {
      const run = await replika(args, dir);
      noBug(run);
      expect([run.exitCode, run.stderr]).toEqual([1, expect.stringContaining(expected)]);
    }
  });

  it('ten damaged copies from the fuzzer: status and update --yes end in 0, 1 or 10, never a bug', async () => {
    for (const damage of fc.sample(damagedCopy, { numRuns: 10, seed: 13 })) {
      await makeCopy(damage);
      const regionFile = damage.region === 'none' ? [] : ['--region', damage.region === 'same' ? gorontalo : changedRegion];
      for (const args of [['status', copy], ['update', copy, '--yes', '--conflict', damage.conflict, ...regionFile]]) {
        const run = await replika(args, world);
        noBug(run);
        expect([0, 1, 10], `${args.join(' ')} for ${JSON.stringify(damage)}: ${run.stderr}`).toContain(run.exitCode);
      }
      expect(snapshot(outside)).toEqual(outsideBefore);
    }
  });
});
