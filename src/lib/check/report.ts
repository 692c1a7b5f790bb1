import { say, type Lang } from '../i18n/index.js';
import { formatProblem } from '../report.js';
import type { CaseResult } from './matrix.js';

export { junit } from './junit.js';

export function json(results: CaseResult[], lang: Lang): string {
  return `${JSON.stringify({
    cases: results.length,
    failures: results.filter((r) => r.problems.length > 0).length,
    results: results.map((r) => ({ app: r.case.app, region: r.case.region.name, files: r.files, ms: Math.round(r.ms), problems: r.problems.map((p) => formatProblem(p, lang)) })),
  }, null, 2)}\n`;
}

export function text(results: CaseResult[], lang: Lang): string {
  const failed = results.filter((r) => r.problems.length > 0);
  const lines = failed.flatMap((r) => [`✗ ${say(lang, 'checkCase', { app: r.case.app, region: r.case.region.name })}`, ...r.problems.map((p) => `  ${formatProblem(p, lang).replace(/\n/g, '\n  ')}`)]);
  const files = results.reduce((n, r) => n + r.files, 0);
  lines.push(say(lang, 'checkSummary', { passed: results.length - failed.length, total: results.length, files, failed: failed.length }));
  return `${lines.join('\n')}\n`;
}
