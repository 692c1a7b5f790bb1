// Checks every copy shares: the page carries the region's identity, languages, static files, unknown routes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from '../src/server.js';

const settings = JSON.parse(await readFile(new URL('../config/settings.json', import.meta.url), 'utf8'));
let server;
let base;

before(async () => {
  server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

const escaped = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

test('the home page shows the region, the application and the contacts', async () => {
  const response = await fetch(`${base}/`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /text\/html/);
  const page = await response.text();
  assert.ok(page.includes(escaped(settings.region.name)), 'region name');
  assert.ok(page.includes(escaped(settings.region.branding.displayName)), 'display name');
  assert.ok(page.includes(escaped(settings.app.name)), 'application name');
  assert.ok(page.includes(escaped(settings.region.contacts.email)), 'contact e-mail');
  assert.ok(page.includes(settings.region.branding.colors.primary), 'branding colour');
  assert.match(page, /<html lang="id">/);
});

test('the local time is given in the region\'s time zone', async () => {
  const page = await (await fetch(`${base}/`)).text();
  const zone = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' }[settings.region.timeZone];
  assert.match(page, new RegExp(`<time>[^<]+ ${zone}</time>`));
});

test('pages are available in English', async () => {
  const page = await (await fetch(`${base}/?lang=en`)).text();
  assert.match(page, /<html lang="en">/);
  assert.match(page, /Local time/);
});

test('the stylesheet is served and unknown pages are 404', async () => {
  const css = await fetch(`${base}/style.css`);
  assert.equal(css.status, 200);
  assert.match(await css.text(), /--primary/);
  const missing = await fetch(`${base}/no-such-page`);
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /tidak ditemukan/);
});
