// LAKSA — Layanan Aspirasi Kotak Saran Anda: citizens' aspirations and complaints, routed to the responsible OPD.
import { timingSafeEqual } from 'node:crypto';
import { pick, settings } from './lib/config.js';
import { HttpError, readFields, send, sendJson } from './lib/http.js';
import { html, layout } from './lib/html.js';
import { canMove, checkReport, dueDate, LIMITS, routeTo, STATUSES } from './laksa.js';
import { newTicket, readAll, update } from './store.js';
import { text } from './text.js';

function form({ res, lang }, problems = [], values = {}) {
  const t = text[lang];
  const body = html`
<p>${t.intro}</p>
${settings.forwardToLapor ? html`<p class="note">${t.lapor}</p>` : ''}
${problems.map((p) => html`<p class="error">${t.problems[p]}</p>`)}
<form method="post" action="/aspirasi${lang === 'en' ? '?lang=en' : ''}">
<label>${t.category}<select name="category" required>${settings.categories.map((c) => html`<option value="${c.id}"${values.category === c.id ? html` selected` : ''}>${pick(c.label, lang)}</option>`)}</select></label>
<label>${t.message}<textarea name="message" rows="6" minlength="${LIMITS.minMessage}" maxlength="${LIMITS.message}" required>${values.message ?? ''}</textarea></label>
<label>${t.name}<input name="name" maxlength="${LIMITS.name}" value="${values.name ?? ''}"></label>
<label>${t.contact}<input name="contact" maxlength="${LIMITS.contact}" value="${values.contact ?? ''}"></label>
<button type="submit">${t.send}</button>
</form>
<form method="get" action="/status"><label>${t.track}<input name="tiket" required></label>${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}<button type="submit">${t.check}</button></form>`;
  send(res, problems.length > 0 ? 400 : 200, layout({ lang, title: t.title, body }));
}

async function create(fields) {
  const { report, problems } = checkReport(fields);
  if (problems.length > 0) return { problems, report };
  const now = new Date();
  const opd = routeTo(report.category);
  const entry = { id: newTicket(now), ...report, opd, status: STATUSES[0], createdAt: now.toISOString(), due: dueDate(now), history: [{ status: STATUSES[0], at: now.toISOString() }] };
  await update((reports) => reports.push(entry));
  return { entry };
}

function statusPage({ res, lang }, entry) {
  const t = text[lang];
  const body = html`<dl>
<dt>${t.ticket}</dt><dd><strong>${entry.id}</strong></dd>
<dt>${t.status}</dt><dd>${t.statuses[entry.status]}</dd>
<dt>${t.routed}</dt><dd>${entry.opd.name}</dd>
<dt>${t.due}</dt><dd>${entry.due}</dd>
<dt>${t.message}</dt><dd>${entry.message}</dd>
</dl>
<ol>${entry.history.map((h) => html`<li>${t.statuses[h.status]} — ${h.at}${h.note ? html`: ${h.note}` : ''}</li>`)}</ol>`;
  send(res, 200, layout({ lang, title: t.ticketTitle, body }));
}

async function find(id) {
  const entry = (await readAll()).find((r) => r.id === id);
  if (!entry) throw new HttpError(404, 'Tiket tidak ditemukan / ticket not found');
  return entry;
}

function authorise(req) {
  const token = process.env.ADMIN_TOKEN;
  if (!token) throw new HttpError(503, 'ADMIN_TOKEN belum disetel / ADMIN_TOKEN is not set: status changes are disabled');
  const given = Buffer.from(req.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError(401, 'Unauthorized');
}

async function changeStatus({ req, res, params }) {
  authorise(req);
  const { status, note } = await readFields(req);
  if (!STATUSES.includes(status)) throw new HttpError(400, `status must be one of ${STATUSES.join(', ')}`);
  const entry = await update((reports) => {
    const found = reports.find((r) => r.id === params.id);
    if (!found) throw new HttpError(404, 'ticket not found');
    if (!canMove(found.status, status)) throw new HttpError(409, `cannot go from ${found.status} to ${status}`);
    found.status = status;
    found.history.push({ status, at: new Date().toISOString(), ...(typeof note === 'string' && note ? { note: note.slice(0, 500) } : {}) });
    return found;
  });
  sendJson(res, 200, entry);
}

export const routes = [
  ['GET', '/', (ctx) => form(ctx)],
  ['POST', '/aspirasi', async (ctx) => {
    const fields = await readFields(ctx.req);
    const { entry, problems, report } = await create(fields);
    if (problems) return form(ctx, problems, report);
    statusPage(ctx, entry);
  }],
  ['GET', '/status', async (ctx) => statusPage(ctx, await find(ctx.url.searchParams.get('tiket') ?? ''))],
  ['GET', '/api/categories', ({ res }) => sendJson(res, 200, settings.categories.map((c) => ({ ...c, opdName: routeTo(c.id).name })))],
  ['POST', '/api/aspirasi', async ({ req, res }) => {
    const { entry, problems } = await create(await readFields(req));
    if (problems) return sendJson(res, 400, { error: 'invalid report', fields: problems });
    sendJson(res, 201, entry);
  }],
  ['GET', /^\/api\/aspirasi\/(?<id>[A-Z0-9-]+)$/, async ({ res, params }) => sendJson(res, 200, await find(params.id))],
  ['POST', /^\/api\/aspirasi\/(?<id>[A-Z0-9-]+)\/status$/, changeStatus],
];
