// What the storage layer tells the copy's operators (database, migrations, import, backup), in the copy's language.
import { defaultLang } from './config.js';

const texts = {
  id: {
    unavailable: ({ reason }) => `Basis data tidak dapat dipakai: ${reason}`,
    healthTimeout: ({ ms }) => `basis data tidak menjawab dalam ${ms} ms`,
    badSchema: ({ schema }) => `DATABASE_SCHEMA "${schema}" tidak sah: pakai huruf kecil, angka dan garis bawah, diawali huruf (paling panjang 63).`,
    locked: ({ file, pid, since }) => `Folder data sudah dipakai oleh proses lain (pid ${pid}, sejak ${since}); kunci: ${file}. Mode tertanam hanya boleh dijalankan oleh satu proses. Hentikan proses itu, atau setel DATABASE_URL ke server PostgreSQL untuk menjalankan banyak proses.`,
    lockedElsewhere: ({ file, host, pid }) => `Folder data dikunci oleh proses ${pid} di mesin ${host}; kunci: ${file}. Jika proses itu sudah tidak berjalan, hapus berkas kunci tersebut lalu mulai lagi.`,
    lockRace: ({ file }) => `Tidak dapat mengambil kunci folder data ${file}: proses lain sedang mengambilnya. Coba lagi.`,
    migrationChanged: ({ name, appliedAt, was, now }) => `Migrasi ${name} sudah diterapkan pada ${appliedAt}, tetapi isinya berubah (sha256 tercatat ${was}, sekarang ${now}). Migrasi yang sudah diterapkan tidak boleh diubah: kembalikan berkas itu seperti semula dan tulis perubahan dalam berkas migrasi bernomor baru.`,
    migrationFailed: ({ name, reason }) => `Migrasi ${name} gagal dan tidak diterapkan (tidak ada yang berubah): ${reason}`,
    migrationApplied: ({ name }) => `migrasi diterapkan: ${name}`,
    migrationName: ({ name }) => `Berkas migrations/${name} tidak bernama NNN-nama.sql (nomor tiga angka atau lebih, huruf kecil, angka dan tanda hubung). Ganti namanya atau pindahkan dari folder migrations/.`,
    migrationsUpToDate: ({ count }) => `basis data mutakhir (${count} migrasi)`,
    importBad: ({ file, reason }) => `Berkas data lama ${file} tidak dapat dibaca: ${reason}. Perbaiki atau pindahkan berkas itu, lalu jalankan lagi; tidak ada yang diimpor.`,
    imported: ({ file, count, added, aside }) => `${count} catatan dari ${file} diperiksa, ${added} baru diimpor; berkas disimpan sebagai ${aside}`,
    backupDone: ({ file, rows }) => `cadangan ditulis: ${file} (${rows} baris)`,
    backupEmpty: () => 'Basis data ini belum berisi tabel salinan ini (tabel schema_migrations tidak ada): periksa DATA_DIR / DATABASE_URL / DATABASE_SCHEMA, atau jalankan npm run migrate dulu. Tidak ada cadangan yang ditulis.',
    backupUsage: () => 'Pemakaian: npm run backup -- [BERKAS.jsonl.gz]   (bawaan: cadangan-<waktu>.jsonl.gz di folder kerja)',
    restoreUsage: () => 'Pemakaian: npm run restore -- BERKAS.jsonl.gz [--replace]',
    restoreDone: ({ file, rows }) => `dipulihkan dari ${file}: ${rows} baris`,
    restoreNotEmpty: ({ table, count }) => `Tabel ${table} sudah berisi ${count} baris. Pulihkan ke basis data kosong, atau tambahkan --replace untuk mengganti isinya (buat cadangan dulu).`,
    restoreBad: ({ file, line, reason }) => `Berkas cadangan ${file}, baris ${line}: ${reason}. Tidak ada yang dipulihkan.`,
    restoreForeign: ({ file, app, expected }) => `Berkas cadangan ${file} berasal dari aplikasi ${app}, bukan ${expected}. Tidak ada yang dipulihkan.`,
    restoreUnknownTable: ({ table }) => `tabel ${table} tidak ada di basis data ini (migrasi salinan ini lebih lama dari cadangan?)`,
  },
  en: {
    unavailable: ({ reason }) => `The database cannot be used: ${reason}`,
    healthTimeout: ({ ms }) => `the database did not answer within ${ms} ms`,
    badSchema: ({ schema }) => `DATABASE_SCHEMA "${schema}" is not valid: use lower-case letters, digits and underscores, starting with a letter (at most 63).`,
    locked: ({ file, pid, since }) => `The data folder is in use by another process (pid ${pid}, since ${since}); lock: ${file}. Embedded mode runs in one process only. Stop that process, or set DATABASE_URL to a PostgreSQL server to run several processes.`,
    lockedElsewhere: ({ file, host, pid }) => `The data folder is locked by process ${pid} on host ${host}; lock: ${file}. If that process no longer runs, delete the lock file and start again.`,
    lockRace: ({ file }) => `Could not take the data folder lock ${file}: another process is taking it. Try again.`,
    migrationChanged: ({ name, appliedAt, was, now }) => `Migration ${name} was applied on ${appliedAt}, but its content has changed (recorded sha256 ${was}, now ${now}). An applied migration must never be edited: restore the file as it was and put the change in a new numbered migration file.`,
    migrationFailed: ({ name, reason }) => `Migration ${name} failed and was not applied (nothing changed): ${reason}`,
    migrationApplied: ({ name }) => `migration applied: ${name}`,
    migrationName: ({ name }) => `The file migrations/${name} is not named NNN-name.sql (a number of three digits or more, lower-case letters, digits and hyphens). Rename it or move it out of migrations/.`,
    migrationsUpToDate: ({ count }) => `database up to date (${count} migrations)`,
    importBad: ({ file, reason }) => `The old data file ${file} cannot be read: ${reason}. Repair or move the file and run again; nothing was imported.`,
    imported: ({ file, count, added, aside }) => `${count} records in ${file} checked, ${added} newly imported; the file is kept as ${aside}`,
    backupDone: ({ file, rows }) => `backup written: ${file} (${rows} rows)`,
    backupEmpty: () => "This database holds none of this copy's tables (no schema_migrations table): check DATA_DIR / DATABASE_URL / DATABASE_SCHEMA, or run npm run migrate first. No backup was written.",
    backupUsage: () => 'Usage: npm run backup -- [FILE.jsonl.gz]   (default: backup-<time>.jsonl.gz in the working folder)',
    restoreUsage: () => 'Usage: npm run restore -- FILE.jsonl.gz [--replace]',
    restoreDone: ({ file, rows }) => `restored from ${file}: ${rows} rows`,
    restoreNotEmpty: ({ table, count }) => `Table ${table} already holds ${count} rows. Restore into an empty database, or add --replace to replace its contents (take a backup first).`,
    restoreBad: ({ file, line, reason }) => `Backup file ${file}, line ${line}: ${reason}. Nothing was restored.`,
    restoreForeign: ({ file, app, expected }) => `Backup file ${file} comes from the application ${app}, not ${expected}. Nothing was restored.`,
    restoreUnknownTable: ({ table }) => `table ${table} does not exist in this database (are this copy's migrations older than the backup?)`,
  },
};

/** A storage message for operators, in the copy's default language. */
export function storeText(key, params = {}) {
  return texts[defaultLang][key](params);
}
