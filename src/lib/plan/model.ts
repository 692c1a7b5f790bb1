import type { AppEntry, Catalog, Text } from '../catalog/types.js';
import type { LoadedRegion, Region } from '../region/types.js';
import { helpers, type Helpers } from './helpers.js';
import { publiccodeMeta, type Meta } from './publiccode-meta.js';

export type { Meta } from './publiccode-meta.js';

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
    meta: publiccodeMeta(catalog, region, app, copyName(app, region)),
    h: helpers,
  };
}
