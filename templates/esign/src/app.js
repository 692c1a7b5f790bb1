// Tanda tangan elektronik: OPD staff sign and verify PDF documents through the region's BSrE server. The page
// uses plain multipart forms (no scripts); the API takes JSON with the file in base64.
import { createHash } from 'node:crypto';
import { defaultLang, settings } from './lib/config.js';
import { HttpError, readFields, send, sendJson } from './lib/http.js';
import { html, layout } from './lib/html.js';
import { link } from './lib/i18n.js';
import { BsreError, bsreConfig, connection, signPdf, signerStatus, verifyPdf } from './bsre.js';
import { appearance, readUpload, signer } from './upload.js';
import { text } from './text.js';

const STATUS = { noCredentials: 503, noEndpoint: 503, timeout: 504, unreachable: 502, auth: 502, rejected: 422, upstream: 502, badResponse: 502 };

/** Runs a BSrE call; its failure becomes an HttpError in the visitor's language, with a stable `code`. */
async function viaBsre(lang, work) {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BsreError)) throw error;
    const config = bsreConfig();
    const message = text[lang].bsre[error.kind]({ seconds: config.timeoutSeconds, status: error.status, detail: error.detail });
    throw new HttpError(STATUS[error.kind], message, { data: { code: error.kind, ...(error.status ? { upstreamStatus: error.status } : {}) } });
  }
}

async function sign(req, lang) {
  const { pdf, filename, fields } = await readUpload(req, lang);
  const who = signer(fields, lang);
  const signed = await viaBsre(lang, () => signPdf(pdf, { ...who, filename, properties: appearance(fields) }));
  return { signed, filename: filename.replace(/\.pdf$/, '-ttd.pdf') };
}

async function verify(req, lang) {
  const { pdf } = await readUpload(req, lang);
  return viaBsre(lang, () => verifyPdf(pdf));
}

const langField = (lang) => (lang === defaultLang ? '' : html`<input type="hidden" name="lang" value="${lang}">`);

function home({ res, lang, url }) {
  const t = text[lang];
  const config = bsreConfig();
  const d = settings.signatureDefaults;
  const body = html`<p>${t.intro}</p>
<p class="note">${t.server}: <strong>${config.shown}</strong> · ${t.api}: <strong>${config.api}</strong> · ${t.maxSize(settings.maxFileMB)}</p>
${config.placeholder ? html`<p class="error" role="alert">${t.placeholder}</p>` : ''}
${config.hasCredentials ? '' : html`<p class="error" role="alert">${t.noCredentials}</p>`}
<h2>${t.signTitle}</h2>
<form method="post" action="${link('/tandatangani', lang)}" enctype="multipart/form-data">
<label>${t.file}<input type="file" name="file" accept="application/pdf,.pdf" required></label>
<label>${t.nik}<input type="text" name="nik" inputmode="numeric" pattern="[0-9]{16}" maxlength="16" required autocomplete="off"></label>
<label>${t.passphrase}<input type="password" name="passphrase" maxlength="128" required autocomplete="current-password"></label>
<label>${t.tampilan}<select name="tampilan">
${['invisible', 'visible'].map((v) => html`<option value="${v}"${d.tampilan === v ? html` selected` : ''}>${t[v]}</option>`)}
</select></label>
<label>${t.reason}<input type="text" name="reason" maxlength="200" value="${d.reason}"></label>
<p><small>${t.privacy}</small></p>
${langField(lang)}<button type="submit">${t.sign}</button>
</form>
<h2>${t.verifyTitle}</h2>
<form method="post" action="${link('/verifikasi', lang)}" enctype="multipart/form-data">
<label>${t.file}<input type="file" name="file" accept="application/pdf,.pdf" required></label>
${langField(lang)}<button type="submit">${t.verify}</button>
</form>
<h2>${t.apiTitle}</h2>
<ul>
<li><code>POST /api/tandatangani</code> — JSON { nik, passphrase, file (base64), filename?, tampilan?, reason? } → { file (base64), filename, sha256 }</li>
<li><code>POST /api/verifikasi</code> — JSON { file (base64) }</li>
<li><code>GET /api/status</code> · <code>POST /api/status</code> — JSON { nik }</li>
</ul>`;
  send(res, 200, layout({ lang, url, title: t.title, body }));
}

function resultPage({ lang, url }, result) {
  const t = text[lang];
  const yesNo = (value) => (value ? t.yes : t.no);
  const body = html`<dl>
<dt>${t.conclusion}</dt><dd><strong>${result.conclusion}</strong>${result.description ? html` — ${result.description}` : ''}</dd>
<dt>${t.count}</dt><dd>${result.signatureCount}</dd>
</dl>
${result.signatures.length === 0 ? html`<p>${t.none}</p>` : html`<table>
<thead><tr><th>${t.signer}</th><th>${t.date}</th><th>${t.reason}</th><th>${t.integrity}</th><th>${t.trusted}</th></tr></thead>
<tbody>${result.signatures.map((s) => html`<tr><td>${s.signerName}</td><td>${s.signatureDate}</td><td>${s.reason}</td>
<td>${yesNo(s.integrityValid)}</td><td>${yesNo(s.certificateTrusted)}</td></tr>`)}</tbody>
</table>`}
<p><a href="${link('/', lang)}">${t.back}</a></p>`;
  return layout({ lang, url, title: t.resultTitle, body });
}

// The signed PDF goes straight back to the browser: the copy keeps no document.
const pdfHeaders = (filename) => ({ 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' });

export const routes = [
  ['GET', '/', home],
  ['POST', '/tandatangani', async ({ req, res, lang }) => {
    const { signed, filename } = await sign(req, lang);
    send(res, 200, signed, 'application/pdf', pdfHeaders(filename));
  }],
  ['POST', '/verifikasi', async (ctx) => send(ctx.res, 200, resultPage(ctx, await verify(ctx.req, ctx.lang)))],
  ['POST', '/api/tandatangani', async ({ req, res, lang }) => {
    const { signed, filename } = await sign(req, lang);
    const sha256 = createHash('sha256').update(signed).digest('hex');
    sendJson(res, 200, { filename, size: signed.length, sha256, file: signed.toString('base64') }, { 'cache-control': 'no-store' });
  }],
  ['POST', '/api/verifikasi', async ({ req, res, lang }) => sendJson(res, 200, await verify(req, lang))],
  // Whether the copy can reach BSrE with its credentials: for monitoring, so a failure is a 503.
  ['GET', '/api/status', async ({ res }) => {
    const state = await connection();
    sendJson(res, state.ok ? 200 : 503, state);
  }],
  ['POST', '/api/status', async ({ req, res, lang }) => {
    const fields = await readFields(req, lang);
    const nik = typeof fields.nik === 'string' ? fields.nik.trim() : '';
    if (!/^\d{16}$/.test(nik)) throw new HttpError(400, text[lang].badNik);
    sendJson(res, 200, await viaBsre(lang, () => signerStatus(nik)));
  }],
];
