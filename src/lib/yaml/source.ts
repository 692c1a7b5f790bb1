import { readFile } from 'node:fs/promises';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { UserError, type Problem } from '../errors.js';
import { parseCached } from './parse-cache.js';

/** A parsed YAML file that can say where any JSON pointer into it was written. */
export interface Source {
  file: string;
  data: unknown;
  locate(pointer: string, key?: boolean): { line: number; col: number };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// Aliases are legitimate YAML, but expanding them can explode in size (billion laughs).
const MAX_ALIASES = 100;
// Settings never nest deeply; the parser itself recurses per level and must not be driven into the ground.
const MAX_DEPTH = 64;
const MAX_INDENT = 256;

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
  const tooDeep = depthProblem(text);
  if (tooDeep !== undefined) {
    const lines = text.slice(0, tooDeep).split('\n');
    throw new UserError({ key: 'yaml.depth', params: { limit: MAX_DEPTH }, file, line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1 });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, merge: false, schema: 'core' });
  const at = (offset: number) => lineCounter.linePos(offset);
  const problems: Problem[] = [];
  for (const error of doc.errors) problems.push({ ...syntaxProblem(error.code, error.message, text, error.pos[0]), file, ...at(error.pos[0]) });
  // Warnings (an unknown tag) are problems too; the node walk then reports them with their path.
  if (problems.length === 0) problems.push(...nodeProblems(doc, text, file, at));
  if (problems.length === 0) for (const warning of doc.warnings) problems.push({ ...syntaxProblem(warning.code, warning.message, text, warning.pos[0]), file, ...at(warning.pos[0]) });
  if (problems.length > 0) throw new UserError(problems);

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
  return { file, data, locate: (pointer, key = false) => at(offsetOf(doc, pointer, key)) };
}

/** Offset where flow brackets nest deeper than MAX_DEPTH or a line is indented beyond MAX_INDENT, if any. */
function depthProblem(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      if (quote === "'") quote = undefined;
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        if (++indent > MAX_INDENT) return i;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function syntaxProblem(code: string, message: string, text: string, offset: number): Problem {
  if (code === 'DUPLICATE_KEY') return { key: 'yaml.duplicateKey', params: { key: keyAt(text, offset) } };
  if (code === 'MULTIPLE_DOCS') return { key: 'yaml.multipleDocuments' };
  if (code === 'TAG_RESOLVE_FAILED') return { key: 'yaml.tag', params: { tag: message.match(/!\S*/)?.[0] ?? '' } };
  return { key: 'yaml.syntax', params: { message: message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message } };
}

function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  return (rest.match(/^\s*["']?([^"':\n]+)/)?.[1] ?? rest.split(':')[0] ?? '').trim();
}

/** Checks the parser accepts but a settings file must not contain: explicit tags, unsafe numbers, prototype keys. */
function nodeProblems(doc: Document, text: string, file: string, at: (offset: number) => { line: number; col: number }): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Node: (key, node, path) => {
      if (key === 'key') return;
      const start = node.range?.[0] ?? 0;
      // The pointer is worked out only for a node with a problem: it costs a search through each parent.
      // The range starts at the value; a tag was written just before it.
      if (!isAlias(node) && node.tag) problems.push({ key: 'yaml.tag', params: { tag: node.tag }, file, pointer: pointerOf(path, node), ...at(tagStart(text, start)) });
      if (isScalar(node) && typeof node.value === 'number' && !isExactNumber(node.value)) {
        problems.push({ key: 'yaml.number', params: { value: node.source ?? String(node.value) }, file, pointer: pointerOf(path, node), ...at(start) });
      }
    },
    Pair: (_key, pair, path) => {
      const k = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof k === 'string' && FORBIDDEN_KEYS.has(k)) {
        problems.push({ key: 'schema.forbiddenKey', params: { property: k }, file, pointer: `${pointerOf(path, undefined)}/${k}`, ...at((pair.key as Node).range?.[0] ?? 0) });
      }
    },
  });
  return problems;
}

/** Where the tag written just before a value begins (looking back a bounded distance). */
function tagStart(text: string, valueStart: number): number {
  const from = Math.max(0, valueStart - 1024);
  const match = /!\S*\s*$/.exec(text.slice(from, valueStart));
  return match ? from + match.index : valueStart;
}

/** JSON pointer of a node from the ancestors `visit` passes (collections and pairs). */
function pointerOf(path: readonly unknown[], node: unknown): string {
  const chain = [...path.slice(1), node];
  let pointer = '';
  for (let i = 0; i < chain.length; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (isSeq(parent) && child !== undefined) pointer += `/${parent.items.indexOf(child as never)}`;
    else if (isPair(parent) && isScalar(parent.key)) pointer += `/${String(parent.key.value).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  }
  return pointer;
}

function isExactNumber(n: number): boolean {
  return Number.isFinite(n) && (!Number.isInteger(n) || Number.isSafeInteger(n));
}

/** Offset of the value (or key) a JSON pointer names; the nearest existing ancestor when it does not exist. */
function offsetOf(doc: Document, pointer: string, wantKey: boolean): number {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) return offset;
      if (last && wantKey) return (pair.key as Node).range?.[0] ?? offset;
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
