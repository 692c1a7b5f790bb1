import { templateFileHashes } from '../plan/templates.js';
import { compareVersions } from '../update/copy-state.js';
import type { Catalog } from './types.js';

export type Bump = 'none' | 'patch' | 'minor' | 'major';
export const BUMPS: Bump[] = ['none', 'patch', 'minor', 'major'];

export interface Change {
  app: string;
  bump: Exclude<Bump, 'none'>;
  what: string;
}

type Schema = { properties?: Record<string, Schema & { default?: unknown }>; required?: string[] };

/**
 * What changed between two catalogues and the semver bump each change needs: a removed app, a removed setting
 * or a new required setting without a default breaks existing region files (major); a new app or optional
 * setting is a feature (minor); anything else in an entry or its template files is a patch.
 */
export async function diffCatalogs(before: Catalog, after: Catalog): Promise<Change[]> {
  const changes: Change[] = [];
  for (const id of before.apps.keys()) if (!after.apps.has(id)) changes.push({ app: id, bump: 'major', what: 'application removed' });
  for (const [id, app] of after.apps) {
    const old = before.apps.get(id);
    if (!old) {
      changes.push({ app: id, bump: 'minor', what: 'application added' });
      continue;
    }
    changes.push(...settingsChanges(id, old.settings as Schema, app.settings as Schema));
    const { file: _a, version: _v, ...meta } = app;
    const { file: _b, version: _w, ...oldMeta } = old;
    if (JSON.stringify(meta) !== JSON.stringify(oldMeta) && !changes.some((c) => c.app === id)) changes.push({ app: id, bump: 'patch', what: 'catalogue entry changed' });
    if (JSON.stringify(templateFileHashes(old.template, before.templatesDir)) !== JSON.stringify(templateFileHashes(app.template, after.templatesDir))) changes.push({ app: id, bump: 'patch', what: `template ${app.template} changed` });
  }
  return changes;
}

function settingsChanges(app: string, before: Schema, after: Schema, prefix = ''): Change[] {
  const changes: Change[] = [];
  const was = before.properties ?? {};
  const now = after.properties ?? {};
  for (const key of Object.keys(was)) if (!(key in now)) changes.push({ app, bump: 'major', what: `setting ${prefix}${key} removed` });
  for (const [key, schema] of Object.entries(now)) {
    const required = (after.required ?? []).includes(key) && schema.default === undefined;
    if (!(key in was)) changes.push({ app, bump: required ? 'major' : 'minor', what: `${required ? 'required' : 'optional'} setting ${prefix}${key} added` });
    else if (required && !(before.required ?? []).includes(key)) changes.push({ app, bump: 'major', what: `setting ${prefix}${key} made required` });
    else if (JSON.stringify(schema) !== JSON.stringify(was[key])) changes.push({ app, bump: 'patch', what: `setting ${prefix}${key} changed` });
  }
  return changes;
}

export function requiredBump(changes: Change[]): Bump {
  return changes.reduce<Bump>((max, c) => (BUMPS.indexOf(c.bump) > BUMPS.indexOf(max) ? c.bump : max), 'none');
}

/** The bump between two versions (1.2.3 → 1.3.0 is minor). */
export function actualBump(from: string, to: string): Bump {
  const [a, b] = [from, to].map((v) => v.split('.').map(Number));
  if (compareVersions(to, from) <= 0) return 'none';
  if ((b?.[0] ?? 0) > (a?.[0] ?? 0)) return 'major';
  if ((b?.[1] ?? 0) > (a?.[1] ?? 0)) return 'minor';
  return 'patch';
}

export function bumpVersion(version: string, bump: Bump): string {
  const [major = 0, minor = 0, patch = 0] = version.split(/[.-]/).map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  return version;
}
