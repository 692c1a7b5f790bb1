import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCatalog } from '../lib/catalog/load.js';
import { UsageError, UserError } from '../lib/errors.js';
import { say } from '../lib/i18n/index.js';
import { regionProblems } from '../lib/region/load.js';
import { ambiguous, exampleAnswers, REGION_PROMPTS, REGION_QUESTIONS, regionFileText, resolveRegion, type RegionAnswers } from '../lib/region/new-region.js';
import { describeRegion, type OfficialRegion } from '../lib/region/official.js';
import { slugify } from '../lib/text/suggest.js';
import { parseYaml } from '../lib/yaml/source.js';
import { parse } from './args.js';
import type { Io } from './io.js';
import { regionNewOptions } from './options.js';
import { terminalAdapter } from './prompt.js';

/** `replika region new`: the official data fills what it knows; a person (or the examples) fill the rest. */
export async function runRegion(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'new') throw new UsageError({ key: 'usage.command', params: { command: `region ${sub ?? ''}`.trim() } });
  const { values } = parse('region new', regionNewOptions, rest);
  const terminal = io.interactive && !values.yes ? await terminalAdapter() : undefined;

  // 1. Which region: by code, by name, or asked.
  let name = values.name;
  if (!values.code && !name) {
    if (!terminal) throw new UsageError({ key: 'usage.noTty', params: { names: '--code / --name', example: 'replika region new --code 75.71' } });
    name = (await terminal.prompt<{ name: string }>([{ type: 'input', name: 'name', message: say(io.lang, 'promptName') }])).name;
  }
  let region = resolveRegion({ code: values.code, name });
  if (Array.isArray(region)) {
    if (!terminal) throw ambiguous(name ?? '', region);
    const choices = region.map((r) => ({ name: describeRegion(r), value: r }));
    region = (await terminal.prompt<{ region: OfficialRegion }>([{ type: 'select', name: 'region', message: say(io.lang, 'promptRegion'), choices }])).region;
  }

  // 2. The rest: asked at a terminal (examples as defaults), otherwise the examples, marked illustrative.
  const answers: Partial<RegionAnswers> = {};
  if (terminal) {
    const examples = exampleAnswers(region);
    Object.assign(answers, await terminal.prompt<RegionAnswers>(REGION_QUESTIONS.map((key) => ({ type: 'input', name: key, message: say(io.lang, REGION_PROMPTS[key]), default: examples[key] }))));
    for (const key of REGION_QUESTIONS) if (answers[key] === examples[key]) delete answers[key];
  }

  // 3. Validate like any region file, then write without overwriting unless asked.
  const catalog = await loadCatalog();
  const file = path.resolve(io.cwd, values.out ?? `${slugify(region.name)}.yaml`);
  const schema = path.relative(path.dirname(file), path.join(catalog.dir, 'schemas', 'region.schema.json')).split(path.sep).join('/');
  const text = regionFileText(region, catalog, answers, schema);
  const problems = regionProblems(parseYaml(text, path.basename(file)), catalog, []);
  if (problems.length > 0) throw new UserError(problems);
  try {
    await writeFile(file, text, { flag: values.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError({ key: 'file.exists', params: { path: path.relative(io.cwd, file) } });
    throw error;
  }
  io.out(say(io.lang, 'regionWritten', { file: path.relative(io.cwd, file) || file }));
  return 0;
}
