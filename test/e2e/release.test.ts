import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forkCatalog } from '../helpers/catalog.js';
import { replika } from '../helpers/cli.js';

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  await writeFile(file, text.replace(from, to));
}

describe('replika catalog diff and release', () => {
  it('refuses a minor release that adds a required setting, naming it; a major one writes CHANGELOG and index', async () => {
    const [old, next] = await Promise.all([forkCatalog(), forkCatalog()]);
    const laksa = path.join(next, 'catalog', 'apps', 'laksa.yaml');
    await edit(laksa, 'settings:\n  type: object\n', 'settings:\n  type: object\n  required: [officer]\n');
    await edit(laksa, '  properties:\n    categories:', '  properties:\n    officer: { type: string, description: Name of the officer on duty. }\n    categories:');
    await edit(laksa, 'example:\n', 'example:\n  officer: Petugas (contoh)\n');
    await edit(path.join(next, 'catalog', 'apps', 'gawat-darurat-112.yaml'), '    hours:\n', '    note:\n      type: string\n      description: A note shown under the numbers.\n    hours:\n');

    const diff = await replika(['catalog', 'diff', path.join(old, 'catalog'), path.join(next, 'catalog')], next);
    expect(diff.stdout).toContain('  major  laksa: required setting officer added');
    expect(diff.stdout).toContain('  minor  gawat-darurat-112: optional setting note added');
    expect(diff.stdout).toContain('Required bump: major (1.0.0 → 1.0.0 is none).');

    const bad = await replika(['catalog', 'release', path.join(next, 'catalog'), '--previous', path.join(old, 'catalog'), '--bump', 'huge'], next);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--bump must be major, minor or patch, not "huge"');
    const minor = await replika(['catalog', 'release', path.join(next, 'catalog'), '--previous', path.join(old, 'catalog'), '--bump', 'minor', '--trust'], next);
    expect(minor.exitCode).toBe(1);
    expect(minor.stderr).toContain('a minor release is too small: the changes need a major release (laksa: required setting officer added)');
    expect(await readFile(path.join(next, 'catalog', 'catalog.yaml'), 'utf8')).toContain('version: 1.0.0');

    const major = await replika(['catalog', 'release', path.join(next, 'catalog'), '--previous', path.join(old, 'catalog'), '--trust'], next);
    expect(major.exitCode, major.stderr).toBe(0);
    expect(await readFile(path.join(next, 'catalog', 'catalog.yaml'), 'utf8')).toContain('version: 2.0.0');
    expect(await readFile(laksa, 'utf8')).toMatch(/^version: 2\.0\.0$/m);
    const changelog = await readFile(path.join(next, 'catalog', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^# Changelog\n\n## 2\.0\.0 — \d{4}-\d{2}-\d{2}\n\n- gawat-darurat-112: optional setting note added \(minor\)\n- laksa: required setting officer added \(major\)\n/);
    const index = JSON.parse(await readFile(path.join(next, 'dist', 'catalog.json'), 'utf8'));
    expect(index.version).toBe('2.0.0');
    const entry = index.apps.find((a: { id: string }) => a.id === 'laksa');
    expect(entry.version).toBe('2.0.0');
    expect(entry.files['aspirations/src/laksa.js']).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.files['_base/README.md.ejs']).toMatch(/^[0-9a-f]{64}$/);
    // Nothing changed since: a second release is refused.
    expect((await replika(['catalog', 'release', path.join(next, 'catalog'), '--previous', path.join(next, 'catalog'), '--trust'], next)).stderr).toContain('nothing changed since 2.0.0');
  });
});

describe('replika catalog diff against a git ref', () => {
  it('compares the working catalogue with the one at a commit', async () => {
    const { execa } = await import('execa');
    const repo = await forkCatalog();
    const git = (...args: string[]) => execa('git', args, { cwd: repo, env: { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    await git('init', '--quiet');
    await git('add', '.');
    await git('commit', '--quiet', '-m', 'catalogue 1.0.0');
    await edit(path.join(repo, 'catalog', 'apps', 'laksa.yaml'), '    slaDays:\n', '    intro:\n      type: string\n    slaDays:\n');
    const run = await replika(['catalog', 'diff', 'HEAD', 'catalog'], repo);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('  minor  laksa: optional setting intro added');
    expect((await replika(['catalog', 'diff', 'no-such-ref', 'catalog'], repo)).stderr).toContain('no-such-ref is neither a catalogue folder nor a git ref of this repository');
  });
});
