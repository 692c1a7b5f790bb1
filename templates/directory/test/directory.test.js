// The directory serves exactly the records in its settings: all of them listed, searchable, filterable, one page
// and one JSON record each, unknown ones 404; values are formatted by type and never become markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml } from '../src/lib/html.js';
import { checkSettings } from '../src/directory.js';
import { displayText } from '../src/views.js';
import { config, serve } from './support.js';

const { settings } = config;
const base = serve();

const page = async (path) => (await fetch(`${base()}${path}`)).text();
const api = async (path) => (await fetch(`${base()}${path}`)).json();
const ids = (items) => items.map((item) => item.id).sort();
const linked = (html) => [...html.matchAll(/<h3><a href="\/items\/([a-z0-9-]+)[^"]*">/g)].map((m) => m[1]).sort();
const titleOf = (item, lang = 'id') => displayText(settings.fields[0], item[settings.fields[0].key], lang) || item.id;
const fold = (text) => String(text).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
/** A word to search for, taken from a record: the longest word of its first text value. */
function wordOf(item) {
  const textValue = settings.fields.map((f) => item[f.key]).find((v) => typeof v === 'string' && /\p{L}{3}/u.test(v)) ?? item.id;
  return String(textValue).split(/[\s()]+/).sort((a, b) => b.length - a.length)[0];
}

test('the settings are consistent: fields, sort, groups and every record', () => {
  assert.deepEqual(checkSettings(settings), []);
});

test('the list shows every record, linked to its own page, with the intro and the date of the data', async () => {
  const html = await page('/?lang=id');
  assert.deepEqual(linked(html), ids(settings.items));
  for (const item of settings.items) assert.ok(html.includes(`>${escapeHtml(titleOf(item))}</a></h3>`), item.id);
  assert.ok(html.includes(escapeHtml(settings.intro.id)));
  assert.ok(html.includes(`<time datetime="${settings.updatedAt}">`));
  assert.match(html, new RegExp(`${settings.items.length} dari ${settings.items.length} data`));
  if (settings.items.length === 0) assert.match(html, /Belum ada data/);
});

test('?q= finds a record by a word of its text and finds nothing for nonsense', async () => {
  const none = await page(`/?lang=id&q=${encodeURIComponent('zz-tidak-ada-qq')}`);
  assert.deepEqual(linked(none), []);
  assert.match(none, settings.items.length === 0 ? /Belum ada data/ : /Tidak ada data yang cocok/);
  if (settings.items.length === 0) return;
  const word = wordOf(settings.items[0]);
  const html = await page(`/?q=${encodeURIComponent(word.toUpperCase())}`);
  assert.ok(linked(html).includes(settings.items[0].id), word);
  const haystack = (item) => fold(settings.fields.map((f) => item[f.key] ?? '').join(' '));
  assert.deepEqual(linked(html), ids(settings.items.filter((item) => haystack(item).includes(fold(word)))));
  assert.deepEqual(ids((await api(`/api/items?q=${encodeURIComponent(word)}`)).items), linked(html));
});

test('each filterable field offers its values and narrows the list, the JSON and the counts', async () => {
  const html = await page('/');
  for (const field of settings.fields.filter((f) => f.filter)) {
    assert.match(html, new RegExp(`<select name="${field.key}">`));
    const value = settings.items.map((item) => item[field.key]).find((v) => v !== undefined);
    if (value === undefined) continue;
    const query = new URLSearchParams({ [field.key]: String(value) });
    const want = ids(settings.items.filter((item) => String(item[field.key] ?? '') === String(value)));
    const filtered = await page(`/?${query}`);
    assert.deepEqual(linked(filtered), want, field.key);
    assert.ok(filtered.includes(`<option value="${escapeHtml(String(value))}" selected>`), 'the choice stays selected');
    const data = await api(`/api/items?${query}`);
    assert.deepEqual(ids(data.items), want);
    assert.equal(data.count, want.length);
  }
  // A parameter named after a field that is not filterable changes nothing.
  const plain = settings.fields.find((f) => !f.filter);
  if (plain) assert.equal((await api(`/api/items?${plain.key}=zz`)).count, settings.items.length);
});

test('GET /api/items returns the settings\' fields and records as they are', async () => {
  const data = await api('/api/items?lang=en');
  assert.equal(data.updatedAt, settings.updatedAt);
  assert.equal(data.total, settings.items.length);
  assert.deepEqual(data.fields.map((f) => [f.key, f.label, f.type, f.filter]), settings.fields.map((f) => [f.key, f.label.en, f.type, Boolean(f.filter)]));
  const byId = (list) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  assert.deepEqual(byId(data.items), byId(settings.items));
  for (const item of settings.items.slice(0, 5)) assert.deepEqual((await api(`/api/items/${item.id}`)).item, item);
});

test('a record\'s page shows every field; an unknown record is 404 as a page and as JSON', async () => {
  for (const item of settings.items.slice(0, 5)) {
    const html = await page(`/items/${item.id}?lang=en`);
    assert.ok(html.includes(`<h1>${escapeHtml(titleOf(item, 'en'))}</h1>`), item.id);
    for (const field of settings.fields) assert.ok(html.includes(`<dt>${escapeHtml(field.label.en)}</dt>`), field.key);
  }
  for (const path of ['/items/tidak-ada', '/items/%3Cscript%3E', '/items/']) {
    const response = await fetch(`${base()}${path}?lang=id`);
    assert.equal(response.status, 404, path);
    assert.doesNotMatch(await response.text(), /<script/);
  }
  const missing = await fetch(`${base()}/api/items/tidak-ada`);
  assert.equal(missing.status, 404);
  assert.equal(typeof (await missing.json()).error, 'string');
  assert.equal((await fetch(`${base()}/export.csv`, { method: 'POST' })).status, 405);
});

test('what a visitor types comes back as text, not markup', async () => {
  const html = await page(`/?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
  assert.doesNotMatch(html, /<script/);
  assert.ok(html.includes('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
});
