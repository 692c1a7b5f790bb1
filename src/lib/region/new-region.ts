import { stringify } from 'yaml';
import type { Catalog } from '../catalog/types.js';
import { UsageError } from '../errors.js';
import type { UiKey } from '../i18n/index.js';
import { describeRegion, findRegions, official, suggestedDomain, type OfficialRegion } from './official.js';

/** What a person must say about their region beyond the official data; each has an example default. */
export const REGION_QUESTIONS = ['email', 'phone', 'address', 'communication', 'civilService'] as const;
export type RegionAnswers = Record<(typeof REGION_QUESTIONS)[number], string>;
/** The interface text that asks each question. */
export const REGION_PROMPTS: Record<keyof RegionAnswers, UiKey> = { email: 'promptEmail', phone: 'promptPhone', address: 'promptAddress', communication: 'promptCommunication', civilService: 'promptCivilService' };

/** The official region a --code or --name means; an unknown or ambiguous one is a usage error listing choices. */
export function resolveRegion(query: { code?: string; name?: string }): OfficialRegion | OfficialRegion[] {
  if (query.code) {
    const found = official().regions.get(query.code.trim());
    if (!found) throw new UsageError({ key: 'region.unknownCode', params: { code: query.code } });
    return found;
  }
  const { matches, suggestions } = findRegions(query.name ?? '');
  if (matches.length === 1) return matches[0] as OfficialRegion;
  if (matches.length > 1) return matches;
  throw new UsageError({ key: 'region.notFound', params: { query: query.name ?? '', suggestions: suggestions.map((r) => `"${r.name}"`).join(' or ') || undefined } });
}

export function ambiguous(query: string, candidates: OfficialRegion[]): UsageError {
  return new UsageError({
    key: 'region.ambiguous',
    params: { query, count: candidates.length, candidates: candidates.map(describeRegion).join('; '), first: candidates[0]?.code ?? '' },
  });
}

export function exampleAnswers(region: OfficialRegion): RegionAnswers {
  return {
    email: `diskominfo@${suggestedDomain(region)}`,
    phone: '+62 000 000000',
    address: `Alamat kantor (contoh), ${region.name}, ${region.province}`,
    communication: 'Dinas Komunikasi dan Informatika',
    civilService: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  };
}

/** Offices most regions have, under their usual names; applications route work to them (names vary: review). */
const COMMON_OPD = {
  publicWorks: { name: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
  health: { name: 'Dinas Kesehatan' },
  environment: { name: 'Dinas Lingkungan Hidup' },
  population: { name: 'Dinas Kependudukan dan Pencatatan Sipil' },
  fireRescue: { name: 'Dinas Pemadam Kebakaran dan Penyelamatan' },
  disaster: { name: 'Badan Penanggulangan Bencana Daerah' },
  investment: { name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu' },
  subdistrict: { name: 'Kantor Kecamatan' },
};

const ILLUSTRATIVE: Record<keyof RegionAnswers, string> = {
  email: '/contacts/email', phone: '/contacts/phone', address: '/contacts/address', communication: '/opd/communication', civilService: '/opd/civilService',
};

/**
 * A region settings file prefilled from the official data (name, kind, province, time zone from the province,
 * a suggested go.id domain) and the answers; every answer left at its example is listed as illustrative.
 */
/** The settings a new region file holds: official facts, the answers given, and examples for the rest. */
export function regionSettings(region: OfficialRegion, catalog: Catalog, answers: Partial<RegionAnswers>): Record<string, unknown> {
  const examples = exampleAnswers(region);
  const value = (key: keyof RegionAnswers) => answers[key]?.trim() || examples[key];
  const domain = suggestedDomain(region);
  return {
    code: region.code,
    name: region.name,
    kind: region.kind,
    province: region.province,
    timeZone: catalog.timeZones.get(region.provinceCode) ?? 'Asia/Jakarta',
    domain,
    locale: 'id-ID',
    branding: { displayName: `Pemerintah ${region.name}`, shortName: region.name.replace(/^(Kota|Kabupaten)( Administrasi)? /, '') },
    contacts: {
      email: value('email'),
      phone: value('phone'),
      address: value('address'),
      website: `https://${domain}`,
      emergency: [
        { label: { id: 'Panggilan Darurat', en: 'Emergency Call' }, number: '112' },
        { label: { id: 'Polisi', en: 'Police' }, number: '110' },
        { label: { id: 'Pemadam Kebakaran', en: 'Fire Brigade' }, number: '113' },
        { label: { id: 'Ambulans', en: 'Ambulance' }, number: '118' },
      ],
    },
    opd: { communication: { name: value('communication') }, civilService: { name: value('civilService') }, ...COMMON_OPD },
    apps: {},
    illustrative: [
      '/domain', '/contacts/website',
      ...REGION_QUESTIONS.filter((k) => !answers[k]?.trim()).map((k) => ILLUSTRATIVE[k]),
      ...Object.keys(COMMON_OPD).map((k) => `/opd/${k}`),
    ],
  };
}

/** The new file's text; `schemaPath` leads from where it is written to the schema an editor checks it against. */
export function regionFileText(region: OfficialRegion, catalog: Catalog, answers: Partial<RegionAnswers>, schemaPath: string): string {
  const settings = regionSettings(region, catalog, answers);
  return [
    `# yaml-language-server: $schema=${schemaPath}`,
    `# ${region.name} (${region.code}, ${region.province}): code, name, kind and province from the official Kemendagri`,
    '# list (idn-area-data, data under the Open Database License); the time zone follows the province.',
    '# The values listed under `illustrative` are suggestions or examples: replace them with the region\'s own.',
    stringify(settings, { lineWidth: 0 }),
  ].join('\n');
}
