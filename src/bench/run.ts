// `npm run bench`: whole-process and in-memory timings, each printed as a ratio to a baseline measured in the
// same run on the same machine. Nothing here is asserted: speed is read, not tested.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../lib/paths.js';
import { bigCatalog, updateTimes } from './catalog-work.js';
import { copyFigures, reachableServer } from './copies.js';
import { planThroughput, rawMatrixRate, renderBaseline } from './render.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// BENCH_ONLY=P1,P3 runs only those parts (all by default).
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const part = (name: string) => only.length === 0 || only.includes(name);
const bin = path.join(packageRoot, 'dist', 'bin', 'replika.js');
const region = path.join(packageRoot, 'catalog', 'regions', 'kota-gorontalo.yaml');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median wall time of a whole process, each run in a fresh temp folder, after one untimed run (disk caches). */
function processTime(args: string[]): number {
  const times: number[] = [];
  for (let i = -1; i < RUNS; i++) {
    const cwd = mkdtempSync(path.join(tmpdir(), 'replika-bench-'));
    const start = performance.now();
    execFileSync(process.execPath, args, { cwd, stdio: 'ignore' });
    if (i >= 0) times.push(performance.now() - start);
    rmSync(cwd, { recursive: true, force: true });
  }
  return median(times);
}

const row = (name: string, ms: number, base: number, baseName: string) =>
  console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms   ${(ms / base).toFixed(2).padStart(6)}× ${baseName}`);

const work = mkdtempSync(path.join(tmpdir(), 'replika-bench-scripts-'));
const viaYeoman = path.join(work, 'via-yeoman.mjs');
writeFileSync(viaYeoman, `import { createEnv } from ${JSON.stringify(path.join(packageRoot, 'node_modules', 'yeoman-environment', 'dist', 'index.js'))};
const env = createEnv();
env.register(${JSON.stringify(path.join(packageRoot, 'dist', 'generators', 'app', 'index.js'))}, { namespace: 'replika:app' });
await env.run(['replika:app'], { region: ${JSON.stringify(region)}, app: 'laksa', out: 'out', skipInstall: true, lang: 'en' });
`);
const rawEjs = path.join(work, 'raw-ejs.mjs');
writeFileSync(rawEjs, await renderBaseline(region, 'laksa'));

console.log(`Replika benchmarks (median of ${RUNS} runs, Node ${process.version})\n`);
const node = processTime(['-e', '']);
if (part('P1')) {
console.log('P1 — whole process, one app (LAKSA for Kota Gorontalo):');
const help = processTime([bin, '--help']);
const raw = processTime([rawEjs]);
const replika = processTime([bin, 'new', '--region', region, '--app', 'laksa', '--out', 'out', '--yes']);
const yeoman = processTime([viaYeoman]);
row('node -e "" (start-up floor)', node, node, 'node');
row('replika --help', help, node, 'node');
row('minimal ejs script writing the same files', raw, raw, 'raw ejs');
row('replika new --yes', replika, raw, 'raw ejs');
row('the same generator through yeoman-environment', yeoman, yeoman, 'yeoman');
row('replika new --yes', replika, yeoman, 'yeoman (target ≤ 0.20×)');
}

if (part('P2')) {
console.log('\nP2 — in-memory rendering, every app × bundled adopting regions:');
const { kitFilesPerSecond, rawFilesPerSecond, files } = await planThroughput();
console.log(`${'raw compiled EJS (same templates, same data)'.padEnd(44)} ${Math.round(rawFilesPerSecond).toString().padStart(8)} files/s`);
console.log(`${'replika plan (strict data, paths, manifest)'.padEnd(44)} ${Math.round(kitFilesPerSecond).toString().padStart(8)} files/s   ${(kitFilesPerSecond / rawFilesPerSecond).toFixed(2)}× raw (${files} files a round)`);

console.log('\nP2 — replika check --all-regencies (whole process, one run):');
const matrix = await rawMatrixRate();
console.log(`${'raw compiled EJS, the same 7,196 cases'.padEnd(44)} ${Math.round(matrix.filesPerSecond).toString().padStart(8)} files/s   (${matrix.files} files; models prepared untimed)`);
const checkStart = performance.now();
const checkOut = execFileSync(process.execPath, [bin, 'check', '--all-regencies', '--lang', 'en'], { encoding: 'utf8', maxBuffer: 1 << 26 });
const checkMs = performance.now() - checkStart;
const renderedFiles = Number(/(\d+) files rendered/.exec(checkOut)?.[1] ?? 0);
const checkRate = renderedFiles / (checkMs / 1000);
console.log(`${'check --all-regencies'.padEnd(44)} ${(checkMs / 1000).toFixed(1).padStart(8)} s    ${Math.round(checkRate)} files/s   ${(checkRate / matrix.filesPerSecond).toFixed(2)}× raw EJS on the same cases, ${(checkRate / rawFilesPerSecond).toFixed(2)}× the 28-case loop (target < 60 s, ≥ 0.50×)`);
}

if (part('P3')) {
console.log('\nP3 — catalog validate, 250 applications (whole process):');
const big = await bigCatalog(250);
const p3 = processTime([bin, 'catalog', 'validate', path.join(big, 'catalog'), '--trust']);
row('catalog validate (250 apps × 4 region files)', p3, node, 'node (target < 500 ms)');
// The maintainer's loop: one entry edited, then validate --cache (the other 249 entries come from the cache).
const cacheFile = path.join(big, 'validate-cache.json');
const args = [bin, 'catalog', 'validate', path.join(big, 'catalog'), '--trust', '--cache-location', cacheFile];
execFileSync(process.execPath, args, { stdio: 'ignore' });
const edits: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const entry = path.join(big, 'catalog', 'apps', `app-${i}.yaml`);
  writeFileSync(entry, readFileSync(entry, 'utf8').replace(/^name: (.*)$/m, `name: $1 ${i}`));
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  edits.push(performance.now() - start);
}
row('  after editing one entry, with --cache', median(edits), node, 'node (target < 500 ms)');
rmSync(big, { recursive: true, force: true });
}

if (part('P4')) {
console.log('\nP4 — update of a 200-file copy (in process):');
const p4 = await updateTimes(200);
row(`update (${p4.count} files, a quarter changed)`, p4.update, p4.fresh, 'writing it fresh (target < 1000 ms)');
}

if (part('P5')) {
console.log('\nP5 — a LAKSA copy on its database (1,000 submissions over HTTP, 4 clients; lookups one at a time):');
const server = await reachableServer();
for (const f of await copyFigures(server)) {
  const rate = (value: number) => `${Math.round(value).toString().padStart(8)} /s`;
  console.log(`${`${f.mode}: submissions, empty store`.padEnd(44)} ${rate(f.emptyPerSecond)}${f.mode === 'embedded' ? '   (target ≥ 200/s)' : ''}`);
  console.log(`${`${f.mode}: submissions, ${f.stored.toLocaleString('en')} stored`.padEnd(44)} ${rate(f.fullPerSecond)}   ${(f.fullPerSecond / f.emptyPerSecond).toFixed(2)}× empty (target ≥ 0.80×)`);
  console.log(`${`${f.mode}: lookup by ticket at ${f.stored.toLocaleString('en')}, p95`.padEnd(44)} ${f.lookupP95Ms.toFixed(2).padStart(8)} ms   (target ≤ 20 ms)`);
}
if (!server) console.log('server: no PostgreSQL server reachable (set BENCH_DATABASE_URL or DATABASE_URL) — measured embedded only');
}

rmSync(work, { recursive: true, force: true });
