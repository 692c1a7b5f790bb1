// The super app's portal: one door to the region's services, its links and news, with the emergency
// numbers kept in view (a sticky bar) on every scroll position.
import { app, formatDate, pick, region, services, settings } from './lib/config.js';
import { send, sendJson } from './lib/http.js';
import { html, layout, phoneText, safeUrl, telHref } from './lib/html.js';
import { text } from './text.js';

/**
 * The other services of this replication run for the portal's own audience: the citizens' super app lists
 * public services, the civil servants' portal lists internal applications. A service deployed somewhere
 * else than its default address can be pointed to with SERVICE_URL_<ID>, e.g. SERVICE_URL_LAKSA.
 */
export function serviceList(lang, env = process.env) {
  return services
    .filter((s) => s.id !== app.id && s.audience === app.audience)
    .map((s) => ({
      id: s.id,
      name: s.name,
      title: pick(s.title, lang),
      description: pick(s.description, lang),
      dimension: s.dimension,
      url: env[`SERVICE_URL_${s.id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] || s.url,
    }));
}

/** Newest first; items of the same date keep their order from the settings. */
export function newsList() {
  return settings.news.map((n, i) => ({ n, i })).sort((a, b) => (a.n.date === b.n.date ? a.i - b.i : a.n.date < b.n.date ? 1 : -1)).map(({ n }) => n);
}

function home({ res, lang, url }) {
  const t = text[lang];
  const list = serviceList(lang);
  const news = newsList();
  const body = html`<section class="emergency-bar" aria-label="${t.emergency}">
<h2>${t.emergency}</h2>
<ul class="numbers">${region.contacts.emergency.map((e) => html`<li><a href="${telHref(e.number)}">${phoneText(e.number)} · ${pick(e.label, lang)}</a></li>`)}</ul>
</section>
<h2>${t.services}</h2>
${list.length === 0 ? html`<p>${t.noServices}</p>` : html`<ul class="cards">${list.map((s) => html`<li><h3><a href="${safeUrl(s.url)}">${s.name}</a></h3><p>${s.title}</p><p><small>${s.description}</small></p></li>`)}</ul>`}
${settings.links.length > 0 ? html`<h2>${t.links}</h2>
<ul>${settings.links.map((l) => html`<li><a href="${safeUrl(l.url)}">${pick(l.title, lang)}</a></li>`)}</ul>` : ''}
<h2>${t.news}</h2>
${news.length === 0 ? html`<p>${t.noNews}</p>` : html`<ul class="cards">${news.map((n) => html`<li><time datetime="${n.date}">${formatDate(n.date, lang)}</time>
<h3>${n.title}</h3>${n.summary ? html`<p>${n.summary}</p>` : ''}${n.url ? html`<p><a href="${safeUrl(n.url)}">${t.more}</a></p>` : ''}</li>`)}</ul>`}`;
  send(res, 200, layout({ lang, url, title: t.title, body }));
}

export const routes = [
  ['GET', '/', home],
  ['GET', '/api/services', ({ res, lang }) => sendJson(res, 200, {
    region: region.name,
    services: serviceList(lang),
    links: settings.links.map((l) => ({ title: pick(l.title, lang), url: l.url })),
    news: newsList(),
    emergency: region.contacts.emergency.map((e) => ({ label: pick(e.label, lang), number: e.number })),
  })],
];
