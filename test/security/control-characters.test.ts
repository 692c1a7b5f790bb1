import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import helpers from 'yeoman-test';
import UpdateGenerator from '../../src/generators/update/index.js';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { showControls } from '../../src/lib/text/terminal.js';
import { regions, replika, root } from '../helpers/cli.js';
import { forkCatalog, problemsOf } from '../helpers/catalog.js';
import { tree } from '../helpers/tree.js';

// What a terminal acts on or what hides or reorders text: C0 but tab and line feed, DEL, C1, bidi, zero-width.
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
// Clears the screen, sets the window title, starts a C1 CSI colour, reverses the rest of the line.
const NASTY = '\u001b[2J\u001b]0;owned\u0007\u009b32m\u202egnp.exe\u200b';
const SHOWN = '\\u001B[2J\\u001B]0;owned\\u0007\\u009B32m\\u202Egnp.exe\\u200B';

function expectShownEscaped(run: { stdout: string; stderr: string }): void {
  const all = `${run.stdout}\n${run.stderr}`;
  expect(all).not.toMatch(RAW);
  expect(all).toContain('\\u001B[2J');
}

async function regionWith(name: string, file = 'r.yaml'): Promise<string> {
  const base = await readFile(path.join(regions, 'kota-gorontalo.yaml'), 'utf8');
  const dir = await tree({ [file]: base.replace('name: Kota Gorontalo', `name: ${JSON.stringify(name)}`) });
  return path.join(dir, file);
}

async function copyWith(change: (manifest: Record<string, any>) => void): Promise<string> {
  const cwd = await tree();
  const made = await replika(['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'gawat-darurat-112', '--out', 'out', '--yes', '--lang', 'en'], cwd);
  expect(made.exitCode, made.stderr).toBe(0);
  const copy = path.join(cwd, 'out', 'gawat-darurat-112');
  const file = path.join(copy, '.yo-rc.json');
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  change(manifest['generator-replika']);
  await writeFile(file, JSON.stringify(manifest, null, 2));
  return copy;
}

describe('one function shows control characters escaped', () => {
  it('escapes C0 (but tab and line feed), DEL, C1, bidi overrides and zero-width characters, and nothing else', () => {
    expect(showControls(NASTY)).toBe(SHOWN);
    expect(showControls('a\tb\nc\r\u007f\u0085\u2066\u2069\u2028\ufeff')).toBe('a\tb\nc\\u000D\\u007F\\u0085\\u2066\\u2069\\u2028\\uFEFF');
    const plain = 'Kota Gorontalo — Dinas “Kominfo” +62\u202f435 000000 é ✓ 🇮🇩';
    expect(showControls(plain)).toBe(plain);
    // Escaped once is escaped for good.
    expect(showControls(showControls(NASTY))).toBe(SHOWN);
  });

  it('keeps JSON text parsing to the same value', () => {
    const json = JSON.stringify({ name: `x${NASTY}\u007f` });
    expect(JSON.parse(showControls(json))).toEqual(JSON.parse(json));
  });
});

describe('the CLI prints no raw control character from its input', () => {
  it('validate: a region value in a problem', async () => {
    const run = await replika(['validate', await regionWith(`Kota Gorontalo${NASTY}`), '--lang', 'en'], root);
    expect(run.exitCode).toBe(1);
    expectShownEscaped(run);
    expect(run.stderr).toContain(SHOWN);
  });

  it('validate: a region file name, in the success line and in a problem', async () => {
    const good = await regionWith('Kota Gorontalo', `r${NASTY}.yaml`);
    const ok = await replika(['validate', good, '--lang', 'en'], path.dirname(good));
    expect(ok.exitCode, ok.stderr).toBe(0);
    expectShownEscaped(ok);
    const bad = await regionWith('Kota Nowhere', `r${NASTY}.yaml`);
    const failed = await replika(['validate', path.basename(bad), '--lang', 'en'], path.dirname(bad));
    expect(failed.exitCode).toBe(1);
    expectShownEscaped(failed);
  });

  it('check: region values and region file names in the text and JSON reports', async () => {
    const file = await regionWith(`Kota Gorontalo${NASTY}`, `r${NASTY}.yaml`);
    const text = await replika(['check', '--regions', path.dirname(file), '--app', 'gawat-darurat-112', '--lang', 'en'], root);
    expect(text.exitCode).toBe(1);
    expectShownEscaped(text);
    const json = await replika(['check', '--regions', path.dirname(file), '--app', 'gawat-darurat-112', '--reporter', 'json', '--lang', 'en'], root);
    expectShownEscaped(json);
    // Still JSON, carrying the same text.
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u001b[2J');
  });

  it('status: values and file names from the manifest', async () => {
    const copy = await copyWith((m) => {
      m.region.name = `Kota Gorontalo${NASTY}`;
      m.files[`x${NASTY}.js`] = m.files['README.md'];
    });
    await writeFile(path.join(copy, `x${NASTY}.js`), 'changed\n');
    await writeFile(path.join(copy, 'README.md'), 'changed\n');
    const run = await replika(['status', '--lang', 'en'], copy);
    expectShownEscaped(run);
  });

  it('update: values from the manifest and file names on disk', async () => {
    const copy = await copyWith((m) => {
      m.catalog.version = `0.9.0${NASTY}`;
      m.region.name = `Kota Gorontalo${NASTY}`;
      m.files[`x${NASTY}.js`] = m.files['README.md'];
    });
    await writeFile(path.join(copy, `x${NASTY}.js`), 'changed\n');
    const run = await replika(['update', '--dry-run', '--lang', 'en'], copy);
    expectShownEscaped(run);
  });

  it('catalog diff: a fork\'s setting names', async () => {
    const dir = await forkCatalog();
    const app = path.join(dir, 'catalog', 'apps', 'laksa.yaml');
    const yaml = await readFile(app, 'utf8');
    await writeFile(app, yaml.replace('    slaDays:\n', `    ${JSON.stringify(`x${NASTY}`)}: { type: string }\n    slaDays:\n`));
    const run = await replika(['catalog', 'diff', path.join(root, 'catalog'), path.join(dir, 'catalog'), '--lang', 'en'], dir);
    expectShownEscaped(run);
  });

  it('a usage error naming what was typed', async () => {
    const run = await replika([`new${NASTY}`, '--lang', 'en'], root);
    expect(run.exitCode).toBe(2);
    expectShownEscaped(run);
  });
});

describe('yo replika:update logs no raw control character', () => {
  it('values from the manifest in the report', async () => {
    const copy = await copyWith((m) => {
      m.catalog.version = `0.9.0${NASTY}`;
      m.region.name = `Kota Gorontalo${NASTY}`;
    });
    const lines: string[] = [];
    const logs = (generator: unknown) => {
      (generator as { log: (line: string) => void }).log = (line: string) => lines.push(String(line));
    };
    const error = await helpers.run<UpdateGenerator>(UpdateGenerator).cd(copy).withOptions({ lang: 'en', 'dry-run': true } as never).onGenerator(logs).then(() => undefined, (e: unknown) => e);
    const all = `${lines.join('\n')}\n${error instanceof Error ? error.message : ''}`;
    expect(lines.length + (error ? 1 : 0)).toBeGreaterThan(0);
    expect(all).not.toMatch(RAW);
  });
});

describe('file names from a fork', () => {
  it.each([
    ['ESC', '\u001b[2J'],
    ['DEL', '\u007f'],
    ['C1 CSI', '\u009b'],
    ['right-to-left override', '\u202e'],
    ['zero-width space', '\u200b'],
    ['byte order mark', '\ufeff'],
  ])('a template file whose name holds %s is refused when planning', async (_name, character) => {
    const dir = await forkCatalog();
    await mkdir(path.join(dir, 'templates', 'emergency', 'extra'), { recursive: true });
    await writeFile(path.join(dir, 'templates', 'emergency', 'extra', `a${character}b.txt`), 'x\n');
    const catalog = await loadCatalog(path.join(dir, 'catalog'));
    const region = await loadRegion(path.join(regions, 'kota-gorontalo.yaml'), catalog, ['gawat-darurat-112']);
    const problems = await problemsOf(() => planRun(catalog, region, ['gawat-darurat-112']), (p) => `${p.key} ${String(p.params?.reason)}`);
    expect(problems).toEqual(['path.unsafe control or invisible character']);
  });
});
