import type { AppEntry, Catalog, Origin, Text } from '../catalog/types.js';
import type { Region } from '../region/types.js';
import { slugify } from '../text/suggest.js';

/** The publiccode.yml standard version the kit writes; the schema and the template follow its keys. */
export const PUBLICCODE_VERSION = '0.7';

/** Why a publiccode.yml value must be replaced before the file is published (a message key `publiccode.<reason>`). */
export type MarkReason = 'repository' | 'landing' | 'basedOn' | 'person' | 'officeContact' | 'illustrative';

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
  /** The technical contact: the standard asks for a person, which region settings do not name. */
  contact: { name: string; email: string; phone: string; affiliation: string };
  /** Fields (paths such as `maintenance.contacts[0].phone`) whose value is a suggestion or an example: the comment for its line. */
  marks: Record<string, string>;
}

/** Stands in for the maintainer's name until the region writes a person's. */
export const CONTACT_PLACEHOLDER = 'Nama Pengelola Teknis (CONTOH)';

const MARK = 'CONTOH / EXAMPLE';
/** The comment on a line whose value must be replaced; the bracket says why, for `publiccodeReminders` to read back. */
export const markComment = (reason: MarkReason, setting?: string) =>
  `${MARK} [${reason}${setting ? ` ${setting}` : ''}]: ganti sebelum dipublikasikan / replace before publishing`;
export const MARK_PATTERN = /^\s*CONTOH \/ EXAMPLE \[(\w+)(?: (\/\S*))?\]/;

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
    const more = lang === 'id' ? ` Dikelola oleh ${region.branding.displayName}; antarmuka dalam Bahasa Indonesia dan Inggris.` : ` Maintained by ${region.branding.displayName}; interface in Indonesian and English.`;
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
    contact: { name: CONTACT_PLACEHOLDER, email: region.contacts.email, phone: region.contacts.phone, affiliation: region.opd[app.owner]?.name ?? region.branding.displayName },
    marks: marks(catalog, region, app, basedOn.length > 0),
  };
}

/** Which values of the file are suggestions or examples, and why. */
function marks(catalog: Catalog, region: Region, app: AppEntry, basedOn: boolean): Record<string, string> {
  const listed = region.illustrative ?? [];
  const out: Record<string, string> = {};
  const mark = (field: string, reason: MarkReason, setting?: string) => (out[field] = markComment(reason, setting));
  // A value is illustrative when its setting or one above it is listed (`/opd/health` covers `/opd/health/name`).
  const from = (field: string, pointer: string, otherwise?: MarkReason) => {
    const entry = listed.find((p) => pointer === p || pointer.startsWith(`${p}/`));
    // The part of the fixed pointer the entry covers: nothing of the settings file is copied into the comment.
    if (entry !== undefined) mark(field, 'illustrative', pointer.slice(0, entry.length));
    else if (otherwise) mark(field, otherwise);
  };
  if (region.sourceBaseUrl === undefined) mark('url', 'repository');
  else from('url', '/sourceBaseUrl');
  mark('landingURL', 'landing');
  if (basedOn && catalog.origin.sourceBaseUrl === undefined) mark('isBasedOn', 'basedOn');
  from('organisation.uri', '/domain');
  from('organisation.name', '/branding/displayName');
  mark('maintenance.contacts[0].name', 'person');
  from('maintenance.contacts[0].email', '/contacts/email', 'officeContact');
  from('maintenance.contacts[0].phone', '/contacts/phone', 'officeContact');
  from('maintenance.contacts[0].affiliation', region.opd[app.owner] ? `/opd/${app.owner}/name` : '/branding/displayName');
  return out;
}
