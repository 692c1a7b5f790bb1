// HTML for every page: escaping, safe links, and the layout with the region's branding and contacts.
import { app, localTime, pick, region } from './config.js';
import { link, words } from './i18n.js';

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Every value placed in a page goes through this, whether it came from settings or from a citizen. */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

class Safe {
  constructor(text) {
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

function render(value) {
  if (value instanceof Safe) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(value);
}

/** Tagged template: interpolated values are escaped unless they are html`` fragments themselves. */
export function html(strings, ...values) {
  return new Safe(strings.reduce((out, part, i) => out + render(values[i - 1]) + part));
}

/** A tel: address keeps only digits and a leading +, so "+62 435 000000" dials and nothing else gets in. */
export function telHref(number) {
  const digits = String(number).replace(/[^0-9+]/g, '');
  return `tel:${digits.slice(0, 1)}${digits.slice(1).replace(/\+/g, '')}`;
}

/**
 * A phone number as shown: it never breaks across lines. Its spaces become no-break spaces (also without the
 * stylesheet, e.g. in a reader view), and the tel class keeps a hyphenated number together too.
 */
export function phoneText(number) {
  return new Safe(`<span class="tel">${escapeHtml(String(number ?? '').trim()).replace(/\s+/g, '&nbsp;')}</span>`);
}

/** Outside links must be http(s); anything else (javascript:, data:) becomes a harmless "#". */
export function safeUrl(url) {
  return /^https?:\/\/[^\s]+$/i.test(String(url)) ? String(url) : '#';
}

/** A complete page. `url` is the request's URL, used for the language switch. */
export function layout({ lang, title, body, url }) {
  const t = words[lang];
  const other = lang === 'en' ? 'id' : 'en';
  const params = Object.fromEntries([...(url?.searchParams ?? [])].filter(([key]) => key !== 'lang'));
  const switchHref = link(url?.pathname ?? '/', other, params);
  const { branding, contacts } = region;
  return `<!doctype html>\n${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — ${app.name}</title>
<meta name="description" content="${pick(app.description, lang)}">
<link rel="stylesheet" href="/style.css">
<link rel="stylesheet" href="/theme.css">
</head>
<body>
<header class="top">
  ${branding.logo ? html`<img class="logo" src="/${branding.logo}" alt="" width="40" height="40">` : ''}
  <div>
    <p class="region">${branding.displayName}</p>
    <p class="app"><a href="${link('/', lang)}">${app.name}</a></p>
  </div>
  <a class="lang" href="${switchHref}" hreflang="${other}" lang="${other}">${t.switchTo}</a>
</header>
<main>
<h1>${title}</h1>
${body}
</main>
<footer>
  <p><strong>${branding.displayName}</strong> · ${region.name}, ${region.province}</p>
  <address>
    ${t.email}: <a href="mailto:${contacts.email}">${contacts.email}</a> ·
    ${t.phone}: <a href="${telHref(contacts.phone)}">${phoneText(contacts.phone)}</a> ·
    ${t.address}: ${contacts.address}${contacts.website ? html` · ${t.website}: <a href="${safeUrl(contacts.website)}">${contacts.website}</a>` : ''}
  </address>
  <p>${t.localTime}: <time>${localTime(lang)}</time></p>
</footer>
</body>
</html>`}\n`;
}
