import { sha256 } from '../copy/manifest.js';
import path from 'node:path';
import type { Source } from './source.js';

/** Parsed files kept between runs (`catalog validate --cache`): the data of a file whose contents are unchanged. */
export type ParseCache = Map<string, { sha256: string; data: unknown }>;
let parseCache: ParseCache | undefined;
let parseTouched: Set<string> | undefined;

/**
 * Uses (and fills) a cache of parsed files for the rest of the process, noting in `touched` every file it served
 * or added; undefined stops using it.
 */
export function useParseCache(cache: ParseCache | undefined, touched?: Set<string>): void {
  parseCache = cache;
  parseTouched = touched;
}

/** A file's text parsed, or its data from the cache when the same text was parsed (and passed every check) before. */
export function parseCached(file: string, text: string, shownAs: string, parse: (text: string, file: string) => Source): Source {
  if (!parseCache) return parse(text, shownAs);
  const key = path.resolve(file);
  const hash = sha256(text);
  parseTouched?.add(key);
  const hit = parseCache.get(key);
  if (hit?.sha256 === hash) {
    // Positions are worked out only if a problem needs one.
    let parsed: Source | undefined;
    return { file: shownAs, data: structuredClone(hit.data), locate: (pointer, key) => (parsed ??= parse(text, shownAs)).locate(pointer, key) };
  }
  const source = parse(text, shownAs);
  // Kept as parsed: validation fills defaults into the data it is given.
  parseCache.set(key, { sha256: hash, data: structuredClone(source.data) });
  return source;
}
