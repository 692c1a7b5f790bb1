// Gawat Darurat 112: the region's emergency numbers and facilities, as a page and as JSON.
import { localTime, opdName, pick, region, settings } from './lib/config.js';
import { send, sendJson } from './lib/http.js';
import { html, layout, phoneText, telHref } from './lib/html.js';
import { text } from './text.js';

/** An OPD reference as {key, name}, only when the entry names one the region knows. */
function opd(key) {
  const name = opdName(key);
  return name === undefined ? undefined : { key, name };
}

/** Numbers and facilities in one shape for the page and the API; the local time is taken per request. */
export function directory(lang, now = new Date()) {
  return {
    region: region.name,
    timeZone: region.timeZone,
    localTime: localTime(lang, now),
    hours: settings.hours,
    numbers: region.contacts.emergency.map((e) => ({ label: pick(e.label, lang), number: e.number, tel: telHref(e.number), opd: opd(e.opd) })),
    facilities: settings.facilities.map((f) => ({ name: f.name, kind: f.kind, phone: f.phone, tel: telHref(f.phone), address: f.address, opd: opd(f.opd) })),
  };
}

function home({ res, lang, url }) {
  const t = text[lang];
  const data = directory(lang);
  // Kinds in a fixed order (hospitals first); an unknown kind is shown under "other".
  const kindOf = (f) => (Object.hasOwn(t.kinds, f.kind) ? f.kind : 'other');
  const groups = Object.keys(t.kinds)
    .map((kind) => ({ kind, items: data.facilities.filter((f) => kindOf(f) === kind) }))
    .filter((g) => g.items.length > 0);
  const body = html`<p>${t.intro}</p>
<ul class="numbers">
${data.numbers.map((n) => html`<li><a class="big" href="${n.tel}">${phoneText(n.number)}<small>${n.label}</small></a>${n.opd ? html`<small>${t.by}: ${n.opd.name}</small>` : ''}</li>`)}
</ul>
<p class="note">${t.hours}: <strong>${data.hours}</strong><br>${t.now}: <time>${data.localTime}</time></p>
<h2>${t.facilities}</h2>
${groups.length === 0 ? html`<p>${t.none}</p>` : ''}
${groups.map((g) => html`<h3>${t.kinds[g.kind]}</h3>
<ul class="cards">${g.items.map((f) => html`<li><strong>${f.name}</strong><br><a href="${f.tel}">${phoneText(f.phone)}</a>${f.address ? html`<br>${f.address}` : ''}${f.opd ? html`<br><small>${t.by}: ${f.opd.name}</small>` : ''}</li>`)}</ul>`)}`;
  send(res, 200, layout({ lang, url, title: t.title, body }));
}

export const routes = [
  ['GET', '/', home],
  ['GET', '/api/contacts', ({ res, lang }) => sendJson(res, 200, directory(lang))],
];
