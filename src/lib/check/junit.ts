import path from 'node:path';
import type { Problem } from '../errors.js';
import { message, say, type Lang } from '../i18n/index.js';
import { formatProblem } from '../report.js';
import type { CaseResult } from './matrix.js';

// XML 1.0's Char production. Anything else (control characters, U+FFFE, U+FFFF, lone surrogates) cannot be
// written even as a reference, so it is dropped; the `u` flag makes a lone surrogate one unmatched code point.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const REFERENCES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** An attribute value. Tabs and line breaks become references: written raw, a parser reads them as spaces. */
export const xmlAttribute = (text: string) => text.replace(NOT_XML_CHAR, '').replace(/[<>&"'\t\n\r]/g, (c) => REFERENCES[c] ?? c);

/** Element content. A raw carriage return would be read as a line feed, so it is a reference too. */
export const xmlText = (text: string) => text.replace(NOT_XML_CHAR, '').replace(/[<>&\r]/g, (c) => REFERENCES[c] ?? c);

/** A file as CI reporters look it up: relative to the working folder, with forward slashes. */
export function relativeFile(file: string, cwd: string): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
}

/** Removes the working folder from paths written inside messages (a file named in a parameter, a tool's output). */
function withinCwd(cwd: string): (text: string) => string {
  const prefix = cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`;
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Only where a path starts: not in the middle of a longer path that happens to contain the same letters.
  const pattern = new RegExp(`(?<![\\w.~/\\\\-])${escaped}`, 'g');
  return (text) => text.replace(pattern, '');
}

/**
 * The problem a failure is reported at: the first one with a place, so that the message and the file and line
 * a reporter annotates belong together; the first one when none has a place.
 */
function leading(problems: readonly Problem[]): Problem | undefined {
  return problems.find((p) => p.file !== undefined) ?? problems[0];
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * One case. GitHub's JUnit reporters annotate the `file` and `line` of a test case (mikepenz/action-junit-report
 * and EnricoMi/publish-unit-test-result-action read those attributes; without them the former guesses a file from
 * the last dot-separated part of `classname`). So `classname` is the app id, which has no dots and groups the cases
 * by app (dorny/test-reporter makes a group of each classname), and `name` says app and region in the user's words.
 */
function testcase(result: CaseResult, lang: Lang, cwd: string, relative: (text: string) => string): string {
  const name = say(lang, 'checkCase', { app: result.case.app, region: result.case.region.name });
  const open = `  <testcase classname="${xmlAttribute(result.case.app)}" name="${xmlAttribute(name)}" time="${seconds(result.ms)}"`;
  const problems = result.problems.map((p) => (p.file === undefined ? p : { ...p, file: relativeFile(p.file, cwd) }));
  const lead = leading(problems);
  if (!lead) return `${open}/>`;
  // A problem about a whole file (no line) is reported at its start.
  const place = lead.file === undefined ? '' : ` file="${xmlAttribute(lead.file)}" line="${lead.line ?? 1}"`;
  const summary = relative(message(lang, lead.key, lead.params).text);
  const detail = relative(problems.map((p) => formatProblem(p, lang)).join('\n'));
  return [
    `${open}${place}>`,
    `    <failure message="${xmlAttribute(summary)}" type="${xmlAttribute(lead.key)}">${xmlText(detail)}</failure>`,
    '  </testcase>',
  ].join('\n');
}

/**
 * JUnit XML as CI systems read it: one testsuite, a testcase per app × region, a failure per broken case carrying
 * its first problem as the message, every problem in the body, and paths relative to `cwd`.
 */
export function junit(results: CaseResult[], lang: Lang, cwd: string = process.cwd()): string {
  const failures = results.filter((r) => r.problems.length > 0).length;
  const total = seconds(results.reduce((t, r) => t + r.ms, 0));
  const relative = withinCwd(cwd);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="replika check" tests="${results.length}" failures="${failures}" time="${total}">`,
    `<testsuite name="replika check" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${total}">`,
    ...results.map((r) => testcase(r, lang, cwd, relative)),
    '</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
