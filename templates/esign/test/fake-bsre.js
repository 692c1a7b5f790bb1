// A fake BSrE server for the tests, started in-process on a free port: both signing APIs (v1 multipart, v2
// JSON), verification and status, HTTP Basic auth checked. A "signature" is a marker appended to the PDF, and
// verification looks for it. node --test also loads this file; it defines no tests and starts nothing itself.
import { createServer } from 'node:http';

export const MARK = '%BSrE-fake-signature';

/** A minimal valid one-page PDF, with a correct cross-reference table. */
export function minimalPdf() {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return Buffer.from(`${out}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1');
}

/**
 * Listens on 127.0.0.1, port 0. Resolves with { url, state, close }: `state.delayMs` slows every answer down and
 * `state.requests` records what reached the server (API version, NIK, appearance, file).
 */
export async function startFakeBsre({ user, password, nik, passphrase }) {
  const state = { delayMs: 0, requests: [] };
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const reply = (status, data, type = 'application/json') => setTimeout(() => {
      res.writeHead(status, { 'content-type': type });
      res.end(type === 'application/json' ? JSON.stringify(data) : data);
    }, state.delayMs);
    if (req.headers.authorization !== `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`) {
      return reply(401, { timestamp: Date.now(), status: 401, error: 'Unauthorized', path: req.url });
    }
    const signed = (file, api) => Buffer.concat([file, Buffer.from(`\n${MARK} ${api}\n`)]);
    if (req.method === 'POST' && req.url === '/api/sign/pdf') {
      const form = await new Response(body, { headers: { 'content-type': req.headers['content-type'] } }).formData();
      const file = Buffer.from(await form.get('file').arrayBuffer());
      state.requests.push({ api: 'v1', nik: form.get('nik'), tampilan: form.get('tampilan'), file });
      // Echoes a wrong passphrase, as a careless server might: the copy must not pass it on.
      if (form.get('passphrase') !== passphrase) return reply(400, { status_code: 2031, error: `Passphrase ${form.get('passphrase')} salah` });
      return reply(200, signed(file, 'v1'), 'application/pdf');
    }
    const data = req.headers['content-type'] === 'application/json' ? JSON.parse(body.toString('utf8')) : {};
    if (req.method === 'POST' && req.url === '/api/v2/sign/pdf') {
      const file = Buffer.from(data.file[0], 'base64');
      state.requests.push({ api: 'v2', nik: data.nik, properties: data.signatureProperties, file });
      if (data.passphrase !== passphrase) return reply(400, { status_code: 2031, error: `Passphrase ${data.passphrase} salah` });
      return reply(200, { time: 5, file: [signed(file, 'v2').toString('base64')] });
    }
    if (req.method === 'POST' && req.url === '/api/v2/verify/pdf') {
      if (!Buffer.from(data.file, 'base64').includes(MARK)) {
        return reply(200, { conclusion: 'NO_SIGNATURE', description: 'Tidak ada tanda tangan', signatureCount: 0, signatureInformations: [] });
      }
      const info = { signerName: 'Penanda <Uji>', signatureDate: '2026-01-15 10:00:00', reason: 'Uji', location: 'Uji',
        integrityValid: true, certificateTrusted: true, signatureFormat: 'PAdES-BASELINE-T' };
      return reply(200, { conclusion: 'VALID', description: 'Dokumen valid', signatureCount: 1, signatureInformations: [info] });
    }
    if (req.method === 'POST' && req.url === '/api/v2/user/check/status') {
      const known = data.nik === nik;
      return reply(200, known ? { status_code: 1111, message: 'Sertifikat aktif', status: 'ISSUE' } : { status_code: 2011, message: 'Tidak terdaftar', status: 'NOT_REGISTERED' });
    }
    reply(404, { error: 'Not Found' });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return { url: `http://127.0.0.1:${server.address().port}`, state, close };
}
