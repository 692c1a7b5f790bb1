// Gawat Darurat 112: the region's emergency numbers and facilities, as a page and as JSON.
import { localTime, pick, region, settings } from './lib/config.js';
import { sendJson, send } from './lib/http.js';
import { html, layout, telHref } from './lib/html.js';

const text = {
  id: { title: 'Nomor darurat', hours: 'Layanan 112', facilities: 'Fasilitas darurat', none: 'Belum ada fasilitas yang didaftarkan.', by: 'Penanggung jawab', kinds: { hospital: 'Rumah sakit', puskesmas: 'Puskesmas', police: 'Kepolisian', fire: 'Pemadam kebakaran', disaster: 'Penanggulangan bencana', other: 'Lainnya' } },
  en: { title: 'Emergency numbers', hours: '112 service', facilities: 'Emergency facilities', none: 'No facilities listed yet.', by: 'Responsible office', kinds: { hospital: 'Hospitals', puskesmas: 'Community health centres', police: 'Police', fire: 'Fire brigade', disaster: 'Disaster management', other: 'Other' } },
};

const opdName = (key) => (key ? region.opd[key]?.name : undefined);

/** Emergency numbers and facilities in one shape, for the page and the API alike. */
export function directory(lang = 'id') {
  return {
    region: region.name,
    timeZone: region.timeZone,
    hours: settings.hours,
    numbers: region.contacts.emergency.map((entry) => ({ label: pick(entry.label, lang), number: entry.number, opd: opdName(entry.opd) })),
    facilities: settings.facilities.map((f) => ({ ...f, opd: opdName(f.opd) })),
  };
}

function home({ res, lang }) {
  const t = text[lang];
  const data = directory(lang);
  const kinds = Object.keys(t.kinds).filter((kind) => data.facilities.some((f) => f.kind === kind));
  const body = html`
<ul class="numbers">
${data.numbers.map((n) => html`<li><a class="big" href="${telHref(n.number)}">${n.number}</a> ${n.label}${n.opd ? html` <small>(${t.by}: ${n.opd})</small>` : ''}</li>`)}
</ul>
<p class="note">${t.hours}: ${data.hours} · ${localTime(lang)}</p>
<h2>${t.facilities}</h2>
${kinds.length === 0 ? html`<p>${t.none}</p>` : ''}
${kinds.map((kind) => html`<h3>${t.kinds[kind]}</h3>
<ul class="cards">${data.facilities.filter((f) => f.kind === kind).map((f) => html`<li><strong>${f.name}</strong><br><a href="${telHref(f.phone)}">${f.phone}</a>${f.address ? html`<br>${f.address}` : ''}${f.opd ? html`<br><small>${f.opd}</small>` : ''}</li>`)}</ul>`)}`;
  send(res, 200, layout({ lang, title: t.title, body }));
}

export const routes = [
  ['GET', '/', home],
  ['GET', '/api/contacts', ({ res, lang }) => sendJson(res, 200, directory(lang))],
];
