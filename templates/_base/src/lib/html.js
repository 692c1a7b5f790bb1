// HTML for every page: escaping, the layout with the region's branding, contacts and local time.
import { app, localTime, pick, region } from './config.js';
import { words } from './i18n.js';

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Every value placed in a page goes through this, whether it came from settings or from a citizen. */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/** Tagged template: interpolated values are escaped unless they are already-built html`` fragments. */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Safe(out);
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

export function telHref(number) {
  return `tel:${String(number).replace(/[^0-9+]/g, '')}`;
}

export function layout({ lang, title, body, path = '/' }) {
  const t = words[lang];
  const other = lang === 'en' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=en`;
  const { colors } = region.branding;
  const logo = region.branding.logo ? html`<img class="logo" src="/${region.branding.logo}" alt="" width="40" height="40">` : '';
  const { contacts } = region;
  return `<!doctype html>
${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — ${app.name}</title>
<link rel="stylesheet" href="/style.css">
<style>:root { --primary: ${colors.primary}; --accent: ${colors.accent}; }</style>
</head>
<body>
<header>
  ${logo}<div><p class="region">${region.branding.displayName}</p><p class="app"><a href="/${lang === 'en' ? '?lang=en' : ''}">${app.name}</a></p></div>
  <a class="lang" href="${other}">${t.language}</a>
</header>
<main>
<h1>${title}</h1>
${body}
</main>
<footer>
  <p><strong>${region.name}</strong> · ${pick(app.title, lang)}</p>
  <p>${t.contacts}: <a href="mailto:${contacts.email}">${contacts.email}</a> · <a href="${telHref(contacts.phone)}">${contacts.phone}</a> · ${contacts.address}${contacts.website ? html` · <a href="${contacts.website}">${contacts.website}</a>` : ''}</p>
  <p>${t.localTime}: <time>${localTime(lang)}</time></p>
</footer>
</body>
</html>`}
`;
}
