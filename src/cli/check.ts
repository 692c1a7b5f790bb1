import { writeFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { allRegencies, cases, regionsFromDir, runCase, type CaseResult } from '../lib/check/matrix.js';
import { openDependencyCache } from '../lib/check/dependencies.js';
import { runMatrix, workerCount } from '../lib/check/pool.js';
import * as reporters from '../lib/check/report.js';
import { writeRun } from '../lib/copy/write.js';
import type { Catalog } from '../lib/catalog/types.js';
import { collecting, UserError } from '../lib/errors.js';
import { showControls } from '../lib/text/terminal.js';
import { badValue, list, parse } from './args.js';
import { catalogFromFlags } from './catalog-flags.js';
import type { Io } from './io.js';
import { checkOptions } from './options.js';

const TEST_TIMEOUT_MS = 180_000;

/** `replika check`: every app × every region, rendered in memory (and with --run-tests, tested for real). */
export async function runCheck(argv: string[], io: Io): Promise<number> {
  const { values } = parse('check', checkOptions, argv);
  const reporter = values.reporter ?? 'text';
  if (!['text', 'json', 'junit'].includes(reporter)) throw badValue('check', '--reporter', reporter, { choices: ['text', 'json', 'junit'] });
  const shard = values.shard ? parseShard(values.shard) : undefined;
  const catalog = await catalogFromFlags(values, io.cwd);
  const jobs = values.jobs === undefined ? undefined : parseJobs(values.jobs);
  const regionsDir = path.resolve(io.cwd, values.regions ?? path.join(catalog.dir, 'regions'));
  const regions = values['all-regencies'] ? allRegencies(catalog) : await regionsFromDir(regionsDir);
  const apps = list(values.app).length > 0 ? list(values.app) : [...catalog.apps.keys()];
  const todo = cases(regions, apps, shard);
  // A bar redraws its line with a carriage return: only on a terminal that can show it (not TERM=dumb, as in Emacs).
  const drawBar = Boolean(process.stderr.isTTY) && process.env.TERM !== 'dumb';
  const progress = drawBar ? (done: number) => process.stderr.write(`\r${bar(done, todo.length)} ${done}/${todo.length}`) : () => undefined;

  const spec = { catalogDir: catalog.dir, regions: values['all-regencies'] ? { all: true as const } : { dir: regionsDir }, apps, shard };
  const results = await runMatrix(catalog, spec, todo, workerCount(todo.length, jobs), progress);
  if (values['run-tests']) await runCopyTests(catalog, results.filter((r) => r.problems.length === 0), progress);
  if (drawBar) process.stderr.write('\n');
  for (const r of results) delete r.copy;

  // JUnit names files relative to where the command runs, as CI reporters look them up.
  const report = reporter === 'junit' ? reporters.junit(results, io.lang, io.cwd) : reporters[reporter as 'text' | 'json'](results, io.lang);
  if (values.output) {
    const output = path.resolve(io.cwd, values.output);
    await writeFile(output, report).catch((error: NodeJS.ErrnoException) => {
      throw new UserError({ key: 'check.output', params: { path: values.output, reason: error.code ?? String(error) } });
    });
  }
  // Reports carry region values and file names: shown with control characters escaped (JSON stays the same JSON).
  else process.stdout.write(showControls(report));
  if (values.output && reporter !== 'text') process.stdout.write(showControls(reporters.text(results, io.lang)));
  return results.some((r) => r.problems.length > 0) ? 1 : 0;
}

function parseJobs(text: string): number {
  const jobs = Number(text);
  if (!Number.isInteger(jobs) || jobs < 1) throw badValue('check', '--jobs', text, { kind: 'count' });
  return jobs;
}

function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || count < 1 || index < 1 || index > count) throw badValue('check', '--shard', text, { kind: 'shard' });
  return { index, count };
}

const bar = (done: number, total: number) => {
  const width = 30;
  const full = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
};

/**
 * Writes each copy to a temp folder, links its dependencies (each distinct set installed once, see
 * dependencies.ts) and runs its own `npm test`, two at a time, each with a timeout.
 */
async function runCopyTests(catalog: Catalog, results: CaseResult[], progress: (n: number) => void): Promise<void> {
  const { execa } = await import('execa');
  const dependencies = await openDependencyCache();
  const queue = [...results];
  let done = 0;
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const dir = await mkdtemp(path.join(tmpdir(), 'replika-check-'));
      try {
        // Worker threads send back findings, not files: a copy checked elsewhere is rendered again here.
        const copy = r.copy ?? (await runCase(catalog, r.case)).copy;
        await writeRun({ copies: [{ dir: 'copy', files: copy?.files ?? [] }] }, { destination: dir });
        const cwd = path.join(dir, 'copy');
        // A failed install is a problem of each case that needs that set, reported with the others.
        const before = r.problems.length;
        await collecting(r.problems, () => dependencies.link(cwd));
        if (r.problems.length > before) continue;
        // Offline and on the embedded database, as a regency's first `npm test`: never on a server the
        // environment may name for something else.
        const run = await execa('npm', ['test'], { cwd, reject: false, all: true, timeout: TEST_TIMEOUT_MS, env: { DATABASE_URL: '' } });
        if (run.exitCode !== 0) {
          const output = failureExcerpt(String(run.all ?? ''));
          r.problems.push({ key: 'check.copyTest', params: { app: r.case.app, code: run.timedOut ? 'timeout' : (run.exitCode ?? '?'), output } });
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
        progress(++done);
      }
    }
  };
  try {
    await Promise.all([worker(), worker()]);
  } finally {
    await dependencies.close();
  }
}

/**
 * What a failing copy's tests said about their failures: each `not ok` entry of node:test's TAP output with its
 * diagnostics (error, expected, actual, location), or the end of the output when there is none (a crash).
 */
export function failureExcerpt(output: string, perFailure = 25, total = 80): string {
  const lines = output.split('\n');
  const excerpt: string[] = [];
  lines.forEach((line, i) => {
    const failed = /^(\s*)not ok \d+/.exec(line);
    if (!failed) return;
    const indent = failed[1]?.length ?? 0;
    const block = [line];
    for (let j = i + 1; j < lines.length && block.length < perFailure; j++) {
      const next = lines[j] ?? '';
      // The entry ends where the next test (or the plan) begins at the same depth.
      if (next.trim() !== '' && next.length - next.trimStart().length <= indent && !/^\s*(---|\.\.\.)/.test(next)) break;
      block.push(next);
    }
    excerpt.push(...block);
  });
  const shown = (excerpt.length > 0 ? excerpt.slice(0, total) : lines.slice(-30)).filter((line, i, all) => line.trim() !== '' || i < all.length - 1);
  // Dedented, so that the report can indent it under its heading.
  const margin = Math.min(...shown.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length));
  return shown.map((line) => line.slice(Number.isFinite(margin) ? margin : 0)).join('\n');
}

