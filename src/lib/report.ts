import type { Problem } from './errors.js';
import { message, say, type Lang } from './i18n/index.js';
import { showControls } from './text/terminal.js';

/**
 * `file:LINE:COL  /pointer  message` and, indented below it, what to do. Values, keys and file names come from
 * the input, and the text may be printed by others (yo prints an error's message): control characters are shown.
 */
export function formatProblem(problem: Problem, lang: Lang): string {
  const { text, hint } = message(lang, problem.key, problem.params);
  const where = problem.file ? [problem.file, problem.line, problem.col].filter((v) => v !== undefined).join(':') : '';
  const head = [where, problem.pointer, text].filter(Boolean).join('  ');
  return showControls(`${head}\n    → ${hint}`);
}

/** Beyond this many, the rest of the problems are counted, not printed. */
export const SHOWN_PROBLEMS = 50;

/**
 * Beyond this many problems in one file, the rest are counted, not collected: a hostile file may hold a mistake
 * every few bytes, and nobody reads past the first screenful before fixing those.
 */
export const MAX_PROBLEMS = 1000;

const OMITTED = 'problems.omitted';

/** How many problems one entry stands for: one, or the count of those left out that it carries. */
const weight = (problem: Problem) => (problem.key === OMITTED ? Number(problem.params?.count ?? 0) : 1);

/** The number of problems a list stands for, those left out included. */
export const countProblems = (problems: readonly Problem[]) => problems.reduce((n, p) => n + weight(p), 0);

/** By place in the file (line, then column); the count of those left out last. */
export function byPlace(a: Problem, b: Problem): number {
  return Number(a.key === OMITTED) - Number(b.key === OMITTED) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0);
}

/**
 * At most MAX_PROBLEMS problems, the first by place; those beyond, and those already left out, become one last
 * problem that counts them.
 */
export function boundProblems(problems: readonly Problem[], file?: string): Problem[] {
  const listed = problems.filter((p) => p.key !== OMITTED).sort(byPlace);
  const omitted = countProblems(problems) - listed.length + Math.max(0, listed.length - MAX_PROBLEMS);
  const kept = listed.slice(0, MAX_PROBLEMS);
  return omitted > 0 ? [...kept, omittedProblem(omitted, file)] : kept;
}

export const omittedProblem = (count: number, file?: string): Problem => ({ key: OMITTED, params: { count }, file });

export function formatProblems(problems: readonly Problem[], lang: Lang, wrote = true): string {
  const count = countProblems(problems);
  const shown = problems.filter((p) => p.key !== OMITTED).slice(0, SHOWN_PROBLEMS);
  const lines = shown.map((p) => formatProblem(p, lang));
  if (count > shown.length) lines.push(say(lang, 'moreProblems', { count: count - shown.length }));
  if (count > 1 || wrote) lines.push(say(lang, wrote ? 'problems' : 'problemsValidate', { count }));
  return lines.join('\n');
}
