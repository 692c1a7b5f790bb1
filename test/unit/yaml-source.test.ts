import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/lib/errors.js';
import { parseYaml } from '../../src/lib/yaml/source.js';

function problemsOf(text: string) {
  try {
    parseYaml(text, 'x.yaml');
  } catch (error) {
    if (error instanceof UserError) return error.problems.map((p) => `${p.line}:${p.col} ${p.key} ${JSON.stringify(p.params ?? {})}`);
    throw error;
  }
  return [];
}

describe('YAML source', () => {
  it('locates values and keys by JSON pointer', () => {
    const source = parseYaml('a:\n  b:\n    - x\n    - { c: 1 }\n', 'x.yaml');
    expect(source.locate('/a/b/1/c')).toEqual({ line: 4, col: 12 });
    expect(source.locate('/a/b', true)).toEqual({ line: 2, col: 3 });
    // A missing field points at its nearest existing parent.
    expect(source.locate('/a/zzz/q')).toEqual({ line: 2, col: 3 });
  });

  it('reports a duplicate key at the duplicate', () => {
    expect(problemsOf('a: 1\nb: 2\na: 3\n')).toEqual(['3:1 yaml.duplicateKey {"key":"a"}']);
  });

  it('reports syntax errors with their position', () => {
    const [problem] = problemsOf('a: [1, 2\nb: 3\n');
    expect(problem).toMatch(/^\d+:\d+ yaml\.syntax/);
  });

  it('refuses tags, unsafe numbers and prototype keys', () => {
    expect(problemsOf('a: !!binary aGVsbG8=\nb: .nan\nc: 1e400\n__proto__: 1\n')).toEqual([
      '1:4 yaml.tag {"tag":"tag:yaml.org,2002:binary"}',
      '2:4 yaml.number {"value":".nan"}',
      '3:4 yaml.number {"value":"1e400"}',
      '4:1 schema.forbiddenKey {"property":"__proto__"}',
    ]);
  });

  it('refuses a second document', () => {
    expect(problemsOf('a: 1\n---\nb: 2\n')[0]).toMatch(/yaml\.multipleDocuments/);
  });

  it('stops alias bombs', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
    expect(problemsOf(bomb)[0]).toMatch(/yaml\.aliases/);
  });

  it('accepts a BOM and CRLF line ends', () => {
    const source = parseYaml('\uFEFFa: 1\r\nb: two\r\n', 'x.yaml');
    expect(source.data).toEqual({ a: 1, b: 'two' });
    expect(source.locate('/b')).toEqual({ line: 2, col: 4 });
  });

  it('requires a mapping at the top', () => {
    expect(problemsOf('- a\n- b\n')[0]).toMatch(/yaml\.notMapping/);
  });
});
