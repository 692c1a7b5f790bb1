// LAKSA: routing to the OPD, the deadline, the status flow, officers' token, bad input and escaping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml } from '../src/lib/html.js';
import { query } from '../src/lib/db.js';
import { addWorkingDays } from '../src/laksa.js';
import { config, serve } from './support.js';

const { region, settings } = config;
const TOKEN = 'token-for-tests';
const [first] = settings.categories;
const base = serve({
  setUp: async () => {
    process.env.ADMIN_TOKEN = TOKEN;
    process.env.RATE_LIMIT_PER_MINUTE = '0';
  },
});

const postJson = (path, body, headers = {}) => fetch(`${base()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const postForm = (path, fields) => fetch(`${base()}${path}`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
const setStatus = (id, status, token = TOKEN) => postJson(`/api/aspirasi/${id}/status`, { status }, token ? { authorization: `Bearer ${token}` } : {});
const file = async (message = 'Lampu jalan di depan pasar mati sejak seminggu.') => (await postJson('/api/aspirasi', { category: first.id, message })).json();

test('each category is routed to the OPD the region names for it', async () => {
  for (const c of settings.categories) {
    const response = await postJson('/api/aspirasi', { category: c.id, message: 'Jalan berlubang di depan sekolah.' });
    assert.equal(response.status, 201);
    const entry = await response.json();
    assert.deepEqual(entry.opd, { key: c.opd, name: region.opd[c.opd].name });
    assert.equal(entry.status, 'diterima');
    assert.match(entry.dueDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal('contact' in entry, false, 'contact is never public');
  }
  const categories = await (await fetch(`${base()}/api/categories?lang=en`)).json();
  assert.equal(categories[0].label, first.label.en);
  assert.equal(categories[0].opd.name, region.opd[first.opd].name);
});

test('the form files a report, shows its ticket and escapes what the citizen wrote', async () => {
  const response = await postForm('/aspirasi', { category: first.id, message: '<script>alert(1)</script> "jalan" berlubang', name: 'Budi <b>', contact: '0812-rahasia' });
  assert.equal(response.status, 303);
  const location = response.headers.get('location');
  assert.match(location, /^\/status\?tiket=LKS-\d{8}-[A-Z0-9]{8}&baru=1/);
  const page = await (await fetch(`${base()}${location}`)).text();
  assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt; &quot;jalan&quot; berlubang'));
  assert.ok(!page.includes('<script>alert(1)'));
  assert.ok(page.includes(escapeHtml(region.opd[first.opd].name)), 'routed OPD is named');
  assert.ok(!page.includes('0812-rahasia') && !page.includes('Budi'), 'name and contact stay private');
});

test('bad input is refused with 400 and a message saying why', async () => {
  const response = await postForm('/aspirasi?lang=id', { category: 'tidak-ada', message: '   ', name: '<i>x</i>' });
  assert.equal(response.status, 400);
  const page = await response.text();
  assert.match(page, /Pilih kategori yang tersedia/);
  assert.match(page, /Isi laporan wajib diisi/);
  assert.ok(page.includes('value="&lt;i&gt;x&lt;/i&gt;"'), 'typed values come back escaped');
  const api = await postJson('/api/aspirasi?lang=en', { category: first.id, message: 'x'.repeat(2001) });
  assert.equal(api.status, 400);
  const body = await api.json();
  assert.deepEqual(body.fields, ['message']);
  assert.match(body.messages.message, /at most 2000/);
  const notJson = await fetch(`${base()}/api/aspirasi`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
  assert.equal(notJson.status, 400);
  assert.equal(typeof (await notJson.json()).error, 'string');
});

test('a report is closed only after it has been verified', async () => {
  const entry = await file();
  assert.equal((await setStatus(entry.id, 'selesai')).status, 409);
  for (const status of ['diteruskan', 'ditindaklanjuti', 'diverifikasi']) assert.equal((await setStatus(entry.id, status)).status, 200, status);
  // A failed cross-check sends it back; it must be verified again before closing.
  assert.equal((await setStatus(entry.id, 'ditindaklanjuti')).status, 200);
  const early = await postJson(`/api/aspirasi/${entry.id}/status?lang=id`, { status: 'selesai' }, { authorization: `Bearer ${TOKEN}` });
  assert.equal(early.status, 409);
  assert.match((await early.json()).error, /harus diverifikasi/);
  assert.equal((await setStatus(entry.id, 'diverifikasi')).status, 200);
  assert.equal((await setStatus(entry.id, 'selesai')).status, 200);
  assert.equal((await setStatus(entry.id, 'diteruskan')).status, 409, 'closed stays closed');
  const closed = await (await fetch(`${base()}/api/aspirasi/${entry.id}`)).json();
  assert.deepEqual(closed.history.map((h) => h.status), ['diterima', 'diteruskan', 'ditindaklanjuti', 'diverifikasi', 'ditindaklanjuti', 'diverifikasi', 'selesai']);
  const { rows } = await query('SELECT status FROM reports WHERE id = $1', [entry.id]);
  assert.equal(rows[0].status, 'selesai', 'stored in the database');
  assert.equal((await setStatus(entry.id, 'dibuang')).status, 400);
});

test('status changes need the officers\' token, and are off without one', async () => {
  const entry = await file();
  assert.equal((await setStatus(entry.id, 'diteruskan', 'wrong')).status, 401);
  assert.equal((await setStatus(entry.id, 'diteruskan', '')).status, 401);
  assert.equal((await fetch(`${base()}/api/aspirasi`)).status, 401);
  const list = await fetch(`${base()}/api/aspirasi`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.ok((await list.json()).some((r) => r.id === entry.id && 'contact' in r), 'officers see the full report');
  delete process.env.ADMIN_TOKEN;
  try {
    const response = await setStatus(entry.id, 'diteruskan');
    assert.equal(response.status, 503);
    assert.match((await response.json()).error, /ADMIN_TOKEN/);
  } finally {
    process.env.ADMIN_TOKEN = TOKEN;
  }
});

test('unknown tickets are 404 and the status page without one offers the lookup', async () => {
  assert.equal((await fetch(`${base()}/api/aspirasi/LKS-20260101-AAAAAAAA`)).status, 404);
  const page = await fetch(`${base()}/status?tiket=%3Cb%3Ebold`);
  assert.equal(page.status, 404);
  const text = await page.text();
  assert.ok(text.includes('&lt;B&gt;BOLD') && !text.includes('<B>'), 'the ticket asked for is escaped');
  assert.equal((await fetch(`${base()}/status`)).status, 200);
});

test('the national SP4N-LAPOR! note follows the settings', async () => {
  const page = await (await fetch(`${base()}/?lang=id`)).text();
  assert.equal(page.includes('SP4N-LAPOR!'), settings.forwardToLapor === true);
  for (const c of settings.categories) assert.ok(page.includes(escapeHtml(c.label.id)), c.id);
});

test('the follow-up deadline counts working days only', () => {
  assert.equal(addWorkingDays('2026-01-02', 3), '2026-01-07'); // Friday + 3 = Wednesday
  assert.equal(addWorkingDays('2026-01-05', 5), '2026-01-12'); // Monday + 5 = next Monday
  assert.equal(addWorkingDays('2026-01-03', 1), '2026-01-05'); // filed on Saturday: due Monday
});

test('concurrent submissions get unique tickets, and one status move wins a race', async () => {
  const made = await Promise.all(Array.from({ length: 40 }, (_, i) => file(`Laporan serentak nomor ${i}.`)));
  assert.equal(new Set(made.map((r) => r.id)).size, 40);
  const { rows } = await query('SELECT count(*)::int AS n FROM reports WHERE id = ANY($1)', [made.map((r) => r.id)]);
  assert.equal(rows[0].n, 40, 'all stored');
  const answers = await Promise.all(Array.from({ length: 8 }, () => setStatus(made[0].id, 'diteruskan')));
  assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409, 409, 409, 409, 409, 409, 409]);
  const history = (await (await fetch(`${base()}/api/aspirasi/${made[0].id}`)).json()).history;
  assert.deepEqual(history.map((h) => h.status), ['diterima', 'diteruskan'], 'recorded once');
});

test('the staff list comes in pages with a next link', async () => {
  for (let i = 0; i < 3; i++) await file(`Laporan untuk halaman ${i}.`);
  const auth = { authorization: `Bearer ${TOKEN}` };
  const seen = [];
  let next = '/api/aspirasi?limit=2';
  let pages = 0;
  while (next) {
    const response = await fetch(`${base()}${next}`, { headers: auth });
    assert.equal(response.status, 200);
    const list = await response.json();
    assert.ok(list.length <= 2);
    seen.push(...list.map((r) => r.id));
    next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('link') ?? '')?.[1];
    pages += 1;
  }
  const { rows } = await query('SELECT count(*)::int AS n FROM reports');
  assert.equal(seen.length, rows[0].n, 'every report once');
  assert.equal(new Set(seen).size, seen.length);
  assert.equal(pages, Math.ceil(rows[0].n / 2));
  assert.equal((await fetch(`${base()}/api/aspirasi?limit=0`, { headers: auth })).status, 400);
  assert.equal((await fetch(`${base()}/api/aspirasi?after=x`, { headers: auth })).status, 400);
});

test('public submissions are limited per client: 429 with Retry-After, in the visitor\'s language', async () => {
  process.env.RATE_LIMIT_PER_MINUTE = '2';
  try {
    assert.equal((await postJson('/api/aspirasi', { category: first.id, message: 'Satu.' })).status, 201);
    assert.equal((await postForm('/aspirasi', { category: first.id, message: 'Dua.' })).status, 303);
    const api = await postJson('/api/aspirasi?lang=en', { category: first.id, message: 'Tiga.' });
    assert.equal(api.status, 429);
    assert.ok(Number(api.headers.get('retry-after')) >= 1);
    assert.match((await api.json()).error, /Too many submissions/);
    const form = await postForm('/aspirasi?lang=id', { category: first.id, message: 'Empat.' });
    assert.equal(form.status, 429);
    assert.match(await form.text(), /Terlalu banyak kiriman/);
    const token = { authorization: `Bearer ${TOKEN}` };
    assert.equal((await fetch(`${base()}/api/aspirasi?limit=1`, { headers: token })).status, 200, 'officers are not limited');
  } finally {
    process.env.RATE_LIMIT_PER_MINUTE = '0';
  }
});
