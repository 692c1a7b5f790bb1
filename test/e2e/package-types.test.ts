import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';
import { tree } from '../helpers/tree.js';

// A consumer of the library, written against its declared types: what it does with them must type-check, and what
// the `@ts-expect-error` lines do must not (were the types `any`, tsc would report the directives unused).
const CONSUMER = `import { EXIT, isUserError, loadCatalog, UserError, type Catalog, type Problem } from 'generator-replika';

const catalog: Catalog = await loadCatalog();
const ids: string[] = [...catalog.apps.keys()];
const problem: Problem = { key: 'file.notFound', params: { path: 'x.yaml' } };
export const failed: boolean = isUserError(new UserError(problem)) && ids.length > 0 && EXIT.user > 0;
// @ts-expect-error an app's id is a string
export const wrong: number = catalog.apps.get('laksa')?.id ?? 0;
// @ts-expect-error loadCatalog takes a folder, not a number
await loadCatalog(42);
`;

describe('the declared types of the published library', () => {
  it('resolve through package.json "exports" (moduleResolution nodenext) and type-check a consumer', async () => {
    const dir = await tree({ 'package.json': '{ "name": "pemda-tools", "private": true, "type": "module" }\n', 'consumer.ts': CONSUMER });
    await mkdir(path.join(dir, 'node_modules'));
    await symlink(root, path.join(dir, 'node_modules', 'generator-replika'), 'dir');
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
      strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [path.join(root, 'node_modules', '@types')],
    };
    const consumer = path.join(dir, 'consumer.ts');
    const program = ts.createProgram([consumer], options);
    const declared = path.join(root, 'dist', 'types') + path.sep;
    const ours = program.getSourceFiles().filter((f) => path.resolve(f.fileName).startsWith(declared));
    expect(ours.map((f) => path.relative(declared, f.fileName))).toContain(path.join('lib', 'index.d.ts'));
    // Every diagnostic of the consumer and of the kit's declarations (not of other packages' declarations).
    const checked = [program.getSourceFile(consumer) as ts.SourceFile, ...ours];
    const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...checked.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)])];
    expect(diagnostics.map((d) => `${d.file ? path.basename(d.file.fileName) : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)).toEqual([]);
  }, 120_000);
});
