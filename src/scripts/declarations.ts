// Build step (from bundle.ts): the type declarations of the package's library export. tsc writes a .d.ts beside each
// compiled module in build/; the bundle has no such modules, so the declarations go to their own folder, the entry's
// and every one its declarations import (and no others: the CLI's, the benchmarks' and the build's stay out).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// What tsc writes: `from './x.js'` (import, export … from) and `import('./x.js')` in inferred types.
const RELATIVE = /(?:\bfrom\s*|\bimport\(\s*)['"](\.{1,2}\/[^'"]+)\.js['"]/g;

/** Copies `entry` (a .d.ts under `from`) and the declarations it reaches to the same places under `to`. */
export function copyDeclarations(from: string, entry: string, to: string): string[] {
  const copied: string[] = [];
  const queue = [path.normalize(entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (copied.includes(file)) continue;
    copied.push(file);
    const text = readFileSync(path.join(from, file), 'utf8');
    for (const [, specifier] of text.matchAll(RELATIVE)) queue.push(path.join(path.dirname(file), `${specifier}.d.ts`));
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    writeFileSync(path.join(to, file), text);
  }
  return copied.sort();
}
