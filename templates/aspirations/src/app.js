// LAKSA — Layanan Aspirasi Kotak Saran Anda: citizens' aspirations and complaints, each routed to the OPD
// responsible for its category, tracked by ticket, and verified before it is closed.
import { createHash, timingSafeEqual } from 'node:crypto';
import { localDate, pick, settings } from './lib/config.js';
import { HttpError, readFields, redirect, send, sendJson } from './lib/http.js';
import { link } from './lib/i18n.js';
import { pageParams, streamJsonPage } from './lib/paging.js';
import { rateLimiter } from './lib/rate-limit.js';
import { addWorkingDays, canMove, checkReport, publicView, routeTo, STATUSES } from './laksa.js';
import { changeStatus as storeStatus, find, insert, page, TICKET } from './store.js';
import { text } from './text.js';
import { formPage, lookupPage, statusPage } from './views.js';

async function create(fields) {
  const { report, problems } = checkReport(fields);
  if (problems.length > 0) return { problems, report };
  const now = new Date();
  const today = localDate(now);
  const entry = {
    category: report.category,
    opd: routeTo(report.category),
    message: report.message,
    name: report.name,
    contact: report.contact,
    status: STATUSES[0],
    createdAt: now.toISOString(),
    dueDate: addWorkingDays(today, settings.slaDays),
  };
  return { entry: await insert(entry, today) };
}

/** Officers send `Authorization: Bearer <ADMIN_TOKEN>`; with no token configured nobody may change a status. */
function authorise(req, lang) {
  const token = process.env.ADMIN_TOKEN;
  if (!token) throw new HttpError(503, text[lang].noToken);
  const given = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
  // Comparing digests keeps the comparison constant-time whatever the lengths.
  const digest = (value) => createHash('sha256').update(value).digest();
  if (!timingSafeEqual(digest(given), digest(token))) {
    throw new HttpError(401, text[lang].badToken, { headers: { 'www-authenticate': 'Bearer' } });
  }
}

async function changeStatus({ req, res, params, lang }) {
  const t = text[lang];
  authorise(req, lang);
  const { status, note } = await readFields(req, lang);
  if (!STATUSES.includes(status)) throw new HttpError(400, t.badStatus(STATUSES.join(', ')));
  const kept = typeof note === 'string' && note.trim() ? note.trim().slice(0, 500) : undefined;
  const entry = TICKET.test(params.id) ? await storeStatus(params.id, status, kept, (current) => {
    if (!canMove(current, status)) {
      const message = status === 'selesai' ? t.verifyFirst : t.cannotMove(current, status);
      throw new HttpError(409, message, { data: { status: current, allowed: STATUSES.filter((s) => canMove(current, s)) } });
    }
  }) : undefined;
  if (!entry) throw new HttpError(404, t.noTicket(params.id));
  sendJson(res, 200, publicView(entry));
}

async function ticketOf(id, lang) {
  const entry = TICKET.test(id) ? await find(id) : undefined;
  if (!entry) throw new HttpError(404, text[lang].noTicket(id));
  return entry;
}

async function statusRoute(ctx) {
  const id = (ctx.url.searchParams.get('tiket') ?? '').trim().toUpperCase();
  if (!id) return send(ctx.res, 200, lookupPage(ctx));
  const entry = TICKET.test(id) ? await find(id) : undefined;
  if (!entry) return send(ctx.res, 404, lookupPage(ctx, text[ctx.lang].noTicket(id), id));
  send(ctx.res, 200, statusPage(ctx, entry, ctx.url.searchParams.has('baru')));
}

// Public submissions are limited per client (RATE_LIMIT_PER_MINUTE); officers' routes are not.
const limit = rateLimiter();

async function submitForm(ctx) {
  limit(ctx.req, ctx.lang);
  const { entry, problems, report } = await create(await readFields(ctx.req, ctx.lang));
  if (problems) return send(ctx.res, 400, formPage(ctx, problems, report));
  // Post/redirect/get: reloading the status page does not file the report twice.
  redirect(ctx.res, link('/status', ctx.lang, { tiket: entry.id, baru: '1' }));
}

async function submitApi({ req, res, lang }) {
  limit(req, lang);
  const { entry, problems } = await create(await readFields(req, lang));
  if (problems) {
    const messages = Object.fromEntries(problems.map((p) => [p, text[lang].problems[p]]));
    throw new HttpError(400, text[lang].invalid, { data: { fields: problems, messages } });
  }
  sendJson(res, 201, publicView(entry), { location: `/api/aspirasi/${entry.id}` });
}

export { health, ready, seedTestData, shutdown, startup } from './lib/runtime.js';

export const routes = [
  ['GET', '/', (ctx) => send(ctx.res, 200, formPage(ctx))],
  ['POST', '/aspirasi', submitForm],
  ['GET', '/status', statusRoute],
  ['GET', '/api/categories', ({ res, lang }) => sendJson(res, 200, settings.categories.map((c) => ({ id: c.id, label: pick(c.label, lang), opd: routeTo(c.id), slaDays: settings.slaDays })))],
  ['POST', '/api/aspirasi', submitApi],
  ['GET', '/api/aspirasi', async ({ req, res, url, lang }) => {
    authorise(req, lang);
    const { reports, next } = await page(pageParams(url, lang));
    streamJsonPage(res, url, reports, next);
  }],
  ['GET', /^\/api\/aspirasi\/(?<id>[^/]+)$/, async ({ res, params, lang }) => sendJson(res, 200, publicView(await ticketOf(params.id, lang)))],
  ['POST', /^\/api\/aspirasi\/(?<id>[^/]+)\/status$/, changeStatus],
];
