import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { forgetCaches } from '../lib/caches.js';
import { loadCatalog } from '../lib/catalog/load.js';
import { writeRun } from '../lib/copy/write.js';
import { planRun } from '../lib/plan/plan.js';
import { loadRegion } from '../lib/region/load.js';
import { packageRoot } from '../lib/paths.js';
import { applyUpdate, planUpdate } from '../lib/update/update.js';

/** A temp copy of the bundled catalogue and templates to grow for a benchmark. */
export async function forkCatalog(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'replika-bench-catalog-'));
  await cp(path.join(packageRoot, 'catalog'), path.join(dir, 'catalog'), { recursive: true });
  await cp(path.join(packageRoot, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return dir;
}

/** P3's input: a catalogue of `size` applications (the bundled ones plus copies of LAKSA's entry). */
export async function bigCatalog(size: number): Promise<string> {
  const dir = await forkCatalog();
  const laksa = await readFile(path.join(dir, 'catalog', 'apps', 'laksa.yaml'), 'utf8');
  const existing = (await loadCatalog(path.join(dir, 'catalog'))).apps.size;
  await Promise.all(Array.from({ length: size - existing }, (_, i) => writeFile(path.join(dir, 'catalog', 'apps', `app-${i}.yaml`), laksa.replace('id: laksa', `id: app-${i}`))));
  return dir;
}

/**
 * P4: a copy of about 200 files, updated after a release that changes a quarter of them; the baseline writes
 * the same copy fresh through the same writer.
 */
export async function updateTimes(files = 200): Promise<{ update: number; fresh: number; count: number }> {
  const fork = await forkCatalog();
  const extra = path.join(fork, 'templates', 'emergency', 'docs');
  await mkdir(extra);
  const base = files - 20;
  await Promise.all(Array.from({ length: base }, (_, i) => writeFile(path.join(extra, `page-${i}.md.ejs`), `# <%= app.name %> — ${i}\n\n${'Baris contoh.\n'.repeat(20)}`)));
  const catalog = await loadCatalog(path.join(fork, 'catalog'));
  const region = await loadRegion(path.join(fork, 'catalog', 'regions', 'kota-gorontalo.yaml'), catalog, ['gawat-darurat-112']);
  const plan = planRun(catalog, region, ['gawat-darurat-112']);
  const out = await mkdtemp(path.join(tmpdir(), 'replika-bench-copy-'));
  let started = performance.now();
  await writeRun(plan, { destination: out });
  const fresh = performance.now() - started;
  // The release: a quarter of the pages change, and the user edited a few of them.
  for (let i = 0; i < base; i += 4) await writeFile(path.join(extra, `page-${i}.md.ejs`), `# <%= app.name %> — ${i} (1.1)\n\n${'Baris contoh.\n'.repeat(20)}`);
  for (let i = 0; i < base; i += 10) await writeFile(path.join(out, 'gawat-darurat-112', 'docs', `page-${i}.md`), `# edited ${i}\n`);
  forgetCaches();
  const next = await loadCatalog(path.join(fork, 'catalog'));
  started = performance.now();
  await applyUpdate(await planUpdate(path.join(out, 'gawat-darurat-112'), { catalog: next }));
  const update = performance.now() - started;
  await rm(fork, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
  return { update, fresh, count: plan.copies[0]?.files.length ?? 0 };
}
