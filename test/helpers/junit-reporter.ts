import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

/** What a GitHub JUnit reporter shows for one test case. */
export interface Annotation {
  path: string;
  line: number;
  title: string;
  message: string;
  details: string;
  classname: string;
  name: string;
}

type Node = Record<string, unknown> & { '#text'?: string };
const all = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]) as Node[];
const str = (value: unknown) => (value === undefined || value === '' ? undefined : String(value));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Character references decoded, as the SAX parser these reporters use decodes them.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, trimValues: false, parseAttributeValue: false });

/** Every character of the document is one XML 1.0 allows (its Char production), and the markup is well formed. */
export function expectWellFormed(xml: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  const bad = [...xml].filter((c) => !/^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u.test(c));
  expect(bad.map((c) => `U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`)).toEqual([]);
}

/**
 * The failures of a JUnit report as mikepenz/action-junit-report annotates them (its src/testParser.ts):
 * - file and line: the test case's `file`/`line`, else the failure's, else the suite's;
 * - without a file, the last dot-separated part of `classname` (or `name`) is taken for one;
 * - without a line, the last ` …file…:N` in the failure body, else line 1;
 * - the file is then looked up in the workspace as the glob `**\/<file>.*`, kept as given when nothing matches,
 *   and the workspace prefix is stripped;
 * - the message is the failure's `message`, else the body's first two lines, else the test name;
 * - the title is `<file>.<name>`.
 */
export async function annotations(xml: string, workspace: string): Promise<Annotation[]> {
  const files = await workspaceFiles(workspace);
  const suites = all((parser.parse(xml) as { testsuites?: { testsuite?: unknown } }).testsuites?.testsuite);
  return suites.flatMap((suite) =>
    all(suite.testcase).flatMap((testcase) => {
      const failure = all(testcase.failure)[0];
      return failure ? [annotate(suite, testcase, failure, files, workspace)] : [];
    }),
  );
}

function annotate(suite: Node, testcase: Node, failure: Node, files: string[], workspace: string): Annotation {
  const name = String(testcase.name);
  const classname = str(testcase.classname) ?? name;
  const details = (failure['#text'] ?? '').trim();
  const file = str(testcase.file) ?? str(failure.file) ?? str(suite.file);
  const fileName = file ?? classname.split('.').at(-1) ?? '';
  const given = Number.parseInt(str(testcase.line) ?? str(failure.line) ?? str(suite.line) ?? '', 10);
  const line = fileName && given ? given : lineInTrace(details, fileName);
  const message = (str(failure.message) ?? (details.split('\n').slice(0, 2).join('\n') || name)).trim();
  const found = resolvePath(fileName, files);
  return { path: found.replace(`${workspace}/`, ''), line, title: fileName !== name ? `${fileName}.${name}` : name, message, details, classname, name };
}

function lineInTrace(trace: string, fileName: string): number {
  const matches = trace.match(new RegExp(` [^ ]*${escape(fileName).replace('::', '/')}.*?:\\d+`, 'g'));
  return matches ? Number.parseInt(matches.at(-1)?.split(':').pop() ?? '', 10) || -1 : 1;
}

/** The glob `**\/<file>.*` over the workspace: the first file it matches, or the name as given. */
function resolvePath(fileName: string, files: string[]): string {
  const normalized = fileName.replace(/^\.\//, '');
  const glob = new RegExp(`^(?:.*/)?${escape(normalized)}\\.[^/]*$`);
  return files.find((f) => glob.test(f)) ?? normalized;
}

async function workspaceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}
