import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { env, html, json, md, yaml } from '../../src/lib/plan/helpers.js';
import { pathProblems, unsafeReason } from '../../src/lib/plan/safe-path.js';

const HOSTILE = [
  'Dinas "Kominfo" & Sandi',
  "it's\nmulti-line\nvalue",
  'quote " and \' both',
  '# not a comment',
  '${HOME} $(rm -rf /) `id`',
  '</script><script>alert(1)</script>',
  'line\u2028separator\u2029',
  '--> <!-- [link](javascript:x)',
  "'; DROP TABLE aspirasi; --",
  'NO', 'yes', 'on', '12:30', '0x1F', '1e3', 'null', '~', '',
];

describe('escaping helpers round-trip through the consumer\'s own parser', () => {
  it.each(HOSTILE)('JSON: %j', (value) => {
    const text = json({ value });
    expect(JSON.parse(text)).toEqual({ value });
    expect(text).not.toMatch(/<\/script|\u2028|\u2029/);
  });

  it.each(HOSTILE)('YAML: %j', (value) => {
    expect(parse(`key: ${yaml(value)}\nother: 1\n`)).toEqual({ key: value, other: 1 });
    expect(parse(`list: ${yaml([value, { nested: value }])}\n`)).toEqual({ list: [value, { nested: value }] });
    // Indented inside a template, as values usually are.
    expect(parse(`outer:\n  key: ${yaml(value)}\n  other: 1\n`)).toEqual({ outer: { key: value, other: 1 } });
    expect(yaml(value)).not.toMatch(/[\n\u2028\u2029]/);
  });

  it.each(HOSTILE)('.env: %j', (value) => {
    expect(parseEnv(`A=${env(value)}\nB=after\n`)).toEqual({ A: value, B: 'after' });
  });

  it('.env refuses a value no dotenv quoting can carry', () => {
    expect(() => env('both \' and "\nand a line break')).toThrow(/cannot be written exactly in a .env file/);
  });

  it.each(HOSTILE)('HTML: %j', (value) => {
    const escaped = html(value);
    expect(escaped).not.toMatch(/[<>"'`]/);
    const decoded = escaped.replace(/&(lt|gt|quot|#39|#96|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`', amp: '&' })[e] ?? '');
    expect(decoded).toBe(value);
  });

  it('Markdown: no link, emphasis, HTML or heading survives', () => {
    expect(md('[link](javascript:x) *b* <img> # h')).toBe('\\[link\\](javascript:x) \\*b\\* \\<img\\> # h');
    expect(md('# heading')).toBe('\\# heading');
    expect(md('1. item\nnext')).toBe('1\\. item next');
  });
});

describe('output paths', () => {
  it.each([
    ['../x', '".." segment'], ['/abs', 'absolute path'], ['a/../../x', '".." segment'], ['..\\x', 'backslash'],
    ['C:x', 'absolute path'], ['a//b', 'empty segment'], ['./a', '"." segment'], ['.git/config', 'reserved name .git'],
    ['.yo-rc.json', 'reserved name .yo-rc.json'], ['src/CON.txt', 'Windows reserved name CON.txt'], ['', 'empty path'],
  ])('%j is refused (%s)', (candidate, reason) => {
    expect(unsafeReason(candidate)).toBe(reason);
  });

  it('accepts ordinary paths and refuses case or Unicode twins', () => {
    expect(unsafeReason('src/lib/http.js')).toBeUndefined();
    expect(pathProblems(['a/Read.md', 'a/read.md', 'caf\u00e9.txt', 'cafe\u0301.txt']).map((p) => p.params)).toEqual([
      { path: 'a/read.md', other: 'a/Read.md' },
      { path: 'cafe\u0301.txt', other: 'caf\u00e9.txt' },
    ]);
  });
});
