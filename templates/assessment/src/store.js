// Assessments in the copy's database (see migrations/001-assessments.sql); ids are made here. An assessment as
// the rest of the copy sees it: { id, opd, period, answers, createdAt, updatedAt }.
import { randomBytes } from 'node:crypto';
import { query } from './lib/db.js';
import { textFieldsProblem } from './lib/legacy-import.js';

export const ID = /^[0-9a-f]{12}$/;
/** 48 random bits: ids in links cannot be guessed from one another. */
export const newId = () => randomBytes(6).toString('hex');

const COLUMNS = 'id, seq, opd, period, answers, created_at, updated_at';
const toAssessment = (row) => ({ id: row.id, opd: row.opd, period: row.period, answers: row.answers,
  createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString() });

export async function find(id) {
  const { rows } = await query(`SELECT ${COLUMNS} FROM assessments WHERE id = $1`, [id]);
  return rows.length ? toAssessment(rows[0]) : undefined;
}

/** Stores a new assessment under a fresh id (drawn again on the rare collision). */
export async function insert(values) {
  const now = new Date().toISOString();
  for (;;) {
    const { rows } = await query(
      `INSERT INTO assessments (id, opd, period, answers, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
      [newId(), values.opd, values.period, JSON.stringify(values.answers), now],
    );
    if (rows.length === 1) return toAssessment(rows[0]);
  }
}

/** Replaces an assessment's OPD, period and answers; undefined when there is no such id. */
export async function replace(id, values) {
  const { rows } = await query(
    `UPDATE assessments SET opd = $2, period = $3, answers = $4, updated_at = $5 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, values.opd, values.period, JSON.stringify(values.answers), new Date().toISOString()],
  );
  return rows.length ? toAssessment(rows[0]) : undefined;
}

/**
 * One page of assessments, the most recently changed first: at most `limit` after the cursor `after` (a
 * "<updatedAt>~<id>" text from the previous page, or none); `next` is the following page's cursor.
 */
export async function page({ after, limit }) {
  const [at, id] = typeof after === 'string' && after.includes('~') ? after.split('~') : [];
  const { rows } = at && !Number.isNaN(Date.parse(at))
    ? await query(`SELECT ${COLUMNS} FROM assessments WHERE (updated_at, id) < ($1::timestamptz, $2) ORDER BY updated_at DESC, id DESC LIMIT $3`, [at, id, limit + 1])
    : await query(`SELECT ${COLUMNS} FROM assessments ORDER BY updated_at DESC, id DESC LIMIT $1`, [limit + 1]);
  const shown = rows.slice(0, limit).map(toAssessment);
  const last = shown.at(-1);
  return { assessments: shown, next: rows.length > limit ? `${last.updatedAt}~${last.id}` : undefined };
}

/** Copies made before the database kept assessments in DATA_DIR/spbe-mandiri.json: imported once. */
export const legacy = {
  file: 'spbe-mandiri.json',
  /** One assessment as a JSON-era copy stored it (the storage tests import it). */
  example: () => [{ id: 'a1b2c3d4e5f6', opd: null, period: '2025', answers: { contoh: 1 }, createdAt: '2026-01-05T01:02:03.456Z', updatedAt: '2026-01-06T01:02:03.456Z' }],
  check(record, index) {
    const { where, problem } = textFieldsProblem(record, index, ['id', 'period', 'createdAt', 'updatedAt']);
    if (problem) return problem;
    if (typeof record.answers !== 'object' || record.answers === null) return `${where}: "answers" is not an object`;
    return undefined;
  },
  async load(tx, records) {
    const rows = [...records].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)).map((r) => ({ id: r.id, opd: r.opd ?? null, period: r.period,
      answers: r.answers, created_at: r.createdAt, updated_at: r.updatedAt }));
    const { rows: added } = await tx.query(
      `INSERT INTO assessments (id, opd, period, answers, created_at, updated_at)
       SELECT id, opd, period, answers, created_at, updated_at FROM json_populate_recordset(NULL::assessments, $1::json)
       ORDER BY created_at ON CONFLICT (id) DO NOTHING RETURNING id`,
      [JSON.stringify(rows)],
    );
    return added.length;
  },
};
