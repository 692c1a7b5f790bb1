import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '../src/server.js';
import { dueDate } from '../src/laksa.js';

const { region, settings } = JSON.parse(await readFile(new URL('../config/settings.json', import.meta.url), 'utf8'));
const TOKEN = 'test-token';
let server;
let base;
let dataDir;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'laksa-'));
  process.env.DATA_DIR = dataDir;
  process.env.ADMIN_TOKEN = TOKEN;
  server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

const post = (path, body, headers = {}) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const setStatus = (id, status, token = TOKEN) => post(`/api/aspirasi/${id}/status`, { status }, { authorization: `Bearer ${token}` });

test('each category routes to the OPD named in the region settings', async () => {
  for (const category of settings.categories) {
    const response = await post('/api/aspirasi', { category: category.id, message: 'Lampu jalan di depan pasar mati sejak seminggu.' });
    assert.equal(response.status, 201);
    const entry = await response.json();
    assert.equal(entry.opd.name, region.opd[category.opd].name);
    assert.equal(entry.status, 'diterima');
    assert.match(entry.id, /^LKS-\d{8}-[0-9A-F]{6}$/);
  }
});

test('the form files a report and shows its ticket, escaping what the citizen wrote', async () => {
  const form = new URLSearchParams({ category: settings.categories[0].id, message: '<script>alert(1)</script> jalan berlubang', name: '"Budi"' });
  const response = await fetch(`${base}/aspirasi`, { method: 'POST', body: form });
  assert.equal(response.status, 200);
  const page = await response.text();
  assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!page.includes('<script>alert(1)'));
  const ticket = page.match(/LKS-\d{8}-[0-9A-F]{6}/)[0];
  const status = await (await fetch(`${base}/status?tiket=${ticket}`)).text();
  assert.ok(status.includes(region.opd[settings.categories[0].opd].name.replace(/&/g, '&amp;')));
});

test('a bad report is refused with 400 and says why', async () => {
  const short = await fetch(`${base}/aspirasi`, { method: 'POST', body: new URLSearchParams({ category: 'no-such-category', message: 'x' }) });
  assert.equal(short.status, 400);
  const page = await short.text();
  assert.match(page, /Pilih kategori yang tersedia/);
  assert.match(page, /10 sampai 2000 karakter/);
  const api = await post('/api/aspirasi', { category: settings.categories[0].id });
  assert.deepEqual((await api.json()).fields, ['message']);
  const notJson = await fetch(`${base}/api/aspirasi`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
  assert.equal(notJson.status, 400);
});

test('a report is closed only after it has been verified', async () => {
  const entry = await (await post('/api/aspirasi', { category: settings.categories[0].id, message: 'Saluran air tersumbat di RT 02.' })).json();
  assert.equal((await setStatus(entry.id, 'selesai')).status, 409);
  for (const status of ['diteruskan', 'ditindaklanjuti', 'diverifikasi', 'selesai']) {
    assert.equal((await setStatus(entry.id, status)).status, 200, status);
  }
  const closed = await (await fetch(`${base}/api/aspirasi/${entry.id}`)).json();
  assert.deepEqual(closed.history.map((h) => h.status), ['diterima', 'diteruskan', 'ditindaklanjuti', 'diverifikasi', 'selesai']);
  const stored = JSON.parse(await readFile(join(dataDir, 'aspirasi.json'), 'utf8'));
  assert.equal(stored.find((r) => r.id === entry.id).status, 'selesai');
});

test('status changes need the officers\' token', async () => {
  const entry = await (await post('/api/aspirasi', { category: settings.categories[0].id, message: 'Sampah belum diangkut tiga hari.' })).json();
  assert.equal((await setStatus(entry.id, 'diteruskan', 'wrong')).status, 401);
  delete process.env.ADMIN_TOKEN;
  try {
    const response = await setStatus(entry.id, 'diteruskan');
    assert.equal(response.status, 503);
    assert.match((await response.json()).error, /ADMIN_TOKEN/);
  } finally {
    process.env.ADMIN_TOKEN = TOKEN;
  }
  assert.equal((await fetch(`${base}/api/aspirasi/LKS-00000000-000000`)).status, 404);
});

test('the follow-up deadline counts working days only', () => {
  // Friday 2 January 2026 + 3 working days = Wednesday 7 January.
  assert.equal(dueDate(new Date('2026-01-02T10:00:00Z'), 3), '2026-01-07');
  assert.equal(dueDate(new Date('2026-01-05T10:00:00Z'), 5), '2026-01-12');
});
