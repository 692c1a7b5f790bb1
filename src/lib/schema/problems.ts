import type { ErrorObject } from 'ajv';
import type { Problem } from '../errors.js';
import type { Source } from '../yaml/source.js';
import { suggest } from '../text/suggest.js';

const FORMAT_EXAMPLES: Record<string, string> = { email: 'diskominfo@contoh.go.id', uri: 'https://contoh.go.id', date: '2026-01-31' };
const LIMITS = new Set(['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'minProperties', 'maxProperties']);
// Keywords whose failure is already explained by the errors of their subschemas.
const WRAPPERS = new Set(['propertyNames', 'if', 'then', 'else', 'allOf', '$ref']);

export interface ProblemContext {
  /** Application ids of the catalogue, to name unknown ones under /apps. */
  knownApps?: readonly string[];
}

/** ajv errors → problems with file:line:col, in input order, one per place and kind. */
export function schemaProblems(errors: readonly ErrorObject[], source: Source, context: ProblemContext = {}): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    const problem = toProblem(error, source, context, errors);
    if (!problem) continue;
    const id = `${problem.pointer}|${problem.key}|${problem.line}:${problem.col}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

function toProblem(error: ErrorObject, source: Source, context: ProblemContext, all: readonly ErrorObject[]): Problem | undefined {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const place = (pointer: string, key = false) => ({ file: source.file, pointer, ...source.locate(pointer, key) });
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined && path === '/apps') {
    return { key: 'app.unknown', params: { id: propertyName, suggestion: suggest(propertyName, context.knownApps ?? []) }, ...place(`${path}/${escape(propertyName)}`, true) };
  }
  if (propertyName !== undefined) {
    // An invalid key (propertyNames): point at the key itself.
    return { key: 'schema.pattern', params: { value: propertyName, description: describe(error), pattern: String(params.pattern ?? '') }, ...place(`${path}/${escape(propertyName)}`, true) };
  }
  switch (error.keyword) {
    case 'required':
      return { key: 'schema.required', params: { property: String(params.missingProperty) }, ...place(path), pointer: `${path}/${escape(String(params.missingProperty))}` };
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      if (path === '/apps') return { key: 'app.unknown', params: { id: property, suggestion: suggest(property, context.knownApps ?? []) }, ...place(`${path}/${escape(property)}`, true) };
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { key: 'schema.additional', params: { property, suggestion: suggest(property, allowed), allowed: allowed.join(', ') }, ...place(`${path}/${escape(property)}`, true) };
    }
    case 'type':
      return { key: 'schema.type', params: { expected: String(params.type) }, ...place(path) };
    case 'format':
      return { key: 'schema.format', params: { format: String(params.format), example: FORMAT_EXAMPLES[String(params.format)] }, ...place(path) };
    case 'pattern':
      return { key: 'schema.pattern', params: { value: shown(error.data), pattern: String(params.pattern), description: describe(error) }, ...place(path) };
    case 'enum':
      return { key: 'schema.enum', params: { value: shown(error.data), allowed: (params.allowedValues as unknown[]).map(shown).join(', ') }, ...place(path) };
    case 'const':
      return { key: 'schema.enum', params: { value: shown(error.data), allowed: shown(params.allowedValue) }, ...place(path) };
    case 'uniqueItems':
      return { key: 'schema.uniqueItems', ...place(path) };
    case 'x-replika-ref': {
      const opd = (source.data as { opd?: object }).opd;
      return { key: 'ref.opd', params: { value: shown(error.data), known: Object.keys(opd ?? {}).join(', ') }, ...place(path) };
    }
    default:
      if (LIMITS.has(error.keyword)) return { key: 'schema.limit', params: { kind: error.keyword, limit: String(params.limit) }, ...place(path) };
      if (WRAPPERS.has(error.keyword)) return undefined;
      // oneOf/anyOf/not: only worth a line when nothing more precise was said about this place.
      if (all.some((e) => e !== error && e.instancePath.startsWith(path) && !WRAPPERS.has(e.keyword) && e.keyword !== error.keyword)) return undefined;
      return { key: 'schema.other', params: { message: error.message ?? error.keyword }, ...place(path) };
  }
}

function describe(error: ErrorObject): string | undefined {
  const description = (error.parentSchema as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' ? description : undefined;
}

/** A value as the user wrote it, short enough for one line of a report. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
