// The super app's portal: one door to the region's services, its news and its emergency numbers.
import { app, pick, region, services, settings } from './lib/config.js';
import { send, sendJson } from './lib/http.js';
import { html, layout, telHref } from './lib/html.js';

const text = {
  id: { title: 'Layanan daerah', services: 'Layanan', links: 'Layanan lainnya', news: 'Berita', noNews: 'Belum ada berita.', emergency: 'Nomor darurat', open: 'Buka' },
  en: { title: 'Regional services', services: 'Services', links: 'Other services', news: 'News', noNews: 'No news yet.', emergency: 'Emergency numbers', open: 'Open' },
};

/**
 * The services of this replication run, the portal itself excepted. Each service's address can be set with
 * SERVICE_URL_<ID> (e.g. SERVICE_URL_LAKSA); by default it is a subdomain of the region's domain.
 */
export function serviceList(lang = 'id', env = process.env) {
  return services
    .filter((s) => s.id !== app.id)
    .map((s) => ({ id: s.id, name: s.name, title: pick(s.title, lang), description: pick(s.description, lang), dimension: s.dimension, url: env[`SERVICE_URL_${s.id.toUpperCase().replace(/-/g, '_')}`] ?? s.url }));
}

function newsSorted() {
  return [...settings.news].sort((a, b) => (a.date < b.date ? 1 : -1));
}

function home({ res, lang }) {
  const t = text[lang];
  const body = html`
<section aria-label="${t.emergency}">
<ul class="numbers">${region.contacts.emergency.map((e) => html`<li><a href="${telHref(e.number)}">${e.number} · ${pick(e.label, lang)}</a></li>`)}</ul>
</section>
<h2>${t.services}</h2>
<ul class="cards">${serviceList(lang).map((s) => html`<li><h3><a href="${s.url}">${s.name}</a></h3><p>${s.title}</p><p><small>${s.description}</small></p></li>`)}</ul>
${settings.links.length > 0 ? html`<h2>${t.links}</h2><ul>${settings.links.map((l) => html`<li><a href="${l.url}">${pick(l.title, lang)}</a></li>`)}</ul>` : ''}
<h2>${t.news}</h2>
${settings.news.length === 0 ? html`<p>${t.noNews}</p>` : html`<ul class="cards">${newsSorted().map((n) => html`<li><time datetime="${n.date}">${n.date}</time><h3>${n.url ? html`<a href="${n.url}">${n.title}</a>` : n.title}</h3>${n.summary ? html`<p>${n.summary}</p>` : ''}</li>`)}</ul>`}`;
  send(res, 200, layout({ lang, title: t.title, body }));
}

export const routes = [
  ['GET', '/', home],
  ['GET', '/api/services', ({ res, lang }) => sendJson(res, 200, { region: region.name, services: serviceList(lang), links: settings.links, news: newsSorted() })],
];
