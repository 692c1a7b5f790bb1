import type { Text } from '../catalog/types.js';

export interface EmergencyNumber {
  label: Text;
  number: string;
  opd?: string;
}

export interface Region {
  code: string;
  name: string;
  kind: 'kota' | 'kabupaten';
  province: string;
  timeZone: string;
  domain: string;
  locale: string;
  branding: { displayName: string; shortName: string; colors: { primary: string; accent: string }; logo?: string };
  contacts: { email: string; phone: string; address: string; website?: string; emergency: EmergencyNumber[] };
  opd: Record<string, { name: string; abbreviation?: string }>;
  sourceBaseUrl?: string;
  apps: Record<string, Record<string, unknown>>;
  sources?: string[];
  illustrative?: string[];
}

/** Validated settings with defaults applied, ready for planning. */
export interface LoadedRegion {
  file: string;
  region: Region;
  slug: string;
  logo?: { name: string; contents: Buffer };
}
