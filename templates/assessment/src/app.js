// SPBE / information-security self-assessment: a checklist by domain, scored with the settings' weights,
// saved in DATA_DIR and exported as CSV and JSON.
import { localDate, opdName, pick } from './lib/config.js';
import { HttpError, readFields, redirect, send, sendJson } from './lib/http.js';
import { link } from './lib/i18n.js';
import { pageParams, streamJsonPage } from './lib/paging.js';
import { rateLimiter } from './lib/rate-limit.js';
import { checklist, toCsv } from './scoring.js';
import { find, ID, insert, page, replace } from './store.js';
import { text } from './text.js';
import { homePage, resultPage } from './views.js';

/** Checks an assessment: the OPD (a key of the region's opd, or none for the whole region), period, answers. */
function checkAssessment(fields, rawAnswers) {
  const { answers, problems } = checklist.check(rawAnswers);
  const opd = typeof fields.opd === 'string' ? fields.opd.trim() : '';
  if (opd && opdName(opd) === undefined) problems.push({ indicator: opd, problem: 'opd' });
  const period = typeof fields.period === 'string' ? fields.period.trim() : '';
  if (!period || period.length > 40) problems.push({ indicator: '', problem: 'period' });
  return { values: { opd: opd || null, period, answers }, problems };
}

function refuse(problems, lang) {
  const t = text[lang];
  const messages = problems.map((p) => ({ ...p, message: t.problems[p.problem](p.indicator, checklist.maxLevel) }));
  return new HttpError(400, t.invalid, { data: { problems: messages } });
}

/** Creates an assessment (no id) or replaces the answers of an existing one. */
async function save(id, values, lang) {
  if (!id) return insert(values);
  const found = ID.test(id) ? await replace(id, values) : undefined;
  if (!found) throw new HttpError(404, text[lang].noAssessment(id));
  return found;
}

async function load(id, lang) {
  const found = ID.test(id) ? await find(id) : undefined;
  if (!found) throw new HttpError(404, text[lang].noAssessment(id));
  return found;
}

/** One page of summaries, the most recently changed first (see store.js `page`). */
async function summaries(after, limit = 100) {
  const { assessments, next } = await page({ after, limit });
  const list = assessments.map((a) => {
    const { overall, answered, total } = checklist.score(a.answers);
    return { id: a.id, opd: a.opd, period: a.period, overall, answered, total, updatedAt: a.updatedAt };
  });
  return { list, next };
}

// New assessments are limited per client (RATE_LIMIT_PER_MINUTE), like every public submission.
const limit = rateLimiter();

// Form fields are a.<indicatorId>; the API sends { answers: { indicatorId: answer } }.
const formAnswers = (fields) => Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith('a.')).map(([k, v]) => [k.slice(2), v]));

async function submitForm(ctx) {
  const { req, res, lang, params } = ctx;
  if (!params.id) limit(req, lang);
  const fields = await readFields(req, lang);
  const { values, problems } = checkAssessment(fields, formAnswers(fields));
  const form = { values: { ...values, opd: fields.opd, answers: formAnswers(fields) }, problems };
  if (problems.length > 0) {
    if (!params.id) return send(res, 400, homePage(ctx, (await summaries()).list, form));
    return send(res, 400, resultPage(ctx, checklist.report(await load(params.id, lang), lang), { form }));
  }
  const entry = await save(params.id, values, lang);
  // Post/redirect/get: reloading the result does not save twice.
  redirect(res, link(`/penilaian/${entry.id}`, lang, { tersimpan: '1' }));
}

async function submitApi({ req, res, lang, params }) {
  if (!params.id) limit(req, lang);
  const fields = await readFields(req, lang);
  const { values, problems } = checkAssessment(fields, fields.answers);
  if (problems.length > 0) throw refuse(problems, lang);
  const entry = await save(params.id, values, lang);
  sendJson(res, params.id ? 200 : 201, checklist.report(entry, lang), params.id ? {} : { location: `/api/penilaian/${entry.id}` });
}

const download = (name) => ({ 'content-disposition': `attachment; filename="${name}"` });

export { health, ready, seedTestData, shutdown, startup } from './lib/runtime.js';

export const routes = [
  ['GET', '/', async (ctx) => {
    const { list, next } = await summaries(ctx.url.searchParams.get('setelah') ?? undefined);
    send(ctx.res, 200, homePage(ctx, list, { values: { period: localDate().slice(0, 4) } }, next));
  }],
  ['POST', '/penilaian', submitForm],
  ['GET', /^\/penilaian\/(?<id>[^/]+)$/, async (ctx) => {
    const report = checklist.report(await load(ctx.params.id, ctx.lang), ctx.lang);
    send(ctx.res, 200, resultPage(ctx, report, { saved: ctx.url.searchParams.has('tersimpan') }));
  }],
  ['POST', /^\/penilaian\/(?<id>[^/]+)$/, submitForm],
  ['GET', '/api/indikator', ({ res, lang }) => sendJson(res, 200, {
    maxLevel: checklist.maxLevel,
    domains: checklist.domains.map((d) => ({ id: d.id, label: pick(d.label, lang), weight: d.weight,
      indicators: d.indicators.map((i) => ({ id: i.id, label: pick(i.label, lang), type: checklist.typeOf(i), weight: i.weight ?? 1 })) })),
  })],
  ['GET', '/api/penilaian', async ({ res, url, lang }) => {
    const { after, limit: size } = pageParams(url, lang, { textCursor: true });
    const { list, next } = await summaries(after, size);
    streamJsonPage(res, url, list, next);
  }],
  ['POST', '/api/penilaian', submitApi],
  ['GET', /^\/api\/penilaian\/(?<id>[^/]+)$/, async ({ res, lang, params }) => sendJson(res, 200, checklist.report(await load(params.id, lang), lang))],
  ['PUT', /^\/api\/penilaian\/(?<id>[^/]+)$/, submitApi],
  ['GET', /^\/api\/penilaian\/(?<id>[^/]+)\/ekspor\.csv$/, async ({ res, lang, params }) => {
    const report = checklist.report(await load(params.id, lang), lang);
    send(res, 200, toCsv(report), 'text/csv; charset=utf-8', download(`spbe-mandiri-${report.id}.csv`));
  }],
  ['GET', /^\/api\/penilaian\/(?<id>[^/]+)\/ekspor\.json$/, async ({ res, lang, params }) => {
    const report = checklist.report(await load(params.id, lang), lang);
    sendJson(res, 200, report, download(`spbe-mandiri-${report.id}.json`));
  }],
];
