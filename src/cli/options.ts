import type { Text } from '../lib/catalog/types.js';

/**
 * Every input, declared once: its flag, its help text and whether the wizard asks for it. The CLI parser,
 * `--help` and the Yeoman generator's options are all built from this table.
 */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  value?: string;
  help: Text;
  /** Asked by the wizard when missing (the prompt itself lives in the generator). */
  prompt?: boolean;
}

/** What makes a catalogue from elsewhere trusted. */
export const catalogTrust = {
  'catalog-sha256': { type: 'string', value: 'HASH', help: { id: 'sha256 yang disematkan untuk katalog itu', en: 'the pinned sha256 of that catalogue' } },
  trust: { type: 'boolean', help: { id: 'percayai katalog itu tanpa sha256', en: 'trust that catalogue without a sha256' } },
} satisfies Record<string, OptionSpec>;

/** A catalogue from elsewhere, and what makes it trusted. */
export const catalogSource = {
  catalog: { type: 'string', value: 'DIR', help: { id: 'folder katalog lain (bawaan: katalog kit)', en: "another catalogue folder (default: the kit's own)" } },
  ...catalogTrust,
} satisfies Record<string, OptionSpec>;

export const common = {
  lang: { type: 'string', value: 'id|en', help: { id: 'bahasa pesan (bawaan: dari locale sistem)', en: 'language of messages (default: from the system locale)' } },
  help: { type: 'boolean', short: 'h', help: { id: 'tampilkan bantuan', en: 'show help' } },
} satisfies Record<string, OptionSpec>;

export const newOptions = {
  region: { type: 'string', value: 'FILE', prompt: true, help: { id: 'berkas pengaturan daerah (YAML)', en: 'regional settings file (YAML)' } },
  app: { type: 'string', multiple: true, value: 'ID[,ID…]', prompt: true, help: { id: 'aplikasi yang direplikasi', en: 'applications to replicate' } },
  out: { type: 'string', value: 'DIR', prompt: true, help: { id: 'folder tujuan (bawaan: ./replika-<daerah>)', en: 'destination folder (default: ./replika-<region>)' } },
  yes: { type: 'boolean', short: 'y', help: { id: 'jangan bertanya; berkas yang Anda ubah tetap dibiarkan', en: 'do not ask; files you changed are still kept' } },
  force: { type: 'boolean', help: { id: 'timpa berkas yang sudah diubah', en: 'overwrite files that were changed' } },
  'dry-run': { type: 'boolean', help: { id: 'tampilkan yang akan ditulis, tanpa menulis', en: 'list what would be written, write nothing' } },
  git: { type: 'boolean', help: { id: 'jalankan git init di setiap salinan', en: 'run git init in each copy' } },
  install: { type: 'boolean', help: { id: 'pasang dependensi setiap salinan (npm ci; npm install bila tanpa package-lock.json)', en: "install each copy's dependencies (npm ci; npm install without a package-lock.json)" } },
  ...catalogSource,
  ...common,
} satisfies Record<string, OptionSpec>;

export const validateOptions = {
  app: { type: 'string', multiple: true, value: 'ID[,ID…]', help: { id: 'periksa juga pengaturan aplikasi ini', en: 'also check the settings of these applications' } },
  ...common,
} satisfies Record<string, OptionSpec>;

export const listOptions = {
  dimension: { type: 'string', value: 'D', help: { id: 'hanya dimensi ini', en: 'only this dimension' } },
  json: { type: 'boolean', help: { id: 'keluaran JSON', en: 'JSON output' } },
  ...common,
} satisfies Record<string, OptionSpec>;

export const regionNewOptions = {
  code: { type: 'string', value: 'PP.RR', help: { id: 'kode Kemendagri daerah, misalnya 75.71', en: 'Kemendagri region code, e.g. 75.71' } },
  name: { type: 'string', value: 'NAME', help: { id: 'nama daerah, misalnya "Gorontalo" atau "Kabupaten Banjar"', en: 'region name, e.g. "Gorontalo" or "Kabupaten Banjar"' } },
  out: { type: 'string', value: 'FILE', help: { id: 'berkas yang ditulis (bawaan: ./<daerah>.yaml)', en: 'file to write (default: ./<region>.yaml)' } },
  yes: { type: 'boolean', short: 'y', help: { id: 'jangan bertanya; nilai contoh ditandai illustrative', en: 'do not ask; example values are marked illustrative' } },
  force: { type: 'boolean', help: { id: 'timpa berkas yang sudah ada', en: 'overwrite an existing file' } },
  ...common,
} satisfies Record<string, OptionSpec>;

export const catalogExportOptions = {
  publiccode: { type: 'string', value: 'DIR', help: { id: 'tulis publiccode.yml setiap aplikasi ke DIR/<id>/', en: 'write each application\'s publiccode.yml to DIR/<id>/' } },
  force: { type: 'boolean', help: { id: 'timpa berkas yang sudah diubah', en: 'overwrite files that were changed' } },
  'dry-run': { type: 'boolean', help: { id: 'tampilkan yang akan ditulis, tanpa menulis', en: 'list what would be written, write nothing' } },
  ...common,
} satisfies Record<string, OptionSpec>;

export const updateOptions = {
  to: { type: 'string', value: 'VERSION', help: { id: 'versi katalog tujuan (bawaan: yang dibawa kit)', en: 'catalogue version to update to (default: the one the kit carries)' } },
  region: { type: 'string', value: 'FILE', help: { id: 'render ulang dengan berkas pengaturan daerah ini', en: 'render again with this region settings file' } },
  conflict: { type: 'string', value: 'inline|rej', help: { id: 'penanda konflik di dalam berkas, atau berkas .rej', en: 'conflict markers inside files, or .rej files' } },
  'dry-run': { type: 'boolean', help: { id: 'tampilkan diff dan ringkasan, tanpa menulis', en: 'print a diff per file and a summary, write nothing' } },
  yes: { type: 'boolean', short: 'y', help: { id: 'jangan bertanya', en: 'do not ask' } },
  ...catalogSource,
  ...common,
} satisfies Record<string, OptionSpec>;

export const statusOptions = { ...common } satisfies Record<string, OptionSpec>;

export const catalogValidateOptions = {
  cache: { type: 'boolean', help: { id: 'lewati yang tidak berubah sejak pemeriksaan lalu', en: 'skip what has not changed since the last check' } },
  'cache-location': { type: 'string', value: 'FILE', help: { id: 'berkas cache (bawaan: .replika-cache.json)', en: 'cache file (default: .replika-cache.json)' } },
  ...catalogTrust,
  ...common,
} satisfies Record<string, OptionSpec>;

export const checkOptions = {
  regions: { type: 'string', value: 'DIR', help: { id: 'folder berkas pengaturan daerah (bawaan: catalog/regions)', en: 'folder of region settings files (default: catalog/regions)' } },
  'all-regencies': { type: 'boolean', help: { id: 'semua 514 kabupaten/kota dari data resmi', en: 'all 514 regencies and cities from the official data' } },
  app: { type: 'string', multiple: true, value: 'ID[,ID…]', help: { id: 'hanya aplikasi ini', en: 'only these applications' } },
  shard: { type: 'string', value: 'K/N', help: { id: 'jalankan bagian ke-K dari N (untuk matriks CI)', en: 'run part K of N (for a CI job matrix)' } },
  reporter: { type: 'string', value: 'text|json|junit', help: { id: 'format laporan', en: 'report format' } },
  output: { type: 'string', value: 'FILE', help: { id: 'tulis laporan ke berkas', en: 'write the report to a file' } },
  'run-tests': { type: 'boolean', help: { id: 'tulis setiap salinan dan jalankan npm test-nya', en: "write each copy and run its own npm test" } },
  jobs: { type: 'string', value: 'N', help: { id: 'jumlah thread pemeriksa, paling banyak satu per inti (bawaan: satu per inti bila kasusnya banyak)', en: 'checking threads, at most one per core (default: one per core when there are many cases)' } },
  ...catalogSource,
  ...common,
} satisfies Record<string, OptionSpec>;

export const catalogDiffOptions = { ...common } satisfies Record<string, OptionSpec>;

export const catalogReleaseOptions = {
  previous: { type: 'string', value: 'DIR', help: { id: 'folder katalog rilis sebelumnya', en: 'catalogue folder of the previous release' } },
  bump: { type: 'string', value: 'major|minor|patch', help: { id: 'kenaikan versi (bawaan: yang diperlukan perubahan)', en: 'version bump (default: what the changes need)' } },
  ...catalogTrust,
  ...common,
} satisfies Record<string, OptionSpec>;
