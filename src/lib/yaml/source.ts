import { readFile } from 'node:fs/promises';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { UserError, type Problem } from '../errors.js';
import { boundProblems, MAX_PROBLEMS, omittedProblem } from '../report.js';
import { clip } from '../text/short-list.js';
import { structureProblem } from './pre-check.js';
import { parseCached } from './parse-cache.js';
import { parseErrors } from './unique-keys.js';

/** A parsed YAML file that can say where any JSON pointer into it was written. */
export interface Source {
  file: string;
  data: unknown;
  locate(pointer: string, key?: boolean): { line: number; col: number };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// Aliases are legitimate YAML, but expanding them can explode in size (billion laughs).
const MAX_ALIASES = 100;

export async function loadYamlFile(file: string, shownAs = file): Promise<Source> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError({ key: 'file.notFound', params: { path: shownAs }, file: shownAs });
    throw new UserError({ key: 'file.unreadable', params: { path: shownAs, reason: code ?? String(error) }, file: shownAs });
  }
  return parseCached(file, text, shownAs, parseYaml);
}

export function parseYaml(raw: string, file: string): Source {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const structure = structureProblem(text);
  if (structure !== undefined) {
    const lines = text.slice(0, structure.at).split('\n');
    throw new UserError({ key: structure.key, params: { limit: structure.limit }, file, line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1 });
  }
  const lineCounter = new LineCounter();
  // Duplicate keys are found by parseErrors in one pass (the parser's own check is quadratic).
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, merge: false, schema: 'core' });
  const at = (offset: number) => lineCounter.linePos(offset);
  // The parser's own errors and warnings come as lists already; past MAX_PROBLEMS they are only counted.
  const listed = (found: readonly { code: string; message: string; pos: [number, number] }[]) => {
    const kept = found.slice(0, MAX_PROBLEMS).map((e) => ({ ...syntaxProblem(e.code, e.message, text, e.pos[0]), file, ...at(e.pos[0]) }));
    return found.length > MAX_PROBLEMS ? [...kept, omittedProblem(found.length - MAX_PROBLEMS, file)] : kept;
  };
  let problems: Problem[] = listed(parseErrors(doc));
  // Warnings (an unknown tag) are problems too; the node walk then reports them with their path.
  if (problems.length === 0) problems = nodeProblems(doc, text, file, at);
  if (problems.length === 0) problems = listed(doc.warnings);
  if (problems.length > 0) throw new UserError(boundProblems(problems, file));

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    let first = 0;
    visit(doc, { Alias: (_key, node) => { first ||= node.range?.[0] ?? 0; return visit.BREAK; } });
    throw new UserError({ key: 'yaml.aliases', file, ...at(first) });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError({ key: 'yaml.notMapping', file, ...at(doc.contents?.range?.[0] ?? 0) });
  }
  const index = new NodeIndex();
  return { file, data, locate: (pointer, key = false) => at(offsetOf(doc, pointer, key, index)) };
}

function syntaxProblem(code: string, message: string, text: string, offset: number): Problem {
  if (code === 'DUPLICATE_KEY') return { key: 'yaml.duplicateKey', params: { key: clip(keyAt(text, offset)) } };
  if (code === 'MULTIPLE_DOCS') return { key: 'yaml.multipleDocuments' };
  if (code === 'TAG_RESOLVE_FAILED') return { key: 'yaml.tag', params: { tag: clip(message.match(/!\S*/)?.[0] ?? '') } };
  return { key: 'yaml.syntax', params: { message: clip(message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message, 200) } };
}

function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  return (rest.match(/^\s*["']?([^"':\n]+)/)?.[1] ?? rest.split(':')[0] ?? '').trim();
}

/**
 * Checks the parser accepts but a settings file must not contain: explicit tags, unsafe numbers, prototype keys.
 * One walk that keeps the pointer of where it is, so a problem's pointer costs nothing to find; past MAX_PROBLEMS
 * the rest are counted, not made.
 */
function nodeProblems(doc: Document, text: string, file: string, at: (offset: number) => { line: number; col: number }): Problem[] {
  const problems: Problem[] = [];
  let omitted = 0;
  const add = (make: () => Problem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(make());
    else omitted++;
  };
  const segments: string[] = [];
  const pointer = () => segments.map((s) => `/${s}`).join('');
  const walk = (node: unknown, isKey = false): void => {
    if (isPair(node)) return pair(node);
    if (!isNode(node) || isAlias(node)) return;
    // A key's own tag or number is the key's text; what a collection used as a key holds is checked like values.
    if (!isKey) {
      const start = node.range?.[0] ?? 0;
      // The range starts at the value; a tag was written just before it.
      if (node.tag) add(() => ({ key: 'yaml.tag', params: { tag: clip(node.tag ?? '') }, file, pointer: pointer(), ...at(tagStart(text, start)) }));
      if (isScalar(node) && typeof node.value === 'number' && !isExactNumber(node.value)) {
        add(() => ({ key: 'yaml.number', params: { value: clip(node.source ?? String(node.value)) }, file, pointer: pointer(), ...at(start) }));
      }
    }
    if (isMap(node)) for (const item of node.items) pair(item);
    else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        segments.push(String(i));
        walk(item);
        segments.pop();
      });
    }
  };
  const pair = (item: Pair<unknown, unknown>): void => {
    const key = item.key;
    const name = isScalar(key) ? key.value : undefined;
    if (typeof name === 'string' && FORBIDDEN_KEYS.has(name)) {
      add(() => ({ key: 'schema.forbiddenKey', params: { property: name }, file, pointer: `${pointer()}/${name}`, ...at((key as Node).range?.[0] ?? 0) }));
    }
    walk(key, true);
    if (isScalar(key)) segments.push(String(key.value).replace(/~/g, '~0').replace(/\//g, '~1'));
    walk(item.value);
    if (isScalar(key)) segments.pop();
  };
  walk(doc.contents);
  return omitted > 0 ? [...problems, omittedProblem(omitted, file)] : problems;
}

/** Where the tag written just before a value begins (looking back a bounded distance). */
function tagStart(text: string, valueStart: number): number {
  const from = Math.max(0, valueStart - 1024);
  const match = /!\S*\s*$/.exec(text.slice(from, valueStart));
  return match ? from + match.index : valueStart;
}

/**
 * Each mapping's pairs by key, made on first use: looking a key up is then constant, so placing every one of n
 * problems costs n steps in all rather than a search through each mapping every time.
 */
class NodeIndex {
  #keys = new WeakMap<YAMLMap, Map<string, { key: Node | null; value: unknown }>>();

  pair(map: YAMLMap, key: string): { key: Node | null; value: unknown } | undefined {
    let byKey = this.#keys.get(map);
    if (!byKey) {
      byKey = new Map();
      // The first of equal keys, as a search from the start finds it.
      for (const p of map.items) if (isPair(p) && isScalar(p.key) && !byKey.has(String(p.key.value))) byKey.set(String(p.key.value), p as { key: Node; value: unknown });
      this.#keys.set(map, byKey);
    }
    return byKey.get(key);
  }
}

function isExactNumber(n: number): boolean {
  return Number.isFinite(n) && (!Number.isInteger(n) || Number.isSafeInteger(n));
}

/** Offset of the value (or key) a JSON pointer names; the nearest existing ancestor when it does not exist. */
function offsetOf(doc: Document, pointer: string, wantKey: boolean, index: NodeIndex): number {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = index.pair(node, segment);
      if (!pair) return offset;
      if (last && wantKey) return pair.key?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
    } else {
      return offset;
    }
    const range = (node as Node | null)?.range;
    if (!range) return offset;
    offset = range[0];
  }
  return offset;
}
