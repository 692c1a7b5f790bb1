import type { AppEntry, Catalog, Text } from '../catalog/types.js';
import type { LoadedRegion, Region } from '../region/types.js';
import { slugify } from '../text/suggest.js';
import { helpers, type Helpers } from './helpers.js';

/** What a template sees: the names listed in LOCALS (templates.ts). */
export interface Model {
  region: Region & { slug: string };
  app: Omit<AppEntry, 'file' | 'settings' | 'example' | 'requires' | 'template' | 'copyName' | 'sources' | 'illustrative' | 'usedBy'> & { ownerName: string };
  settings: Record<string, unknown>;
  services: { id: string; name: string; title: Text; description: Text; dimension: string; audience: string; url: string }[];
  attribution: Text;
  catalog: { id: string; version: string };
  /** Metadata for publiccode.yml and similar catalogues. */
  meta: Meta;
  h: Helpers;
}

export interface Meta {
  /** Where the copy's source code lives (region setting `sourceBaseUrl`, or a suggestion on the region's domain). */
  repository: string;
  landing: string;
  /** The original a copy derives from; empty for the origin itself. */
  basedOn: string[];
  usedBy: string[];
  license: string;
  shortDescription: Text;
  longDescription: Text;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

function meta(catalog: Catalog, region: Region, app: AppEntry, name: string): Meta {
  const isOrigin = region.code === catalog.origin.code;
  const base = region.sourceBaseUrl ?? `https://${region.domain}/kode-sumber`;
  const long = (lang: 'id' | 'en') => {
    const where = lang === 'id' ? `${name} untuk ${region.name}, ${region.province}.` : `${name} for ${region.name}, ${region.province}, Indonesia.`;
    const features = app.features[lang].join('; ');
    const text = `${where} ${app.description[lang]} ${features}.`;
    // The standard asks for at least 150 characters: a short entry gets who runs it and in which language.
    const more = lang === 'id' ? ` Dikelola oleh ${region.opd[app.owner]?.name ?? region.branding.displayName}; antarmuka dalam Bahasa Indonesia dan Inggris.` : ` Maintained by ${region.opd[app.owner]?.name ?? region.branding.displayName}; interface in Indonesian and English.`;
    return clip(text.length >= 150 ? text : text + more, 10_000);
  };
  return {
    repository: `${base.replace(/\/+$/, '')}/${slugify(region.name)}-${app.id}`,
    landing: `https://${app.id}.${region.domain}/`,
    // An illustrative entry is not based on any application of the origin's.
    basedOn: isOrigin || app.illustrative ? [] : [`https://${catalog.origin.domain}/`],
    usedBy: isOrigin ? (app.usedBy ?? []).map((u) => u.name) : [],
    license: catalog.license,
    shortDescription: { id: clip(`${app.title.id} — ${region.name}`, 150), en: clip(`${app.title.en} — ${region.name}`, 150) },
    longDescription: { id: long('id'), en: long('en') },
  };
}

export function copyName(app: AppEntry, region: Region): string {
  return app.copyName.replaceAll('{shortName}', region.branding.shortName);
}

export function buildModel(catalog: Catalog, loaded: LoadedRegion, app: AppEntry, run: readonly string[]): Model {
  const { region } = loaded;
  const branding = { ...region.branding };
  if (loaded.logo) branding.logo = loaded.logo.name;
  else delete branding.logo;
  const fill = (text: string) =>
    text.replaceAll('{app}', app.name).replaceAll('{origin}', catalog.origin.name).replaceAll('{code}', catalog.origin.code);
  return {
    region: { ...region, branding, slug: loaded.slug },
    app: {
      id: app.id,
      name: copyName(app, region),
      title: app.title,
      version: app.version,
      dimension: app.dimension,
      audience: app.audience,
      owner: app.owner,
      status: app.status,
      ownerName: region.opd[app.owner]?.name ?? '',
      description: app.description,
      features: app.features,
    },
    settings: region.apps[app.id] ?? {},
    services: run.map((id) => {
      const entry = catalog.apps.get(id) as AppEntry;
      return { id, name: copyName(entry, region), title: entry.title, description: entry.description, dimension: entry.dimension, audience: entry.audience, url: `https://${id}.${region.domain}/` };
    }),
    attribution: ((text) => ({ id: fill(text.id), en: fill(text.en) }))((app.illustrative && catalog.attributionIllustrative) || catalog.attribution),
    catalog: { id: catalog.id, version: catalog.version },
    meta: meta(catalog, region, app, copyName(app, region)),
    h: helpers,
  };
}
