import type { ErrorObject } from 'ajv';
import type { Problem } from '../errors.js';
import type { Params } from '../i18n/index.js';
import { boundProblems, MAX_PROBLEMS, omittedProblem } from '../report.js';
import type { Source } from '../yaml/source.js';
import { clip, shortList } from '../text/short-list.js';
import { suggest } from '../text/suggest.js';

const FORMAT_EXAMPLES: Record<string, string> = { email: 'diskominfo@contoh.go.id', uri: 'https://contoh.go.id', date: '2026-01-31' };
const LIMITS = new Set(['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'minProperties', 'maxProperties']);
// Keywords whose failure is already explained by the errors of their subschemas.
const WRAPPERS = new Set(['propertyNames', 'if', 'then', 'else', 'allOf', '$ref']);

export interface ProblemContext {
  /** Application ids of the catalogue, to name unknown ones under /apps. */
  knownApps?: readonly string[];
}

/** A problem before it is placed: its parameters and position are worked out only if it is kept. */
interface Found {
  key: Problem['key'];
  pointer: string;
  /** Placed at the key rather than the value. */
  atKey: boolean;
  /** Where it is placed, when that is not the pointer itself (a missing property: the object that lacks it). */
  place?: string;
  params?: () => Params;
}

/**
 * ajv errors → problems with file:line:col, in input order, one per place and kind. Past MAX_PROBLEMS the rest
 * are counted, not made: a hostile file can hold a mistake every few bytes.
 */
export function schemaProblems(errors: readonly ErrorObject[], source: Source, context: ProblemContext = {}): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const precise = preciseBelow(errors);
  // The region's OPDs, listed once for every reference that names none of them.
  let opds: string | undefined;
  const knownOpds = () => (opds ??= shortList(Object.keys((source.data as { opd?: object }).opd ?? {})));
  let omitted = 0;
  for (const error of errors) {
    const found = toProblem(error, context, precise, knownOpds);
    if (!found) continue;
    const id = `${found.pointer}|${found.key}|${found.atKey}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (problems.length >= MAX_PROBLEMS) {
      omitted++;
      continue;
    }
    const params = found.params?.();
    problems.push({ key: found.key, ...(params && { params }), file: source.file, pointer: found.pointer, ...source.locate(found.place ?? found.pointer, found.atKey) });
  }
  return boundProblems(omitted > 0 ? [...problems, omittedProblem(omitted, source.file)] : problems, source.file);
}

function toProblem(error: ErrorObject, context: ProblemContext, precise: (error: ErrorObject) => boolean, knownOpds: () => string): Found | undefined {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  const knownApps = context.knownApps ?? [];
  if (propertyName !== undefined && path === '/apps') {
    return { key: 'app.unknown', pointer: `${path}/${escape(propertyName)}`, atKey: true, params: () => ({ id: clip(propertyName), suggestion: suggest(propertyName, knownApps) }) };
  }
  if (propertyName !== undefined) {
    // An invalid key (propertyNames): point at the key itself.
    return { key: 'schema.pattern', pointer: `${path}/${escape(propertyName)}`, atKey: true, params: () => ({ value: clip(propertyName), description: describe(error), pattern: String(params.pattern ?? '') }) };
  }
  const at = (key: Problem['key'], make?: () => Params, pointer = path, atKey = false): Found => ({ key, pointer, atKey, params: make });
  switch (error.keyword) {
    case 'required': {
      const property = String(params.missingProperty);
      return { key: 'schema.required', pointer: `${path}/${escape(property)}`, atKey: false, place: path, params: () => ({ property: clip(property) }) };
    }
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      if (path === '/apps') return at('app.unknown', () => ({ id: clip(property), suggestion: suggest(property, knownApps) }), `${path}/${escape(property)}`, true);
      return at('schema.additional', () => {
        const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        return { property: clip(property), suggestion: suggest(property, allowed), allowed: shortList(allowed) };
      }, `${path}/${escape(property)}`, true);
    }
    case 'type':
      return at('schema.type', () => ({ expected: String(params.type) }));
    case 'format':
      return at('schema.format', () => ({ format: String(params.format), example: FORMAT_EXAMPLES[String(params.format)] }));
    case 'pattern':
      return at('schema.pattern', () => ({ value: shown(error.data), pattern: String(params.pattern), description: describe(error) }));
    case 'enum':
      return at('schema.enum', () => ({ value: shown(error.data), allowed: shortList((params.allowedValues as unknown[]).map(shown)) }));
    case 'const':
      return at('schema.enum', () => ({ value: shown(error.data), allowed: shown(params.allowedValue) }));
    case 'uniqueItems':
      return at('schema.uniqueItems');
    case 'x-replika-ref':
      return at('ref.opd', () => ({ value: shown(error.data), known: knownOpds() }));
    default:
      if (LIMITS.has(error.keyword)) return at('schema.limit', () => ({ kind: error.keyword, limit: String(params.limit) }));
      if (WRAPPERS.has(error.keyword)) return undefined;
      // oneOf/anyOf/not: only worth a line when nothing more precise was said about this place.
      if (precise(error)) return undefined;
      return at('schema.other', () => ({ message: error.message ?? error.keyword }));
  }
}

/**
 * Whether another error, of another keyword that is not a wrapper, was reported at an error's place or below it.
 * Each error's keyword is noted at its place and every place above it, once: a linear cost, where asking every
 * other error for each one is quadratic.
 */
function preciseBelow(errors: readonly ErrorObject[]): (error: ErrorObject) => boolean {
  let keywords: Map<string, Set<string>> | undefined;
  const index = () => {
    const map = new Map<string, Set<string>>();
    for (const e of errors) {
      if (WRAPPERS.has(e.keyword)) continue;
      let place = e.instancePath;
      for (;;) {
        const set = map.get(place) ?? new Set<string>();
        if (set.has(e.keyword)) break;
        set.add(e.keyword);
        map.set(place, set);
        if (place === '') break;
        place = place.slice(0, place.lastIndexOf('/'));
      }
    }
    return map;
  };
  return (error) => {
    const found = (keywords ??= index()).get(error.instancePath);
    return found !== undefined && [...found].some((k) => k !== error.keyword);
  };
}

function describe(error: ErrorObject): string | undefined {
  const description = (error.parentSchema as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' ? description : undefined;
}

/** A value as the user wrote it, short enough for one line of a report. */
function shown(value: unknown): string {
  return clip(typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
