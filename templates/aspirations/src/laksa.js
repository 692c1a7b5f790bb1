// The rules of LAKSA: routing by category, follow-up deadline, and a status flow that is cross-checked
// (verified) before a report may be closed.
import { region, settings } from './lib/config.js';

export const STATUSES = ['diterima', 'diteruskan', 'ditindaklanjuti', 'diverifikasi', 'selesai'];
export const LIMITS = { name: 100, contact: 100, message: 2000, minMessage: 10 };

export function category(id) {
  return settings.categories.find((c) => c.id === id);
}

/** The OPD a category routes to, by its role key in the region's settings. */
export function routeTo(categoryId) {
  const found = category(categoryId);
  return found ? { key: found.opd, name: region.opd[found.opd]?.name ?? found.opd } : undefined;
}

/** `days` working days after `from` (Saturdays and Sundays skipped), as YYYY-MM-DD. */
export function dueDate(from, days = settings.slaDays) {
  const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}

/** Checks a citizen's report; returns the cleaned fields or a list of problems (field → message key). */
export function checkReport(fields) {
  const clean = (v) => (typeof v === 'string' ? v.trim() : '');
  const report = { name: clean(fields.name), contact: clean(fields.contact), category: clean(fields.category), message: clean(fields.message) };
  const problems = [];
  if (!category(report.category)) problems.push('category');
  if (report.message.length < LIMITS.minMessage || report.message.length > LIMITS.message) problems.push('message');
  if (report.name.length > LIMITS.name) problems.push('name');
  if (report.contact.length > LIMITS.contact) problems.push('contact');
  return { report, problems };
}

/** Only the next status in the flow is allowed, so nothing is closed before it is verified. */
export function canMove(from, to) {
  return STATUSES.indexOf(to) === STATUSES.indexOf(from) + 1;
}
