import { withRequirements } from '../catalog/graph.js';
import type { AppEntry, Catalog } from '../catalog/types.js';
import { UserError, type Problem } from '../errors.js';
import { BASE_FILE, baseFile, generatorInfo, manifestFile, MANIFEST_FILE, sha256, type Manifest } from '../copy/manifest.js';
import type { LoadedRegion } from '../region/types.js';
import { buildModel } from './model.js';
import { pathProblems } from './safe-path.js';
import { strictLocals } from './strict.js';
import { templateError, templateFiles } from './templates.js';

export interface PlannedFile {
  readonly path: string;
  readonly contents: Buffer;
  /** The contents as text, when the file was rendered (checks read it without decoding the bytes again). */
  readonly text?: string;
}

/** A rendered file: its bytes (and, given a function, its text) are made only when something reads them. */
class RenderedFile implements PlannedFile {
  #contents?: Buffer;
  #text: string | (() => string);
  constructor(readonly path: string, text: string | (() => string)) {
    this.#text = text;
  }
  get text(): string {
    if (typeof this.#text !== 'string') this.#text = this.#text();
    return this.#text;
  }
  get contents(): Buffer {
    return (this.#contents ??= Buffer.from(this.text));
  }
}

const staticText = new WeakMap<Buffer, string>();
/** A planned file's text: rendered text as it is, static bytes decoded once per process. */
export function fileText(file: PlannedFile): string {
  if (file.text !== undefined) return file.text;
  let text = staticText.get(file.contents);
  if (text === undefined) staticText.set(file.contents, (text = file.contents.toString('utf8')));
  return text;
}

export interface CopyPlan {
  app: string;
  /** Folder of the copy, relative to the destination. */
  dir: string;
  /** Every file of the copy, the manifest last. */
  files: PlannedFile[];
  manifest: Manifest;
}

export interface RunPlan {
  apps: string[];
  added: { app: string; by: string }[];
  copies: CopyPlan[];
}

/**
 * Renders every chosen app (and what it requires) for a region into memory. Pure: same inputs, same bytes;
 * nothing touches the destination. All template and path problems are collected before failing.
 */
export function planRun(catalog: Catalog, loaded: LoadedRegion, chosen: readonly string[]): RunPlan {
  const { ids, added } = withRequirements(catalog.apps, chosen);
  const problems: Problem[] = [];
  const copies: CopyPlan[] = [];
  for (const id of ids) {
    try {
      copies.push(planCopy(catalog, loaded, catalog.apps.get(id) as AppEntry, ids));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new UserError(problems);
  return { apps: ids, added, copies };
}

export function planCopy(catalog: Catalog, loaded: LoadedRegion, app: AppEntry, run: readonly string[]): CopyPlan {
  const model = strictLocals(buildModel(catalog, loaded, app, run));
  const files: PlannedFile[] = [];
  const problems: Problem[] = [];
  for (const file of templateFiles(app.template, catalog.templatesDir)) {
    if (file.contents) {
      files.push({ path: file.out, contents: file.contents });
      continue;
    }
    try {
      files.push(new RenderedFile(file.out, (file.render as (m: unknown) => string)(model)));
    } catch (error) {
      const mapped = templateError(error, file.source);
      if (!(mapped instanceof UserError)) throw mapped;
      problems.push(...mapped.problems);
    }
  }
  if (loaded.logo) files.push({ path: `public/${loaded.logo.name}`, contents: loaded.logo.contents });
  problems.push(...pathProblems(files.map((f) => f.path), app.file));
  if (problems.length > 0) throw new UserError(problems);

  const { apps, ...region } = loaded.region;
  const generated = [...files];
  let hashes: Manifest['files'] | undefined;
  const manifest = {
    generator: generatorInfo(),
    catalog: { id: catalog.id, version: catalog.version },
    app: { id: app.id, version: app.version, template: app.template },
    region: { code: region.code, name: region.name },
    services: [...run],
    settings: { ...region, apps: { [app.id]: apps[app.id] ?? {} } },
    // Hashed when first read (writing, updating), not for a check that only renders in memory.
    get files() {
      return (hashes ??= Object.fromEntries(generated.map((f) => [f.path, sha256(f.contents)])));
    },
  } satisfies Manifest;
  // The base snapshot and the manifest come last, so a write that stops early never claims more than it did.
  files.push(new RenderedFile(BASE_FILE, () => baseFile(generated)));
  files.push(new RenderedFile(MANIFEST_FILE, () => manifestFile(manifest)));
  return { app: app.id, dir: app.id, files, manifest };
}
