// The self-assessment: weighted scoring, saving and reloading, CSV and JSON exports that parse back, and
// answers that do not fit the checklist refused with 400.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { query } from '../src/lib/db.js';
import { CSV_COLUMNS, makeChecklist } from '../src/scoring.js';
import { config, serve } from './support.js';

const { region, settings } = config;
const indicators = settings.domains.flatMap((d) => d.indicators);
const isYesNo = (i) => i.type === 'yesno';
const base = serve({ setUp: async () => {
  process.env.RATE_LIMIT_PER_MINUTE = '0';
} });

const send = (method, path, body) => fetch(`${base()}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
// Every indicator answered: the highest level / yes for the first domain, the lowest / no elsewhere.
const mixed = () => Object.fromEntries(settings.domains.flatMap((d, n) => d.indicators.map((i) => [i.id, isYesNo(i) ? n === 0 : n === 0 ? settings.maxLevel : 1])));

/** RFC 4180: quoted fields with doubled quotes, CRLF rows; a field may hold commas and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

test('scores are weighted by indicator inside a domain and by domain overall', () => {
  const domains = [
    { id: 'a', weight: 3, indicators: [{ id: 'a1', label: {} }, { id: 'a2', weight: 3, label: {} }] },
    { id: 'b', weight: 1, indicators: [{ id: 'b1', type: 'yesno', label: {} }, { id: 'b2', type: 'yesno', label: {} }, { id: 'b3', type: 'yesno', label: {} }] },
  ];
  const list = makeChecklist(domains, 4);
  // a: (1 × 4/4 + 3 × 2/4) / 4 = 62.5; b: yes, no, unanswered = 50; overall (3 × 62.5 + 1 × 50) / 4 = 59.375.
  const scores = list.score({ a1: 4, a2: 2, b1: true, b2: false });
  assert.deepEqual(scores.domains.map((d) => d.score), [62.5, 50]);
  assert.equal(scores.overall, 59.38);
  assert.deepEqual([scores.answered, scores.total, scores.complete], [4, 5, false]);
  // A domain with no answer is left out of the overall score instead of counting as zero.
  assert.deepEqual(list.score({ b1: true }).domains.map((d) => d.score), [null, 100]);
  assert.equal(list.score({ b1: true }).overall, 100);
  assert.equal(list.score({}).overall, null);
  assert.throws(() => makeChecklist([{ id: 'x', weight: 1, indicators: [{ id: 'd' }] }, { id: 'y', weight: 1, indicators: [{ id: 'd' }] }], 5), /used twice/);
});

test('an assessment is saved, scored with the settings\' weights and reloaded', async () => {
  const response = await send('POST', '/api/penilaian', { opd: 'communication', period: '2026', answers: mixed() });
  assert.equal(response.status, 201);
  const saved = await response.json();
  assert.equal(response.headers.get('location'), `/api/penilaian/${saved.id}`);
  const low = (i) => (isYesNo(i) ? 0 : 100 / settings.maxLevel);
  const weighted = (items, value) => items.reduce((s, i) => s + (i.weight ?? 1) * value(i), 0) / items.reduce((s, i) => s + (i.weight ?? 1), 0);
  const expected = settings.domains.map((d, n) => (n === 0 ? 100 : weighted(d.indicators, low)));
  saved.domains.forEach((d, n) => assert.equal(d.score, Math.round(expected[n] * 100) / 100, d.id));
  const total = settings.domains.reduce((s, d) => s + d.weight, 0);
  assert.equal(saved.overall, Math.round((settings.domains.reduce((s, d, n) => s + d.weight * expected[n], 0) / total) * 100) / 100);
  assert.deepEqual(saved.opd, { key: 'communication', name: region.opd.communication.name });
  assert.equal(saved.complete, true);
  // Stored in the database, and the same assessment comes back.
  const { rows } = await query('SELECT answers FROM assessments WHERE id = $1', [saved.id]);
  assert.deepEqual(rows[0].answers, mixed());
  assert.deepEqual(await (await fetch(`${base()}/api/penilaian/${saved.id}`)).json(), saved);
  // Changing the answers keeps the id.
  const [first] = indicators;
  const changed = await send('PUT', `/api/penilaian/${saved.id}`, { period: '2026', answers: { [first.id]: isYesNo(first) ? 'tidak' : 1 } });
  assert.equal(changed.status, 200);
  const again = await changed.json();
  assert.deepEqual([again.id, again.answered, again.opd], [saved.id, 1, null]);
  const list = await (await fetch(`${base()}/api/penilaian`)).json();
  assert.ok(list.some((a) => a.id === saved.id && a.answered === 1));
});

test('the CSV export parses back: quoted fields, one row per indicator, the same scores', async () => {
  const saved = await (await send('POST', '/api/penilaian', { period: '=1+1 "Q1", 2026', answers: mixed() })).json();
  const response = await fetch(`${base()}/api/penilaian/${saved.id}/ekspor.csv?lang=en`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.match(response.headers.get('content-disposition'), /attachment; filename="spbe-mandiri-[0-9a-f]{12}\.csv"/);
  const text = await response.text();
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  assert.deepEqual(rows[0], CSV_COLUMNS);
  assert.equal(rows.length, indicators.length + 1);
  const at = (row, column) => row[CSV_COLUMNS.indexOf(column)];
  // A cell that a spreadsheet would run as a formula is kept as text.
  assert.equal(at(rows[1], 'period'), `'=1+1 "Q1", 2026`);
  assert.equal(at(rows[1], 'opd'), '');
  assert.equal(Number(at(rows[1], 'overall_score')), saved.overall);
  assert.equal(at(rows[1], 'domain'), settings.domains[0].label.en);
  for (const row of rows.slice(1)) {
    const domain = saved.domains.find((d) => d.id === at(row, 'domain_id'));
    const indicator = domain.indicators.find((i) => i.id === at(row, 'indicator_id'));
    assert.equal(Number(at(row, 'domain_score')), domain.score);
    assert.equal(Number(at(row, 'indicator_score')), indicator.value);
    assert.equal(at(row, 'answer'), indicator.type === 'yesno' ? (indicator.answer ? 'yes' : 'no') : String(indicator.answer));
  }
});

test('the JSON export parses back to the saved assessment', async () => {
  const saved = await (await send('POST', '/api/penilaian', { period: '2026', answers: mixed() })).json();
  const response = await fetch(`${base()}/api/penilaian/${saved.id}/ekspor.json`);
  assert.match(response.headers.get('content-disposition'), /\.json"$/);
  const exported = JSON.parse(await response.text());
  assert.deepEqual(exported, saved);
  assert.equal(exported.domains.flatMap((d) => d.indicators).length, indicators.length);
});

test('unknown indicators, levels out of range and bad fields are refused with 400', async () => {
  const level = indicators.find((i) => !isYesNo(i));
  const yesNo = indicators.find(isYesNo);
  const cases = [
    [{ 'tidak-ada': 3 }, 'unknown'],
    ...(level ? [[{ [level.id]: settings.maxLevel + 1 }, 'range'], [{ [level.id]: 0 }, 'range'], [{ [level.id]: 2.5 }, 'range'], [{ [level.id]: 'tiga' }, 'range']] : []),
    ...(yesNo ? [[{ [yesNo.id]: 'mungkin' }, 'yesno']] : []),
  ];
  for (const [answers, problem] of cases) {
    const response = await send('POST', '/api/penilaian?lang=en', { period: '2026', answers });
    assert.equal(response.status, 400, JSON.stringify(answers));
    const body = await response.json();
    assert.equal(body.problems[0].problem, problem);
    assert.equal(typeof body.problems[0].message, 'string');
  }
  assert.equal((await send('POST', '/api/penilaian', { period: '2026', answers: [] })).status, 400);
  assert.equal((await send('POST', '/api/penilaian', { period: '', answers: {} })).status, 400);
  assert.equal((await send('POST', '/api/penilaian', { opd: 'no-such-office', period: '2026', answers: {} })).status, 400);
  assert.equal((await send('PUT', '/api/penilaian/000000000000', { period: '2026', answers: {} })).status, 404);
  assert.equal((await fetch(`${base()}/api/penilaian/../../config`)).status, 404);
});

test('the page saves a checklist through the form and shows the scores', async () => {
  const fields = new URLSearchParams({ opd: 'communication', period: '2027' });
  for (const [id, answer] of Object.entries(mixed())) fields.set(`a.${id}`, answer === true ? 'yes' : answer === false ? 'no' : String(answer));
  const response = await fetch(`${base()}/penilaian`, { method: 'POST', body: fields, redirect: 'manual' });
  assert.equal(response.status, 303);
  const location = response.headers.get('location');
  assert.match(location, /^\/penilaian\/[0-9a-f]{12}\?tersimpan=1$/);
  const page = await (await fetch(`${base()}${location}&lang=id`)).text();
  assert.match(page, /Penilaian telah disimpan/);
  assert.match(page, /ekspor\.csv/);
  const home = await (await fetch(`${base()}/?lang=en`)).text();
  assert.match(home, /not an official evaluation instrument/);
  assert.match(home, /2027/);
  const bad = new URLSearchParams({ period: '2027', 'a.tidak-ada': '3' });
  const refused = await fetch(`${base()}/penilaian?lang=id`, { method: 'POST', body: bad });
  assert.equal(refused.status, 400);
  assert.match(await refused.text(), /tidak ada dalam daftar periksa/);
});

test('the list comes in pages, newest first, with a next link', async () => {
  for (let i = 0; i < 3; i++) assert.equal((await send('POST', '/api/penilaian', { period: `Halaman ${i}`, answers: {} })).status, 201);
  const seen = [];
  let next = '/api/penilaian?limit=2';
  while (next) {
    const response = await fetch(`${base()}${next}`);
    assert.equal(response.status, 200);
    const list = await response.json();
    assert.ok(list.length <= 2);
    seen.push(...list);
    next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('link') ?? '')?.[1];
  }
  const { rows } = await query('SELECT count(*)::int AS n FROM assessments');
  assert.equal(seen.length, rows[0].n);
  assert.equal(new Set(seen.map((a) => a.id)).size, seen.length);
  assert.deepEqual(seen.map((a) => a.updatedAt), [...seen.map((a) => a.updatedAt)].sort().reverse(), 'most recently changed first');
  assert.equal((await fetch(`${base()}/api/penilaian?limit=5000`)).status, 400);
});

test('new assessments are limited per client: 429 with Retry-After; changing one is not', async () => {
  process.env.RATE_LIMIT_PER_MINUTE = '1';
  try {
    const saved = await (await send('POST', '/api/penilaian', { period: 'Batas', answers: {} })).json();
    const refused = await send('POST', '/api/penilaian?lang=en', { period: 'Batas 2', answers: {} });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.match((await refused.json()).error, /Too many submissions/);
    assert.equal((await send('PUT', `/api/penilaian/${saved.id}`, { period: 'Batas', answers: {} })).status, 200);
  } finally {
    process.env.RATE_LIMIT_PER_MINUTE = '0';
  }
});
