import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { regions, root } from '../helpers/cli.js';
import { listFiles, tree } from '../helpers/tree.js';

describe('yo replika through yeoman-environment (as `yo` runs it)', () => {
  it('finds the built generator in the package and runs it with flags', async () => {
    const { createEnv } = await import('yeoman-environment');
    const cwd = await tree();
    // As after `npm link` or an install: the package sits in a node_modules folder under its own name.
    await mkdir(path.join(cwd, 'node_modules'));
    await symlink(root, path.join(cwd, 'node_modules', 'generator-replika'), 'dir');
    const env = createEnv({ cwd });
    const found = await env.lookup({ npmPaths: [path.join(cwd, 'node_modules')] });
    expect(found.map((meta) => meta.namespace)).toContain('replika:app');
    expect(found.find((meta) => meta.namespace === 'replika:app')?.resolved).toBe(path.join(root, 'dist', 'generators', 'app', 'index.js'));
    await env.run(['replika:app'], { region: path.join(regions, 'kabupaten-banjar.yaml'), app: 'laksa', out: 'banjar', lang: 'en', skipInstall: true } as never);
    expect(await listFiles(path.join(cwd, 'banjar'))).toContain('laksa/config/settings.json');
  });
});
