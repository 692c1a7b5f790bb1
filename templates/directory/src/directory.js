// The records of a directory and the questions asked of them: check, search, filter, sort, group. Which
// fields and which records come from settings, so the same code serves market prices, vacancies, datasets…
// Every function takes the settings it works on, so tests can give it records the region never would.

export const TYPES = ['text', 'number', 'currency', 'date', 'url', 'tel', 'email'];
const KEY = /^[a-z][a-zA-Z0-9]{1,39}$/;
// Query parameters the pages already use, and the record id: a field with one of these keys would be ambiguous.
const RESERVED = ['id', 'q', 'lang'];
const ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
// A time of day is only meaningful with its offset: "09:00" alone could be WIB, WITA or WIT.
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const MAX_QUERY = 200;
// Plain addresses only, so a mailto: link cannot carry a subject, a body or extra recipients.
export const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

function isDate(value) {
  // 2026-02-30 parses (as 2 March): only a date that prints back unchanged exists.
  if (DATE.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }
  return DATETIME.test(value) && !Number.isNaN(Date.parse(value));
}

function valueProblem(type, value) {
  if (type === 'number' || type === 'currency') return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
  if (typeof value !== 'string') return 'must be text (in quotes)';
  if (type === 'date' && !isDate(value)) return 'must be a date YYYY-MM-DD, or a date and time with its offset (2026-01-15T09:00+08:00)';
  if (type === 'url' && !/^https?:\/\/\S+$/i.test(value)) return 'must be an http(s) address';
  if (type === 'email' && !EMAIL.test(value)) return 'must be an e-mail address';
  if (type === 'tel' && !/^\+?[0-9][0-9 ()-]{1,24}$/.test(value)) return 'must be a phone number';
  return undefined;
}

/**
 * What the settings schema cannot say: the sort and group fields exist, keys and record ids are unique, and
 * each value suits its field's type. The copy refuses to start with a list of these instead of showing
 * records wrongly.
 */
export function checkSettings(settings) {
  const problems = [];
  const fields = Array.isArray(settings.fields) ? settings.fields : [];
  if (fields.length === 0) problems.push('fields: at least one field is needed');
  const byKey = new Map();
  for (const [i, field] of fields.entries()) {
    if (!KEY.test(String(field.key)) || RESERVED.includes(field.key)) problems.push(`fields[${i}].key "${field.key}" is not a usable key`);
    else if (byKey.has(field.key)) problems.push(`fields[${i}].key "${field.key}" is used twice`);
    if (!TYPES.includes(field.type)) problems.push(`fields[${i}].type "${field.type}" is not one of ${TYPES.join(', ')}`);
    byKey.set(field.key, field);
  }
  const known = [...byKey.keys()].join(', ');
  const sortField = settings.sort?.field;
  if (sortField !== undefined && !byKey.has(sortField)) problems.push(`sort.field "${sortField}" is not one of the fields (${known})`);
  if (settings.groupBy && !byKey.has(settings.groupBy)) problems.push(`groupBy "${settings.groupBy}" is not one of the fields (${known})`);
  const ids = new Set();
  for (const [i, item] of (settings.items ?? []).entries()) {
    if (!ID.test(String(item.id))) problems.push(`items[${i}].id "${item.id}" must be lowercase letters, digits and dashes`);
    else if (ids.has(item.id)) problems.push(`items[${i}].id "${item.id}" is used twice`);
    ids.add(item.id);
    for (const [key, value] of Object.entries(item)) {
      if (key === 'id') continue;
      const field = byKey.get(key);
      const problem = field ? valueProblem(field.type, value) : `is not one of the fields (${known})`;
      if (problem) problems.push(`items[${i}].${key} ${problem}`);
    }
  }
  return problems;
}

/** Lower case without accents, so "kopi" finds "Kopi" and "cafe" finds "Café". */
export function fold(value) {
  return String(value).normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('id');
}

const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });
const missing = (value) => value === undefined || value === null || value === '';

/** Compares two values of a field; empty values always go last, whatever the order. */
export function compareValues(field, a, b, order = 'asc') {
  if (missing(a) || missing(b)) return Number(missing(a)) - Number(missing(b));
  let result;
  if (typeof a === 'number' && typeof b === 'number') result = a - b;
  else if (field?.type === 'date') result = Date.parse(DATE.test(a) ? `${a}T00:00:00Z` : a) - Date.parse(DATE.test(b) ? `${b}T00:00:00Z` : b);
  else result = collator.compare(String(a), String(b));
  return order === 'desc' ? -result : result;
}

/** The directory over one settings object: records sorted once, then searched and filtered per request. */
export function createDirectory(settings) {
  const fields = settings.fields;
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const sortField = byKey.get(settings.sort?.field);
  const groupField = settings.groupBy ? byKey.get(settings.groupBy) : undefined;
  // Array.prototype.sort is stable: records with equal values keep the order the settings give them.
  const byField = (a, b) => compareValues(sortField, a[sortField.key], b[sortField.key], settings.sort.order);
  const items = sortField ? [...settings.items].sort(byField) : [...settings.items];
  const haystack = new Map(items.map((item) => [item, fold(fields.map((field) => item[field.key] ?? '').join('\n'))]));
  const filters = fields.filter((field) => field.filter);
  const byId = new Map(items.map((item) => [item.id, item]));

  return {
    settings,
    fields,
    filters,
    groupField,
    items,
    /** The record's name: its first field, or its id when that is empty. */
    titleOf: (item) => (missing(item[fields[0].key]) ? item.id : item[fields[0].key]),
    find: (id) => byId.get(id),
    /** The distinct values of a filterable field, for its drop-down list. */
    options(field) {
      const values = [...new Set(items.map((item) => item[field.key]).filter((value) => !missing(value)))];
      return values.sort((a, b) => compareValues(field, a, b));
    },
    /** The search and filters a request asks for; parameters of fields that are not filterable are ignored. */
    params(searchParams) {
      const q = (searchParams.get('q') ?? '').trim().slice(0, MAX_QUERY);
      const chosen = filters.map((field) => [field.key, searchParams.get(field.key) ?? '']).filter(([, value]) => value !== '');
      return { q, filters: Object.fromEntries(chosen) };
    },
    /** Records containing every word of `q` and equal to every chosen filter value, in sorted order. */
    query({ q = '', filters: chosen = {} } = {}) {
      const words = fold(q).split(/\s+/).filter(Boolean);
      return items.filter(
        (item) =>
          words.every((word) => haystack.get(item).includes(word)) &&
          Object.entries(chosen).every(([key, value]) => byKey.get(key)?.filter && String(item[key] ?? '') === value),
      );
    },
    /** Records under headings of the groupBy field (empty values last), or one group without a heading. */
    groups(list) {
      if (!groupField) return list.length > 0 ? [{ value: undefined, items: list }] : [];
      const groups = new Map();
      for (const item of list) {
        const value = missing(item[groupField.key]) ? '' : item[groupField.key];
        if (!groups.has(value)) groups.set(value, []);
        groups.get(value).push(item);
      }
      return [...groups.entries()].sort(([a], [b]) => compareValues(groupField, a, b)).map(([value, members]) => ({ value, items: members }));
    },
  };
}
