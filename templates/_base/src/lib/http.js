// A small router over node:http. Routes are [method, path or RegExp with named groups, handler(ctx)];
// a handler gets { req, res, url, lang, params } and answers with send/sendJson or throws an HttpError.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { region } from './config.js';
import { html, layout } from './html.js';
import { langOf, words } from './i18n.js';
import { errorFields, log } from './log.js';

const PUBLIC = new URL('../../public/', import.meta.url);
const TYPES = { css: 'text/css; charset=utf-8', svg: 'image/svg+xml', png: 'image/png' };
const MAX_BODY = 64 * 1024;
// No scripts at all and nothing from other origins: pages are plain HTML forms and links.
const HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

export class HttpError extends Error {
  /**
   * `message` is shown to the visitor, so it is already in the visitor's language; `data` adds fields to a
   * JSON answer and `headers` adds response headers.
   */
  constructor(status, message, { data = {}, headers = {} } = {}) {
    super(message);
    this.status = status;
    this.data = data;
    this.headers = headers;
  }
}

/** Starts an answer with the copy's security headers; `send` ends it at once, a streamed list writes on. */
export function startAnswer(res, status, type, headers = {}) {
  res.writeHead(status, { ...HEADERS, 'content-type': type, ...headers });
}

export function send(res, status, body, type = 'text/html; charset=utf-8', headers = {}) {
  startAnswer(res, status, type, headers);
  res.end(body);
}

export function sendJson(res, status, data, headers = {}) {
  send(res, status, `${JSON.stringify(data, null, 2)}\n`, 'application/json; charset=utf-8', headers);
}

export function redirect(res, location) {
  send(res, 303, '', 'text/plain; charset=utf-8', { location });
}

/** A form or JSON body as a plain object of fields. */
export async function readFields(req, lang) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, words[lang].tooLarge);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = (req.headers['content-type'] ?? 'application/x-www-form-urlencoded').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type !== 'application/json') throw new HttpError(415, words[lang].badType);
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, words[lang].badJson);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new HttpError(400, words[lang].badJson);
  return data;
}

/** The region's colours as CSS custom properties; anything but #rrggbb falls back to the defaults. */
function themeCss() {
  const colors = region.branding.colors ?? {};
  const color = (value, fallback) => (/^#[0-9a-f]{6}$/i.test(String(value)) ? value : fallback);
  return `:root {\n  --primary: ${color(colors.primary, '#1f4e79')};\n  --accent: ${color(colors.accent, '#f2b705')};\n}\n`;
}

async function servePublic(pathname, res) {
  if (pathname === '/theme.css') {
    send(res, 200, themeCss(), TYPES.css);
    return true;
  }
  // A fixed shape of file name, so no path can climb out of public/.
  const name = /^\/([a-z0-9-]+)\.(css|svg|png)$/.exec(pathname);
  if (!name) return false;
  try {
    send(res, 200, await readFile(new URL(`${name[1]}.${name[2]}`, PUBLIC)), TYPES[name[2]]);
    return true;
  } catch {
    return false;
  }
}

function matchPath(pattern, pathname) {
  if (typeof pattern === 'string') return pattern === pathname ? {} : undefined;
  const m = pattern.exec(pathname);
  return m ? { ...m.groups } : undefined;
}

function fail(ctx, error) {
  const { res, url, lang } = ctx;
  if (url.pathname.startsWith('/api/')) return sendJson(res, error.status, { error: error.message, ...error.data }, error.headers);
  const titles = { 404: words[lang].notFoundTitle, 503: words[lang].unavailableTitle };
  const title = titles[error.status] ?? `${words[lang].error} ${error.status}`;
  const body = html`<p class="error" role="alert">${error.message}</p>`;
  send(res, error.status, layout({ lang, url, title, body }), undefined, error.headers);
}

/** The answer for an error: its own when it is an HttpError, 503 when the database is down, else 500 (logged). */
function answerFor(error, ctx) {
  if (error instanceof HttpError) return error;
  if (error?.unavailable) {
    log('error', 'database unavailable', { requestId: ctx.requestId, ...errorFields(error) });
    return new HttpError(503, words[ctx.lang].unavailable, { headers: { 'retry-after': '30' } });
  }
  log('error', 'request failed', { requestId: ctx.requestId, method: ctx.req.method, path: ctx.url.pathname, ...errorFields(error) });
  return new HttpError(500, words[ctx.lang].serverError);
}

/** The path as logged: query values are left out (a ticket or a search is the visitor's business), keys kept. */
const loggedPath = (url) => url.pathname + (url.search ? `?${[...new Set(url.searchParams.keys())].map((k) => `${encodeURIComponent(k)}=`).join('&')}` : '');

// A request id from a proxy is kept when it is a plain token, so one id follows a request through the logs.
const requestIdOf = (req) => {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
};

/** One log line per request, when its answer has been sent or the client went away. */
function logRequest(ctx, startedAt) {
  const { req, res, url, requestId } = ctx;
  let done = false;
  const write = (aborted) => {
    if (done) return;
    done = true;
    const durationMs = Math.round(Number(process.hrtime.bigint() - startedAt) / 1e4) / 100;
    const healthy = url.pathname === '/healthz' && res.statusCode === 200;
    log(healthy ? 'debug' : 'info', 'request', { requestId, method: req.method, path: loggedPath(url), status: res.statusCode, durationMs, ...(aborted ? { aborted: true } : {}) });
  };
  res.on('finish', () => write(false));
  res.on('close', () => write(!res.writableFinished));
}

async function healthz(res, health) {
  const state = health ? await health() : { ok: true };
  if (!state.ok) log('error', 'health check failed', { database: state.database, reason: state.reason });
  const body = { status: state.ok ? 'ok' : 'unavailable', ...(state.database ? { database: state.database } : {}) };
  sendJson(res, state.ok ? 200 : 503, body, { 'cache-control': 'no-store' });
}

/**
 * The request handler for node:http's createServer. `health` (optional) tells whether what the copy depends on
 * answers; GET /healthz reports it: 200 when it does, 503 when not. While `ready` (optional) says no, every
 * other page answers 503 too: a form shown with 200 could not be saved.
 */
export function handler(routes, { health, ready } = {}) {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const ctx = { req, res, url, lang: langOf(url), params: {}, requestId: requestIdOf(req) };
    res.setHeader('x-request-id', ctx.requestId);
    logRequest(ctx, process.hrtime.bigint());
    // HEAD is answered like GET; node:http leaves the body out.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    try {
      if (method === 'GET' && url.pathname === '/healthz') return await healthz(res, health);
      if (method === 'GET' && (await servePublic(url.pathname, res))) return;
      if (ready && !(await ready())) throw Object.assign(new Error('the database is down (see the error logged before)'), { unavailable: true, expected: true });
      const matching = routes.filter(([, path]) => matchPath(path, url.pathname));
      const route = matching.find(([m]) => m === method);
      if (!route && matching.length === 0) throw new HttpError(404, words[ctx.lang].notFound);
      if (!route) {
        const allow = [...new Set(matching.map(([m]) => (m === 'GET' ? 'GET, HEAD' : m)))].join(', ');
        throw new HttpError(405, words[ctx.lang].methodNotAllowed, { headers: { allow } });
      }
      ctx.params = matchPath(route[1], url.pathname);
      await route[2](ctx);
    } catch (error) {
      const answer = answerFor(error, ctx);
      // Half an answer already went out: cut the connection so the client sees a failure, not a short body.
      if (res.headersSent) return res.destroy();
      fail(ctx, answer);
    }
  };
}
