import type { Problem } from '../errors.js';
import type { Source } from '../yaml/source.js';
import type { AppEntry } from './types.js';

/** `requires` must name catalogue apps and must not loop. */
export function checkGraph(apps: Map<string, AppEntry>, sources: Map<string, Source>): Problem[] {
  const problems: Problem[] = [];
  for (const app of apps.values()) {
    const source = sources.get(app.id) as Source;
    (app.requires ?? []).forEach((id, i) => {
      if (!apps.has(id)) problems.push({ key: 'catalog.requires', params: { value: id }, file: source.file, pointer: `/requires/${i}`, ...source.locate(`/requires/${i}`) });
    });
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done' || !apps.has(id)) return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      const key = [...cycle].sort().join();
      if (!reported.has(key)) {
        reported.add(key);
        const source = sources.get(id) as Source;
        problems.push({ key: 'catalog.cycle', params: { cycle: cycle.join(' → ') }, file: source.file, pointer: '/requires', ...source.locate('/requires') });
      }
      return;
    }
    state.set(id, 'visiting');
    for (const next of apps.get(id)?.requires ?? []) visit(next, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of apps.keys()) visit(id, []);
  return problems;
}

/** The apps to generate: the chosen ones plus everything they require, in a stable order, with why each was added. */
export function withRequirements(apps: Map<string, AppEntry>, chosen: readonly string[]): { ids: string[]; added: { app: string; by: string }[] } {
  const ids: string[] = [];
  const added: { app: string; by: string }[] = [];
  const add = (id: string, by?: string) => {
    if (ids.includes(id)) return;
    ids.push(id);
    if (by) added.push({ app: id, by });
    for (const next of apps.get(id)?.requires ?? []) add(next, id);
  };
  for (const id of chosen) add(id);
  return { ids, added: added.filter((a) => !chosen.includes(a.app)) };
}
