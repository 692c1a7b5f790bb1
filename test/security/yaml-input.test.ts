import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { UserError } from '../../src/lib/errors.js';
import { regionFromSource } from '../../src/lib/region/load.js';
import { yaml } from '../../src/lib/plan/helpers.js';
import { parseYaml } from '../../src/lib/yaml/source.js';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const gorontalo = await readFile(path.join(root, 'catalog', 'regions', 'kota-gorontalo.yaml'), 'utf8');

function problems(text: string): string[] {
  try {
    parseYaml(text, 'r.yaml');
  } catch (error) {
    if (error instanceof UserError) return error.problems.map((p) => `${p.line}:${p.col} ${p.pointer ?? ''} ${p.key}`.replace('  ', ' '));
    throw error;
  }
  return [];
}

describe('hostile YAML', () => {
  it('stops a billion-laughs alias bomb at its first alias, within a second', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9).fill(`*${'abcdefghij'[i - 1]}`).join(', ')}]`);
    const start = performance.now();
    expect(problems(levels.join('\n'))).toEqual(['2:8 yaml.aliases']);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('refuses 5,000 nested brackets with an error, not a crash', () => {
    // The block mappings around the brackets count too: the 64th bracket under `a:` is the 65th level.
    expect(problems(`a: ${'['.repeat(5000)}${']'.repeat(5000)}`)).toEqual(['1:67 yaml.depth']);
    expect(problems(`a:\n  b: ${'{x: '.repeat(5000)}`)).toEqual(['2:254 yaml.depth']);
  });

  it('points at a duplicate key, a second document and tab indentation', () => {
    expect(problems('code: "1"\nname: x\ncode: "2"\n')).toEqual(['3:1 yaml.duplicateKey']);
    expect(problems('a: 1\n---\nb: 2\n')).toEqual(['2:1 yaml.multipleDocuments']);
    expect(problems('a:\n\tb: 1\n')[0]).toMatch(/^2:1 yaml\.syntax/);
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const source = parseYaml(`\uFEFF${gorontalo.replace(/\n/g, '\r\n')}`, 'r.yaml');
    expect((source.data as { name: string }).name).toBe('Kota Gorontalo');
  });

  it('refuses tags and numbers JSON cannot carry, with path and line', () => {
    expect(problems('a: !!binary aGk=\nb: !!timestamp 2001-12-14\nc: !!set {x, y}\nd: !custom z\n')).toEqual([
      '1:4 /a yaml.tag', '2:4 /b yaml.tag', '3:4 /c yaml.tag', '4:4 /d yaml.tag',
    ]);
    expect(problems('n:\n  - .nan\n  - .inf\n  - -.inf\n  - 1e400\n  - 9007199254740993\n  - 9007199254740991\n')).toEqual([
      '2:5 /n/0 yaml.number', '3:5 /n/1 yaml.number', '4:5 /n/2 yaml.number', '5:5 /n/3 yaml.number', '6:5 /n/4 yaml.number',
    ]);
  });

  it('refuses __proto__, constructor and prototype keys anywhere and leaves Object.prototype alone', async () => {
    const hostile = gorontalo
      .replace('branding:\n', 'branding:\n  __proto__: { polluted: yes }\n')
      .replace('opd:\n', 'opd:\n  constructor: { name: x }\n')
      .replace('apps:\n  laksa:\n', 'apps:\n  laksa:\n    prototype: { polluted: 1 }\n');
    const lineOf = (text: string) => hostile.split('\n').indexOf(text) + 1;
    expect(problems(hostile)).toEqual([
      `${lineOf('  __proto__: { polluted: yes }')}:3 /branding/__proto__ schema.forbiddenKey`,
      `${lineOf('  constructor: { name: x }')}:3 /opd/constructor schema.forbiddenKey`,
      `${lineOf('    prototype: { polluted: 1 }')}:5 /apps/laksa/prototype schema.forbiddenKey`,
    ]);
    // Even data that reached validation some other way cannot pollute: a JSON-parsed __proto__ is refused too.
    const catalog = await loadCatalog();
    const data = JSON.parse(JSON.stringify(parseYaml(gorontalo, 'r.yaml').data).replace('"opd":{', '"opd":{"__proto__":{"name":"x"},'));
    const source = { file: 'r.yaml', data, locate: () => ({ line: 1, col: 1 }) };
    await expect(regionFromSource(source, root, catalog, ['laksa'])).rejects.toThrow(UserError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('keeps NO, yes, on and 12:30 strings as quoted strings in generated YAML', () => {
    for (const value of ['NO', 'yes', 'on', 'off', '12:30', '0o17', '.5', '~', 'null', '2026-01-01']) {
      const text = `value: ${yaml(value)}\n`;
      expect(text).toMatch(/^value: "/);
      expect(parse(text, { version: '1.1' })).toEqual({ value });
      expect(parse(text)).toEqual({ value });
    }
  });
});
