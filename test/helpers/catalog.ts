import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { UserError, type Problem } from '../../src/lib/errors.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { tree } from './tree.js';

export const root = path.resolve(import.meta.dirname, '../..');

/** A temp folder holding a copy of the bundled catalogue and templates (plus `files`) that a test may change. */
export async function forkCatalog(files: Record<string, string> = {}): Promise<string> {
  const dir = await tree(files);
  await cp(path.join(root, 'catalog'), path.join(dir, 'catalog'), { recursive: true });
  await cp(path.join(root, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return dir;
}

/** The user-error problems of some work, each as `show` renders it; anything else thrown fails the test. */
export async function problemsOf(work: () => unknown, show: (p: Problem) => string): Promise<string[]> {
  try {
    await work();
  } catch (error) {
    if (error instanceof UserError) return error.problems.map(show);
    throw error;
  }
  return ['no error'];
}

/** The problems of planning Gawat Darurat 112 for Kota Gorontalo with these files added to its template. */
export async function emergencyProblems(files: Record<string, string>, show: (p: Problem) => string): Promise<string[]> {
  const dir = await forkCatalog();
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(path.join(dir, 'templates', 'emergency', name), text)));
  const catalog = await loadCatalog(path.join(dir, 'catalog'));
  const region = await loadRegion(path.join(root, 'catalog', 'regions', 'kota-gorontalo.yaml'), catalog, ['gawat-darurat-112']);
  return problemsOf(() => planRun(catalog, region, ['gawat-darurat-112']), show);
}
