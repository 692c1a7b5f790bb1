// Records the region's settings would never hold — markup, hostile links, odd dates — rendered directly, and the
// settings mistakes the copy refuses to start with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSettings, createDirectory } from '../src/directory.js';
import { layout } from '../src/lib/html.js';
import { detailPage, displayText, listBody } from '../src/views.js';
import { config } from './support.js';

const { region } = config;
const L = (id, en) => ({ id, en });
const sample = {
  intro: L('Contoh <b>tebal</b>', 'Example'),
  updatedAt: '2026-01-15',
  fields: [
    { key: 'name', label: L('Nama', 'Name'), type: 'text' },
    { key: 'kind', label: L('Jenis <i>', 'Kind'), type: 'text', filter: true },
    { key: 'price', label: L('Harga', 'Price'), type: 'currency', unit: L('per kg', 'per kg') },
    { key: 'count', label: L('Jumlah', 'Count'), type: 'number', unit: L('orang', 'people') },
    { key: 'day', label: L('Tanggal', 'Date'), type: 'date' },
    { key: 'site', label: L('Situs', 'Site'), type: 'url' },
    { key: 'phone', label: L('Telepon', 'Phone'), type: 'tel' },
    { key: 'email', label: L('Surel', 'E-mail'), type: 'email' },
  ],
  items: [
    {
      id: 'b', name: '<script>alert("x")</script>', kind: '"><img src=x onerror=alert(1)>', price: 1250000, count: 12345,
      day: '2026-01-15', site: 'javascript:alert(1)', phone: '+62 (435) 000-000', email: 'a@example.com',
    },
    { id: 'a', name: 'Café Ümit', kind: 'Kuliner', price: 15000, day: '2026-01-14T23:30:00Z' },
    { id: 'c', name: 'Tanpa jenis', price: 500 },
  ],
  sort: { field: 'price', order: 'asc' },
  groupBy: 'kind',
};
const dir = createDirectory(sample);
const list = (query = '', lang = 'id') => String(listBody(dir, lang, new URL(`http://local/${query}`)));

test('values from settings are escaped everywhere they appear, and hostile links are disarmed', () => {
  // The detail page's title is plain text: the layout escapes it with the rest of the page.
  const detail = detailPage(dir, dir.find('b'), 'id');
  const pages = [list(), list('?lang=en', 'en'), String(detail.body), layout({ lang: 'id', title: detail.title, body: detail.body })];
  for (const html of pages) {
    assert.doesNotMatch(html, /<script|<img|<b>|<i>|href="javascript:/i);
  }
  assert.ok(pages[0].includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.ok(pages[3].includes('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>'));
  assert.ok(pages[0].includes('<option value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">'));
  assert.ok(pages[2].includes('<a href="#" rel="noopener noreferrer">javascript:alert(1)</a>'));
  // The number dials, and is shown on one line (no-break spaces; the tel class keeps the hyphen too).
  assert.ok(pages[2].includes('<a href="tel:+62435000000"><span class="tel">+62&nbsp;(435)&nbsp;000-000</span></a>'));
  assert.ok(pages[2].includes('<a href="mailto:a@example.com">a@example.com</a>'));
});

test('Rupiah uses Indonesian grouping in both languages; numbers follow the language; units follow values', () => {
  const [price, count] = [sample.fields[2], sample.fields[3]];
  assert.equal(displayText(price, 1250000, 'id').replace(/\s/g, ' '), 'Rp 1.250.000 per kg');
  assert.equal(displayText(price, 1250000, 'en').replace(/\s/g, ' '), 'Rp 1.250.000 per kg');
  assert.equal(displayText(count, 12345, 'id'), '12.345 orang');
  assert.equal(displayText(count, 12345, 'en'), '12,345 people');
  assert.equal(displayText(price, undefined, 'id'), '');
});

test('a calendar date never shifts; a moment in time is shown in the region\'s own zone', () => {
  const day = sample.fields[4];
  assert.equal(displayText(day, '2026-01-15', 'id'), '15 Januari 2026');
  assert.equal(displayText(day, '2026-01-15', 'en'), '15 January 2026');
  const zone = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' }[region.timeZone];
  const moment = displayText(day, '2026-01-14T23:30:00Z', 'id');
  const localDay = new Intl.DateTimeFormat('en-GB', { timeZone: region.timeZone, day: 'numeric' }).format(new Date('2026-01-14T23:30:00Z'));
  assert.ok(moment.endsWith(zone), moment);
  assert.ok(moment.includes(`${localDay} Januari 2026`), moment);
});

test('records are sorted by the sort field, grouped by the groupBy field, empty groups last', () => {
  assert.deepEqual(dir.items.map((item) => item.id), ['c', 'a', 'b']);
  assert.deepEqual(dir.groups(dir.items).map((g) => [g.value, g.items.map((item) => item.id)]), [['"><img src=x onerror=alert(1)>', ['b']], ['Kuliner', ['a']], ['', ['c']]]);
  assert.match(list(), /<h2>Lainnya <small>· 1<\/small><\/h2>/);
  const desc = createDirectory({ ...sample, sort: { field: 'price', order: 'desc' }, groupBy: '' });
  assert.deepEqual(desc.items.map((item) => item.id), ['b', 'a', 'c']);
  assert.equal(desc.groups(desc.items).length, 1);
});

test('search ignores case and accents and needs every word; filters need the exact value', () => {
  assert.deepEqual(dir.query({ q: 'CAFE umit' }).map((item) => item.id), ['a']);
  assert.deepEqual(dir.query({ q: 'cafe zz' }), []);
  assert.deepEqual(dir.query({ filters: { kind: 'Kuliner' } }).map((item) => item.id), ['a']);
  assert.deepEqual(dir.query({ filters: { kind: 'kuliner' } }), []);
  assert.deepEqual(dir.params(new URLSearchParams('q=%20kopi%20&kind=Kuliner&name=x&lang=en')), { q: 'kopi', filters: { kind: 'Kuliner' } });
  assert.match(list('?q=tidak-ada'), /Tidak ada data yang cocok/);
});

test('settings the copy cannot use are refused with every problem named', () => {
  const problems = checkSettings({
    ...sample,
    fields: [...sample.fields, { key: 'name', label: L('x', 'x'), type: 'text' }, { key: 'lang', label: L('x', 'x'), type: 'colour' }],
    items: [
      ...sample.items,
      { id: 'a', price: '15000', day: '15/01/2026', site: 'ftp://x', email: 'nope', phone: 'call me', other: 'x' },
      { id: 'bad-day', day: '2026-02-30' },
      { id: 'Bad Id', day: '2026-13-45' },
    ],
    sort: { field: 'harga' },
    groupBy: 'jenis',
  });
  const expectations = [
    'key "name" is used twice', 'key "lang" is not a usable key', 'type "colour"', 'sort.field "harga"', 'groupBy "jenis"',
    'id "a" is used twice', 'id "Bad Id"', 'price must be a number', 'day must be a date', 'items[4].day must be', 'items[5].day must be', 'site must be an http(s) address',
    'email must be an e-mail address', 'phone must be a phone number', 'other is not one of the fields',
  ];
  for (const expected of expectations) {
    assert.ok(problems.some((p) => p.includes(expected)), `${expected}\n${problems.join('\n')}`);
  }
  // The sample's javascript: link is itself refused; the pages above disarm it all the same.
  assert.deepEqual(checkSettings(sample), ['items[0].site must be an http(s) address']);
});
