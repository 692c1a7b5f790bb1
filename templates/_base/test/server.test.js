// What every copy shares: the region's identity on the page, both languages, static files, unknown routes,
// the escaping that keeps settings and citizens' input from becoming markup, and what it does for its operators
// (one JSON log line per request without query values, a request id, /healthz, the per-client limit used on
// public submissions). One file, so a copy with a database starts it once for all of these.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, phoneText, safeUrl, telHref } from '../src/lib/html.js';
import { clientAddress, rateLimiter } from '../src/lib/rate-limit.js';
import { config, logs, serve } from './support.js';

const { region, app } = config;
const base = serve();

test('the home page carries the region, the application and the contacts', async () => {
  const response = await fetch(`${base()}/?lang=id`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/html; charset=utf-8/);
  const page = await response.text();
  assert.match(page, /^<!doctype html>\n<html lang="id">/);
  for (const value of [region.name, region.branding.displayName, app.name, region.contacts.email, region.contacts.address]) {
    assert.ok(page.includes(escapeHtml(value)), `page shows ${value}`);
  }
  // The phone number dials, and is shown on one line: no-break spaces, never the ordinary ones it was written with.
  const phone = region.contacts.phone;
  assert.ok(page.includes(`<a href="${telHref(phone)}"><span class="tel">${escapeHtml(phone).replace(/ /g, '&nbsp;')}</span></a>`), 'phone is a tel: link, kept on one line');
  if (phone.includes(' ')) assert.ok(!page.includes(escapeHtml(phone)), 'no breaking space in the phone number');
  assert.match(page, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
  assert.match(page, /Waktu setempat/);
});

test('nothing is loaded from outside the copy', async () => {
  const page = await (await fetch(`${base()}/`)).text();
  assert.doesNotMatch(page, /<script/i);
  assert.doesNotMatch(page, /<(link|img)[^>]+(href|src)="(https?:)?\/\//i);
});

test('English is available with ?lang=en', async () => {
  const page = await (await fetch(`${base()}/?lang=en`)).text();
  assert.match(page, /<html lang="en">/);
  assert.match(page, /Local time/);
  assert.match(page, /Bahasa Indonesia<\/a>/);
});

test('the stylesheets carry the region\'s colours', async () => {
  const style = await fetch(`${base()}/style.css`);
  assert.equal(style.status, 200);
  const css = await style.text();
  assert.match(css, /var\(--primary\)/);
  assert.match(css, /\.tel \{ white-space: nowrap; \}/, 'a hyphenated phone number stays on one line too');
  const theme = await (await fetch(`${base()}/theme.css`)).text();
  for (const color of Object.values(region.branding.colors ?? {})) {
    if (/^#[0-9a-f]{6}$/i.test(color)) assert.ok(theme.includes(color), color);
  }
  assert.match(theme, /--primary: #[0-9a-fA-F]{6};/);
});

test('form fields say what they hold: every input has a type, a password field is filled as a password', async () => {
  const page = await (await fetch(`${base()}/?lang=id`)).text();
  const inputs = page.match(/<input\b[^>]*>/g) ?? [];
  for (const input of inputs) assert.match(input, /\stype="[a-z]+"/, input);
  for (const input of inputs.filter((i) => i.includes('type="password"'))) assert.match(input, /\sautocomplete="(current|new)-password"/, input);
});

test('unknown pages are 404, as HTML or JSON', async () => {
  const page = await fetch(`${base()}/no-such-page?lang=id`);
  assert.equal(page.status, 404);
  assert.match(await page.text(), /tidak ditemukan/);
  const api = await fetch(`${base()}/api/no-such-thing`);
  assert.equal(api.status, 404);
  assert.equal(typeof (await api.json()).error, 'string');
  assert.equal((await fetch(`${base()}/../config/settings.json`)).status, 404);
});

test('escaping turns markup into text', () => {
  assert.equal(escapeHtml(`<b>"a" & 'b'</b>`), '&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;');
  assert.equal(escapeHtml(undefined), '');
  assert.equal(telHref('+62 (435) 000-000'), 'tel:+62435000000');
  assert.equal(telHref('112'), 'tel:112');
  assert.equal(String(phoneText('+62 (435) 000-000')), '<span class="tel">+62&nbsp;(435)&nbsp;000-000</span>');
  assert.equal(String(phoneText(' <b>0435  000 ')), '<span class="tel">&lt;b&gt;0435&nbsp;000</span>');
  assert.equal(safeUrl('javascript:alert(1)'), '#');
  assert.equal(safeUrl('https://example.go.id/'), 'https://example.go.id/');
});


test('each request is logged once as JSON, with its path but not the query values', async () => {
  const response = await fetch(`${base()}/?lang=en&tiket=RAHASIA-123`, { headers: { 'x-request-id': 'from-the-proxy-1' } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('x-request-id'), 'from-the-proxy-1');
  await response.text();
  const line = logs.find((l) => l.msg === 'request' && l.requestId === 'from-the-proxy-1');
  assert.ok(line, 'a request line');
  assert.equal(line.level, 'info');
  assert.equal(line.method, 'GET');
  assert.equal(line.path, '/?lang=&tiket=');
  assert.equal(line.status, 200);
  assert.equal(typeof line.durationMs, 'number');
  assert.match(line.time, /^\d{4}-\d{2}-\d{2}T/);
  assert.ok(!JSON.stringify(logs).includes('RAHASIA'), 'query values never reach the log');
  // An id a proxy sends that is not a plain token is replaced by one of ours.
  const other = await fetch(`${base()}/`, { headers: { 'x-request-id': 'bad id\u00e9' } });
  assert.match(other.headers.get('x-request-id'), /^[0-9a-f-]{36}$/);
});

test('/healthz answers 200 with no-store when everything the copy needs answers', async () => {
  const response = await fetch(`${base()}/healthz`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.equal((await response.json()).status, 'ok');
});

const fakeRequest = (remoteAddress, forwarded) => ({ socket: { remoteAddress }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} });

test('the limit counts per client and says when to come back', () => {
  let now = 0;
  const take = rateLimiter(() => now);
  process.env.RATE_LIMIT_PER_MINUTE = '3';
  try {
    const a = fakeRequest('10.0.0.1');
    for (let i = 0; i < 3; i++) take(a, 'id');
    assert.throws(() => take(a, 'en'), (error) => error.status === 429 && error.headers['retry-after'] === '20' && /20 seconds/.test(error.message));
    take(fakeRequest('10.0.0.2'), 'id');
    now += 20_000;
    take(a, 'id');
    assert.throws(() => take(a, 'id'), (error) => error.status === 429 && /detik/.test(error.message));
    process.env.RATE_LIMIT_PER_MINUTE = '0';
    for (let i = 0; i < 100; i++) take(a, 'id');
  } finally {
    delete process.env.RATE_LIMIT_PER_MINUTE;
  }
});

test('X-Forwarded-For counts only when TRUST_PROXY says how many proxies stand in front', () => {
  const request = fakeRequest('127.0.0.1', '203.0.113.9, 198.51.100.7');
  delete process.env.TRUST_PROXY;
  assert.equal(clientAddress(request), '127.0.0.1', 'not trusted by default: anyone can send the header');
  process.env.TRUST_PROXY = '1';
  try {
    assert.equal(clientAddress(request), '198.51.100.7', 'one proxy: the address it saw');
    process.env.TRUST_PROXY = '2';
    assert.equal(clientAddress(request), '203.0.113.9');
    process.env.TRUST_PROXY = 'true';
    assert.equal(clientAddress(fakeRequest('127.0.0.1')), '127.0.0.1', 'no header: the connection');
  } finally {
    delete process.env.TRUST_PROXY;
  }
});
