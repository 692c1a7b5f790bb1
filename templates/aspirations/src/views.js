// LAKSA's pages. Everything a citizen typed is escaped by html`` like every other value.
import { defaultLang, formatDate, localTime, pick, settings } from './lib/config.js';
import { html, layout } from './lib/html.js';
import { link } from './lib/i18n.js';
import { category, LIMITS, routeTo } from './laksa.js';
import { text } from './text.js';

const langField = (lang) => (lang === defaultLang ? '' : html`<input type="hidden" name="lang" value="${lang}">`);

function lookupForm(lang, value = '') {
  const t = text[lang];
  return html`<h2>${t.lookup}</h2>
<form method="get" action="/status">
<label>${t.track}<input type="text" name="tiket" value="${value}" required autocomplete="off" placeholder="LKS-…"></label>
${langField(lang)}<button type="submit">${t.check}</button>
</form>`;
}

/** The home page: the report form (with the problems of a refused attempt), routing table and lookup. */
export function formPage({ lang, url }, problems = [], values = {}) {
  const t = text[lang];
  // An entry reusing this template for another kind of request (permits, letters) names its own form.
  const intro = settings.form ? pick(settings.form.intro, lang) : t.intro;
  const body = html`<p>${intro}</p>
${settings.forwardToLapor ? html`<p class="note">${t.lapor}</p>` : ''}
${problems.length > 0 ? html`<div role="alert"><p class="error">${t.invalid}</p><ul>${problems.map((p) => html`<li class="error">${t.problems[p]}</li>`)}</ul></div>` : ''}
<form method="post" action="${link('/aspirasi', lang)}">
<label>${t.category}<select name="category" required>
<option value="">${t.choose}</option>
${settings.categories.map((c) => html`<option value="${c.id}"${values.category === c.id ? html` selected` : ''}>${pick(c.label, lang)}</option>`)}
</select></label>
<label>${t.message}<textarea name="message" rows="6" maxlength="${LIMITS.message}" required>${values.message ?? ''}</textarea></label>
<label>${t.name}<input type="text" name="name" maxlength="${LIMITS.name}" value="${values.name ?? ''}" autocomplete="name"></label>
<label>${t.contact}<input type="text" name="contact" maxlength="${LIMITS.contact}" value="${values.contact ?? ''}"></label>
<p><small>${t.privacy}</small></p>
<button type="submit">${t.send}</button>
</form>
<h2>${t.routing}</h2>
<table>
<thead><tr><th>${t.category}</th><th>${t.routed}</th><th>${t.due}</th></tr></thead>
<tbody>${settings.categories.map((c) => html`<tr><td>${pick(c.label, lang)}</td><td>${routeTo(c.id).name}</td><td>${t.workingDays(settings.slaDays)}</td></tr>`)}</tbody>
</table>
${lookupForm(lang)}`;
  return layout({ lang, url, title: settings.form ? pick(settings.form.title, lang) : t.title, body });
}

/** One report as anyone holding its ticket sees it: no name, no contact. */
export function statusPage({ lang, url }, entry, isNew = false) {
  const t = text[lang];
  const label = category(entry.category) ? pick(category(entry.category).label, lang) : entry.category;
  const body = html`${isNew ? html`<p class="note" role="status">${t.received}</p>` : ''}
<dl>
<dt>${t.ticket}</dt><dd><strong>${entry.id}</strong></dd>
<dt>${t.status}</dt><dd>${t.statuses[entry.status] ?? entry.status}</dd>
<dt>${t.category}</dt><dd>${label}</dd>
<dt>${t.routed}</dt><dd>${entry.opd.name}</dd>
<dt>${t.filed}</dt><dd>${localTime(lang, new Date(entry.createdAt))}</dd>
<dt>${t.due}</dt><dd><time datetime="${entry.dueDate}">${formatDate(entry.dueDate, lang)}</time></dd>
<dt>${t.message}</dt><dd>${entry.message}</dd>
</dl>
<h2>${t.history}</h2>
<ol>${entry.history.map((h) => html`<li>${t.statuses[h.status] ?? h.status} — ${localTime(lang, new Date(h.at))}${h.note ? html`: ${h.note}` : ''}</li>`)}</ol>
${lookupForm(lang)}`;
  return layout({ lang, url, title: t.ticketTitle, body });
}

/** The lookup form alone, or with the reason a ticket was not shown. */
export function lookupPage({ lang, url }, problem, value = '') {
  const body = html`${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}${lookupForm(lang, value)}`;
  return layout({ lang, url, title: text[lang].ticketTitle, body });
}
