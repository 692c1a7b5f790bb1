// A directory of records from settings: a searchable, filterable list, a page per record, the same records as
// JSON and as CSV. Which records (market prices, vacancies, datasets…) is entirely config/settings.json.
import { app, pick, settings } from './lib/config.js';
import { HttpError, send, sendJson } from './lib/http.js';
import { layout } from './lib/html.js';
import { checkSettings, createDirectory } from './directory.js';
import { toCsv } from './csv.js';
import { detailPage, listBody } from './views.js';
import { text } from './text.js';

// Settings edited by hand can point at a field that does not exist: say so at start-up, not on some page later.
const problems = checkSettings(settings);
if (problems.length > 0) {
  const more = problems.length > 20 ? [`… and ${problems.length - 20} more`] : [];
  throw new Error(`config/settings.json: settings cannot be used:\n  ${[...problems.slice(0, 20), ...more].join('\n  ')}`);
}

export const directory = createDirectory(settings);

function record(ctx) {
  const item = directory.find(ctx.params.id);
  if (!item) throw new HttpError(404, text[ctx.lang].unknownItem);
  return item;
}

/** The fields as an API reader needs them: labels in the request's language. */
function fieldsJson(lang) {
  return directory.fields.map((field) => ({
    key: field.key,
    label: pick(field.label, lang),
    type: field.type,
    filter: Boolean(field.filter),
    ...(field.unit ? { unit: pick(field.unit, lang) } : {}),
  }));
}

function home({ res, lang, url }) {
  send(res, 200, layout({ lang, url, title: pick(app.title, lang), body: listBody(directory, lang, url) }));
}

function detail(ctx) {
  const { title, body } = detailPage(directory, record(ctx), ctx.lang);
  send(ctx.res, 200, layout({ lang: ctx.lang, url: ctx.url, title, body }));
}

function apiList({ res, lang, url }) {
  const params = directory.params(url.searchParams);
  const items = directory.query(params);
  sendJson(res, 200, { updatedAt: settings.updatedAt, total: directory.items.length, count: items.length, query: params, fields: fieldsJson(lang), items });
}

function apiItem(ctx) {
  sendJson(ctx.res, 200, { fields: fieldsJson(ctx.lang), item: record(ctx) });
}

function exportCsv({ res, lang, url }) {
  const items = directory.query(directory.params(url.searchParams));
  const head = ['id', ...directory.fields.map((field) => pick(field.label, lang))];
  const rows = [head, ...items.map((item) => [item.id, ...directory.fields.map((field) => item[field.key])])];
  // The byte-order mark is how spreadsheet programs learn the file is UTF-8 (names such as "Café" stay intact).
  send(res, 200, `\uFEFF${toCsv(rows)}`, 'text/csv; charset=utf-8; header=present', { 'content-disposition': `attachment; filename="${app.id}.csv"` });
}

// Record ids are lowercase letters, digits and dashes; anything else is simply not found.
export const routes = [
  ['GET', '/', home],
  ['GET', /^\/items\/(?<id>[^/]+)$/, detail],
  ['GET', '/api/items', apiList],
  ['GET', /^\/api\/items\/(?<id>[^/]+)$/, apiItem],
  ['GET', '/export.csv', exportCsv],
];
