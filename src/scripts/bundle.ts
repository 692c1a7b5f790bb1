// Build step: bundles the compiled modules (build/) into dist/, one file per entry point plus shared chunks.
// Loading one file instead of a few hundred (yaml, ejs, mem-fs-editor, the conflicter and their dependencies)
// took `replika new` from about 270 to 190 ms. Every entry shares the same chunks, so the CLI, the Yeoman generators
// and the library see one copy of each module (one UserError class, one catalogue cache).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { packageRoot } from '../lib/paths.js';
import { copyDeclarations } from './declarations.js';

const from = path.join(packageRoot, 'build');
const entries = ['bin/replika.js', 'generators/app/index.js', 'generators/region/index.js', 'generators/update/index.js', 'lib/index.js', 'lib/check/worker.js', 'scripts/snapshot.js', 'bench/run.js'];

// Loaded lazily or resolved at run time, and big: Yeoman (only for the wizard), execa (only to run commands),
// ajv (only for schemas not compiled at build time) and the official region list (read from its package).
const external = ['yeoman-environment', 'yeoman-generator', '@yeoman/adapter', '@yeoman/types', 'execa', 'ajv', 'ajv/*', 'ajv-formats', 'idn-area-data', 'esbuild'];

// Only what this step writes: dist/ may also hold a released catalogue index (catalog.json).
for (const dir of ['bin', 'generators', 'lib', 'scripts', 'bench', 'chunks', 'cli', 'types']) rmSync(path.join(packageRoot, 'dist', dir), { recursive: true, force: true });
await build({
  entryPoints: entries.map((entry) => path.join(from, entry)),
  outbase: from,
  outdir: path.join(packageRoot, 'dist'),
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require() for Node's own modules.
  banner: { js: "import { createRequire as __replikaRequire } from 'node:module'; const require = __replikaRequire(import.meta.url);" },
});

// The library's types (package.json "exports" → "types"), as tsc declared them.
copyDeclarations(from, 'lib/index.d.ts', path.join(packageRoot, 'dist', 'types'));

// The build's identity, for caches of results that depend on the kit's code (catalog validate --cache).
const dist = path.join(packageRoot, 'dist');
const digest = createHash('sha256');
const outputs = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.js')).map((e) => path.join(e.parentPath, e.name)).sort();
for (const file of outputs) digest.update(path.relative(dist, file)).update(readFileSync(file));
writeFileSync(path.join(dist, 'build-id.txt'), `${digest.digest('hex')}\n`);
