import { readFile, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { writeRun } from '../../src/lib/copy/write.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { regions } from './cli.js';
import { tree } from './tree.js';

export const gorontalo = path.join(regions, 'kota-gorontalo.yaml');

/** Makes a copy's manifest say it was generated from an older catalogue; returns the manifest's path. */
export async function fromOlderCatalogue(copy: string, version = '0.9.0'): Promise<string> {
  const manifestFile = path.join(copy, '.yo-rc.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  manifest['generator-replika'].catalog.version = version;
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifestFile;
}

/** A region folder holding Gorontalo's settings as r.yaml (its phone changed, a logo named) and the files given. */
export async function regionDir(files: Record<string, string> = {}, change: { phone?: string; logo?: string } = {}): Promise<string> {
  let text = await readFile(gorontalo, 'utf8');
  if (change.logo) text = text.replace('  shortName: Gorontalo\n', `  shortName: Gorontalo\n  logo: ${change.logo}\n`);
  if (change.phone) text = text.replace('+62 435 000000', change.phone);
  return tree({ 'r.yaml': text, ...files });
}

/** LAKSA for Kota Gorontalo written with the bundled catalogue into a fresh folder, beside an `outside` folder. */
export async function laksaCopy(): Promise<{ copy: string; outside: string }> {
  const catalog = await loadCatalog();
  const region = await loadRegion(gorontalo, catalog, ['laksa']);
  const dir = await tree({ 'outside/keep.txt': 'outside' });
  await writeRun(planRun(catalog, region, ['laksa']), { destination: path.join(dir, 'out') });
  return { copy: path.join(dir, 'out', 'laksa'), outside: path.join(dir, 'outside') };
}

/** Moves a file or folder of the copy outside it and leaves a symbolic link in its place. */
export async function linkOut(copy: string, outside: string, name: string): Promise<void> {
  await rename(path.join(copy, name), path.join(outside, name));
  await symlink(path.join(outside, name), path.join(copy, name));
}
