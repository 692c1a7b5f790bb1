import type { AppEntry, Catalog, Origin, Text } from '../catalog/types.js';
import type { Region } from '../region/types.js';
import { slugify } from '../text/suggest.js';

/** The publiccode.yml standard version the kit writes; the schema and the template follow its keys. */
export const PUBLICCODE_VERSION = '0.7';

/** Metadata for publiccode.yml and similar catalogues. */
export interface Meta {
  /** Where the copy's source code lives (region setting `sourceBaseUrl`, or a suggestion on the region's domain). */
  repository: string;
  landing: string;
  /** The `url` of the original a copy derives from (what the origin's own publiccode.yml declares); empty for the origin. */
  basedOn: string[];
  usedBy: string[];
  license: string;
  shortDescription: Text;
  longDescription: Text;
}

/** Where an application's code lives for a region: under its `sourceBaseUrl`, else a suggestion on its domain. */
export function repositoryUrl(region: Pick<Origin, 'name' | 'domain' | 'sourceBaseUrl'>, appId: string): string {
  const base = region.sourceBaseUrl ?? `https://${region.domain}/kode-sumber`;
  return `${base.replace(/\/+$/, '')}/${slugify(region.name)}-${appId}`;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export function publiccodeMeta(catalog: Catalog, region: Region, app: AppEntry, name: string): Meta {
  const isOrigin = region.code === catalog.origin.code;
  const long = (lang: 'id' | 'en') => {
    const where = lang === 'id' ? `${name} untuk ${region.name}, ${region.province}.` : `${name} for ${region.name}, ${region.province}, Indonesia.`;
    const text = `${where} ${app.description[lang]} ${app.features[lang].join('; ')}.`;
    // The standard asks for at least 150 characters: a short entry gets who runs it and in which language.
    const more = lang === 'id' ? ` Dikelola oleh ${region.opd[app.owner]?.name ?? region.branding.displayName}; antarmuka dalam Bahasa Indonesia dan Inggris.` : ` Maintained by ${region.opd[app.owner]?.name ?? region.branding.displayName}; interface in Indonesian and English.`;
    return clip(text.length >= 150 ? text : text + more, 10_000);
  };
  // An illustrative entry is not based on any application of the origin's.
  const basedOn = isOrigin || app.illustrative ? [] : [repositoryUrl(catalog.origin, app.id)];
  return {
    repository: repositoryUrl(region, app.id),
    landing: `https://${app.id}.${region.domain}/`,
    basedOn,
    usedBy: isOrigin ? (app.usedBy ?? []).map((u) => u.name) : [],
    license: catalog.license,
    shortDescription: { id: clip(`${app.title.id} — ${region.name}`, 150), en: clip(`${app.title.en} — ${region.name}`, 150) },
    longDescription: { id: long('id'), en: long('en') },
  };
}
