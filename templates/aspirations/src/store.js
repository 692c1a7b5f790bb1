// Reports in the copy's database (see migrations/001-reports.sql); tickets are made here. A report as the rest
// of the copy sees it is the object the JSON API shows: { id, category, opd: { key, name }, message, name,
// contact, status, createdAt, dueDate, history: [{ status, at, note? }] }.
import { randomInt } from 'node:crypto';
import { query, transaction } from './lib/db.js';
import { textFieldsProblem } from './lib/legacy-import.js';

// No 0/O or 1/I, so a ticket read out over the phone is not misheard.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const TICKET = /^LKS-\d{8}-[2-9A-HJ-NP-Z]{8}$/;

/** LKS-YYYYMMDD-XXXXXXXX: the local date, then 40 random bits so tickets cannot be guessed. */
export function newTicket(localDate) {
  let tail = '';
  for (let i = 0; i < 8; i++) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `LKS-${localDate.replace(/-/g, '')}-${tail}`;
}

const COLUMNS = 'id, seq, category, opd_key, opd_name, message, name, contact, status, created_at, due_date';

function toReport(row, history) {
  return {
    id: row.id,
    category: row.category,
    opd: row.opd_key === null ? undefined : { key: row.opd_key, name: row.opd_name },
    message: row.message,
    name: row.name,
    contact: row.contact,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    dueDate: row.due_date,
    history: history.map((h) => ({ status: h.status, at: new Date(h.at).toISOString(), ...(h.note === null ? {} : { note: h.note }) })),
  };
}

async function withHistory(run, rows) {
  if (rows.length === 0) return [];
  const { rows: entries } = await run('SELECT report_id, status, at, note FROM report_history WHERE report_id = ANY($1) ORDER BY report_id, position', [rows.map((r) => r.id)]);
  const byReport = new Map();
  for (const entry of entries) {
    if (!byReport.has(entry.report_id)) byReport.set(entry.report_id, []);
    byReport.get(entry.report_id).push(entry);
  }
  return rows.map((row) => toReport(row, byReport.get(row.id) ?? []));
}

/** The report with this ticket, or undefined. */
export async function find(id, run = query) {
  const { rows } = await run(`SELECT ${COLUMNS} FROM reports WHERE id = $1`, [id]);
  return (await withHistory(run, rows))[0];
}

/**
 * Stores a new report under a fresh ticket (drawn again on the rare collision, which the primary key detects
 * whichever process drew the same one). `entry` is a report without id and history.
 */
export async function insert(entry, today) {
  for (;;) {
    const id = newTicket(today);
    const { rows } = await query(
      `WITH added AS (
         INSERT INTO reports (id, category, opd_key, opd_name, message, name, contact, status, created_at, due_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id)
       INSERT INTO report_history (report_id, position, status, at) SELECT id, 0, $8, $9 FROM added RETURNING report_id`,
      [id, entry.category, entry.opd?.key ?? null, entry.opd?.name ?? null, entry.message, entry.name, entry.contact, entry.status, entry.createdAt, entry.dueDate],
    );
    if (rows.length === 1) return { ...entry, id, history: [{ status: entry.status, at: entry.createdAt }] };
  }
}

/**
 * Changes a report's status inside one transaction holding its row lock, so two officers (in one process or in
 * many) cannot both move it from the same status. `decide(report)` throws to refuse; resolves with the report
 * as changed, or undefined when there is no such ticket.
 */
export function changeStatus(id, status, note, decide) {
  return transaction(async (tx) => {
    const { rows } = await tx.query('SELECT status FROM reports WHERE id = $1 FOR UPDATE', [id]);
    if (rows.length === 0) return undefined;
    decide(rows[0].status);
    const at = new Date().toISOString();
    await tx.query('UPDATE reports SET status = $2 WHERE id = $1', [id, status]);
    await tx.query(
      'INSERT INTO report_history (report_id, position, status, at, note) SELECT $1, coalesce(max(position) + 1, 0), $2, $3, $4 FROM report_history WHERE report_id = $1',
      [id, status, at, note ?? null],
    );
    return find(id, tx.query);
  });
}

/**
 * One page of the staff list, in order of arrival: at most `limit` reports after the cursor `after` (0: from the
 * start); `next` is the cursor of the following page, or undefined on the last one.
 */
export async function page({ after = 0, limit }) {
  const { rows } = await query(`SELECT ${COLUMNS} FROM reports WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, limit + 1]);
  const shown = rows.slice(0, limit);
  return { reports: await withHistory(query, shown), next: rows.length > limit ? shown.at(-1).seq : undefined };
}

const BATCH = 1000;

/** Copies made before the database kept reports in DATA_DIR/aspirasi.json: imported once (lib/legacy-import.js). */
export const legacy = {
  file: 'aspirasi.json',
  /** Two reports as a JSON-era copy stored them (the storage tests import them). */
  example: () => [
    { id: 'LKS-20260105-ABCDEFGH', category: 'contoh', opd: { key: 'publicWorks', name: 'Dinas Contoh' }, message: 'Contoh laporan.', name: '', contact: '',
      status: 'diterima', createdAt: '2026-01-05T01:02:03.456Z', dueDate: '2026-01-08', history: [{ status: 'diterima', at: '2026-01-05T01:02:03.456Z' }] },
    { id: 'LKS-20260106-HGFEDCBA', category: 'contoh', opd: { key: 'publicWorks', name: 'Dinas Contoh' }, message: 'Contoh kedua.', name: 'Warga', contact: '0812',
      status: 'diteruskan', createdAt: '2026-01-06T01:02:03.456Z', dueDate: '2026-01-09',
      history: [{ status: 'diterima', at: '2026-01-06T01:02:03.456Z' }, { status: 'diteruskan', at: '2026-01-06T02:00:00.000Z', note: 'Catatan' }] },
  ],
  check(record, index) {
    const { where, problem } = textFieldsProblem(record, index, ['id', 'category', 'message', 'status', 'createdAt', 'dueDate']);
    if (problem) return problem;
    if (Number.isNaN(Date.parse(record.createdAt))) return `${where}: "createdAt" is not a date`;
    if (!Array.isArray(record.history)) return `${where}: "history" is not a list`;
    return undefined;
  },
  async load(tx, records) {
    let added = 0;
    const ordered = [...records].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    for (let start = 0; start < ordered.length; start += BATCH) {
      const batch = ordered.slice(start, start + BATCH);
      const reports = batch.map((r) => ({ id: r.id, category: r.category, opd_key: r.opd?.key ?? null, opd_name: r.opd?.name ?? null, message: r.message,
        name: r.name ?? '', contact: r.contact ?? '', status: r.status, created_at: r.createdAt, due_date: r.dueDate }));
      const { rows } = await tx.query(
        `INSERT INTO reports (id, category, opd_key, opd_name, message, name, contact, status, created_at, due_date)
         SELECT id, category, opd_key, opd_name, message, name, contact, status, created_at, due_date
         FROM json_populate_recordset(NULL::reports, $1::json) ORDER BY created_at ON CONFLICT (id) DO NOTHING RETURNING id`,
        [JSON.stringify(reports)],
      );
      const fresh = new Set(rows.map((r) => r.id));
      added += fresh.size;
      const history = batch.filter((r) => fresh.has(r.id)).flatMap((r) => r.history.map((h, position) => ({ report_id: r.id, position, status: h.status, at: h.at, note: h.note ?? null })));
      if (history.length > 0) {
        await tx.query('INSERT INTO report_history SELECT * FROM json_populate_recordset(NULL::report_history, $1::json)', [JSON.stringify(history)]);
      }
    }
    return added;
  },
};
