import type { Lang } from '../lib/i18n/index.js';
import type { OptionSpec } from './options.js';
import { catalogDiffOptions, catalogExportOptions, catalogReleaseOptions, catalogValidateOptions, checkOptions, listOptions, newOptions, regionNewOptions, statusOptions, updateOptions, validateOptions } from './options.js';

const COMMANDS: Record<string, { usage: string; summary: { id: string; en: string }; options: Record<string, OptionSpec> }> = {
  new: {
    usage: 'replika new --region FILE --app ID[,ID…] [--out DIR] [--yes] [--force] [--dry-run]',
    summary: { id: 'buat salinan aplikasi untuk sebuah daerah', en: 'scaffold copies of applications for a region' },
    options: newOptions,
  },
  validate: {
    usage: 'replika validate FILE [--app ID…]',
    summary: { id: 'periksa berkas pengaturan daerah tanpa menulis apa pun', en: 'check a regional settings file without writing anything' },
    options: validateOptions,
  },
  list: {
    usage: 'replika list [--dimension D] [--json]',
    summary: { id: 'tampilkan katalog aplikasi', en: 'show the application catalogue' },
    options: listOptions,
  },
  update: {
    usage: 'replika update [DIR] [--to VERSION] [--region FILE] [--dry-run] [--conflict inline|rej] [--yes]',
    summary: { id: 'bawa perubahan katalog ke salinan tanpa kehilangan suntingan', en: 'bring catalogue changes into a copy without losing edits' },
    options: updateOptions,
  },
  status: {
    usage: 'replika status [DIR]',
    summary: { id: 'versi salinan, pembaruan yang tersedia, berkas yang diubah (keluar 10 bila ada pembaruan)', en: "a copy's version, whether an update is available, changed files (exit 10 when one is)" },
    options: statusOptions,
  },
  check: {
    usage: 'replika check [--regions DIR | --all-regencies] [--app ID…] [--shard K/N] [--jobs N] [--reporter text|json|junit] [--output FILE] [--run-tests]',
    summary: { id: 'untuk CI: setiap aplikasi × setiap daerah, dirender dan diperiksa', en: 'for CI: every application × every region, rendered and checked' },
    options: checkOptions,
  },
  'region new': {
    usage: 'replika region new [--code PP.RR | --name NAME] [--out FILE] [--yes] [--force]',
    summary: { id: 'tulis berkas pengaturan daerah dari data resmi Kemendagri', en: 'write a region settings file from the official Kemendagri data' },
    options: regionNewOptions,
  },
  'catalog validate': {
    usage: 'replika catalog validate [DIR] [--cache] [--cache-location FILE] [--catalog-sha256 HASH | --trust]',
    summary: { id: 'periksa katalog: skema, rujukan, render setiap aplikasi untuk setiap daerah, portabilitas', en: 'check a catalogue: schemas, references, every app rendered for every region, portability' },
    options: catalogValidateOptions,
  },
  'catalog diff': {
    usage: 'replika catalog diff OLD NEW',
    summary: { id: 'perubahan antara dua folder katalog (atau ref git) dan kenaikan versi yang diperlukan', en: 'changes between two catalogue folders (or git refs) and the version bump they need' },
    options: catalogDiffOptions,
  },
  'catalog release': {
    usage: 'replika catalog release [DIR] --previous OLD [--bump major|minor|patch] [--catalog-sha256 HASH | --trust]',
    summary: { id: 'rilis katalog: periksa kenaikan versi, CHANGELOG, dist/catalog.json', en: 'release a catalogue: check the bump, write the CHANGELOG and dist/catalog.json' },
    options: catalogReleaseOptions,
  },
  'catalog export': {
    usage: 'replika catalog export --publiccode DIR [--force] [--dry-run]',
    summary: { id: 'tulis publiccode.yml asli setiap aplikasi katalog', en: "write the origin's publiccode.yml for every catalogue application" },
    options: catalogExportOptions,
  },
};

/** Every exit code the kit uses (see bin/replika.ts, `replika status`, the interrupt handling). */
const EXIT_CODES: Record<Lang, string> = {
  id: 'Kode keluar: 0 berhasil, 1 masukan salah atau perintah/pemeriksaan gagal, 2 penggunaan salah (termasuk tidak ada terminal untuk bertanya), 3 kesalahan internal (bug), 4 katalog tidak dipercaya, 10 ada pembaruan (replika status), 130/143 dihentikan (Ctrl-C/SIGTERM).',
  en: 'Exit codes: 0 success, 1 bad input or a failed command or check, 2 bad usage (including no terminal to ask), 3 internal error (a bug), 4 untrusted catalogue, 10 update available (replika status), 130/143 interrupted (Ctrl-C/SIGTERM).',
};

export function commandNames(): string[] {
  return Object.keys(COMMANDS);
}

export function help(lang: Lang, command?: string): string {
  const entry = command ? COMMANDS[command] : undefined;
  if (entry) {
    const rows = Object.entries(entry.options).map(([name, spec]) => {
      const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`;
      return `  ${flag.padEnd(30)} ${spec.help[lang]}`;
    });
    return [entry.usage, '', entry.summary[lang], '', ...rows, '', EXIT_CODES[lang]].join('\n');
  }
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary[lang]}`);
  const intro = lang === 'id'
    ? 'Replika — replikasi aplikasi layanan publik antardaerah.\n\nPenggunaan: replika <perintah> [opsi]\n\nPerintah:'
    : 'Replika — inter-regional replication of public-service apps.\n\nUsage: replika <command> [options]\n\nCommands:';
  const outro = lang === 'id'
    ? 'Tanpa opsi di terminal, "replika new" menjalankan wizard Yeoman. "replika <perintah> --help" untuk rinciannya.'
    : 'In a terminal without options, "replika new" runs the Yeoman wizard. "replika <command> --help" for details.';
  return [intro, ...lines, '', outro, EXIT_CODES[lang]].join('\n');
}
