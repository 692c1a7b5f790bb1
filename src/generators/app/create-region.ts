import path from 'node:path';
import type Generator from 'yeoman-generator';
import { stringify } from 'yaml';
import type { Catalog } from '../../lib/catalog/types.js';
import { UserError } from '../../lib/errors.js';
import { say, type Lang, type UiKey } from '../../lib/i18n/index.js';
import { regionProblems } from '../../lib/region/load.js';
import { slugify } from '../../lib/text/suggest.js';
import { parseYaml, type Source } from '../../lib/yaml/source.js';

const QUESTIONS: [string, UiKey][] = [
  ['code', 'promptCode'], ['name', 'promptName'], ['province', 'promptProvince'], ['domain', 'promptDomain'],
  ['email', 'promptEmail'], ['phone', 'promptPhone'], ['address', 'promptAddress'],
  ['communication', 'promptCommunication'], ['civilService', 'promptCivilService'],
];

/**
 * Asks for the facts a region file needs, derives the rest (kind from the code, time zone from the province
 * code), validates the result like any other region file and writes it beside the destination.
 */
export async function createRegionFile(generator: Generator, catalog: Catalog, lang: Lang): Promise<{ file: string; source: Source }> {
  const answers = await generator.prompt<Record<string, string>>(QUESTIONS.map(([name, key]) => ({ type: 'input', name, message: say(lang, key) })));
  const code = answers.code?.trim() ?? '';
  const name = answers.name?.trim() ?? '';
  const kind = Number(code.slice(3)) >= 71 ? 'kota' : 'kabupaten';
  const region = {
    code, name, kind,
    province: answers.province,
    timeZone: catalog.timeZones.get(code.slice(0, 2)) ?? 'Asia/Jakarta',
    domain: answers.domain,
    locale: 'id-ID',
    branding: { displayName: `Pemerintah ${name}`, shortName: name.replace(/^(Kota|Kabupaten) /, '') },
    contacts: { email: answers.email, phone: answers.phone, address: answers.address, emergency: [{ label: { id: 'Panggilan Darurat', en: 'Emergency Call' }, number: '112' }] },
    opd: { communication: { name: answers.communication }, civilService: { name: answers.civilService } },
  };
  const file = `${slugify(name) || 'region'}.yaml`;
  const text = `# yaml-language-server: $schema=${path.relative(generator.destinationRoot(), path.join(catalog.dir, 'schemas', 'region.schema.json'))}\n${stringify(region)}`;
  const source = parseYaml(text, file);
  const problems = regionProblems(source, catalog, []);
  if (problems.length > 0) throw new UserError(problems);
  // Written with the copies, through mem-fs and the conflicter; the plan uses the parsed source meanwhile.
  generator.fs.write(generator.destinationPath(file), text);
  generator.log(say(lang, 'regionWritten', { file }));
  return { file, source };
}
