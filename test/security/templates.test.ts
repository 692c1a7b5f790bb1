import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import type { Problem } from '../../src/lib/errors.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { emergencyProblems, forkCatalog, problemsOf } from '../helpers/catalog.js';

const root = path.resolve(import.meta.dirname, '../..');
const regionsDir = path.join(root, 'catalog', 'regions');

const show = (p: Problem) => `${p.file ? path.basename(p.file) : ''}:${p.line ?? ''} ${p.key} ${JSON.stringify(p.params ?? {})}`;

describe('templates', () => {
  it('fails on a misspelt template variable, naming the template and line', async () => {
    expect(await emergencyProblems({ 'NOTES.md.ejs': 'Wilayah: <%= region.name %>\nKode: <%= region.kode %>\n' }, show)).toEqual([
      'NOTES.md.ejs:2 template.render {"message":"region.kode is not defined"}',
    ]);
  });

  it('refuses a template that changes its data, naming the template and line', async () => {
    expect(await emergencyProblems({ 'NOTES.md.ejs': 'Wilayah:\n<% region.branding.shortName = "X" %>\n' }, show)).toEqual([
      'NOTES.md.ejs:2 template.render {"message":"region.branding.shortName is read-only in a template"}',
    ]);
  });

  it('refuses <%= %> where it cannot escape, and includes outside the templates', async () => {
    const dir = await forkCatalog();
    await writeFile(path.join(dir, 'templates', 'emergency', 'extra.json.ejs'), '{\n  "name": "<%= region.name %>"\n}\n');
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    await writeFile(path.join(dir, 'templates', 'portal', 'leak.txt.ejs'), "<%- include('../../secret.txt') %>");
    await writeFile(path.join(dir, 'templates', 'portal', 'leak2.txt.ejs'), "<%- include('@../../../secret.txt') %>");
    const catalog = await loadCatalog(path.join(dir, 'catalog'));
    const region = await loadRegion(path.join(regionsDir, 'kota-gorontalo.yaml'), catalog, ['live', 'gawat-darurat-112']);
    expect(await problemsOf(() => planRun(catalog, region, ['live']), show)).toEqual([
      'leak.txt.ejs: template.include {"path":"../../secret.txt"}',
      'leak2.txt.ejs: template.include {"path":"@../../../secret.txt"}',
      'extra.json.ejs:2 template.escape {"format":".json","helper":"json"}',
    ]);
  });

});
