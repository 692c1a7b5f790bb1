// The portal: services of the run, links, news newest first, emergency numbers always on the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, safeUrl, telHref } from '../src/lib/html.js';
import { serviceList } from '../src/app.js';
import { config, serve } from './support.js';

const { app, region, services, settings } = config;
// The portal lists the other applications of its own audience (public services, or internal ones).
const others = services.filter((s) => s.id !== app.id && s.audience === app.audience);
const base = serve();

test('the home page lists every other service of this run, linked', async () => {
  const page = await (await fetch(`${base()}/?lang=id`)).text();
  for (const s of others) {
    assert.ok(page.includes(`<a href="${escapeHtml(safeUrl(s.url))}">${escapeHtml(s.name)}</a>`), s.id);
    assert.ok(page.includes(escapeHtml(s.title.id)), `${s.id} title`);
  }
  const data = await (await fetch(`${base()}/api/services?lang=en`)).json();
  assert.equal(data.region, region.name);
  assert.deepEqual(data.services.map((s) => s.id), others.map((s) => s.id));
  if (others.length > 0) assert.equal(data.services[0].title, others[0].title.en);
});

test('emergency numbers are in the sticky bar of the home page', async () => {
  const page = await (await fetch(`${base()}/`)).text();
  const bar = page.slice(page.indexOf('<section class="emergency-bar"'), page.indexOf('</section>'));
  for (const e of region.contacts.emergency) {
    assert.ok(bar.includes(`href="${escapeHtml(telHref(e.number))}"`), e.number);
    // Shown on one line: a number is never split across the bar's lines.
    assert.ok(bar.includes(`<span class="tel">${escapeHtml(e.number.trim()).replace(/\s+/g, '&nbsp;')}</span>`), e.number);
  }
});

test('links and news are shown, news newest first', async () => {
  const page = await (await fetch(`${base()}/?lang=en`)).text();
  for (const l of settings.links) assert.ok(page.includes(escapeHtml(l.title.en)), l.url);
  for (const n of settings.news) assert.ok(page.includes(escapeHtml(n.title)), n.title);
  if (settings.news.length === 0) assert.match(page, /No news yet/);
  const { news } = await (await fetch(`${base()}/api/services`)).json();
  assert.equal(news.length, settings.news.length);
  for (let i = 1; i < news.length; i++) assert.ok(news[i - 1].date >= news[i].date);
});

test('a service address can be set from the environment', () => {
  if (others.length === 0) return;
  const key = `SERVICE_URL_${others[0].id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  assert.equal(serviceList('id', { [key]: 'http://127.0.0.1:9999/' })[0].url, 'http://127.0.0.1:9999/');
  assert.equal(serviceList('id', {})[0].url, others[0].url);
});
