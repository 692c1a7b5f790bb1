// A check worker thread: rebuilds the matrix from its spec, then renders and checks the batches of cases it is
// sent (by index) until it is sent null. See pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../catalog/load.js';
import { UserError } from '../errors.js';
import { allRegencies, cases, regionsFromDir, runCase } from './matrix.js';
import type { MatrixSpec, WorkerReply } from './pool.js';

const spec = workerData as MatrixSpec;
const port = parentPort;
if (!port) throw new Error('worker.js runs as a worker thread');
const reply = (message: WorkerReply) => port.postMessage(message);

try {
  const catalog = await loadCatalog(spec.catalogDir);
  const regions = 'all' in spec.regions ? allRegencies(catalog) : await regionsFromDir(spec.regions.dir);
  const todo = cases(regions, spec.apps, spec.shard);
  port.on('message', (batch: { from: number; to: number } | null) => {
    if (!batch) return void port.close();
    void (async () => {
      const done = [];
      for (let index = batch.from; index < batch.to; index++) {
        const { problems, files, ms } = await runCase(catalog, todo[index] as (typeof todo)[number]);
        done.push({ index, problems, files, ms });
      }
      reply({ done });
    })().catch((error: unknown) => reply({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  });
} catch (error) {
  // The main thread loaded the same catalogue already, so a user error here is unexpected: report it whole.
  reply({ failed: error instanceof UserError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
