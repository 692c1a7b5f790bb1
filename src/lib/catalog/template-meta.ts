import path from 'node:path';
import { collecting, UserError, type Problem } from '../errors.js';
import { displayPath } from '../paths.js';
import { templateFolder } from '../plan/layers.js';
import { loadYamlFile, type Source } from '../yaml/source.js';
import type { AppEntry } from './types.js';

type Place = Omit<Problem, 'key'>;
const at = (source: Source, pointer: string): Place => ({ file: source.file, pointer, ...source.locate(pointer) });

/**
 * Every template an entry names, and every layer those extend: each a plain folder of templates/ (a name, not a
 * path, and not a link), each `_template.yaml` a mapping whose `extends` names another such folder, with no loop.
 * Each mistake is reported at its line before anything reads a layer, so that a malformed `extends` never makes
 * the kit read, hash or render a folder elsewhere on the machine.
 */
export async function checkTemplates(apps: Map<string, AppEntry>, sources: Map<string, Source>, templatesDir: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const pending: string[] = [];
  for (const app of apps.values()) {
    const found = templateFolder(templatesDir, app.template);
    if (found === 'folder') pending.push(app.template);
    else problems.push({ key: found === 'link' ? 'catalog.templateLink' : 'catalog.template', params: { value: app.template }, ...at(sources.get(app.id) as Source, '/template') });
  }
  // Each template folder read once: its name → the layer it extends, and where that is written.
  const bases = new Map<string, { base: string; place: Place }>();
  const read = new Set<string>();
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    if (read.has(name)) continue;
    read.add(name);
    const meta = await collecting(problems, () => readExtends(templatesDir, name));
    if (!meta) continue;
    const found = templateFolder(templatesDir, meta.base);
    if (found !== 'folder') {
      problems.push({ key: found === 'link' ? 'catalog.templateLink' : 'catalog.extends', params: { value: meta.base }, ...meta.place });
      continue;
    }
    bases.set(name, meta);
    pending.push(meta.base);
  }
  return [...problems, ...loops(bases)];
}

/** The `extends` of one template folder (undefined when it extends nothing); a value that is not a name is refused. */
async function readExtends(templatesDir: string, name: string): Promise<{ base: string; place: Place } | undefined> {
  const file = path.join(templatesDir, name, '_template.yaml');
  const source = await loadYamlFile(file, displayPath(file)).catch((error: unknown) => {
    if (error instanceof UserError && error.problems[0]?.key === 'file.notFound') return undefined;
    throw error;
  });
  // The loader has refused anything but a mapping (yaml.notMapping).
  const base = (source?.data as { extends?: unknown } | undefined)?.extends;
  if (!source || base === undefined) return undefined;
  const place = at(source, '/extends');
  // Not a string: reported as the name it cannot be (a layer is looked up only by a name).
  return { base: typeof base === 'string' ? base : JSON.stringify(base), place };
}

/** Each loop of `extends` once, at the `_template.yaml` of its first member by name. */
function loops(bases: Map<string, { base: string; place: Place }>): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const start of [...bases.keys()].sort()) {
    const trail = [start];
    for (let next = bases.get(start)?.base; next !== undefined && !trail.includes(next); next = bases.get(next)?.base) trail.push(next);
    const last = bases.get(trail.at(-1) as string)?.base;
    if (last === undefined) continue;
    const cycle = trail.slice(trail.indexOf(last));
    const first = [...cycle].sort()[0] as string;
    if (reported.has(first)) continue;
    reported.add(first);
    const from = cycle.indexOf(first);
    const ordered = [...cycle.slice(from), ...cycle.slice(0, from), first];
    problems.push({ key: 'catalog.extendsLoop', params: { chain: ordered.join(' → ') }, ...(bases.get(first) as { place: Place }).place });
  }
  return problems;
}
