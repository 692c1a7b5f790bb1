import { openDependencyCache, type DependencyCache } from '../../src/lib/check/dependencies.js';
import { tree } from './tree.js';

// One cache per test file (a module's state is the file's), in a temp folder removed after the file.
let cache: Promise<DependencyCache> | undefined;

/** Links a copy's dependencies as `replika check --run-tests` does: each distinct set installed once per file. */
export async function linkDependencies(copy: string): Promise<void> {
  cache ??= tree().then((root) => openDependencyCache({ root }));
  await (await cache).link(copy);
}
