import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { execa } from 'execa';
import { marked } from 'marked';
import { parse as parseHtml } from 'parse5';
import initSqlJs from 'sql.js';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { writeRun } from '../../src/lib/copy/write.js';
import { md, sh, sql } from '../../src/lib/plan/helpers.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { regionFromSource } from '../../src/lib/region/load.js';
import { parseYaml } from '../../src/lib/yaml/source.js';
import { tree } from '../helpers/tree.js';

const root = path.resolve(import.meta.dirname, '../..');
const HOSTILE = {
  displayName: 'Pemerintah "Kota" <b>Go</b> & \'${HOME}\' $(id) `id` </script><script>alert(1)</script> --> [x](javascript:alert(1)) \u2028#',
  shortName: 'Go\'ron"talo $(id) ${X} #1 <i>',
  address: "Jl. '; DROP TABLE aspirasi; -- No. 1\nBaris kedua <!-- x -->",
  opdName: 'Dinas "Kominfo" </script> & [link](http://evil.example) *bold*',
};
const EVERYTHING = [HOSTILE.displayName, HOSTILE.shortName, HOSTILE.address, HOSTILE.opdName, "it's \"quoted\"\nnew line", '${x} $(y) `z` \\n', "'; DROP TABLE t; --", '</script>\u2028\u2029-->'];

async function hostileCopies(): Promise<string> {
  const catalog = await loadCatalog();
  const source = parseYaml(await readFile(path.join(root, 'catalog', 'regions', 'kota-gorontalo.yaml'), 'utf8'), 'r.yaml');
  const data = source.data as { branding: Record<string, string>; contacts: Record<string, string>; opd: Record<string, { name: string }> };
  data.branding.displayName = HOSTILE.displayName;
  data.branding.shortName = HOSTILE.shortName;
  data.contacts.address = HOSTILE.address;
  data.opd.communication = { name: HOSTILE.opdName };
  // Re-serialise so the values go through the YAML loader like a typed file would.
  const region = await regionFromSource(parseYaml(stringify(data), 'r.yaml'), root, catalog, ['live', 'laksa', 'gawat-darurat-112']);
  const out = await tree();
  await writeRun(planRun(catalog, region, ['live', 'laksa']), { destination: out });
  return out;
}

function textOf(node: { nodeName: string; value?: string; childNodes?: unknown[] }): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map((c) => textOf(c as never)).join('');
}

function elements(node: { nodeName: string; childNodes?: unknown[]; attrs?: { name: string; value: string }[] }, found: { nodeName: string; attrs?: { name: string; value: string }[] }[] = []) {
  found.push(node);
  for (const child of node.childNodes ?? []) elements(child as never, found);
  return found;
}

describe('hostile values round-trip through each format\'s own parser', async () => {
  const out = await hostileCopies();
  const copy = path.join(out, 'laksa');

  it('JSON: settings and package.json parse back to exactly the input', async () => {
    const settings = JSON.parse(await readFile(path.join(copy, 'config', 'settings.json'), 'utf8'));
    expect(settings.region.branding.displayName).toBe(HOSTILE.displayName);
    expect(settings.region.contacts.address).toBe(HOSTILE.address);
    expect(settings.region.opd.communication.name).toBe(HOSTILE.opdName);
    const pkg = JSON.parse(await readFile(path.join(copy, 'package.json'), 'utf8'));
    expect(Object.keys(pkg).sort()).toEqual(['description', 'engines', 'name', 'private', 'scripts', 'type', 'version']);
    expect(pkg.description).toContain(HOSTILE.shortName);
    expect(pkg.scripts).toEqual({ start: 'node src/server.js', test: 'node --test' });
  });

  it('.env: the value parses back and injects no variable', async () => {
    const env = parseEnv(await readFile(path.join(copy, '.env.example'), 'utf8'));
    expect(env.APP_NAME).toBe(`LAKSA ${HOSTILE.shortName}`);
    expect(Object.keys(env).every((k) => /^[A-Z_]+$/.test(k))).toBe(true);
  });

  it('Markdown: the README renders the names as text, with no injected link or tag', async () => {
    const readme = await readFile(path.join(copy, 'README.md'), 'utf8');
    const rendered = marked.parse(readme, { async: false });
    const document = parseHtml(rendered);
    const all = elements(document as never);
    expect(all.filter((e) => ['script', 'b', 'i'].includes(e.nodeName))).toEqual([]);
    expect(all.flatMap((e) => e.attrs ?? []).filter((a) => a.name === 'href' && /javascript|evil/.test(a.value))).toEqual([]);
    const heading = all.find((e) => e.nodeName === 'h1');
    expect(textOf(heading as never)).toBe(`LAKSA ${HOSTILE.shortName}`);
    expect(textOf(document as never)).toContain(HOSTILE.opdName);
  });

  it('HTML: the running copy shows the values as text, with no injected element', async () => {
    const port = 43000 + Math.floor(Math.random() * 2000);
    const server = execa('node', ['src/server.js'], { cwd: copy, env: { PORT: String(port), HOST: '127.0.0.1' }, reject: false });
    try {
      let page = '';
      for (let i = 0; i < 100 && !page; i++) {
        page = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text(), async () => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          return '';
        });
      }
      const document = parseHtml(page);
      const all = elements(document as never);
      expect(all.filter((e) => e.nodeName === 'script')).toEqual([]);
      expect(all.filter((e) => e.nodeName === 'b' || e.nodeName === 'i')).toEqual([]);
      const text = textOf(document as never);
      expect(text).toContain(HOSTILE.displayName);
      expect(text).toContain(HOSTILE.address.split('\n')[0]);
    } finally {
      server.kill();
      await server;
    }
  });

  it.each(EVERYTHING)('shell: %j is one argument, expanded by nothing', async (value) => {
    const { stdout } = await execa('sh', ['-c', `printf '%s' ${sh(value)}`], { stripFinalNewline: false });
    expect(stdout).toBe(value);
  });

  it.each(EVERYTHING)('SQL: %j is one string literal', async (value) => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE t (v TEXT)');
    db.run(`INSERT INTO t (v) VALUES (${sql(value)})`);
    expect(db.exec('SELECT v FROM t')[0]?.values).toEqual([[value]]);
    expect(db.exec("SELECT name FROM sqlite_master WHERE type = 'table'")[0]?.values).toEqual([['t']]);
  });

  it.each(EVERYTHING)('Markdown helper: %j renders as the same text', (value) => {
    const html = marked.parseInline(md(value), { async: false }) as string;
    const text = textOf(parseHtml(`<p>${html}</p>`) as never);
    expect(text).toBe(value.replace(/\r?\n|\u2028|\u2029/g, ' '));
  });
});
