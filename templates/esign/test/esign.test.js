// Tanda tangan elektronik against a fake BSrE server started here (fake-bsre.js: node:http, port 0): signing in
// v1 and v2, verification, status, wrong credentials, refused input, timeouts, and no credential left anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARK, minimalPdf, startFakeBsre } from './fake-bsre.js';
import { config, serve } from './support.js';

const { settings } = config;
// Random values, so the final search finds them only if the copy wrote them somewhere.
const USER = `app-${randomBytes(6).toString('hex')}`;
const PASSWORD = `pw-${randomBytes(9).toString('hex')}`;
const PASSPHRASE = `pp-${randomBytes(9).toString('hex')}`;
const NIK = `9${Array.from({ length: 15 }, () => randomInt(10)).join('')}`;

const PDF = minimalPdf();
const logged = [];
let fake;
const base = serve({
  setUp: async () => {
    // Whatever the copy prints is kept, to be searched for credentials at the end.
    for (const name of ['log', 'info', 'warn', 'error']) {
      const original = console[name];
      console[name] = (...args) => { logged.push(args.map(String).join(' ')); original(...args); };
    }
    fake = await startFakeBsre({ user: USER, password: PASSWORD, nik: NIK, passphrase: PASSPHRASE });
    Object.assign(process.env, { BSRE_ENDPOINT: fake.url, BSRE_USERNAME: USER, BSRE_PASSWORD: PASSWORD, BSRE_API: 'v2' });
  },
  tearDown: () => fake.close(),
});

const postJson = (path, data) => fetch(`${base()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
const signApi = (extra = {}) => postJson('/api/tandatangani?lang=en', { nik: NIK, passphrase: PASSPHRASE, file: PDF.toString('base64'), filename: 'surat.pdf', ...extra });
function form(fields, file = PDF) {
  const data = new FormData();
  data.append('file', new Blob([file], { type: 'application/pdf' }), 'Surat Edaran.pdf');
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}
async function withEnv(values, work) {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

test('the signing form asks for the NIK as text and the passphrase as the signer\'s existing password', async () => {
  const page = await (await fetch(`${base()}/?lang=id`)).text();
  assert.match(page, /<input type="text" name="nik" inputmode="numeric" pattern="\[0-9\]\{16\}"/);
  // The certificate's passphrase already exists: a password manager may fill it, never propose a new one.
  assert.match(page, /<input type="password" name="passphrase" [^>]*autocomplete="current-password">/);
  assert.doesNotMatch(page, /type="password"[^>]*autocomplete="off"/);
});

test('v2: the API signs a PDF sent as base64 JSON', async () => {
  const response = await signApi();
  assert.equal(response.status, 200);
  const body = await response.json();
  const signed = Buffer.from(body.file, 'base64');
  assert.ok(signed.subarray(0, PDF.length).equals(PDF) && signed.includes(`${MARK} v2`));
  assert.equal(body.filename, 'surat-ttd.pdf');
  const sent = fake.state.requests.at(-1);
  assert.equal(sent.api, 'v2');
  assert.ok(sent.file.equals(PDF));
  assert.equal(sent.nik, NIK);
  assert.equal(sent.properties[0].tampilan, settings.signatureDefaults.tampilan.toUpperCase());
});

test('v1: the page signs a PDF sent as a multipart form and returns it as a download', () => withEnv({ BSRE_API: 'v1' }, async () => {
  const response = await fetch(`${base()}/tandatangani`, { method: 'POST', body: form({ nik: NIK, passphrase: PASSPHRASE, tampilan: 'invisible' }) });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/pdf');
  assert.equal(response.headers.get('content-disposition'), 'attachment; filename="Surat_Edaran-ttd.pdf"');
  const signed = Buffer.from(await response.arrayBuffer());
  assert.ok(signed.subarray(0, PDF.length).equals(PDF) && signed.includes(`${MARK} v1`));
  assert.deepEqual({ ...fake.state.requests.at(-1), file: undefined }, { api: 'v1', nik: NIK, tampilan: 'invisible', file: undefined });
  const api = await signApi({ tampilan: 'visible' });
  assert.equal(api.status, 200);
  assert.ok(Buffer.from((await api.json()).file, 'base64').includes(`${MARK} v1`));
  assert.equal(fake.state.requests.at(-1).tampilan, 'visible');
}));

test('verification reports the signatures, as JSON and as an escaped page', async () => {
  const signed = Buffer.from((await (await signApi()).json()).file, 'base64');
  const valid = await (await postJson('/api/verifikasi', { file: signed.toString('base64') })).json();
  assert.equal(valid.conclusion, 'VALID');
  assert.equal(valid.signatureCount, 1);
  assert.equal(valid.signatures[0].integrityValid, true);
  const unsigned = await (await postJson('/api/verifikasi', { file: PDF.toString('base64') })).json();
  assert.deepEqual([unsigned.conclusion, unsigned.signatureCount, unsigned.signatures], ['NO_SIGNATURE', 0, []]);
  const page = await fetch(`${base()}/verifikasi?lang=id`, { method: 'POST', body: form({}, signed) });
  assert.equal(page.status, 200);
  const text = await page.text();
  assert.match(text, /VALID/);
  assert.ok(text.includes('Penanda &lt;Uji&gt;') && !text.includes('<Uji>'));
});

test('the status checks tell whether BSrE answers and what a signer\'s certificate is', async () => {
  const state = await fetch(`${base()}/api/status`);
  assert.equal(state.status, 200);
  assert.deepEqual(await state.json(), { api: 'v2', endpoint: process.env.BSRE_ENDPOINT, credentials: 'set', ok: true });
  const signer = await (await postJson('/api/status', { nik: NIK })).json();
  assert.equal(signer.status, 'ISSUE');
  assert.equal((await postJson('/api/status', { nik: '123' })).status, 400);
});

test('wrong or missing credentials give a clear error', async () => {
  await withEnv({ BSRE_PASSWORD: 'wrong-password' }, async () => {
    const response = await signApi();
    assert.equal(response.status, 502);
    const body = await response.json();
    assert.equal(body.code, 'auth');
    assert.match(body.error, /BSRE_USERNAME\/BSRE_PASSWORD/);
    const state = await fetch(`${base()}/api/status`);
    assert.equal(state.status, 503);
    assert.equal((await state.json()).problem, 'auth');
  });
  await withEnv({ BSRE_USERNAME: '' }, async () => {
    const response = await signApi();
    assert.equal(response.status, 503);
    assert.match((await response.json()).error, /BSRE_USERNAME and BSRE_PASSWORD/);
    assert.match(await (await fetch(`${base()}/?lang=en`)).text(), /BSRE_USERNAME and BSRE_PASSWORD are not set/);
  });
  const wrong = `wrong-${PASSPHRASE}`;
  const refused = await signApi({ passphrase: wrong });
  assert.equal(refused.status, 422);
  const body = await refused.json();
  assert.match(body.error, /Passphrase \*\*\* salah/);
  assert.ok(!body.error.includes(wrong), 'the passphrase is not echoed');
});

test('what is not a PDF, a bad NIK and a bad body are refused with 400', async () => {
  const notPdf = await signApi({ file: Buffer.from('hello, not a pdf').toString('base64') });
  assert.equal(notPdf.status, 400);
  assert.match((await notPdf.json()).error, /%PDF-/);
  const page = await fetch(`${base()}/tandatangani?lang=id`, { method: 'POST', body: form({ nik: NIK, passphrase: PASSPHRASE }, Buffer.from('<html>')) });
  assert.equal(page.status, 400);
  assert.match(await page.text(), /Berkas bukan PDF/);
  assert.equal((await signApi({ nik: '12345' })).status, 400);
  assert.equal((await signApi({ passphrase: '' })).status, 400);
  assert.equal((await signApi({ file: 'not base64!' })).status, 400);
  assert.equal((await postJson('/api/verifikasi', {})).status, 400);
  const plain = await fetch(`${base()}/api/tandatangani`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
  assert.equal(plain.status, 415);
  const requestsBefore = fake.state.requests.length;
  const big = Buffer.concat([PDF, Buffer.alloc(settings.maxFileMB * 1024 * 1024)]);
  const tooBig = await fetch(`${base()}/api/tandatangani`, { method: 'POST', body: form({ nik: NIK, passphrase: PASSPHRASE }, big) });
  assert.equal(tooBig.status, 413);
  assert.equal(fake.state.requests.length, requestsBefore, 'nothing refused reaches BSrE');
});

test('a slow or absent BSrE is reported as such', async () => {
  fake.state.delayMs = 1000;
  try {
    await withEnv({ BSRE_TIMEOUT_SECONDS: '0.2' }, async () => {
      const response = await signApi();
      assert.equal(response.status, 504);
      const body = await response.json();
      assert.equal(body.code, 'timeout');
      assert.match(body.error, /within 0\.2 seconds/);
    });
  } finally {
    fake.state.delayMs = 0;
  }
  await withEnv({ BSRE_ENDPOINT: 'http://127.0.0.1:9' }, async () => {
    const response = await signApi();
    assert.equal(response.status, 502);
    assert.equal((await response.json()).code, 'unreachable');
  });
});

test('no credential used here appears in any file of the copy or in its output', async () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && !/(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(join(e.parentPath, e.name).slice(root.length)))
    .map((e) => join(e.parentPath, e.name));
  assert.ok(files.length > 10, 'the copy\'s files are read');
  for (const file of files) {
    const content = await readFile(file, 'latin1');
    for (const secret of [USER, PASSWORD, PASSPHRASE, NIK]) assert.ok(!content.includes(secret), `${file} holds a credential`);
  }
  for (const secret of [USER, PASSWORD, PASSPHRASE, NIK]) assert.ok(!logged.some((line) => line.includes(secret)), 'printed a credential');
});
