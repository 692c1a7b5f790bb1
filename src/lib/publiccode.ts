import { isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Catalog } from './catalog/types.js';
import { UserError } from './errors.js';
import { message, type Lang, type MessageKey } from './i18n/index.js';
import { fileText, type CopyPlan } from './plan/plan.js';
import { buildModel } from './plan/model.js';
import { MARK_PATTERN, type MarkReason } from './plan/publiccode-meta.js';
import { strictLocals } from './plan/strict.js';
import { templateError, templateFiles } from './plan/templates.js';
import { loadRegion } from './region/load.js';
import { validator } from './schema/ajv.js';
import { schemaProblems } from './schema/problems.js';
import { parseRendered } from './yaml/shape.js';
import { parseYaml } from './yaml/source.js';

export const PUBLICCODE = 'publiccode.yml';

/** Problems of a rendered publiccode.yml against the schema the kit ships. */
export function publiccodeProblems(text: string, file: string) {
  const validate = validator('publiccode');
  // The common case is valid: check the plain parse first, and work out positions only for a report.
  try {
    if (validate(parseRendered(text, file))) return [];
  } catch {
    // Not even YAML: the positioned parse below says where.
  }
  const source = parseYaml(text, file);
  return validate(source.data) ? [] : schemaProblems(validate.errors ?? [], source);
}

/**
 * The origin's own publiccode.yml for every catalogue app: the same template file the copies use, rendered for
 * the origin region (so no isBasedOn, and usedBy from the catalogue), each checked against the schema.
 */
export async function originPubliccode(catalog: Catalog): Promise<{ copies: Pick<CopyPlan, 'app' | 'dir' | 'files'>[] }> {
  const copies: Pick<CopyPlan, 'app' | 'dir' | 'files'>[] = [];
  for (const app of catalog.apps.values()) {
    const region = await loadRegion(catalog.origin.file, catalog, [app.id]);
    const file = templateFiles(app.template, catalog.templatesDir).find((f) => f.out === PUBLICCODE);
    if (!file?.render) continue;
    let text: string;
    try {
      text = file.render(strictLocals(buildModel(catalog, region, app, [app.id])));
    } catch (error) {
      throw templateError(error, file.source);
    }
    const problems = publiccodeProblems(text, `${app.id}/${PUBLICCODE}`);
    if (problems.length > 0) throw new UserError(problems);
    copies.push({ app: app.id, dir: app.id, files: [{ path: PUBLICCODE, contents: Buffer.from(text) }] });
  }
  return { copies };
}

/** A value of a copy's publiccode.yml that must be replaced before the file is published. */
export interface PubliccodeReminder {
  /** Where the value is, as the reference parser names keys: `url`, `maintenance.contacts[0].phone`. */
  field: string;
  /** Line of the value in publiccode.yml (1-based). */
  line: number;
  value: string;
  reason: MarkReason;
  /** The region setting it came from, when the region's settings list that setting as illustrative. */
  setting?: string;
  /** What is wrong with the value and what to do, in the language asked for. */
  text: string;
  hint: string;
}

const REASONS = new Set<string>(['repository', 'landing', 'basedOn', 'person', 'officeContact', 'illustrative'] satisfies MarkReason[]);

/**
 * What a region must replace in a copy's publiccode.yml before publishing it: every value the file marks
 * "CONTOH / EXAMPLE" (suggested addresses, example contacts, values the region settings list as illustrative),
 * read back from the rendered file so the list is exactly what the file marks. Empty for a copy without one.
 */
export function publiccodeReminders(copy: Pick<CopyPlan, 'files'>, lang: Lang): PubliccodeReminder[] {
  const file = copy.files.find((f) => f.path === PUBLICCODE);
  return file ? markedValues(fileText(file), lang) : [];
}

/** The marked values of a publiccode.yml text. */
export function markedValues(text: string, lang: Lang): PubliccodeReminder[] {
  const lines = new LineCounter();
  const reminders: PubliccodeReminder[] = [];
  visit(parseDocument(text, { lineCounter: lines }), (_key, node, path) => {
    if (!isScalar(node) && !isSeq(node)) return;
    const found = node.comment ? MARK_PATTERN.exec(node.comment) : null;
    if (!found?.[1] || !REASONS.has(found[1])) return;
    const reason = found[1] as MarkReason;
    const setting = found[2];
    const field = fieldOf(path, node);
    const value = isScalar(node) ? String(node.value) : JSON.stringify(node.toJSON());
    const params = { field, value, setting };
    const { text: what, hint } = message(lang, `publiccode.${reason}` as MessageKey, params);
    reminders.push({ field, line: lines.linePos(node.range?.[0] ?? 0).line, value, reason, ...(setting ? { setting } : {}), text: what, hint });
  });
  return reminders;
}

/** `a.b[0].c` for a node, from the ancestors yaml's visitor gives. */
function fieldOf(path: readonly unknown[], node: unknown): string {
  let field = '';
  path.forEach((step, i) => {
    if (isPair(step)) field += `${field ? '.' : ''}${String(isScalar(step.key) ? step.key.value : step.key)}`;
    else if (isSeq(step)) field += `[${(step.items as unknown[]).indexOf(path[i + 1] ?? node)}]`;
  });
  return field;
}

/** The reminders of a run's copies as terminal lines: per copy a heading, then `file:line  field  text` and its hint. */
export function publiccodeReminderLines(copies: readonly Pick<CopyPlan, 'dir' | 'files'>[], lang: Lang): string[] {
  return copies.flatMap((copy) => {
    const reminders = publiccodeReminders(copy, lang);
    if (reminders.length === 0) return [];
    const file = `${copy.dir}/${PUBLICCODE}`;
    const heading = message(lang, 'publiccode.heading', { path: file, count: reminders.length });
    return [`${heading.text} ${heading.hint}`, ...reminders.map((r) => `${file}:${r.line}  ${r.field}  ${r.text}\n    → ${r.hint}`)];
  });
}
