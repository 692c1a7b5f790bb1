import { cp } from 'node:fs/promises';
import path from 'node:path';
import { UserError, type Problem } from '../../src/lib/errors.js';
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
