// The copy's settings, rendered once by Replika into config/settings.json and read at start-up, plus the
// small lookups every page needs (language, local time, OPD names).
import { readFileSync } from 'node:fs';

export const config = JSON.parse(readFileSync(new URL('../../config/settings.json', import.meta.url), 'utf8'));
export const { region, app, settings, services } = config;

/** The copy's default language; `?lang=en` / `?lang=id` switch per request. */
export const defaultLang = String(region.locale ?? 'id-ID').startsWith('en') ? 'en' : 'id';

// Indonesians name their time zones, not UTC offsets; Asia/Pontianak is WIB like Jakarta.
const ZONE_NAMES = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
const LOCALES = { id: 'id-ID', en: 'en-GB' };

/** The current time in the region's own time zone, e.g. "Kamis, 15 Januari 2026 pukul 14.05 WITA". */
export function localTime(lang, now = new Date()) {
  const text = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: region.timeZone, dateStyle: 'full', timeStyle: 'short' }).format(now);
  return `${text} ${ZONE_NAMES[region.timeZone] ?? region.timeZone}`;
}

/** Today's date in the region (YYYY-MM-DD): a report filed at 23.30 WITA belongs to that WITA day. */
export function localDate(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: region.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A calendar date (YYYY-MM-DD) in words; read as UTC so that it never shifts by a day. */
export function formatDate(isoDate, lang) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return String(isoDate);
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', dateStyle: 'long' }).format(date);
}

/** Picks the language of an {id, en} text. */
export function pick(text, lang) {
  if (text === null || typeof text !== 'object') return String(text ?? '');
  return text[lang] ?? text.id;
}

/** The name of the OPD with this role key, or undefined when the key is absent or unknown. */
export function opdName(key) {
  return typeof key === 'string' && Object.hasOwn(region.opd, key) ? region.opd[key].name : undefined;
}
