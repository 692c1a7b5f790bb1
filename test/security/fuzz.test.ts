import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { UserError } from '../../src/lib/errors.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { regionFromSource } from '../../src/lib/region/load.js';
import { formatProblems } from '../../src/lib/report.js';
import { parseYaml } from '../../src/lib/yaml/source.js';

const root = path.resolve(import.meta.dirname, '../..');
const APPS = ['live', 'laksa', 'gawat-darurat-112'];
const catalog = await loadCatalog();
const valid = await readFile(path.join(root, 'catalog', 'regions', 'kota-gorontalo.yaml'), 'utf8');
const validData = parseYaml(valid, 'r.yaml').data as Record<string, unknown>;

let planned = 0;
let refused = 0;

/** load + validate + plan: only the kit's own user errors may come out, and each must format in both languages. */
async function pipeline(text: string): Promise<void> {
  try {
    const region = await regionFromSource(parseYaml(text, 'r.yaml'), root, catalog, APPS);
    const plan = planRun(catalog, region, APPS);
    expect(plan.copies).toHaveLength(3);
    planned++;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    expect(formatProblems(error.problems, 'id')).not.toMatch(/undefined|\[object Object\]/);
    expect(formatProblems(error.problems, 'en')).not.toMatch(/undefined|\[object Object\]/);
    refused++;
  }
}

/** Every path to a value in the valid settings, so a value anywhere can be replaced. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => leafPaths(v, [...prefix, i]))];
  if (value && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
  return [prefix];
}
const PATHS = leafPaths(validData).filter((p) => p.length > 0);

const tricky = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '`', '$', '{', '}', '\n', '\u2028', '#', ':', '-', '[', ']', '&', '*', '!', '|', '\\', '%', '..', '/', 'a', 'Kota ', '1', '.') }),
  fc.constantFrom('__proto__', 'constructor', 'NO', 'on', '12:30', '75.71', '#0b6e4f', 'a@b.go.id', 'https://x.go.id', '2026-02-30', '', ' '),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
);
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, tricky, fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('id', 'en', 'name', 'opd')), tie('any'), { maxKeys: 4 })),
})).any;

function setAt(data: unknown, at: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at.at(-1) as string | number] = replacement;
  return copy;
}

describe('fuzzing load + validate + plan', () => {
  it('random settings values anywhere in a region file raise only user errors (6,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), value, async (at, replacement) => {
        await pipeline(`# fuzz\n${stringify(setAt(validData, at, replacement))}`);
      }),
      { numRuns: 6000 },
    );
  });

  it('random edits of the YAML text raise only user errors (4,000 cases)', async () => {
    const edit = fc.record({
      at: fc.nat({ max: valid.length }),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('&a x', '*a', '!!binary ', '!x ', '\t', '---\n', '[', '{', ': ', '\n  - ', '"', "'", '.inf', '1e999', '__proto__: 1\n', '\uFEFF')),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        let text = valid;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
        await pipeline(text);
      }),
      { numRuns: 4000 },
    );
    // Both kinds of outcome were exercised: the cases were not all refused early.
    expect(planned).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });
});
