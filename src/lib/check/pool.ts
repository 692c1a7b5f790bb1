import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../catalog/types.js';
import { packageRoot } from '../paths.js';
import { runCase, type CaseResult, type CheckCase } from './matrix.js';

/** What a worker needs to rebuild the same list of cases: they are sent by index, not as objects. */
export interface MatrixSpec {
  catalogDir: string;
  regions: { all: true } | { dir: string };
  apps: string[];
  shard?: { index: number; count: number };
}

export type CaseOutcome = Pick<CaseResult, 'problems' | 'files' | 'ms'>;
export type WorkerReply = { done: (CaseOutcome & { index: number })[] } | { failed: string };

/** Below this many cases, starting workers (each loads the kit and compiles the templates) costs more than it saves. */
const MIN_CASES_PER_WORKER = 300;
const BATCH = 25;
const WORKER = path.join(packageRoot, 'dist', 'lib', 'check', 'worker.js');
// Workers run the bundled kit: only the bundled kit starts them (tests run the sources in one thread).
const bundled = fileURLToPath(import.meta.url).startsWith(path.join(packageRoot, 'dist') + path.sep);

/**
 * How many threads check a matrix: `--jobs`, or one per core while there is enough work for each. Never more than
 * the cores: each thread loads the kit and compiles the templates, so more only costs memory (150 took 1.87 GB).
 */
export function workerCount(cases: number, jobs?: number): number {
  const cores = availableParallelism();
  const wanted = Math.min(jobs ?? cores, cores);
  const useful = Math.max(1, Math.floor(cases / MIN_CASES_PER_WORKER));
  return bundled && existsSync(WORKER) ? Math.max(1, Math.min(wanted, jobs ? cases : useful)) : 1;
}

/**
 * Runs every case, in this thread or spread over worker threads that take batches as they finish (so a slow
 * template does not leave a core idle). Results come back in case order whatever the scheduling.
 */
export async function runMatrix(catalog: Catalog, spec: MatrixSpec, todo: CheckCase[], threads: number, progress: (done: number) => void): Promise<CaseResult[]> {
  if (threads <= 1) {
    const results: CaseResult[] = [];
    for (const item of todo) {
      results.push(await runCase(catalog, item));
      progress(results.length);
    }
    return results;
  }
  const outcomes: CaseOutcome[] = new Array(todo.length);
  let next = 0;
  let done = 0;
  const work = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= todo.length) return void worker.postMessage(null);
        const from = next;
        next = Math.min(todo.length, next + BATCH);
        worker.postMessage({ from, to: next });
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('failed' in reply) return reject(new Error(`a check worker failed:\n${reply.failed}`));
        for (const { index, ...outcome } of reply.done) outcomes[index] = outcome;
        done += reply.done.length;
        progress(done);
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a check worker exited with code ${code}`))));
      send();
    });
  const workers = Array.from({ length: threads }, () => new Worker(WORKER, { workerData: spec }));
  try {
    await Promise.all(workers.map(work));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return todo.map((item, i) => ({ case: item, ...(outcomes[i] as CaseOutcome) }));
}
