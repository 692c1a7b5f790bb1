import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetCaches } from '../../src/lib/caches.js';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import { validator } from '../../src/lib/schema/ajv.js';
import { forkCatalog, problemsOf } from '../helpers/catalog.js';

// Windows opens these as devices whatever the extension, so a copy's folder cannot be called so.
const DEVICES = ['con', 'prn', 'aux', 'nul', ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`])];

describe('application ids', () => {
  it('are never a Windows device name, which would become a folder no Windows machine can hold', () => {
    const validate = validator('app');
    const refused = (id: string) => {
      validate({ id });
      return (validate.errors ?? []).some((e) => e.instancePath === '/id');
    };
    for (const id of DEVICES) expect(refused(id), id).toBe(true);
    for (const id of ['console', 'aux-dana', 'com10', 'nullable', 'lpt', 'con1', 'gawat-darurat-112']) expect(refused(id), id).toBe(false);
  });

  it('a catalogue entry named so is refused at its line, and so is a requirement naming one', async () => {
    const fork = await forkCatalog();
    const apps = path.join(fork, 'catalog', 'apps');
    const text = await readFile(path.join(apps, 'gawat-darurat-112.yaml'), 'utf8');
    await rm(path.join(apps, 'gawat-darurat-112.yaml'));
    await writeFile(path.join(apps, 'aux.yaml'), text.replace('id: gawat-darurat-112', 'id: aux').replace('requires: []', 'requires: [nul]'));
    forgetCaches();
    const problems = await problemsOf(() => loadCatalog(path.join(fork, 'catalog')), (p) => `${path.basename(p.file ?? '')}:${p.line ?? ''}:${p.col ?? ''} ${p.key} ${String(p.params?.value ?? '')}`);
    expect(problems.filter((p) => p.startsWith('aux.yaml'))).toEqual(['aux.yaml:2:5 schema.pattern aux', 'aux.yaml:14:12 schema.pattern nul']);
  });
});
