import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load.js';
import type { Catalog } from '../../src/lib/catalog/types.js';
import { writeRun } from '../../src/lib/copy/write.js';
import { UserError, type Problem } from '../../src/lib/errors.js';
import { planRun } from '../../src/lib/plan/plan.js';
import { loadRegion } from '../../src/lib/region/load.js';
import { formatProblems } from '../../src/lib/report.js';
import { reportUpdate } from '../../src/lib/update/report.js';
import { applyUpdate, copyStatus, planUpdate } from '../../src/lib/update/update.js';
import { problemsOf } from '../helpers/catalog.js';
import { regions } from '../helpers/cli.js';
import { tree } from '../helpers/tree.js';

const gorontalo = path.join(regions, 'kota-gorontalo.yaml');
const catalog = await loadCatalog();
const show = (p: Problem) => [p.key, p.params?.name, p.pointer, p.params?.reason ?? p.params?.expected].filter((v) => v !== undefined && v !== '').join(' ');
type Json = Record<string, any>;

/** LAKSA and LIVE for Kota Gorontalo, written with the bundled catalogue. */
async function copies(): Promise<{ laksa: string; live: string }> {
  const region = await loadRegion(gorontalo, catalog, ['laksa', 'live']);
  const out = await tree();
  await writeRun(planRun(catalog, region, ['laksa', 'live']), { destination: out });
  return { laksa: path.join(out, 'laksa'), live: path.join(out, 'live') };
}

const manifestOf = (copy: string) => path.join(copy, '.yo-rc.json');
const baseOf = (copy: string) => path.join(copy, '.replika', 'base.json');
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Json;
async function editJson(file: string, change: (data: Json) => void): Promise<void> {
  const data = await readJson(file);
  change(data);
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
}
const editManifest = (copy: string, change: (manifest: Json) => void) => editJson(manifestOf(copy), (data) => change(data['generator-replika']));

const status = (copy: string, with_: Catalog = catalog) => problemsOf(() => copyStatus(copy, with_), show);
const update = (copy: string, regionFile?: string) => problemsOf(async () => applyUpdate(await planUpdate(copy, { catalog, regionFile })), show);

async function refusal(work: () => Promise<unknown>): Promise<UserError> {
  const error = await work().then(() => undefined, (e: unknown) => e);
  if (!(error instanceof UserError)) throw new Error(`expected a user error, got ${String(error)}`);
  expect(error.exitCode).toBe(1);
  return error;
}

describe('a damaged manifest (.yo-rc.json) is a user error naming the file, the place and the way back', () => {
  it('Git conflict markers left by a merge: the line where they start, and how to keep one version', async () => {
    const { laksa } = await copies();
    const text = await readFile(manifestOf(laksa), 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('"phone"'));
    const merged = [...lines.slice(0, at), '<<<<<<< HEAD', lines[at], '=======', lines[at]?.replace('000000', '111111'), '>>>>>>> settings', ...lines.slice(at + 1)].join('\n');
    await writeFile(manifestOf(laksa), merged);
    const error = await refusal(() => copyStatus(laksa, catalog));
    expect(error.problems.map(show)).toEqual(['records.conflict .yo-rc.json']);
    expect(error.problems[0]).toMatchObject({ file: manifestOf(laksa), line: at + 1 });
    expect(formatProblems(error.problems, 'en')).toContain('git checkout --ours -- .yo-rc.json');
    expect(formatProblems(error.problems, 'id')).toContain('penanda konflik Git');
  });

  it('not JSON, or empty', async () => {
    const { laksa } = await copies();
    const text = await readFile(manifestOf(laksa), 'utf8');
    await writeFile(manifestOf(laksa), text.slice(0, 300));
    expect(await status(laksa)).toEqual(['records.notJson .yo-rc.json']);
    await writeFile(manifestOf(laksa), '');
    const error = await refusal(() => copyStatus(laksa, catalog));
    expect(formatProblems(error.problems, 'en')).toMatch(/\.yo-rc\.json is damaged: it is not valid JSON \(it is empty\)\n.*git restore \.yo-rc\.json/);
  });

  it('wrong shape: each damaged field by its JSON pointer, a missing object once', async () => {
    const { laksa } = await copies();
    await editManifest(laksa, (m) => {
      m.app.id = 5;
      delete m.generator;
      m.files['README.md'] = 'not a hash';
      m.settings.branding = 'Gorontalo';
    });
    expect(await status(laksa)).toEqual([
      'records.field .yo-rc.json /generator-replika/generator object',
      'records.field .yo-rc.json /generator-replika/app/id appId',
      'records.field .yo-rc.json /generator-replika/settings/branding object',
      'records.field .yo-rc.json /generator-replika/files/README.md sha256',
    ]);
    await editManifest(laksa, (m) => {
      m.app.id = 'laksa';
      m.generator = { name: 'generator-replika', version: '0.1.0' };
      m.files['README.md'] = m.files['package.json'];
      m.settings.branding = {};
      m.settings.apps.laksa = 'on';
    });
    expect(await status(laksa)).toEqual(['records.field .yo-rc.json /generator-replika/settings/apps objects']);
    await writeFile(manifestOf(laksa), '[]');
    expect(await status(laksa)).toEqual(['records.field .yo-rc.json object']);
    await writeFile(manifestOf(laksa), '{"generator-replika": null}');
    expect(await status(laksa)).toEqual(['records.field .yo-rc.json /generator-replika object']);
    await writeFile(manifestOf(laksa), '{"generator-other": {}}');
    expect(await status(laksa)).toEqual(['update.notCopy']);
  });

  it('settings nested deeper than any the kit writes, or a path that leaves the copy, are damage too', async () => {
    const { laksa } = await copies();
    const text = await readFile(manifestOf(laksa), 'utf8');
    await writeFile(manifestOf(laksa), text.replace('"apps": {', `"deep": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "apps": {`));
    expect(await status(laksa)).toEqual(['records.field .yo-rc.json shallow']);
    const { live } = await copies();
    await editManifest(live, (m) => {
      m.files['../outside.txt'] = m.files['README.md'];
    });
    expect(await status(live)).toEqual(['records.field .yo-rc.json /generator-replika/files/..~1outside.txt path']);
  });
});

describe('settings recorded in the manifest that no longer validate', () => {
  it('are placed in .yo-rc.json by JSON pointer, followed by the way on', async () => {
    const { laksa } = await copies();
    await editManifest(laksa, (m) => {
      m.settings.branding.colors.primary = 5;
    });
    const error = await refusal(() => copyStatus(laksa, catalog));
    expect(error.problems.map(show)).toEqual(['schema.type /generator-replika/settings/branding/colors/primary string', 'records.settings /generator-replika/settings']);
    expect(error.problems.map((p) => [p.file, p.line])).toEqual([[manifestOf(laksa), undefined], [manifestOf(laksa), undefined]]);
    expect(formatProblems(error.problems, 'en')).toContain('replika update --region FILE');
    // Given a region file, the update goes ahead with its settings instead.
    expect(await update(laksa, gorontalo)).toEqual(['no error']);
  });
});

describe('a manifest naming another app is refused, never followed', () => {
  it('only the app id changed: the apps it was made with, or its own settings, say otherwise', async () => {
    const { laksa } = await copies();
    await editManifest(laksa, (m) => {
      m.app.id = 'paten';
    });
    expect(await status(laksa)).toEqual(['records.appMismatch /generator-replika/services services']);
    await editManifest(laksa, (m) => {
      m.app.id = 'live';
    });
    expect(await status(laksa)).toEqual(['records.appMismatch /generator-replika/settings/apps/laksa settings']);
    // update --region does not get round it: the manifest still has to say which app this is.
    expect(await update(laksa, gorontalo)).toEqual(['records.appMismatch /generator-replika/settings/apps/laksa settings']);
  });

  it('id and settings changed together: the template the catalogue makes that app from at that version differs', async () => {
    const { laksa } = await copies();
    await editManifest(laksa, (m) => {
      m.app.id = 'live';
      m.settings.apps = { live: {} };
    });
    const error = await refusal(() => copyStatus(laksa, catalog));
    expect(error.problems.map(show)).toEqual(['records.appMismatch /generator-replika/app/template template']);
    expect(formatProblems(error.problems, 'en')).toContain('live 1.0.0 is made from template "portal" and the manifest records "aspirations"');
  });

  it('the whole manifest of another copy: the base does not match it', async () => {
    const { laksa, live } = await copies();
    await writeFile(manifestOf(laksa), await readFile(manifestOf(live)));
    const error = await refusal(() => copyStatus(laksa, catalog));
    expect(error.problems.map(show)).toEqual(['records.baseMismatch .replika/base.json']);
    expect(formatProblems(error.problems, 'en')).toContain('replika update --region FILE');
  });

  it('an app this catalogue does not carry', async () => {
    const { laksa } = await copies();
    const without = { ...catalog, apps: new Map([...catalog.apps].filter(([id]) => id !== 'laksa')) };
    expect(await status(laksa, without)).toEqual(['records.unknownApp /generator-replika/app/id']);
  });
});

describe('a damaged base (.replika/base.json)', () => {
  it.each([
    ['missing', null, 'records.noBase .replika/base.json'],
    ['not JSON', '{"files": {', 'records.notJson .replika/base.json'],
    ['conflict markers', '<<<<<<< HEAD\n{"files": {}}\n=======\n{"files": {}}\n>>>>>>> other\n', 'records.conflict .replika/base.json'],
    ['files not an object', '{"files": 5}', 'records.field .replika/base.json /files object'],
    ['files missing', '{}', 'records.field .replika/base.json /files object'],
    ['a file not base64', 'README', 'records.field .replika/base.json /files/README.md base64'],
    ['a file changed', 'AAAA', 'records.baseMismatch .replika/base.json'],
  ])('%s: refused, with a rebuild from the region file as the way back', async (_name, contents, expected) => {
    const { laksa } = await copies();
    if (contents === null) await rm(baseOf(laksa));
    else if (contents === 'README' || contents === 'AAAA') await editJson(baseOf(laksa), (b) => { b.files['README.md'] = contents === 'README' ? '%%%' : 'AAAA'; });
    else await writeFile(baseOf(laksa), contents);
    const error = await refusal(() => copyStatus(laksa, catalog));
    expect(error.problems.map(show)).toEqual([expected]);
    expect(formatProblems(error.problems, 'en')).toContain('replika update --region FILE');
    expect(formatProblems(error.problems, 'id')).toContain('replika update --region FILE');
  });
});

describe('update --region rebuilds damaged records from the region file', () => {
  it('without a base, a file edited here becomes a conflict instead of being overwritten; afterwards the copy is sound', async () => {
    const { laksa } = await copies();
    const readme = path.join(laksa, 'README.md');
    await writeFile(readme, (await readFile(readme, 'utf8')).replace('## Fitur\n', '## Fitur kami\n'));
    await writeFile(baseOf(laksa), '<<<<<<< HEAD\n');
    const plan = await planUpdate(laksa, { catalog, regionFile: gorontalo });
    expect(plan.changes.filter((c) => c.outcome !== 'unchanged').map((c) => `${c.outcome} ${c.path}`)).toEqual(['conflicted README.md']);
    const lines: string[] = [];
    reportUpdate(plan, { lang: 'en', out: (line: string) => lines.push(line) }, false);
    expect(lines.join('\n')).toContain('.replika/base.json holds Git conflict markers');
    expect(lines.join('\n')).toContain('the records are rebuilt from the region file');
    await applyUpdate(plan);
    expect(await readFile(readme, 'utf8')).toContain('<<<<<<< kept (this copy)\n## Fitur kami\n=======\n## Fitur\n>>>>>>> catalogue (new version)');
    const after = await copyStatus(laksa, catalog);
    expect({ modified: after.modified, updateAvailable: after.updateAvailable }).toEqual({ modified: ['README.md'], updateAvailable: false });
  });

  it('a missing base is written again even when every file already matches the catalogue', async () => {
    const { laksa } = await copies();
    await rm(baseOf(laksa));
    const plan = await planUpdate(laksa, { catalog, regionFile: gorontalo });
    expect(plan.changes.filter((c) => c.outcome !== 'unchanged')).toEqual([]);
    expect(reportUpdate(plan, { lang: 'id', out: () => undefined }, false)).toBe(true);
    await applyUpdate(plan);
    expect(await status(laksa)).toEqual(['no error']);
  });

  it('a manifest damaged outside what names the app is rebuilt too; the base, when it still matches, is kept', async () => {
    const { laksa } = await copies();
    await editManifest(laksa, (m) => {
      m.settings = 'lost';
      m.region = null;
    });
    expect(await status(laksa)).toEqual(['records.field .yo-rc.json /generator-replika/region object', 'records.field .yo-rc.json /generator-replika/settings object']);
    const plan = await planUpdate(laksa, { catalog, regionFile: gorontalo });
    expect(plan.state.base.size).toBeGreaterThan(0);
    expect(plan.changes.filter((c) => c.outcome !== 'unchanged')).toEqual([]);
    const lines: string[] = [];
    reportUpdate(plan, { lang: 'en', out: (line: string) => lines.push(line) }, false);
    expect(lines.join('\n')).toContain('the manifest is rebuilt from the region file; the base still matches it');
    await applyUpdate(plan);
    expect((await readJson(manifestOf(laksa)))['generator-replika'].region).toEqual({ code: '75.71', name: 'Kota Gorontalo' });
    expect(await status(laksa)).toEqual(['no error']);
  });

  it('a manifest that cannot say which app the copy is cannot be rebuilt: restoring it is the way back', async () => {
    const { laksa } = await copies();
    await editManifest(laksa, (m) => {
      delete m.app;
    });
    const error = await refusal(() => planUpdate(laksa, { catalog, regionFile: gorontalo }));
    expect(error.problems.map(show)).toEqual(['records.field .yo-rc.json /generator-replika/app object']);
    expect(formatProblems(error.problems, 'en')).not.toContain('--region');
  });
});
