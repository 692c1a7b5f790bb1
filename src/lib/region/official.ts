import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { suggest } from '../text/suggest.js';

/**
 * The official list of Indonesia's 514 regencies and cities (Kemendagri codes) from the idn-area-data package
 * (data under the ODbL). Names there are upper case; here they are written as used in prose.
 */
export interface OfficialRegion {
  code: string;
  name: string;
  kind: 'kota' | 'kabupaten';
  provinceCode: string;
  province: string;
}

const UPPER = new Set(['DKI']);
let cache: { regions: Map<string, OfficialRegion>; provinces: Map<string, string> } | undefined;

function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word) => (UPPER.has(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(' ');
}

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
}

export function official(): { regions: Map<string, OfficialRegion>; provinces: Map<string, string> } {
  if (cache) return cache;
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
  const provinces = new Map(rows(path.join(dir, 'provinces.csv')).map(([code = '', name = '']) => [code, titleCase(name)]));
  const regions = new Map<string, OfficialRegion>();
  for (const [code = '', provinceCode = '', name = ''] of rows(path.join(dir, 'regencies.csv'))) {
    regions.set(code, { code, name: titleCase(name), kind: name.startsWith('KOTA') ? 'kota' : 'kabupaten', provinceCode, province: provinces.get(provinceCode) ?? provinceCode });
  }
  cache = { regions, provinces };
  return cache;
}

/** "Kabupaten"/"Kab."/"Kota" (and "Administrasi") at the start of a name: the kind the name asks for. */
const KIND_PREFIX = /^(kota|kabupaten|kab\.?)( administrasi)?\s+/;
const bare = (name: string) => name.toLowerCase().replace(KIND_PREFIX, '').trim();
const normal = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

function kindOf(query: string): OfficialRegion['kind'] | undefined {
  const prefix = KIND_PREFIX.exec(query)?.[1];
  return prefix === undefined ? undefined : prefix === 'kota' ? 'kota' : 'kabupaten';
}

/**
 * The regions a name means. The official name itself wins ("Kabupaten Banjar" is 63.03 alone); a name with its
 * kind ("Kab. Banjar") matches only regions of that kind; a bare name ("Banjar") matches every kind, so the
 * caller asks which. Failing all that, the closest official names are suggested.
 */
export function findRegions(query: string): { matches: OfficialRegion[]; suggestions: OfficialRegion[] } {
  const all = [...official().regions.values()];
  const q = normal(query);
  const exact = all.filter((r) => r.name.toLowerCase() === q);
  if (exact.length > 0) return { matches: exact, suggestions: [] };
  const kind = kindOf(q);
  const matches = all.filter((r) => bare(r.name) === bare(q) && (kind === undefined || r.kind === kind));
  if (matches.length > 0) return { matches, suggestions: [] };
  const closest = suggest(bare(q), new Set(all.map((r) => bare(r.name))));
  return { matches: [], suggestions: closest ? all.filter((r) => bare(r.name) === closest && (kind === undefined || r.kind === kind)) : [] };
}

export const describeRegion = (r: OfficialRegion) => `${r.code} ${r.name} (${r.province})`;

/** The go.id domain the naming convention suggests (Permenkominfo 28/2006): <name>kota.go.id or <name>kab.go.id. */
export function suggestedDomain(region: OfficialRegion): string {
  return `${bare(region.name).replace(/[^a-z0-9]/g, '')}${region.kind === 'kota' ? 'kota' : 'kab'}.go.id`;
}
