import type Generator from 'yeoman-generator';
import type { Catalog } from '../../lib/catalog/types.js';
import { UserError } from '../../lib/errors.js';
import { say, type Lang } from '../../lib/i18n/index.js';
import { regionProblems } from '../../lib/region/load.js';
import { exampleAnswers, REGION_PROMPTS, REGION_QUESTIONS, regionFileText, resolveRegion, type RegionAnswers } from '../../lib/region/new-region.js';
import { describeRegion, type OfficialRegion } from '../../lib/region/official.js';
import { slugify } from '../../lib/text/suggest.js';
import { parseYaml, type Source } from '../../lib/yaml/source.js';

/**
 * The wizard's "new region file": the official data names the region (asking which one when a name is
 * ambiguous), the person answers the rest, and the result is validated like any region file before it is
 * queued in mem-fs with the copies.
 */
export async function createRegionFile(generator: Generator, catalog: Catalog, lang: Lang, given: { code?: string; name?: string } = {}): Promise<{ file: string; source: Source }> {
  const name = given.code || given.name ? given.name : (await generator.prompt<{ name: string }>([{ type: 'input', name: 'name', message: say(lang, 'promptName') }])).name;
  let region = resolveRegion({ code: given.code, name });
  if (Array.isArray(region)) {
    const choices = region.map((r) => ({ name: describeRegion(r), value: r.code }));
    const { code } = await generator.prompt<{ code: string }>([{ type: 'select', name: 'code', message: say(lang, 'promptRegion'), choices }]);
    region = region.find((r) => r.code === code) as OfficialRegion;
  }
  const examples = exampleAnswers(region);
  const answers: Partial<RegionAnswers> = await generator.prompt<RegionAnswers>(REGION_QUESTIONS.map((key) => ({ type: 'input', name: key, message: say(lang, REGION_PROMPTS[key]), default: examples[key] })));
  for (const key of REGION_QUESTIONS) if (answers[key] === examples[key]) delete answers[key];
  const file = `${slugify(region.name)}.yaml`;
  const schema = (await import('node:path')).relative(generator.destinationRoot(), `${catalog.dir}/schemas/region.schema.json`);
  const text = regionFileText(region, catalog, answers, schema);
  const source = parseYaml(text, file);
  const problems = regionProblems(source, catalog, []);
  if (problems.length > 0) throw new UserError(problems);
  generator.fs.write(generator.destinationPath(file), text);
  generator.log(say(lang, 'regionWritten', { file }));
  return { file, source };
}
