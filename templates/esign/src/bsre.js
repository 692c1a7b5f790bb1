// The client of the region's BSrE server. Where it is and which signing API it speaks come from the settings,
// overridable from the environment; the application's own credentials come ONLY from the environment
// (BSRE_USERNAME, BSRE_PASSWORD) and the signer's NIK and passphrase only from the request. Nothing secret is
// stored, logged or echoed back: BSrE's own error words are passed on with those values masked.
import { settings } from './lib/config.js';

export class BsreError extends Error {
  /** `kind` picks the visitor's message (text.js, `bsre`); `status` and `detail` are what BSrE answered. */
  constructor(kind, { status, detail } = {}) {
    super(`BSrE: ${kind}`);
    this.kind = kind;
    this.status = status;
    this.detail = detail;
  }
}

export const isPdf = (bytes) => bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-';

// The catalogue's neutral default and example (example./contoh. domains): a copy still pointing there is not configured.
const PLACEHOLDER = /(^|\.)(example|contoh)\.(go\.id|com|org|net)$/i;

/** Read at each call, so the environment (in tests, too) decides without reloading the module. */
export function bsreConfig(env = process.env) {
  const asked = String(env.BSRE_API ?? '').toLowerCase();
  const seconds = Number(env.BSRE_TIMEOUT_SECONDS);
  const timeoutSeconds = Number.isFinite(seconds) && seconds > 0 ? seconds : settings.timeoutSeconds;
  let url;
  try {
    url = new URL(String(env.BSRE_ENDPOINT || settings.endpoint));
  } catch {
    url = undefined;
  }
  // A plain-http endpoint is accepted only from the environment (a server inside the region's own network).
  const usable = url && (url.protocol === 'https:' || (url.protocol === 'http:' && Boolean(env.BSRE_ENDPOINT))) && !PLACEHOLDER.test(url.hostname);
  return {
    api: asked === 'v1' || asked === 'v2' ? asked : settings.api,
    endpoint: usable ? url.href.replace(/\/+$/, '') : undefined,
    shown: url ? url.origin : String(env.BSRE_ENDPOINT || settings.endpoint),
    placeholder: Boolean(url && PLACEHOLDER.test(url.hostname)),
    timeoutSeconds,
    hasCredentials: Boolean(env.BSRE_USERNAME && env.BSRE_PASSWORD),
  };
}

const basic = () => `Basic ${Buffer.from(`${process.env.BSRE_USERNAME}:${process.env.BSRE_PASSWORD}`).toString('base64')}`;
const jsonInit = (data) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });

function parseJson(bytes) {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** BSrE's own message from an error answer, one line, at most 200 characters, with the secrets masked. */
function detailOf(bytes, secrets) {
  const data = parseJson(bytes);
  if (!data || typeof data !== 'object') return undefined;
  const words = [data.message, data.error, data.errors].find((w) => typeof w === 'string' && w.trim());
  if (!words) return undefined;
  let clean = words.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  for (const secret of [...secrets, process.env.BSRE_USERNAME, process.env.BSRE_PASSWORD]) {
    if (secret && String(secret).length >= 3) clean = clean.split(String(secret)).join('***');
  }
  const code = data.status_code ?? data.code;
  return `${clean.slice(0, 200)}${typeof code === 'number' || typeof code === 'string' ? ` [${String(code).slice(0, 12)}]` : ''}`;
}

/** One request to BSrE; every failure becomes a BsreError the pages and the API explain. */
async function call(config, path, init, secrets = []) {
  if (!config.hasCredentials) throw new BsreError('noCredentials');
  if (!config.endpoint) throw new BsreError('noEndpoint');
  let response;
  let body;
  try {
    response = await fetch(`${config.endpoint}${path}`, {
      ...init,
      headers: { accept: 'application/json, application/pdf', ...init.headers, authorization: basic() },
      // A redirect would carry the credentials elsewhere: it is reported, not followed.
      redirect: 'manual',
      signal: AbortSignal.timeout(config.timeoutSeconds * 1000),
    });
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new BsreError(error?.name === 'TimeoutError' ? 'timeout' : 'unreachable');
  }
  if (response.status === 401 || response.status === 403) throw new BsreError('auth', { status: response.status });
  if (response.status >= 400 && response.status < 500) throw new BsreError('rejected', { status: response.status, detail: detailOf(body, secrets) });
  if (!response.ok) throw new BsreError('upstream', { status: response.status, detail: detailOf(body, secrets) });
  return { response, body };
}

/** The signature's appearance as v2 expects it (signatureProperties[]); coordinates only for a visible one. */
function v2Properties(p) {
  const visible = p.tampilan === 'visible';
  return {
    tampilan: visible ? 'VISIBLE' : 'INVISIBLE',
    reason: p.reason,
    location: p.location,
    ...(visible ? { page: p.page, originX: p.originX, originY: p.originY, width: p.width, height: p.height } : {}),
  };
}

/** Signs one PDF for the signer; resolves with the signed PDF's bytes. */
export async function signPdf(pdf, { nik, passphrase, filename = 'dokumen.pdf', properties }, config = bsreConfig()) {
  const secrets = [nik, passphrase];
  if (config.api === 'v1') {
    // v1: multipart form with HTTP Basic auth; the answer is the signed PDF itself.
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), filename);
    form.append('nik', nik);
    form.append('passphrase', passphrase);
    form.append('tampilan', properties.tampilan);
    form.append('reason', properties.reason);
    form.append('location', properties.location);
    if (properties.tampilan === 'visible') {
      const box = { page: properties.page, xAxis: properties.originX, yAxis: properties.originY, width: properties.width, height: properties.height };
      for (const [key, value] of Object.entries(box)) form.append(key, String(value));
    }
    const { body } = await call(config, '/api/sign/pdf', { method: 'POST', body: form }, secrets);
    if (!isPdf(body)) throw new BsreError('badResponse');
    return body;
  }
  // v2: JSON with the file in base64; the answer is JSON with the signed files in base64, in the same order.
  const payload = { nik, passphrase, signatureProperties: [v2Properties(properties)], file: [pdf.toString('base64')] };
  const { body } = await call(config, '/api/v2/sign/pdf', jsonInit(payload), secrets);
  const signed = Buffer.from(String(parseJson(body)?.file?.[0] ?? ''), 'base64');
  if (!isPdf(signed)) throw new BsreError('badResponse');
  return signed;
}

/**
 * Verifies the signatures in a PDF. Verification uses the v2 endpoint whatever `api` says: it is the only
 * verification call the public material documents, and servers offering v2 answer it.
 */
export async function verifyPdf(pdf, config = bsreConfig()) {
  const { body } = await call(config, '/api/v2/verify/pdf', jsonInit({ file: pdf.toString('base64') }));
  const data = parseJson(body);
  if (!data || typeof data !== 'object') throw new BsreError('badResponse');
  const infos = Array.isArray(data.signatureInformations) ? data.signatureInformations : [];
  const str = (value) => (value === undefined || value === null ? '' : String(value).slice(0, 300));
  return {
    conclusion: str(data.conclusion),
    description: str(data.description),
    signatureCount: Number.isInteger(data.signatureCount) ? data.signatureCount : infos.length,
    signatures: infos.map((s) => ({
      signerName: str(s?.signerName), signatureDate: str(s?.signatureDate), reason: str(s?.reason), location: str(s?.location),
      integrityValid: s?.integrityValid === true, certificateTrusted: s?.certificateTrusted === true, signatureFormat: str(s?.signatureFormat),
    })),
  };
}

/**
 * A signer's certificate status (ISSUE, NOT_REGISTERED, …). Sent as POST with the NIK in a JSON body, as public
 * client code for v2 does, so the NIK never sits in a URL that proxies would log.
 */
export async function signerStatus(nik, config = bsreConfig()) {
  const { body } = await call(config, '/api/v2/user/check/status', jsonInit({ nik }), [nik]);
  const data = parseJson(body);
  if (!data || typeof data !== 'object') throw new BsreError('badResponse');
  return { status: String(data.status ?? ''), message: String(data.message ?? '').slice(0, 300), code: data.status_code ?? null };
}

/**
 * Whether the copy can work: configured, BSrE reachable and our credentials accepted. An empty status query
 * is enough: BSrE answers it (NOT_REGISTERED) only after checking the credentials.
 */
export async function connection(config = bsreConfig()) {
  const summary = { api: config.api, endpoint: config.shown, credentials: config.hasCredentials ? 'set' : 'missing' };
  try {
    await call(config, '/api/v2/user/check/status', jsonInit({ nik: '' }));
    return { ...summary, ok: true };
  } catch (error) {
    if (!(error instanceof BsreError)) throw error;
    // Any other 4xx still proves the server is there and did not refuse the credentials.
    if (error.kind === 'rejected') return { ...summary, ok: true };
    return { ...summary, ok: false, problem: error.kind, ...(error.status ? { upstreamStatus: error.status } : {}) };
  }
}
