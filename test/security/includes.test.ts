import { rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetCaches } from '../../src/lib/caches.js';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import type { Problem } from '../../src/lib/errors.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { forkCatalog, problemsOf } from '../helpers/catalog.js';
import { regions, replika } from '../helpers/cli.js';
import { listFiles, tree } from '../helpers/tree.js';

const show = (p: Problem) => `${p.file ? p.file.split(path.sep).slice(-2).join('/') : ''}:${p.line ?? ''}:${p.col ?? ''} ${p.key} ${JSON.stringify(p.params ?? {})}`;

/** The problems of loading a fork of the catalogue, then planning Gawat Darurat 112 for Kota Gorontalo. */
async function emergency(fork: string): Promise<string[]> {
  forgetCaches();
  return problemsOf(async () => {
    const catalog = await loadCatalog(path.join(fork, 'catalog'));
    const region = await loadRegion(path.join(regions, 'kota-gorontalo.yaml'), catalog, ['gawat-darurat-112']);
    return planRun(catalog, region, ['gawat-darurat-112']);
  }, show);
}

describe('includes and partials', () => {
  it('reach only the files of the template and the layers it extends, never through a symbolic link', async () => {
    const fork = await forkCatalog();
    const t = (...p: string[]) => path.join(fork, 'templates', ...p);
    const outside = await tree({ 'partial.md.ejs': 'from elsewhere\n', 'dir/x.ejs': 'through a linked folder\n' });
    await writeFile(t('payload.ejs'), 'not part of any template\n');
    await writeFile(t('emergency', 'a.txt.ejs'), "<%- include('../payload.ejs') %>");
    await writeFile(t('emergency', 'b.txt.ejs'), "<%- include('../portal/src/text.js') %>");
    await writeFile(t('emergency', 'c.txt.ejs'), "<%- include('@../../portal/_partials/env.en.md.ejs') %>");
    await symlink(path.join(outside, 'partial.md.ejs'), t('emergency', '_partials', 'linked.md.ejs'));
    await writeFile(t('emergency', 'd.txt.ejs'), "<%- include('@linked.md.ejs') %>");
    await symlink(t('_base', '_partials', 'env.en.md.ejs'), t('emergency', '_partials', 'inside.md.ejs'));
    await writeFile(t('emergency', 'e.txt.ejs'), "<%- include('@inside.md.ejs') %>");
    await symlink(path.join(outside, 'dir'), t('emergency', 'linked-dir'));
    await writeFile(t('emergency', 'f.txt.ejs'), "<%- include('linked-dir/x.ejs') %>");
    // What stays allowed: a file of the template itself, and one of the layer it extends.
    await writeFile(t('emergency', '_partials', 'plain.txt.ejs'), 'plain\n');
    await writeFile(t('emergency', 'g.txt.ejs'), "<%- include('_partials/plain.txt.ejs') %><%- include('../_base/public/style.css') %>");
    await writeFile(t('emergency', 'h.txt.ejs'), "<%- include('_partials/nowhere.txt') %>");
    await writeFile(t('emergency', 'i.txt.ejs'), "<%- include('@nowhere.md.ejs') %>");
    expect(await emergency(fork)).toEqual([
      'emergency/a.txt.ejs:: template.include {"path":"../payload.ejs"}',
      'emergency/b.txt.ejs:: template.include {"path":"../portal/src/text.js"}',
      'emergency/c.txt.ejs:: template.include {"path":"@../../portal/_partials/env.en.md.ejs"}',
      'emergency/d.txt.ejs:: template.includeLink {"path":"@linked.md.ejs"}',
      'emergency/e.txt.ejs:: template.includeLink {"path":"@inside.md.ejs"}',
      'emergency/f.txt.ejs:: template.includeLink {"path":"linked-dir/x.ejs"}',
      'emergency/h.txt.ejs:: template.includeMissing {"path":"_partials/nowhere.txt"}',
      'emergency/i.txt.ejs:: template.includeMissing {"path":"@nowhere.md.ejs"}',
    ]);
  });

  it('a template folder that is a symbolic link is refused where the entry names it', async () => {
    const fork = await forkCatalog();
    const outside = await tree();
    await rename(path.join(fork, 'templates', 'emergency'), path.join(outside, 'emergency'));
    await symlink(path.join(outside, 'emergency'), path.join(fork, 'templates', 'emergency'));
    expect(await emergency(fork)).toEqual(['apps/gawat-darurat-112.yaml:13:11 catalog.templateLink {"value":"emergency"}']);
  });
});

describe('extends', () => {
  const meta = (fork: string, template: string) => path.join(fork, 'templates', template, '_template.yaml');

  it('is validated like template: a name of a folder in templates/, with no loop, each mistake at its line and column', async () => {
    const cases: [string, string, string][] = [
      ['emergency', 'extends: ../../../usr/lib\n', 'emergency/_template.yaml:1:10 catalog.extends {"value":"../../../usr/lib"}'],
      ['emergency', '# a comment\nextends: [_base]\n', 'emergency/_template.yaml:2:10 catalog.extends {"value":"[\\"_base\\"]"}'],
      ['emergency', 'extends: nowhere\n', 'emergency/_template.yaml:1:10 catalog.extends {"value":"nowhere"}'],
      ['emergency', 'extends: /usr\n', 'emergency/_template.yaml:1:10 catalog.extends {"value":"/usr"}'],
      ['emergency', 'extends: emergency\n', 'emergency/_template.yaml:1:10 catalog.extendsLoop {"chain":"emergency → emergency"}'],
      ['_base', 'extends: emergency\n', '_base/_template.yaml:1:10 catalog.extendsLoop {"chain":"_base → emergency → _base"}'],
      ['emergency', '- _base\n', 'emergency/_template.yaml:1:1 yaml.notMapping {}'],
    ];
    for (const [template, text, expected] of cases) {
      const fork = await forkCatalog();
      await writeFile(meta(fork, template), text);
      expect(await emergency(fork), text).toEqual([expected]);
    }
  });

  it('a malformed extends is a user error at its place (exit 1), checked before any folder is hashed, with or without --trust', async () => {
    const fork = await forkCatalog();
    const cwd = await tree();
    await writeFile(meta(fork, 'emergency'), 'extends: ../../../usr/lib\n');
    const args = ['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', 'gawat-darurat-112', '--yes', '--catalog', path.join(fork, 'catalog'), '--out', 'out'];
    for (const extra of [[], ['--trust'], ['--catalog-sha256', '0'.repeat(64)]]) {
      const started = Date.now();
      const run = await replika([...args, ...extra], cwd);
      expect(run.exitCode, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/templates\/emergency\/_template\.yaml:1:10 {2}\/extends {2}"\.\.\/\.\.\/\.\.\/usr\/lib" is not a template folder in templates\//);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(Date.now() - started).toBeLessThan(15_000);
    }
    await writeFile(meta(fork, 'emergency'), 'extends: 42\n');
    const validate = await replika(['catalog', 'validate', path.join(fork, 'catalog'), '--trust'], cwd);
    expect(validate.exitCode).toBe(1);
    expect(validate.stderr).toMatch(/templates\/emergency\/_template\.yaml:1:10 {2}\/extends {2}"42" is not a template folder in templates\//);
    expect(await listFiles(cwd)).toEqual([]);
  });
});
