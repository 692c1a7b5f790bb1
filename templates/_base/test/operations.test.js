// What every copy does for its operators: one JSON log line per request (no query values), a request id,
// /healthz, and the per-client limit used on public submissions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientAddress, rateLimiter } from '../src/lib/rate-limit.js';
import { logs, serve } from './support.js';

const base = serve();

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
