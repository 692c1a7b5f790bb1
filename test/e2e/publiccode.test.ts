import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { publiccodeProblems } from '../../src/lib/publiccode.js';
import { replika } from '../helpers/cli.js';
import { listFiles, tree } from '../helpers/tree.js';

describe('publiccode.yml', () => {
  it('catalog export writes the origin\'s publiccode.yml for every app, valid against the shipped schema', async () => {
    const cwd = await tree();
    const run = await replika(['catalog', 'export', '--publiccode', 'pc'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    const ids = (JSON.parse((await replika(['list', '--json'], cwd)).stdout) as { apps: { id: string }[] }).apps.map((a) => a.id);
    expect(await listFiles(path.join(cwd, 'pc'))).toEqual(ids.map((id) => `${id}/publiccode.yml`).sort());
    for (const id of ids) {
      const text = await readFile(path.join(cwd, 'pc', id, 'publiccode.yml'), 'utf8');
      expect(publiccodeProblems(text, id)).toEqual([]);
      const data = parse(text);
      expect(data.organisation.name).toBe('Pemerintah Kota Tangerang');
      expect(data.isBasedOn).toBeUndefined();
      // The origin's url is what its copies declare as isBasedOn; with no sourceBaseUrl it is a marked suggestion.
      expect(data.url).toBe(`https://tangerangkota.go.id/kode-sumber/kota-tangerang-${id}`);
      expect(text).toMatch(/^url: .* {2}# CONTOH \/ EXAMPLE \[repository\]/m);
    }
    expect(parse(await readFile(path.join(cwd, 'pc', 'laksa', 'publiccode.yml'), 'utf8')).usedBy).toEqual(['Kabupaten Poso']);
  });

  it('the shipped schema rejects what the standard rejects', () => {
    const valid = 'publiccodeYmlVersion: "0.7"\nname: x\nurl: https://x.go.id/x\nplatforms: [web]\ndevelopmentStatus: stable\nsoftwareType: standalone/web\ndescription:\n  id:\n    shortDescription: s\n    longDescription: "' + 'l'.repeat(150) + '"\n    features: [a]\nlegal:\n  license: MIT\nmaintenance:\n  type: internal\n  contacts: [{ name: n }]\nlocalisation:\n  localisationReady: true\n  availableLanguages: [id]\n';
    expect(publiccodeProblems(valid, 'p.yml')).toEqual([]);
    const keys = (text: string) => publiccodeProblems(text, 'p.yml').map((p) => `${p.pointer} ${p.key}`);
    expect(keys(valid.replace('longDescription: "' + 'l'.repeat(150), 'longDescription: "short'))).toEqual(['/description/id/longDescription schema.limit']);
    expect(keys(valid.replace('developmentStatus: stable', 'developmentStatus: done'))).toEqual(['/developmentStatus schema.enum']);
    expect(keys(valid.replace('  contacts: [{ name: n }]\n', ''))).toEqual(['/maintenance/contacts schema.required']);
  });
});
