import type { Catalog } from './catalog/types.js';
import { UserError } from './errors.js';
import type { CopyPlan } from './plan/plan.js';
import { buildModel } from './plan/model.js';
import { strictLocals } from './plan/strict.js';
import { templateError, templateFiles } from './plan/templates.js';
import { loadRegion } from './region/load.js';
import { validator } from './schema/ajv.js';
import { schemaProblems } from './schema/problems.js';
import { parseRendered } from './yaml/shape.js';
import { parseYaml } from './yaml/source.js';

export const PUBLICCODE = 'publiccode.yml';

/** Problems of a rendered publiccode.yml against the schema the kit ships. */
export function publiccodeProblems(text: string, file: string) {
  const validate = validator('publiccode');
  // The common case is valid: check the plain parse first, and work out positions only for a report.
  try {
    if (validate(parseRendered(text, file))) return [];
  } catch {
    // Not even YAML: the positioned parse below says where.
  }
  const source = parseYaml(text, file);
  return validate(source.data) ? [] : schemaProblems(validate.errors ?? [], source);
}

/**
 * The origin's own publiccode.yml for every catalogue app: the same template file the copies use, rendered for
 * the origin region (so no isBasedOn, and usedBy from the catalogue), each checked against the schema.
 */
export async function originPubliccode(catalog: Catalog): Promise<{ copies: Pick<CopyPlan, 'app' | 'dir' | 'files'>[] }> {
  const copies: Pick<CopyPlan, 'app' | 'dir' | 'files'>[] = [];
  for (const app of catalog.apps.values()) {
    const region = await loadRegion(catalog.origin.file, catalog, [app.id]);
    const file = templateFiles(app.template, catalog.templatesDir).find((f) => f.out === PUBLICCODE);
    if (!file?.render) continue;
    let text: string;
    try {
      text = file.render(strictLocals(buildModel(catalog, region, app, [app.id])));
    } catch (error) {
      throw templateError(error, file.source);
    }
    const problems = publiccodeProblems(text, `${app.id}/${PUBLICCODE}`);
    if (problems.length > 0) throw new UserError(problems);
    copies.push({ app: app.id, dir: app.id, files: [{ path: PUBLICCODE, contents: Buffer.from(text) }] });
  }
  return { copies };
}
