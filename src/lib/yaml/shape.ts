import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { parseErrors } from './unique-keys.js';

/**
 * Parsing rendered YAML back, fast: a template renders the same YAML for every region except for the values its
 * helpers wrote as double-quoted strings. The first text of a given shape (everything outside its double-quoted
 * strings) is parsed in full; a later text of the same shape whose strings are all plain JSON string literals
 * parses to the same value with those strings put in — a double-quoted scalar is one token, whatever it holds, so
 * it cannot change the structure around it. Anything else (a new shape, a string with characters YAML treats
 * differently, a string that is not a whole scalar value in the first text) is parsed in full.
 */
const STRING = /"(?:[^"\\\n]|\\.)*"/g;
// A JSON string literal YAML reads the same way: no control, DEL, C1, separator, BOM or lone surrogate characters
// raw, and only the escapes both languages share.
const SAFE = /^"(?:[^"\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff]|\\["\\/bfnrt]|\\u(?![dD][89a-fA-F])[0-9a-fA-F]{4})*"$/;
const MAX_SHAPES = 256;

type Path = (string | number)[];
interface Shape {
  /** Where each double-quoted string of the text sits in the value. */
  paths: Path[];
  /** The value of the first text, as JSON (parsing it again is the cheapest deep copy). */
  json: string;
}
const shapes = new Map<string, Map<string, Shape | null>>();

/** Forgets the shapes seen (a long-running process). */
export function forgetShapes(): void {
  shapes.clear();
}

/** The value of a rendered YAML text, as `parse(text, { strict: true, uniqueKeys: true })` gives it; throws as it does. */
export function parseRendered(text: string, id: string): unknown {
  const strings: { at: number; text: string }[] = [];
  const rest: string[] = [];
  let last = 0;
  for (const match of text.matchAll(STRING)) {
    strings.push({ at: match.index, text: match[0] });
    rest.push(text.slice(last, match.index));
    last = match.index + match[0].length;
  }
  rest.push(text.slice(last));
  // The text around the strings, unambiguously: a separator character could also occur in the text itself.
  const skeleton = JSON.stringify(rest);
  const safe = strings.every((s) => SAFE.test(s.text));
  let known = shapes.get(id);
  if (!known) shapes.set(id, (known = new Map()));
  const shape = safe ? known.get(skeleton) : undefined;
  if (shape && shape.paths.length === strings.length) {
    const value = JSON.parse(shape.json) as unknown;
    shape.paths.forEach((path, i) => put(value, path, JSON.parse((strings[i] as { text: string }).text)));
    return value;
  }
  // Duplicate keys are found by parseErrors in one pass (the parser's own check is quadratic).
  const doc = parseDocument(text, { strict: true, uniqueKeys: false, prettyErrors: false });
  const [error] = parseErrors(doc);
  if (error) throw error;
  const value = doc.toJS();
  if (safe && known.size < MAX_SHAPES && !known.has(skeleton)) known.set(skeleton, shapeOf(doc.contents, strings, value));
  return value;
}

/** Where each string sits, if every one is exactly a double-quoted scalar value (not a key); else null. */
function shapeOf(root: unknown, strings: { at: number; text: string }[], value: unknown): Shape | null {
  const scalars = new Map<number, { end: number; path: Path; key: boolean; quoted: boolean }>();
  let usable = true;
  const walk = (node: unknown, path: Path) => {
    if (isAlias(node)) usable = false;
    else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) {
          usable = false;
          continue;
        }
        const [start = -1, end = -1] = pair.key.range ?? [];
        scalars.set(start, { end, path, key: true, quoted: false });
        walk(pair.value, [...path, String(pair.key.value)]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
    else if (isScalar(node)) {
      const [start = -1, end = -1] = (node as Node).range ?? [];
      scalars.set(start, { end, path, key: false, quoted: node.type === 'QUOTE_DOUBLE' });
    }
  };
  walk(root, []);
  const paths: Path[] = [];
  for (const s of strings) {
    const scalar = scalars.get(s.at);
    if (!usable || !scalar || scalar.key || !scalar.quoted || scalar.end !== s.at + s.text.length) return null;
    paths.push(scalar.path);
  }
  const json = JSON.stringify(value);
  // A value JSON cannot carry (.inf, .nan, -0) is parsed in full every time.
  return isDeepStrictEqual(JSON.parse(json), value) ? { paths, json } : null;
}

function put(value: unknown, path: Path, leaf: unknown): void {
  let node = value as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = leaf;
}
