// How the records look: each field type written the way Indonesians read it, and the list and detail pages.
// Pages are built from a directory object (src/directory.js), so tests can render records of their own.
import { defaultLang, formatDate, localTime, pick } from './lib/config.js';
import { html, phoneText, safeUrl, telHref } from './lib/html.js';
import { link } from './lib/i18n.js';
import { DATE, EMAIL } from './directory.js';
import { text } from './text.js';

const NUMBER_LOCALES = { id: 'id-ID', en: 'en-GB' };
// Rupiah is written the Indonesian way (Rp 1.250.000) in both languages: that is how prices are printed.
const RUPIAH = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', minimumFractionDigits: 0, maximumFractionDigits: 0 });

/** A value as plain text in the page's language; `unit` (text or {id, en}) follows it. */
export function displayText(field, value, lang) {
  if (value === undefined || value === null || value === '') return '';
  let shown;
  if (field.type === 'currency' && typeof value === 'number') shown = RUPIAH.format(value);
  else if (field.type === 'number' && typeof value === 'number') shown = new Intl.NumberFormat(NUMBER_LOCALES[lang]).format(value);
  // A calendar date never shifts by a day; a moment in time is shown in the region's own zone (WIB/WITA/WIT).
  else if (field.type === 'date' && DATE.test(value)) shown = formatDate(value, lang);
  else if (field.type === 'date' && !Number.isNaN(Date.parse(value))) shown = localTime(lang, new Date(value));
  else shown = String(value);
  return field.unit ? `${shown} ${pick(field.unit, lang)}` : shown;
}

/** A value as HTML: addresses, phone numbers and e-mail become links that cannot carry anything else. */
export function displayValue(field, value, lang) {
  const shown = displayText(field, value, lang);
  if (shown === '') return html`<span class="empty">—</span>`;
  if (field.type === 'url') return html`<a href="${safeUrl(value)}" rel="noopener noreferrer">${shown}</a>`;
  if (field.type === 'tel') return html`<a href="${telHref(value)}">${phoneText(shown)}</a>`;
  if (field.type === 'email' && EMAIL.test(value)) return html`<a href="mailto:${value}">${shown}</a>`;
  if (field.type === 'date') return html`<time datetime="${value}">${shown}</time>`;
  return shown;
}

const itemHref = (item, lang) => link(`/items/${item.id}`, lang);

/** The search and filters as query parameters, to carry them to the CSV and JSON links. */
function queryOf(params) {
  return Object.fromEntries([...(params.q ? [['q', params.q]] : []), ...Object.entries(params.filters)]);
}

function card(dir, item, lang) {
  const [first, ...rest] = dir.fields;
  const title = displayText(first, dir.titleOf(item), lang) || item.id;
  return html`<li><h3><a href="${itemHref(item, lang)}">${title}</a></h3>
<dl>${rest
    .filter((field) => field !== dir.groupField)
    .map((field) => html`<dt>${pick(field.label, lang)}</dt><dd>${displayValue(field, item[field.key], lang)}</dd>`)}</dl></li>`;
}

function searchForm(dir, params, lang) {
  const t = text[lang];
  const select = (field) => {
    const chosen = params.filters[field.key] ?? '';
    return html`<label>${pick(field.label, lang)}
  <select name="${field.key}"><option value="">${t.all}</option>${dir.options(field).map(
    (value) => html`<option value="${String(value)}"${String(value) === chosen ? html` selected` : ''}>${displayText(field, value, lang)}</option>`,
  )}</select></label>`;
  };
  return html`<form method="get" action="/" role="search">
  <label>${t.search} <input type="search" name="q" value="${params.q}" maxlength="200"></label>
  ${dir.filters.map(select)}
  ${lang === defaultLang ? '' : html`<input type="hidden" name="lang" value="${lang}">`}
  <button type="submit">${t.apply}</button>
</form>`;
}

const groupName = (dir, group, lang) => (group.value === '' ? text[lang].other : displayText(dir.groupField, group.value, lang));

/** The list page's body for a request's URL: intro, search form, counts, export links and the records. */
export function listBody(dir, lang, url) {
  const t = text[lang];
  const params = dir.params(url.searchParams);
  const found = dir.query(params);
  const query = queryOf(params);
  const groups = dir.groups(found);
  const { settings } = dir;
  return html`<p>${pick(settings.intro, lang)}</p>
<p class="note">${t.updated} <time datetime="${settings.updatedAt}">${formatDate(settings.updatedAt, lang)}</time></p>
${searchForm(dir, params, lang)}
<p class="count">${t.count(found.length, dir.items.length)}${Object.keys(query).length > 0 ? html` · <a href="${link('/', lang)}">${t.reset}</a>` : ''}
 · <a href="${link('/export.csv', lang, query)}">${t.csv}</a> · <a href="${link('/api/items', lang, query)}">${t.json}</a></p>
${found.length === 0 ? html`<p class="note">${dir.items.length === 0 ? t.empty : t.none}</p>` : ''}
${groups.map(
  (group) => html`${dir.groupField ? html`<h2>${groupName(dir, group, lang)} <small>· ${group.items.length}</small></h2>` : ''}
<ul class="cards">
${group.items.map((item) => card(dir, item, lang))}
</ul>`,
)}`;
}

/** A record's page: its name as the title and every field with its label. */
export function detailPage(dir, item, lang) {
  const t = text[lang];
  const title = displayText(dir.fields[0], dir.titleOf(item), lang) || item.id;
  const body = html`<dl>
${dir.fields.map((field) => html`<dt>${pick(field.label, lang)}</dt><dd>${displayValue(field, item[field.key], lang)}</dd>\n`)}</dl>
<p><a href="${link('/', lang)}">← ${t.back}</a> · <a href="${link(`/api/items/${item.id}`, lang)}">${t.json}</a></p>`;
  return { title, body };
}
