import type { Catalog } from '../catalog/types.js';
import type { Problem } from '../errors.js';
import type { Source } from '../yaml/source.js';
import { official } from './official.js';

const PREFIX = { kota: 'Kota ', kabupaten: 'Kabupaten ' } as const;

/**
 * Rules across fields that a schema cannot state: the code is an official one (Kemendagri, 514 regencies and
 * cities), name and province are the official ones for it, the kind agrees (RR ≥ 71 is a kota), and the time zone
 * is the province's. A rule is skipped when a field it reads already has a schema problem.
 */
export function regionRules(source: Source, catalog: Catalog, already: readonly Problem[]): Problem[] {
  const data = source.data as Record<string, unknown>;
  const broken = new Set(already.map((p) => p.pointer?.split('/')[1]));
  const usable = (...fields: string[]) => fields.every((f) => typeof data[f] === 'string' && !broken.has(f));
  const at = (field: string) => ({ file: source.file, pointer: `/${field}`, ...source.locate(`/${field}`) });
  const problems: Problem[] = [];
  const code = String(data.code);
  const fromCode = usable('code') ? (Number(code.slice(3)) >= 71 ? 'kota' : 'kabupaten') : undefined;
  if (fromCode && usable('kind') && data.kind !== fromCode) {
    problems.push({ key: 'region.kindCode', params: { kind: String(data.kind), code, expected: fromCode }, ...at('kind') });
  }
  const known = usable('code') ? official().regions.get(code) : undefined;
  if (usable('code') && !known) problems.push({ key: 'region.unknownCode', params: { code }, ...at('code') });
  if (known && usable('name') && String(data.name).toLowerCase() !== known.name.toLowerCase()) {
    problems.push({ key: 'region.officialName', params: { name: String(data.name), code, expected: known.name }, ...at('name') });
  }
  if (known && usable('province') && String(data.province).toLowerCase() !== known.province.toLowerCase()) {
    problems.push({ key: 'region.province', params: { value: String(data.province), code, expected: known.province }, ...at('province') });
  }
  // Without an official entry, the name is held to the kind the code implies, so one wrong kind is not reported twice.
  const kind = fromCode ?? (usable('kind') ? (data.kind as keyof typeof PREFIX) : undefined);
  if (!known && kind && usable('name') && !String(data.name).startsWith(PREFIX[kind])) {
    problems.push({ key: 'region.nameKind', params: { name: String(data.name), kind, prefix: PREFIX[kind].trim() }, ...at('name') });
  }
  if (usable('code', 'timeZone')) {
    const province = code.slice(0, 2);
    const expected = catalog.timeZones.get(province);
    if (expected && expected !== data.timeZone) problems.push({ key: 'region.timeZone', params: { value: String(data.timeZone), province, expected }, ...at('timeZone') });
  }
  return problems;
}
