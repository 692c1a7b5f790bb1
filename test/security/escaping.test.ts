import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { execa } from 'execa';
import { marked } from 'marked';
import { parse as parseHtml } from 'parse5';
import initSqlJs from 'sql.js';
import { parse as parseYamlText, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import type { Catalog } from '../../src/lib/catalog/types.js';
import { writeRun } from '../../src/lib/copy/write.js';
import { md, sh, sql } from '../../src/lib/plan/helpers.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { regionFromSource } from '../../src/lib/region/load.js';
import { parseYaml } from '../../src/lib/yaml/source.js';
import { forkCatalog } from '../helpers/catalog.js';
import { linkDependencies } from '../helpers/dependencies.js';
import { tree } from '../helpers/tree.js';

const root = path.resolve(import.meta.dirname, '../..');
const HOSTILE = {
  displayName: 'Pemerintah "Kota" <b>Go</b> & \'${HOME}\' $(id) `id` </script><script>alert(1)</script> --> [x](javascript:alert(1)) \u2028#',
  shortName: 'Go\'ron"talo $(id) ${X} #1 <i>',
  address: "Jl. '; DROP TABLE aspirasi; -- No. 1\nBaris kedua <!-- x -->",
  opdName: 'Dinas "Kominfo" </script> & [link](http://evil.example) *bold*',
};
const EVERYTHING = [HOSTILE.displayName, HOSTILE.shortName, HOSTILE.address, HOSTILE.opdName, "it's \"quoted\"\nnew line", '${x} $(y) `z` \\n', "'; DROP TABLE t; --", '</script>\u2028\u2029-->'];

async function hostileRegion(catalog: Catalog) {
  const source = parseYaml(await readFile(path.join(root, 'catalog', 'regions', 'kota-gorontalo.yaml'), 'utf8'), 'r.yaml');
  const data = source.data as { branding: Record<string, string>; contacts: Record<string, string>; opd: Record<string, { name: string }> };
  data.branding.displayName = HOSTILE.displayName;
  data.branding.shortName = HOSTILE.shortName;
  data.contacts.address = HOSTILE.address;
  data.opd.communication = { name: HOSTILE.opdName };
  // Re-serialise so the values go through the YAML loader like a typed file would.
  return regionFromSource(parseYaml(stringify(data), 'r.yaml'), root, catalog, ['live', 'laksa', 'gawat-darurat-112']);
}

async function hostileCopies(): Promise<string> {
  const catalog = await loadCatalog();
  const region = await hostileRegion(catalog);
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
    expect(Object.keys(pkg).sort()).toEqual(['dependencies', 'description', 'engines', 'name', 'private', 'scripts', 'type', 'version']);
    expect(pkg.description).toContain(HOSTILE.shortName);
    expect(pkg.scripts).toEqual({ start: 'node src/server.js', test: 'node --test', migrate: 'node bin/migrate.js', backup: 'node bin/backup.js', restore: 'node bin/restore.js' });
    const lock = JSON.parse(await readFile(path.join(copy, 'package-lock.json'), 'utf8'));
    expect([lock.name, lock.version, lock.packages[''].name, lock.packages[''].dependencies]).toEqual([pkg.name, pkg.version, pkg.name, pkg.dependencies]);
  });

  it('.env, shell, SQL and YAML written by a template parse back exactly, with nothing injected', async () => {
    // The copies carry no region values in these formats, so a forked template writes all four.
    const dir = await forkCatalog();
    const extra = path.join(dir, 'templates', 'emergency', 'extra');
    await mkdir(extra);
    await writeFile(path.join(extra, 'values.env.ejs'), '<% region.contacts.emergency.forEach((e, i) => { %>LABEL_<%- i %>=<%- h.env(e.label.id) %>\n<% }) %>OPD=<%- h.env(region.opd.communication.name) %>\nADDRESS=<%- h.env(region.contacts.address) %>\n');

    await writeFile(path.join(extra, 'show.sh.ejs'), "#!/bin/sh\nprintf '%s\\0' <%- h.sh(region.branding.displayName) %> <%- h.sh(region.contacts.address) %> <%- h.sh(region.opd.communication.name) %>\n");
    await writeFile(path.join(extra, 'seed.sql.ejs'), 'CREATE TABLE opd (name TEXT, address TEXT);\nINSERT INTO opd VALUES (<%- h.sql(region.opd.communication.name) %>, <%- h.sql(region.contacts.address) %>);\n');
    await writeFile(path.join(extra, 'values.yaml.ejs'), 'name: <%- h.yaml(region.branding.displayName) %>\naddress: <%- h.yaml(region.contacts.address) %>\nopd: <%- h.yaml(region.opd) %>\n');
    const catalog = await loadCatalog(path.join(dir, 'catalog'));
    const region = await hostileRegion(catalog);
    const [copy] = planRun(catalog, region, ['gawat-darurat-112']).copies;
    const file = (name: string) => copy?.files.find((f) => f.path === `extra/${name}`)?.contents.toString('utf8') ?? '';

    const env = parseEnv(file('values.env'));
    expect(env).toEqual({ LABEL_0: 'Panggilan Darurat', LABEL_1: 'Polisi', LABEL_2: 'Pemadam Kebakaran', LABEL_3: 'Ambulans', OPD: HOSTILE.opdName, ADDRESS: HOSTILE.address });

    const script = path.join(dir, 'show.sh');
    await writeFile(script, file('show.sh'));
    const { stdout } = await execa('sh', [script], { stripFinalNewline: false, cwd: dir });
    expect(stdout.split('\0').slice(0, -1)).toEqual([HOSTILE.displayName, HOSTILE.address, HOSTILE.opdName]);

    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(file('seed.sql'));
    expect(db.exec('SELECT name, address FROM opd')[0]?.values).toEqual([[HOSTILE.opdName, HOSTILE.address]]);
    expect(db.exec("SELECT name FROM sqlite_master WHERE type = 'table'")[0]?.values).toEqual([['opd']]);

    expect(parseYamlText(file('values.yaml'))).toEqual({ name: HOSTILE.displayName, address: HOSTILE.address, opd: region.region.opd });
  });

  it('.env: a value no dotenv quoting can carry is refused, naming the template line', async () => {
    // dotenv has no escapes: a value holding ', " and ` together cannot be written exactly.
    const dir = await forkCatalog();
    await writeFile(path.join(dir, 'templates', 'emergency', 'refused.env.ejs'), 'NAME=<%- h.env(region.branding.displayName) %>\n');
    const catalog = await loadCatalog(path.join(dir, 'catalog'));
    const region = await hostileRegion(catalog);
    expect(() => planRun(catalog, region, ['gawat-darurat-112'])).toThrow(/refused\.env\.ejs:1  template error: this value cannot be written exactly in a \.env file/);
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
    await linkDependencies(copy);
    // On its embedded database, in a folder of its own: the first start creates it (a few seconds).
    const server = execa('node', ['src/server.js'], { cwd: copy, env: { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', DATA_DIR: await tree() }, reject: false });
    try {
      let page = '';
      for (let i = 0; i < 400 && !page; i++) {
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
