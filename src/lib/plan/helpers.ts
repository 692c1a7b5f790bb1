import { stringify } from 'yaml';
import { unwrap } from './strict.js';

/** Escapers for each output format. Templates call these; they never escape by hand. */
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function html(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => HTML[c] ?? c);
}

/** JSON that stays inert inside HTML <script>, JS source and JSON files alike. */
const INERT: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
export function json(value: unknown, indent = 2): string {
  return (JSON.stringify(unwrap(value), null, indent) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => INERT[c] ?? c);
}

const YAML_RAW = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A YAML flow value; strings are always double-quoted so `NO`, `on` or `12:30` stay strings. */
export function yaml(value: unknown): string {
  // Most values are one string: JSON's escapes are YAML's double-quoted escapes, and characters YAML does not
  // allow raw (DEL, C1 controls, U+FEFF, U+FFFE/F, line and paragraph separators; JSON escapes C0 and lone surrogates) are escaped.
  if (typeof value === 'string') return JSON.stringify(value).replace(YAML_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  // One line, JSON-style escapes: a folded multi-line scalar would break the indentation of the line it sits on,
  // and YAML 1.1 readers take U+2028/U+2029 for line breaks.
  return stringify(unwrap(value), { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', collectionStyle: 'flow', lineWidth: 0, doubleQuotedAsJSON: true })
    .trimEnd()
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A dotenv value that parses back exactly (Node's util.parseEnv, dotenv): dotenv has no general escapes, so the
 * quote is chosen by content — single quotes (literal), double quotes (only \n expands), or backticks. A value
 * none of them can carry is refused rather than written wrong.
 */
export function env(value: unknown): string {
  const text = String(value);
  const breaks = /[\r\n]/.test(text);
  if (!breaks && !text.includes("'")) return `'${text}'`;
  if (!text.includes('"') && !text.includes('\r') && !text.includes('\\n')) return `"${text.replace(/\n/g, '\\n')}"`;
  if (!breaks && !text.includes('`')) return `\`${text}\``;
  throw new Error(`this value cannot be written exactly in a .env file: ${JSON.stringify(text)}`);
}

/**
 * Markdown inline text (CommonMark): characters that could start emphasis, code, links, HTML or tables are
 * backslash-escaped, bare URLs are kept from becoming links, `&` becomes an entity, line breaks are folded and a
 * leading block marker is neutralised.
 */
export function md(value: unknown): string {
  return String(value)
    .replace(/\r?\n|\u2028|\u2029/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`))
    // GitHub-flavoured Markdown turns bare URLs into links: break the pattern without changing the text.
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([#+=-])/, '\\$1');
}

/** A POSIX shell word: single-quoted, with embedded quotes spliced; nothing inside expands. */
export function sh(value: unknown): string {
  const text = String(value);
  if (text.includes('\0')) throw new Error('a shell argument cannot contain a NUL character');
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** An SQL string literal (standard SQL: quotes doubled, no backslash escapes). */
export function sql(value: unknown): string {
  const text = String(value);
  if (text.includes('\0')) throw new Error('an SQL string cannot contain a NUL character');
  return `'${text.replace(/'/g, "''")}'`;
}

export function has(object: unknown, key: string): boolean {
  return typeof object === 'object' && object !== null && key in object && (object as Record<string, unknown>)[key] !== undefined;
}

export function text(value: { id: string; en: string }, lang: 'id' | 'en' = 'id'): string {
  return value[lang];
}

export const helpers = { html, json, js: json, yaml, env, md, sh, sql, has, text };
export type Helpers = typeof helpers;
