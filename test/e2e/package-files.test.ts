import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';

interface Packed {
  files: { path: string; size: number }[];
}

/** The files `npm publish` would put in the tarball (after `npm run build`, as before any publication). */
let files: string[] = [];
beforeAll(async () => {
  const { stdout } = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
  files = ((JSON.parse(stdout) as Packed[])[0] as Packed).files.map((f) => f.path).sort();
}, 60_000);

describe('the files of the published package', () => {
  it('carries the licence, the readme, the catalogue, the templates, the commands, the generators and the types', () => {
    expect(files).toEqual(expect.arrayContaining([
      'LICENSE', 'README.md', 'package.json',
      'catalog/catalog.yaml', 'catalog/regions/kota-tangerang.yaml', 'catalog/schemas/region.schema.json', 'catalog/schemas/region.composed.schema.json',
      'dist/bin/replika.js', 'dist/lib/index.js', 'dist/lib/check/worker.js', 'dist/catalog-snapshot.json', 'dist/build-id.txt',
      'dist/generators/app/index.js', 'dist/generators/region/index.js', 'dist/generators/update/index.js',
      'dist/types/lib/index.d.ts',
    ]));
    expect(files.some((f) => f.startsWith('templates/_base/'))).toBe(true);
    expect(files.some((f) => f.startsWith('dist/validators/'))).toBe(true);
  });

  it('carries every file package.json points to', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; types: string; bin: Record<string, string>; exports: Record<string, string | Record<string, string>> };
    const targets = [pkg.main, pkg.types, ...Object.values(pkg.bin), ...Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))];
    for (const target of targets) {
      const pattern = new RegExp(`^${path.posix.normalize(target).replace(/[.]/g, '\\.').replace('*', '[^/]+')}$`);
      expect(files.filter((f) => pattern.test(f)), target).not.toEqual([]);
    }
  });

  it('carries every module and declaration a shipped one imports', () => {
    for (const file of files.filter((f) => /^dist\/.*\.(js|d\.ts)$/.test(f))) {
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\(\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
        const target = path.posix.join(path.posix.dirname(file), file.endsWith('.d.ts') ? (specifier as string).replace(/\.js$/, '.d.ts') : (specifier as string));
        expect(files, `${file} imports ${specifier}`).toContain(target);
      }
    }
  });

  it('carries nothing that does not run: no benchmarks, build steps, source maps, sources or tests', () => {
    expect(files.filter((f) => /^(dist\/(bench|scripts)\/|src\/|test\/|build\/)|\.map$|\.ts$(?<!\.d\.ts$)/.test(f))).toEqual([]);
  });
});
