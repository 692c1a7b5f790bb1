export interface Text {
  id: string;
  en: string;
}

export interface AppEntry {
  id: string;
  name: string;
  copyName: string;
  title: Text;
  dimension: string;
  audience: 'public-service' | 'internal';
  owner: string;
  status: string;
  version: string;
  template: string;
  requires: string[];
  description: Text;
  features: { id: string[]; en: string[] };
  settings: Record<string, unknown>;
  example: Record<string, unknown>;
  sources?: string[];
  illustrative?: boolean;
  usedBy?: { code: string; name: string; source?: string }[];
  /** Settings changes between versions, applied by `replika update` to copies made before `version`. */
  migrations?: { version: string; rename?: Record<string, string> }[];
  /** Where the entry was read from. */
  file: string;
}

export interface Dimension {
  id: string;
  label: Text;
}

export interface Origin {
  /** The origin region's settings file. */
  file: string;
  code: string;
  name: string;
  domain: string;
  shortName: string;
  /** Where the origin publishes its applications' code, if its settings say (the base of publiccode.yml's url). */
  sourceBaseUrl?: string;
}

export interface Catalog {
  dir: string;
  /** The templates beside the catalogue folder (../templates). */
  templatesDir: string;
  file: string;
  id: string;
  name: string;
  version: string;
  publisher: string;
  attribution: Text;
  attributionIllustrative?: Text;
  license: string;
  dimensions: Dimension[];
  apps: Map<string, AppEntry>;
  origin: Origin;
  /** Province code (PP) → IANA time zone. */
  timeZones: Map<string, string>;
}
