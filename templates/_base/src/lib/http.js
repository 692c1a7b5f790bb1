// A small router over node:http: routes are [method, path or RegExp, handler(ctx)].
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { region } from './config.js';
import { html, layout } from './html.js';
import { langOf, words } from './i18n.js';

const PUBLIC = new URL('../../public/', import.meta.url);
const TYPES = { '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png' };
const MAX_BODY = 64 * 1024;

export class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function send(res, status, body, type = 'text/html; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'" });
  res.end(body);
}

export function sendJson(res, status, data) {
  send(res, status, `${JSON.stringify(data, null, 2)}\n`, 'application/json; charset=utf-8');
}

/** The request body as text; larger than 64 KiB is refused. */
export async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A form or JSON body as a plain object. */
export async function readFields(req) {
  const text = await readBody(req);
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      const data = JSON.parse(text);
      if (data && typeof data === 'object' && !Array.isArray(data)) return data;
    } catch {
      // fall through to the error below
    }
    throw new HttpError(400, 'Invalid JSON body');
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export function createApp(routes) {
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const lang = langOf(url);
    try {
      if (req.method === 'GET' && (await servePublic(url.pathname, res))) return;
      const match = routes.map(([method, path, handler]) => ({ method, handler, params: matchPath(path, url.pathname) })).filter((r) => r.params);
      const route = match.find((r) => r.method === req.method);
      if (!route) {
        if (match.length > 0) return send(res, 405, 'Method Not Allowed', 'text/plain; charset=utf-8');
        return send(res, 404, layout({ lang, title: '404', body: html`<p>${words[lang].notFound}</p>` }));
      }
      await route.handler({ req, res, url, lang, params: route.params });
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error(error);
      const message = status === 500 ? words[lang].serverError : error.message;
      if (url.pathname.startsWith('/api/')) return sendJson(res, status, { error: message });
      send(res, status, layout({ lang, title: String(status), body: html`<p class="error">${message}</p>` }));
    }
  });
}

function matchPath(pattern, pathname) {
  if (typeof pattern === 'string') return pattern === pathname ? {} : undefined;
  const m = pattern.exec(pathname);
  return m ? (m.groups ?? {}) : undefined;
}

async function servePublic(pathname, res) {
  const name = pathname.slice(1);
  if (!/^[a-z0-9-]+\.(css|svg|png)$/.test(name)) return false;
  try {
    send(res, 200, await readFile(new URL(name, PUBLIC)), TYPES[extname(name)]);
    return true;
  } catch {
    return false;
  }
}

export function start(server) {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  server.listen(port, host, () => console.log(`${region.name}: http://${host === '0.0.0.0' ? 'localhost' : host}:${server.address().port}/`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
