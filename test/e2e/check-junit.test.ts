import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { regions, replika } from '../helpers/cli.js';
import { annotations, expectWellFormed } from '../helpers/junit-reporter.js';
import { tree } from '../helpers/tree.js';

/** A folder holding one region file, broken on its `domain:` line (which fails every app); that line's number. */
async function regionsWithBrokenDomain(domain: string) {
  const gorontalo = await readFile(path.join(regions, 'kota-gorontalo.yaml'), 'utf8');
  const broken = gorontalo.replace(/^domain: .*$/m, `domain: ${domain}`);
  const cwd = await tree({ 'r/zz-broken.yaml': broken });
  return { cwd, line: broken.split('\n').findIndex((l) => l.startsWith('domain:')) + 1 };
}

const check = (cwd: string, lang: string) =>
  replika(['check', '--regions', 'r', '--app', 'laksa,gawat-darurat-112', '--reporter', 'junit', '--output', 'junit.xml', '--lang', lang], cwd);

describe('replika check --reporter junit, read as a GitHub JUnit reporter reads it', () => {
  it('annotates the broken region file at the broken line, relative to the working folder, in the user\'s language', async () => {
    const { cwd, line } = await regionsWithBrokenDomain('example.com');
    for (const [lang, name, message] of [
      ['en', 'for', '"example.com" does not have the expected form'],
      ['id', 'untuk', '"example.com" tidak sesuai bentuk yang diharapkan'],
    ] as const) {
      const run = await check(cwd, lang);
      expect(run.exitCode, run.stderr).toBe(1);
      const xml = await readFile(path.join(cwd, 'junit.xml'), 'utf8');
      expectWellFormed(xml);
      expect(xml).not.toContain(cwd);
      const found = await annotations(xml, cwd);
      expect(found.map((a) => ({ path: a.path, line: a.line, classname: a.classname, name: a.name, message: a.message }))).toEqual(
        ['laksa', 'gawat-darurat-112'].map((app) => ({ path: 'r/zz-broken.yaml', line, classname: app, name: `${app} ${name} zz-broken.yaml`, message })),
      );
      expect(found[0]?.details.split('\n')[0]).toBe(`r/zz-broken.yaml:${line}:9  /domain  ${message}`);
    }
  });

  it('writes a well-formed report when the settings hold characters XML cannot carry', async () => {
    const { cwd, line } = await regionsWithBrokenDomain(String.raw`"exa\x01mple\uFFFE.com\uFFFF\uD800<&>\x1b"`);
    const run = await check(cwd, 'en');
    expect(run.exitCode, run.stderr).toBe(1);
    const xml = await readFile(path.join(cwd, 'junit.xml'), 'utf8');
    expectWellFormed(xml);
    const [first] = await annotations(xml, cwd);
    expect(first).toMatchObject({ path: 'r/zz-broken.yaml', line, message: '"example.com<&>" does not have the expected form' });
  });
});
