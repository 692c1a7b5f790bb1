import { say, type Lang } from '../i18n/index.js';
import { formatProblem } from '../report.js';
import type { CaseResult } from './matrix.js';

const xml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c)
    // XML 1.0 has no place for most control characters.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const caseName = (r: CaseResult) => `${r.case.app} for ${r.case.region.name}`;

/** JUnit XML as CI systems read it: one testsuite, a testcase per app × region, a failure per broken case. */
export function junit(results: CaseResult[], lang: Lang): string {
  const failures = results.filter((r) => r.problems.length > 0).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const cases = results.map((r) => {
    const open = `  <testcase classname="${xml(`replika.${r.case.region.id}`)}" name="${xml(caseName(r))}" time="${seconds(r.ms)}"`;
    if (r.problems.length === 0) return `${open}/>`;
    const detail = r.problems.map((p) => formatProblem(p, lang)).join('\n');
    return `${open}>\n    <failure message="${xml(`${r.problems.length} problem(s)`)}">${xml(detail)}</failure>\n  </testcase>`;
  });
  const total = results.reduce((t, r) => t + r.ms, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="replika check" tests="${results.length}" failures="${failures}" time="${seconds(total)}">`,
    `<testsuite name="replika check" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(total)}">`,
    ...cases,
    '</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

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
