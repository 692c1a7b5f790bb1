// Gawat Darurat 112: numbers dial, name their OPD, facilities are grouped, the time is the region's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, telHref } from '../src/lib/html.js';
import { directory } from '../src/app.js';
import { config, serve } from './support.js';

const { region, settings } = config;
const base = serve();
// A number as the page shows it: escaped, on one line (no-break spaces in a span the stylesheet keeps whole).
const shown = (number) => `<span class="tel">${escapeHtml(number.trim()).replace(/\s+/g, '&nbsp;')}</span>`;

test('every emergency number is a big tel: link with its label', async () => {
  const page = await (await fetch(`${base()}/?lang=id`)).text();
  for (const entry of region.contacts.emergency) {
    assert.ok(page.includes(`<a class="big" href="${escapeHtml(telHref(entry.number))}">${shown(entry.number)}<small>${escapeHtml(entry.label.id)}</small>`), entry.number);
  }
});

test('numbers and facilities name their responsible OPD from the region settings', async () => {
  const data = await (await fetch(`${base()}/api/contacts`)).json();
  assert.equal(data.region, region.name);
  assert.equal(data.numbers.length, region.contacts.emergency.length);
  region.contacts.emergency.forEach((entry, i) => {
    assert.equal(data.numbers[i].number, entry.number);
    const known = entry.opd && Object.hasOwn(region.opd, entry.opd);
    assert.deepEqual(data.numbers[i].opd, known ? { key: entry.opd, name: region.opd[entry.opd].name } : undefined);
  });
  const page = await (await fetch(`${base()}/`)).text();
  for (const entry of region.contacts.emergency.filter((e) => e.opd && Object.hasOwn(region.opd, e.opd))) {
    assert.ok(page.includes(escapeHtml(region.opd[entry.opd].name)), entry.opd);
  }
});

test('facilities are grouped by kind and the service hours are shown', async () => {
  const page = await (await fetch(`${base()}/?lang=en`)).text();
  assert.ok(page.includes(escapeHtml(settings.hours)));
  for (const f of settings.facilities) {
    assert.ok(page.includes(escapeHtml(f.name)), f.name);
    assert.ok(page.includes(`<a href="${escapeHtml(telHref(f.phone))}">${shown(f.phone)}</a>`), f.phone);
  }
  if (settings.facilities.some((f) => f.kind === 'hospital')) assert.match(page, /<h3>Hospitals<\/h3>/);
  if (settings.facilities.length === 0) assert.match(page, /No facilities/);
  const data = await (await fetch(`${base()}/api/contacts?lang=en`)).json();
  assert.equal(data.facilities.length, settings.facilities.length);
  assert.equal(data.hours, settings.hours);
  assert.equal(data.numbers[0].label, region.contacts.emergency[0].label.en);
});

test('the local time is computed per request in the region\'s time zone', () => {
  const zone = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' }[region.timeZone];
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone: region.timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date('2026-01-15T06:05:00Z'));
  const shown = directory('id', new Date('2026-01-15T06:05:00Z')).localTime;
  assert.ok(shown.includes(`${hour}.05`), shown);
  assert.ok(shown.endsWith(zone), shown);
  assert.notEqual(directory('id', new Date('2026-01-15T07:05:00Z')).localTime, shown);
});

test('the API refuses other methods', async () => {
  const response = await fetch(`${base()}/api/contacts`, { method: 'POST' });
  assert.equal(response.status, 405);
  assert.match(response.headers.get('allow'), /GET/);
});
