import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalog } from '../lib/catalog/load.js';
import { buildModel } from '../lib/plan/model.js';
import { planRun } from '../lib/plan/plan.js';
import { chain, templateFiles } from '../lib/plan/templates.js';
import { loadRegion, regionFromSource } from '../lib/region/load.js';
import { allRegencies } from '../lib/check/matrix.js';
import { withRequirements } from '../lib/catalog/graph.js';
import type { AppEntry } from '../lib/catalog/types.js';
import { packageRoot } from '../lib/paths.js';
import { isKitRecord } from '../lib/copy/manifest.js';

/**
 * The baseline script for P1: renders the app's template files with ejs alone (model precomputed, no
 * validation, no conflict checks) and writes them — the least any generator must do.
 */
export async function renderBaseline(regionFile: string, appId: string): Promise<string> {
  const catalog = await loadCatalog();
  const region = await loadRegion(regionFile, catalog, [appId]);
  const app = catalog.apps.get(appId) as AppEntry;
  const { h: _h, ...model } = buildModel(catalog, region, app, [appId]);
  const files = templateFiles(app.template, catalog.templatesDir).map((f) => ({ out: f.out, source: f.source, ejs: Boolean(f.render) }));
  const lib = (p: string) => JSON.stringify(path.join(packageRoot, p));
  const layers = chain(app.template, catalog.templatesDir).reverse();
  return `import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ejs from ${lib('node_modules/ejs/lib/esm/ejs.js')};
import { helpers } from ${lib('build/lib/plan/helpers.js')};
const model = { ...${JSON.stringify(model)}, h: helpers };
for (const f of ${JSON.stringify(files)}) {
  const target = join('out', ${JSON.stringify(appId)}, f.out);
  mkdirSync(dirname(target), { recursive: true });
  const text = readFileSync(f.source, 'utf8');
  // Partials (include('@name')) are looked up in the template's layers, most specific first.
  const includer = (name, resolved) => name.startsWith('@') ? { filename: ${JSON.stringify(layers)}.map((d) => join(d, '_partials', name.slice(1))).find((p) => existsSync(p)) } : { filename: resolved };
  writeFileSync(target, f.ejs ? ejs.render(text, model, { filename: f.source, localsName: 'it', _with: false, strict: true, destructuredLocals: Object.keys(model), escape: (v) => String(v), includer }) : text);
}
`;
}

/** Files per second: the kit's plan against the same compiled template functions called on plain data. */
export async function planThroughput(seconds = 1): Promise<{ kitFilesPerSecond: number; rawFilesPerSecond: number; files: number }> {
  const catalog = await loadCatalog();
  const ids = [...catalog.apps.keys()];
  const regions = await Promise.all(['kota-gorontalo', 'kabupaten-banjar'].map((r) => loadRegion(path.join(catalog.dir, 'regions', `${r}.yaml`), catalog, ids)));
  const kitRound = () => regions.reduce((n, region) => n + planRun(catalog, region, ids).copies.reduce((m, c) => m + c.files.filter((f) => !isKitRecord(f.path)).length, 0), 0);
  const rawInputs = regions.flatMap((region) => ids.map((id) => {
    const app = catalog.apps.get(id) as AppEntry;
    return { model: buildModel(catalog, region, app, ids), files: templateFiles(app.template, catalog.templatesDir) };
  }));
  const rawRound = () => {
    let n = 0;
    for (const { model, files } of rawInputs) for (const f of files) {
      if (f.render) f.render(model);
      n++;
    }
    return n;
  };
  const rate = (round: () => number) => {
    round();
    let files = 0;
    const start = performance.now();
    while (performance.now() - start < seconds * 1000) files += round();
    return files / ((performance.now() - start) / 1000);
  };
  return { rawFilesPerSecond: rate(rawRound), kitFilesPerSecond: rate(kitRound), files: kitRound() };
}

/**
 * P2's baseline: the same compiled templates called directly, with ejs alone, on the same data as
 * `check --all-regencies` — every app for all 514 regions, each model prepared beforehand (untimed).
 */
export async function rawMatrixRate(): Promise<{ filesPerSecond: number; files: number; cases: number }> {
  const catalog = await loadCatalog();
  const inputs = [];
  for (const input of allRegencies(catalog)) {
    const source = await input.source();
    for (const app of catalog.apps.values()) {
      const { ids } = withRequirements(catalog.apps, [app.id]);
      const loaded = await regionFromSource({ ...source, data: structuredClone(source.data) }, input.dir, catalog, ids);
      inputs.push({ model: buildModel(catalog, loaded, app, ids), files: templateFiles(app.template, catalog.templatesDir) });
    }
  }
  let files = 0;
  const start = performance.now();
  for (const { model, files: templates } of inputs) for (const f of templates) {
    if (f.render) f.render(model);
    files++;
  }
  return { filesPerSecond: files / ((performance.now() - start) / 1000), files, cases: inputs.length };
}
