// The copy's settings, rendered once by Replika into config/settings.json and read at start-up.
import { readFileSync } from 'node:fs';

export const config = JSON.parse(readFileSync(new URL('../../config/settings.json', import.meta.url), 'utf8'));
export const { region, app, settings, services } = config;

const ZONE_NAMES = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** The current time in the region's own time zone, e.g. "Senin, 5 Januari 2026 pukul 09.30 WITA". */
export function localTime(lang, now = new Date()) {
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: region.timeZone, dateStyle: 'full', timeStyle: 'short' }).format(now);
  return `${text} ${ZONE_NAMES[region.timeZone] ?? region.timeZone}`;
}

/** Picks the language of an {id, en} text. */
export function pick(text, lang) {
  return typeof text === 'string' ? text : (text[lang] ?? text.id);
}
