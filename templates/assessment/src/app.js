// SPBE / information-security self-assessment: a checklist by domain, scored with the settings' weights,
// saved in DATA_DIR and exported as CSV and JSON.
import { localDate, opdName, pick } from './lib/config.js';
import { HttpError, readFields, redirect, send, sendJson } from './lib/http.js';
import { link } from './lib/i18n.js';
import { checklist, toCsv } from './scoring.js';
import { find, ID, newId, readAll, update } from './store.js';
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
function save(id, values, lang) {
  const now = new Date().toISOString();
  return update((list) => {
    if (id) {
      const found = ID.test(id) ? list.find((a) => a.id === id) : undefined;
      if (!found) throw new HttpError(404, text[lang].noAssessment(id));
      return Object.assign(found, values, { updatedAt: now });
    }
    const entry = { id: '', ...values, createdAt: now, updatedAt: now };
    do entry.id = newId();
    while (list.some((a) => a.id === entry.id));
    list.push(entry);
    return entry;
  });
}

async function load(id, lang) {
  const found = ID.test(id) ? await find(id) : undefined;
  if (!found) throw new HttpError(404, text[lang].noAssessment(id));
  return found;
}

async function summaries() {
  const list = await readAll();
  return list
    .map((a) => {
      const { overall, answered, total } = checklist.score(a.answers);
      return { id: a.id, opd: a.opd, period: a.period, overall, answered, total, updatedAt: a.updatedAt };
    })
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
}

// Form fields are a.<indicatorId>; the API sends { answers: { indicatorId: answer } }.
const formAnswers = (fields) => Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith('a.')).map(([k, v]) => [k.slice(2), v]));

async function submitForm(ctx) {
  const { req, res, lang, params } = ctx;
  const fields = await readFields(req, lang);
  const { values, problems } = checkAssessment(fields, formAnswers(fields));
  const form = { values: { ...values, opd: fields.opd, answers: formAnswers(fields) }, problems };
  if (problems.length > 0) {
    if (!params.id) return send(res, 400, homePage(ctx, await summaries(), form));
    return send(res, 400, resultPage(ctx, checklist.report(await load(params.id, lang), lang), { form }));
  }
  const entry = await save(params.id, values, lang);
  // Post/redirect/get: reloading the result does not save twice.
  redirect(res, link(`/penilaian/${entry.id}`, lang, { tersimpan: '1' }));
}

async function submitApi({ req, res, lang, params }) {
  const fields = await readFields(req, lang);
  const { values, problems } = checkAssessment(fields, fields.answers);
  if (problems.length > 0) throw refuse(problems, lang);
  const entry = await save(params.id, values, lang);
  sendJson(res, params.id ? 200 : 201, checklist.report(entry, lang), params.id ? {} : { location: `/api/penilaian/${entry.id}` });
}

const download = (name) => ({ 'content-disposition': `attachment; filename="${name}"` });

export const routes = [
  ['GET', '/', async (ctx) => send(ctx.res, 200, homePage(ctx, await summaries(), { values: { period: localDate().slice(0, 4) } }))],
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
  ['GET', '/api/penilaian', async ({ res }) => sendJson(res, 200, await summaries())],
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
