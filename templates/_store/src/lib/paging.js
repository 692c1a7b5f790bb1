// Lists are paged (keyset: `?after=<cursor>&limit=<n>`, at most 1000 a page, 100 by default) and written out
// item by item; the next page's address is in the `Link: <…>; rel="next"` header, absent on the last page.
import { HttpError, startAnswer } from './http.js';

export const MAX_PAGE = 1000;
const DEFAULT_PAGE = 100;
const text = {
  id: { limit: `limit harus bilangan bulat 1–${MAX_PAGE}.`, after: 'after harus bilangan bulat 0 atau lebih (ambil dari tautan rel="next").' },
  en: { limit: `limit must be a whole number from 1 to ${MAX_PAGE}.`, after: 'after must be a whole number, 0 or more (take it from the rel="next" link).' },
};

/**
 * `{ after, limit }` from the query, or a 400 saying which parameter is wrong. The cursor is a number, or with
 * `textCursor` the text a list made for its next link (the list checks it).
 */
export function pageParams(url, lang, { textCursor = false } = {}) {
  const number = (name, fallback, min, max) => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === '') return fallback;
    const value = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value >= min && value <= max)) throw new HttpError(400, text[lang][name]);
    return value;
  };
  const limit = number('limit', DEFAULT_PAGE, 1, MAX_PAGE);
  if (textCursor) return { after: url.searchParams.get('after')?.slice(0, 200) || undefined, limit };
  return { after: number('after', 0, 0, 2 ** 31 - 1), limit };
}

/** Answers 200 with `items` as a JSON list, written item by item, and the next page's link when there is one. */
export function streamJsonPage(res, url, items, next) {
  const headers = { 'cache-control': 'no-store' };
  if (next !== undefined) {
    const following = new URL(url);
    following.searchParams.set('after', String(next));
    headers.link = `<${following.pathname}${following.search}>; rel="next"`;
  }
  startAnswer(res, 200, 'application/json; charset=utf-8', headers);
  res.write('[');
  items.forEach((item, index) => res.write(`${index === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`));
  res.end(items.length > 0 ? '\n]\n' : ']\n');
}
