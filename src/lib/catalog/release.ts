import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { forgetCaches } from '../caches.js';
import { sha256 } from '../copy/manifest.js';
import { UserError } from '../errors.js';
import { catalogIndex, indexText } from './catalog-index.js';
import { actualBump, BUMPS, bumpVersion, diffCatalogs, requiredBump, type Bump, type Change } from './diff.js';
import { loadCatalog } from './load.js';
import { validateCatalog } from './validate.js';

export { catalogIndex, indexText, type CatalogIndex } from './catalog-index.js';

export interface Release {
  version: string;
  changes: Change[];
  index: string;
  /** The sha256 of the index written: the value that pins this release. */
  sha256: string;
}

const bigger = (a: Bump, b: Bump) => BUMPS.indexOf(a) > BUMPS.indexOf(b);

/**
 * Publishes a catalogue: compares it with the previous release, refuses a bump smaller than its changes need
 * (naming them), refuses a catalogue that does not validate, then sets the versions, adds the CHANGELOG entry
 * and writes dist/catalog.json — the sha256 of every file of the catalogue and its templates, and every entry.
 */
export async function releaseCatalog(dir: string, previousDir: string, bump?: Bump, date = new Date().toISOString().slice(0, 10)): Promise<Release> {
  const before = await loadCatalog(previousDir);
  const after = await loadCatalog(dir);
  const changes = await diffCatalogs(before, after);
  const required = requiredBump(changes);
  if (required === 'none') throw new UserError({ key: 'release.nothing', params: { version: before.version } });
  const chosen = bump ?? required;
  if (bigger(required, chosen)) {
    const reasons = changes.filter((c) => c.bump === required).map((c) => `${c.app}: ${c.what}`).join('; ');
    throw new UserError({ key: 'release.tooSmall', params: { bump: chosen, required, reasons }, file: after.file });
  }
  const { problems } = await validateCatalog(dir);
  if (problems.length > 0) throw new UserError(problems);

  const version = bumpVersion(before.version, chosen);
  await setVersion(after.file, version);
  for (const id of new Set(changes.map((c) => c.app))) {
    const app = after.apps.get(id);
    const old = before.apps.get(id);
    if (!app) continue;
    const need = requiredBump(changes.filter((c) => c.app === id));
    const target = old ? bumpVersion(old.version, need) : app.version;
    if (old && bigger(need, actualBump(old.version, app.version))) await setVersion(app.file, target);
  }
  const changelog = path.join(after.dir, 'CHANGELOG.md');
  const previous = await readFile(changelog, 'utf8').catch(() => '# Changelog\n');
  const entry = [`## ${version} — ${date}`, '', ...changes.map((c) => `- ${c.app}: ${c.what} (${c.bump})`), ''].join('\n');
  await writeFile(changelog, previous.replace(/^# Changelog\n/, `# Changelog\n\n${entry}`));
  forgetCaches();
  const index = path.join(after.dir, '..', 'dist', 'catalog.json');
  await mkdir(path.dirname(index), { recursive: true });
  const text = indexText(await catalogIndex(await loadCatalog(dir)));
  await writeFile(index, text);
  return { version, changes, index, sha256: sha256(text) };
}

async function setVersion(file: string, version: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/^version: .*$/m, `version: ${version}`));
}
