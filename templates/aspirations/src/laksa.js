// The rules of LAKSA: checking a report, routing it by category, its follow-up deadline, and a status flow
// in which a report is cross-checked (diverifikasi) before it may be closed (selesai).
import { opdName, settings } from './lib/config.js';

export const STATUSES = ['diterima', 'diteruskan', 'ditindaklanjuti', 'diverifikasi', 'selesai'];
export const LIMITS = { name: 100, contact: 120, message: 2000 };

// Each status may only move one step on; a failed verification may go back to ditindaklanjuti.
const NEXT = {
  diterima: ['diteruskan'],
  diteruskan: ['ditindaklanjuti'],
  ditindaklanjuti: ['diverifikasi'],
  diverifikasi: ['selesai', 'ditindaklanjuti'],
  selesai: [],
};

export function canMove(from, to) {
  return (NEXT[from] ?? []).includes(to);
}

export function category(id) {
  return settings.categories.find((c) => c.id === id);
}

/** The OPD a category routes to: its role key in the region's settings and its name there. */
export function routeTo(categoryId) {
  const found = category(categoryId);
  return found ? { key: found.opd, name: opdName(found.opd) ?? found.opd } : undefined;
}

/** `days` working days after the date `from` (YYYY-MM-DD); Saturdays and Sundays are skipped. */
export function addWorkingDays(from, days = settings.slaDays) {
  const date = new Date(`${from}T00:00:00Z`);
  for (let left = days; left > 0; ) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * Checks a citizen's report. Returns the trimmed fields and the names of the fields with a problem; the
 * visitor's page says what is wrong with each (src/text.js, `problems`).
 */
export function checkReport(fields) {
  const clean = (v) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '');
  const report = { name: clean(fields.name), contact: clean(fields.contact), category: clean(fields.category), message: clean(fields.message) };
  const problems = [];
  if (!category(report.category)) problems.push('category');
  if (report.message.length === 0 || report.message.length > LIMITS.message) problems.push('message');
  if (report.name.length > LIMITS.name) problems.push('name');
  if (report.contact.length > LIMITS.contact) problems.push('contact');
  return { report, problems };
}

/** What anyone holding the ticket number may see: never the citizen's name or contact. */
export function publicView(entry) {
  const { name, contact, ...rest } = entry;
  return rest;
}
