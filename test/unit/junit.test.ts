import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { junit } from '../../src/lib/check/junit.js';
import type { CaseResult, RegionInput } from '../../src/lib/check/matrix.js';
import type { Problem } from '../../src/lib/errors.js';
import { annotations, expectWellFormed } from '../helpers/junit-reporter.js';
import { tree } from '../helpers/tree.js';

const region = (id: string, name: string, dir: string): RegionInput => ({ id, name, dir, source: () => Promise.reject(new Error('not read')) });
const result = (app: string, where: RegionInput, problems: Problem[] = []): CaseResult => ({ case: { app, region: where }, problems, files: 3, ms: 12 });

/** A region checked from a folder inside the workspace, one generated from the official list, and a template. */
async function workspace() {
  const cwd = await tree({ 'regions/zz-broken.yaml': 'opd: {}\n', 'templates/laksa/README.md.ejs': 'x\n' });
  const broken = region('zz-broken', 'zz-broken.yaml', path.join(cwd, 'regions'));
  const simeulue = region('11.01', '11.01 Kabupaten Simeulue', cwd);
  const file = path.join(cwd, 'regions', 'zz-broken.yaml');
  const results = [
    result('laksa', broken, [
      { key: 'ref.opd', params: { value: 'dinkes', known: 'diskominfo' }, file, line: 7, col: 3, pointer: '/opd' },
      { key: 'region.logo', params: { path: path.join(cwd, 'regions', 'logo.png') }, file, line: 9, col: 9 },
    ]),
    result('gawat-darurat-112', simeulue),
    // Templates are named relative to the working folder already; the first problem has no place.
    result('gawat-darurat-112', broken, [
      { key: 'app.unknown', params: { id: 'gawat-darurat-112' } },
      { key: 'template.render', params: { message: `region.kode is not defined (${path.join(cwd, 'templates', 'laksa', 'README.md.ejs')})` }, file: 'templates/laksa/README.md.ejs', line: 4 },
    ]),
  ];
  return { cwd, results };
}

describe('check --reporter junit, as GitHub JUnit reporters read it', () => {
  it('annotates each failure at its first problem\'s file and line, relative to the working folder', async () => {
    const { cwd, results } = await workspace();
    const xml = junit(results, 'en', cwd);
    expectWellFormed(xml);
    const found = await annotations(xml, cwd);
    expect(found.map(({ path: file, line, classname, name }) => ({ file, line, classname, name }))).toEqual([
      { file: 'regions/zz-broken.yaml', line: 7, classname: 'laksa', name: 'laksa for zz-broken.yaml' },
      { file: 'templates/laksa/README.md.ejs', line: 4, classname: 'gawat-darurat-112', name: 'gawat-darurat-112 for zz-broken.yaml' },
    ]);
    expect(found[0]?.message).toBe('"dinkes" is not an OPD defined in this region\'s "opd"');
    expect(found[0]?.title).toBe('regions/zz-broken.yaml.laksa for zz-broken.yaml');
    // The message and the place belong to the same problem; every problem is in the body, paths relative.
    expect(found[1]?.message).toBe('template error: region.kode is not defined (templates/laksa/README.md.ejs)');
    expect(found[0]?.details).toBe([
      'regions/zz-broken.yaml:7:3  /opd  "dinkes" is not an OPD defined in this region\'s "opd"',
      '    → Use one of: diskominfo, or add "dinkes" under opd.',
      'regions/zz-broken.yaml:9:9  logo file not found in the settings file\'s folder: regions/logo.png',
      '    → Put the logo in the folder of the settings file (or below it, not through a link), or remove "logo" to use none.',
    ].join('\n'));
    expect(xml).not.toContain(cwd);
  });

  it('keeps a region id with dots whole: the class is the app, the region is in the name', async () => {
    const { cwd, results } = await workspace();
    const xml = junit(results, 'en', cwd);
    expect(xml).toContain('<testcase classname="gawat-darurat-112" name="gawat-darurat-112 for 11.01 Kabupaten Simeulue" time="0.012"/>');
    // What the report used to say: the reporter took "01" for a file and pointed at its first line.
    const before = xml.replace('<testcase classname="laksa" name="laksa for zz-broken.yaml" time="0.012" file="regions/zz-broken.yaml" line="7">', '<testcase classname="replika.11.01" name="laksa for 11.01">');
    expect((await annotations(before, cwd))[0]).toMatchObject({ path: '01', line: 1 });
  });

  it('speaks the user\'s language in names and messages', async () => {
    const { cwd, results } = await workspace();
    const found = await annotations(junit(results, 'id', cwd), cwd);
    expect(found.map((a) => [a.name, a.message])).toEqual([
      ['laksa untuk zz-broken.yaml', '"dinkes" bukan OPD yang didefinisikan di "opd" daerah ini'],
      ['gawat-darurat-112 untuk zz-broken.yaml', 'kesalahan template: region.kode is not defined (templates/laksa/README.md.ejs)'],
    ]);
    expect(found[0]?.details).toContain('    → Gunakan salah satu dari: diskominfo, atau tambahkan "dinkes" di bawah opd.');
  });

  it('stays well-formed whatever the characters: those XML 1.0 cannot carry are dropped, the rest kept', async () => {
    const cwd = await tree();
    const hostile = 'a\u0000b\u0007c\u001bd\uFFFEe\uFFFFf\uD800g\uDC00h <&>"\' ]]> \t\r\n😀 é';
    const kept = 'abcdefgh <&>"\' ]]> \t\r\n😀 é';
    const results = [result(`app${hostile}`, region('x', `x${hostile}.yaml`, cwd), [
      { key: 'template.render', params: { message: hostile }, file: `t${hostile}.ejs`, line: 2 },
    ])];
    const xml = junit(results, 'en', cwd);
    expectWellFormed(xml);
    const [found] = await annotations(xml, cwd);
    expect(found?.classname).toBe(`app${kept}`);
    expect(found?.name).toBe(`app${kept} for x${kept}.yaml`);
    expect(found?.path).toBe(`t${kept}.ejs`);
    expect(found?.message).toBe(`template error: ${kept}`.trim());
    // The body is the formatted report, which shows control characters escaped (as a terminal would get them).
    expect(found?.details).toContain('template error: a\\u0000b\\u0007c\\u001Bd');
    expect(found?.details).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/);
  });
});
