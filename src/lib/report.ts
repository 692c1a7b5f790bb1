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

export function formatProblems(problems: readonly Problem[], lang: Lang, wrote = true): string {
  const count = problems.length;
  const lines = problems.slice(0, SHOWN_PROBLEMS).map((p) => formatProblem(p, lang));
  if (count > SHOWN_PROBLEMS) lines.push(say(lang, 'moreProblems', { count: count - SHOWN_PROBLEMS }));
  if (count > 1 || wrote) lines.push(say(lang, wrote ? 'problems' : 'problemsValidate', { count }));
  return lines.join('\n');
}
