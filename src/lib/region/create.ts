import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../catalog/types.js';
import { UsageError, UserError } from '../errors.js';
import { say, type Lang } from '../i18n/index.js';
import type { Ask } from '../io.js';
import { displayPath } from '../paths.js';
import { composedRegionSchemaFile } from '../schema/compose.js';
import { slugify } from '../text/suggest.js';
import { parseYaml, type Source } from '../yaml/source.js';
import { regionProblems } from './load.js';
import { ambiguous, exampleAnswers, REGION_PROMPTS, REGION_QUESTIONS, regionFileText, resolveRegion, type RegionAnswers } from './new-region.js';
import { describeRegion, type OfficialRegion } from './official.js';

export interface RegionRequest {
  code?: string;
  name?: string;
  /** The file to write; by default `<slug>.yaml` in `cwd`. */
  out?: string;
  force?: boolean;
  /** Who answers. Without one (no terminal, or --yes) nothing is asked and the examples are written, marked illustrative. */
  ask?: Ask;
  lang: Lang;
  cwd: string;
  /** The command to suggest when a code or name is missing and nobody can be asked. */
  example: string;
}

/**
 * A new region settings file, for `replika region new`, `yo replika:region` and the wizard alike: the official
 * data names the region (asking which one when a name is ambiguous), a person answers the rest or the examples
 * stand in, and the text is validated like any region file before it is written.
 */
export async function createRegionFile(request: RegionRequest, catalog: Catalog): Promise<{ file: string; source: Source; region: OfficialRegion }> {
  // 1. Which region: by code, by name, or asked.
  const region = await whichRegion(request);
  // 2. The rest: asked (examples as defaults), otherwise the examples, listed as illustrative.
  const answers = request.ask ? await askAnswers(request.ask, region, request.lang) : {};
  // 3. Validate, then write without replacing a file unless told to.
  const file = path.resolve(request.cwd, request.out ?? `${slugify(region.name)}.yaml`);
  const schema = path.relative(path.dirname(file), regionSchemaFor(catalog)).split(path.sep).join('/');
  const text = regionFileText(region, catalog, answers, schema);
  const source = parseYaml(text, path.basename(file));
  const problems = regionProblems(source, catalog, []);
  if (problems.length > 0) throw new UserError(problems);
  await writeNew(file, text, request);
  return { file, source, region };
}

/**
 * The schema a region file names for editors: the one composed with the catalogue's applications' settings (so
 * `apps.<id>` is checked as `replika validate` does), or the plain region schema for a catalogue without it.
 */
function regionSchemaFor(catalog: Catalog): string {
  const composed = composedRegionSchemaFile(catalog.dir);
  return existsSync(composed) ? composed : path.join(catalog.dir, 'schemas', 'region.schema.json');
}

async function whichRegion(request: RegionRequest): Promise<OfficialRegion> {
  const { ask, lang } = request;
  let name = request.name;
  if (!request.code && !name) {
    if (!ask) throw new UsageError({ key: 'usage.noTty', params: { names: '--code / --name', example: request.example } });
    const validate = (value: string) => {
      try {
        resolveRegion({ name: value });
        return true;
      } catch (error) {
        return error instanceof UserError ? error.message.split('\n').join(' ') : String(error);
      }
    };
    name = (await ask<{ name: string }>([{ type: 'input', name: 'name', message: say(lang, 'promptName'), validate }])).name;
  }
  const found = resolveRegion({ code: request.code, name });
  if (!Array.isArray(found)) return found;
  if (!ask) throw ambiguous(name ?? '', found);
  // A numbered list with nothing preselected: Enter alone does not pick a region the person did not name.
  const choices = found.map((r) => ({ name: describeRegion(r), value: r.code }));
  const { code } = await ask<{ code: string }>([{ type: 'rawlist', name: 'code', message: say(lang, 'promptWhichRegion', { query: name ?? '' }), choices }]);
  return found.find((r) => r.code === code) as OfficialRegion;
}

async function askAnswers(ask: Ask, region: OfficialRegion, lang: Lang): Promise<Partial<RegionAnswers>> {
  const examples = exampleAnswers(region);
  const answers: Partial<RegionAnswers> = await ask<RegionAnswers>(REGION_QUESTIONS.map((key) => ({ type: 'input', name: key, message: say(lang, REGION_PROMPTS[key]), default: examples[key] })));
  // An answer left at its example is still an example: it stays listed as illustrative.
  for (const key of REGION_QUESTIONS) if (answers[key] === examples[key]) delete answers[key];
  return answers;
}

async function writeNew(file: string, text: string, request: RegionRequest): Promise<void> {
  const shown = displayPath(file, request.cwd);
  try {
    await writeFile(file, text, { flag: request.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UserError({ key: 'file.exists', params: { path: shown } });
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new UserError({ key: 'file.unwritable', params: { path: shown, reason: code } });
    }
    throw error;
  }
}
