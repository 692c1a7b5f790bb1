import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';
import { listFiles, tree } from '../helpers/tree.js';

describe('the published package', () => {
  it('installs from its tarball and runs with npx, without a global yo', async () => {
    const work = await tree({ 'project/package.json': '{ "name": "pemda-contoh", "private": true }\n' });
    await execa('npm', ['pack', '--pack-destination', work], { cwd: root });
    const tarball = (await readdir(work)).find((f) => f.endsWith('.tgz')) as string;
    const project = path.join(work, 'project');
    await execa('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(work, tarball)], { cwd: project });
    const list = await execa('npx', ['replika', 'list', '--json'], { cwd: project });
    expect((JSON.parse(list.stdout) as { apps: unknown[] }).apps.length).toBeGreaterThanOrEqual(12);
    const run = await execa('npx', ['replika', 'new', '--region', 'node_modules/generator-replika/catalog/regions/kabupaten-poso.yaml', '--app', 'laksa', '--yes'], { cwd: project, reject: false });
    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(await listFiles(path.join(project, 'replika-kabupaten-poso', 'laksa'))).toContain('publiccode.yml');
  }, 300_000);
});
