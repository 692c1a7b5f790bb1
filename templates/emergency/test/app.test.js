import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from '../src/server.js';

const { region, settings } = JSON.parse(await readFile(new URL('../config/settings.json', import.meta.url), 'utf8'));
let server;
let base;
before(async () => {
  server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

test('every emergency number is a tel: link', async () => {
  const page = await (await fetch(`${base}/`)).text();
  for (const entry of region.contacts.emergency) {
    assert.ok(page.includes(`href="tel:${entry.number.replace(/[^0-9+]/g, '')}"`), entry.number);
  }
});

test('numbers name their responsible OPD from the region settings', async () => {
  const data = await (await fetch(`${base}/api/contacts`)).json();
  assert.equal(data.region, region.name);
  assert.equal(data.numbers.length, region.contacts.emergency.length);
  region.contacts.emergency.forEach((entry, i) => {
    assert.equal(data.numbers[i].number, entry.number);
    assert.equal(data.numbers[i].opd, entry.opd ? region.opd[entry.opd].name : undefined);
  });
});

test('facilities and service hours are listed', async () => {
  const data = await (await fetch(`${base}/api/contacts?lang=en`)).json();
  assert.equal(data.facilities.length, settings.facilities.length);
  assert.equal(data.hours, settings.hours);
  assert.equal(data.numbers[0].label, region.contacts.emergency[0].label.en);
});

test('the API refuses other methods', async () => {
  const response = await fetch(`${base}/api/contacts`, { method: 'POST' });
  assert.equal(response.status, 405);
});
