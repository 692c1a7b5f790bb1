import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../lib/catalog/load.js';
import { writeRun } from '../lib/copy/write.js';
import { collecting, UsageError, UserError } from '../lib/errors.js';
import { say } from '../lib/i18n/index.js';
import { originPubliccode } from '../lib/publiccode.js';
import { badValue, parse } from './args.js';
import type { Io } from './io.js';
import { catalogDiffOptions, catalogExportOptions, catalogReleaseOptions, catalogValidateOptions } from './options.js';
import { validateCatalog } from '../lib/catalog/validate.js';
import { readValidateCache, writeValidateCache } from '../lib/catalog/validate-cache.js';
import { actualBump, diffCatalogs, requiredBump, type Bump } from '../lib/catalog/diff.js';
import { releaseCatalog } from '../lib/catalog/release.js';
import type { Catalog } from '../lib/catalog/types.js';
import { builtinCatalogDir } from '../lib/paths.js';
import { STATUS_LINE } from '../lib/copy/scaffold.js';

/** `replika catalog export --publiccode DIR`: the origin's publiccode.yml for every catalogue application. */
export async function runCatalog(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'validate') return runCatalogValidate(rest, io);
  if (sub === 'diff') return runCatalogDiff(rest, io);
  if (sub === 'release') return runCatalogRelease(rest, io);
  if (sub !== 'export') throw new UsageError({ key: 'usage.command', params: { command: `catalog ${sub ?? ''}`.trim() } });
  const { values } = parse('catalog export', catalogExportOptions, rest);
  if (!values.publiccode) throw new UsageError({ key: 'usage.missing', params: { names: '--publiccode DIR', example: 'replika catalog export --publiccode publiccode' } });
  const plan = await originPubliccode(await loadCatalog());
  const destination = path.resolve(io.cwd, values.publiccode);
  const result = await writeRun(plan, {
    destination,
    force: values.force,
    dryRun: values['dry-run'],
    onFile: (status, file) => io.out(say(io.lang, STATUS_LINE[status], { path: file })),
  });
  if (!values['dry-run']) io.out(say(io.lang, 'summary', { created: result.create.length, identical: result.identical.length, overwritten: result.force.length, kept: result.skip.length }));
  return 0;
}

/** `replika catalog validate [DIR]`: every finding about a catalogue in one run; exit 1 on any. */
async function runCatalogValidate(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('catalog validate', catalogValidateOptions, argv);
  const dir = positionals[0] ? path.resolve(io.cwd, positionals[0]) : builtinCatalogDir;
  const cacheFile = values.cache || values['cache-location'] ? path.resolve(io.cwd, values['cache-location'] ?? '.replika-cache.json') : undefined;
  const cache = cacheFile ? await readValidateCache(cacheFile) : undefined;
  await trusted(dir, values);
  const { problems, stats } = await validateCatalog(dir, { cache });
  // Written on failure too: the cases that passed need not run again once the others are fixed. A cache that
  // cannot be written is reported with the catalogue's own findings, or after saying the catalogue is valid.
  const found = problems.length;
  if (cacheFile && cache) await collecting(problems, () => writeValidateCache(cacheFile, cache));
  if (found === 0) {
    io.out(say(io.lang, 'catalogValid', stats));
    if (stats.cached > 0) io.out(say(io.lang, 'catalogCached', { cached: stats.cached, file: path.relative(io.cwd, cacheFile ?? '') }));
  }
  if (problems.length > 0) throw new UserError(problems);
  return 0;
}

/** `replika catalog diff OLD NEW`: each change, classified, and the bump they need together. */
async function runCatalogDiff(argv: string[], io: Io): Promise<number> {
  const { positionals } = parse('catalog diff', catalogDiffOptions, argv);
  if (positionals.length !== 2) throw new UsageError({ key: 'usage.missing', params: { names: 'OLD NEW', example: 'replika catalog diff ../release-1.0.0/catalog catalog' } });
  // Folders a git ref was extracted into: removed however the comparison ends.
  const extracted: string[] = [];
  try {
    // Both settle before anything is removed: one failing must not leave the other extracting.
    const loaded = await Promise.allSettled(positionals.map(async (p) => loadCatalog(await catalogAt(p, io.cwd, extracted))));
    const failed = loaded.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const [before, after] = loaded.map((r) => (r as PromiseFulfilledResult<Catalog>).value);
    const changes = await diffCatalogs(before as Catalog, after as Catalog);
    for (const change of changes) io.out(say(io.lang, 'diffLine', { ...change }));
    io.out(say(io.lang, 'diffRequired', { bump: requiredBump(changes), from: (before as Catalog).version, to: (after as Catalog).version, actual: actualBump((before as Catalog).version, (after as Catalog).version) }));
    return 0;
  } finally {
    await Promise.all(extracted.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

/** `replika catalog release [DIR] --previous OLD [--bump B]`. */
async function runCatalogRelease(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('catalog release', catalogReleaseOptions, argv);
  if (!values.previous) throw new UsageError({ key: 'usage.missing', params: { names: '--previous DIR', example: 'replika catalog release catalog --previous ../release-1.0.0/catalog' } });
  if (values.bump && !['major', 'minor', 'patch'].includes(values.bump)) throw badValue('catalog release', '--bump', values.bump, { choices: ['major', 'minor', 'patch'] });
  const dir = positionals[0] ? path.resolve(io.cwd, positionals[0]) : builtinCatalogDir;
  // Pinned as it is now: a release changes the catalogue since its last published index by definition.
  await trusted(dir, values, { current: true });
  const release = await releaseCatalog(dir, path.resolve(io.cwd, values.previous), values.bump as Bump | undefined);
  io.out(say(io.lang, 'released', { version: release.version, count: release.changes.length, index: path.relative(io.cwd, release.index), sha256: release.sha256 }));
  return 0;
}

/**
 * Validating or releasing a catalogue renders its templates, that is runs its code: one other than the kit's own
 * needs the same trust as `replika new --catalog` (exit 4 without a matching --catalog-sha256 or --trust).
 */
async function trusted(dir: string, values: { trust?: boolean; 'catalog-sha256'?: string }, options: { current?: boolean } = {}): Promise<void> {
  // The kit's own catalogue needs no trust, and --trust asks for no check: neither loads the catalogue here
  // (validate loads it once itself, through its parse cache).
  if (values.trust || path.resolve(dir) === path.resolve(builtinCatalogDir)) return;
  const { catalogFor } = await import('../lib/catalog/trust.js');
  await catalogFor({ catalog: dir, trust: values.trust, pin: values['catalog-sha256'], ...options });
}

/**
 * A catalogue folder, or a git ref of the repository the command runs in: its catalog/ and templates/ at that
 * ref are extracted to a temp folder (git archive, no shell), noted in `extracted` for the caller to remove.
 */
async function catalogAt(spec: string, cwd: string, extracted: string[]): Promise<string> {
  const dir = path.resolve(cwd, spec);
  if (await stat(dir).then((s) => s.isDirectory(), () => false)) return dir;
  const { execa } = await import('execa');
  const root = await execa('git', ['rev-parse', '--show-toplevel'], { cwd, reject: false });
  const verified = root.exitCode === 0 ? await execa('git', ['rev-parse', '--verify', '--quiet', `${spec}^{commit}`], { cwd, reject: false }) : undefined;
  if (!verified || verified.exitCode !== 0) throw new UsageError({ key: 'catalog.notFound', params: { spec } });
  const out = await mkdtemp(path.join(tmpdir(), 'replika-ref-'));
  extracted.push(out);
  await execa('git', ['archive', '--format=tar', verified.stdout.trim(), '--', 'catalog', 'templates'], { cwd: root.stdout.trim() }).pipe('tar', ['-x', '-C', out]);
  return path.join(out, 'catalog');
}
