/**
 * The shape of the copy's records, checked field by field. The records are the kit's own output, not something a
 * user writes, so a short table here says what each field must be; what matters is telling, for each kind of
 * damage, where it is and whether the copy can still be rebuilt (records.ts).
 */

/** What a field must hold; each has its words in both languages (i18n `records.field`). */
export type Expected = 'object' | 'objects' | 'text' | 'appId' | 'appIds' | 'sha256' | 'base64' | 'path' | 'shallow';

export interface Field {
  /** Keys from the record's root (below the manifest key). */
  at: string[];
  expected: Expected;
  test: (value: unknown) => boolean;
  /** Needed to know which app the copy is: damage here cannot be rebuilt from a region file. */
  identity?: boolean;
  /** For a map: what each key and value must be. */
  each?: { key: (key: string) => boolean; value: (value: unknown) => boolean; expected: Expected };
}

export interface FieldProblem { at: string[]; pointer: string; expected: Expected; found: string; identity?: boolean }

/** Settings are at most 64 levels deep (the YAML limit), three more for where the manifest keeps them. */
export const DEPTH_LIMIT = 70;

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON value's kind, as the messages name it. */
export function jsonType(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}

const BASE_TYPE: Record<Expected, string> = { object: 'object', objects: 'object', text: 'string', appId: 'string', appIds: 'list', sha256: 'string', base64: 'string', path: 'string', shallow: 'object' };
/** "found a string" says nothing when a string was expected: then the value simply has the wrong form. */
const found = (value: unknown, expected: Expected) => (jsonType(value) === BASE_TYPE[expected] ? 'invalid' : jsonType(value));

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
export const pointerOf = (prefix: string, keys: readonly string[]) => prefix + keys.map((k) => `/${escape(k)}`).join('');

/**
 * Every field that does not hold what it must (the first `limit`), a missing or wrong parent reported once instead
 * of its fields.
 */
export function checkShape(root: Record<string, unknown>, fields: readonly Field[], prefix: string, limit: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const reported = new Set<string>();
  const report = (problem: FieldProblem) => {
    problems.push(problem);
    reported.add(problem.pointer);
  };
  for (const field of fields) {
    let node: unknown = root;
    let depth = 0;
    for (; depth < field.at.length - 1; depth++) {
      const next = isObject(node) && Object.hasOwn(node, field.at[depth] as string) ? node[field.at[depth] as string] : undefined;
      if (!isObject(next)) break;
      node = next;
    }
    const at = field.at.slice(0, depth + 1);
    const pointer = pointerOf(prefix, at);
    if ([...reported].some((done) => pointer === done || pointer.startsWith(`${done}/`))) continue;
    const value = isObject(node) && Object.hasOwn(node, at.at(-1) as string) ? node[at.at(-1) as string] : undefined;
    if (depth < field.at.length - 1) {
      report({ at, pointer, expected: 'object', found: found(value, 'object'), identity: field.identity });
      continue;
    }
    if (!field.test(value)) {
      report({ at, pointer, expected: field.expected, found: found(value, field.expected), identity: field.identity });
      continue;
    }
    if (!field.each) continue;
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      if (problems.length >= limit) break;
      if (!field.each.key(key)) report({ at, pointer: pointerOf(pointer, [key]), expected: 'path', found: 'invalid', identity: field.identity });
      else if (!field.each.value(entry)) report({ at, pointer: pointerOf(pointer, [key]), expected: field.each.expected, found: found(entry, field.each.expected), identity: field.identity });
    }
  }
  return problems.slice(0, limit);
}

/** How deeply a parsed JSON value nests, counted without recursion (JSON.parse itself accepts any depth). */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > DEPTH_LIMIT) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}
