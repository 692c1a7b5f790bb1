import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from '../src/server.js';
import { serviceList } from '../src/app.js';

const { app, region, services, settings } = JSON.parse(await readFile(new URL('../config/settings.json', import.meta.url), 'utf8'));
let server;
let base;
before(async () => {
  server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

const others = services.filter((s) => s.id !== app.id);

test('the portal lists every other service of the region', async () => {
  const data = await (await fetch(`${base}/api/services`)).json();
  assert.equal(data.region, region.name);
  assert.deepEqual(data.services.map((s) => s.id), others.map((s) => s.id));
  const page = await (await fetch(`${base}/`)).text();
  for (const service of data.services) assert.ok(page.includes(`href="${service.url}"`), service.id);
});

test('emergency numbers are always on the home page', async () => {
  const page = await (await fetch(`${base}/`)).text();
  for (const entry of region.contacts.emergency) assert.ok(page.includes(`${entry.number} · `), entry.number);
});

test('news is newest first and links are listed', async () => {
  const data = await (await fetch(`${base}/api/services`)).json();
  assert.equal(data.news.length, settings.news.length);
  for (let i = 1; i < data.news.length; i++) assert.ok(data.news[i - 1].date >= data.news[i].date);
  assert.deepEqual(data.links, settings.links);
});

test('a service address can be set from the environment', () => {
  if (others.length === 0) return;
  const [first] = others;
  const key = `SERVICE_URL_${first.id.toUpperCase().replace(/-/g, '_')}`;
  const list = serviceList('en', { [key]: 'http://127.0.0.1:9999/' });
  assert.equal(list[0].url, 'http://127.0.0.1:9999/');
  assert.equal(list[0].title, first.title.en);
});
