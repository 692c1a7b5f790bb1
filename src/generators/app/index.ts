import { readdir } from 'node:fs/promises';
import path from 'node:path';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { declareOptions } from '../options.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import type { Catalog } from '../../lib/catalog/types.js';
import { UsageError, UserError } from '../../lib/errors.js';
import { resolveLang, say, type Lang } from '../../lib/i18n/index.js';
import { builtinCatalogDir } from '../../lib/paths.js';
import { defaultOut, prepare, type Prepared } from '../../lib/run.js';
import { newOptions } from '../../cli/options.js';
import { createRegionFile } from './create-region.js';
import type { Source } from '../../lib/yaml/source.js';

type Options = BaseOptions & { region?: string; app?: string; out?: string; lang?: string; interactive?: boolean; yes?: boolean };

interface Answers {
  region: string | { source: Source; dir: string };
  apps: string[];
  out: string;
}

/**
 * `yo replika`: ask what is missing (region file, apps, destination), then render through the same core as
 * `replika new` and write into Yeoman's mem-fs, where the environment's conflicter guards changed files.
 */
export default class ReplikaGenerator extends Generator<Record<string, unknown>, Options> {
  private lang: Lang = 'id';
  private catalog?: Catalog;
  private prepared?: Prepared;
  private answers: Partial<Answers> = {};

  constructor(args?: string[], options?: Options) {
    super(args, options);
    declareOptions(this as never, newOptions);
  }

  async initializing(): Promise<void> {
    this.lang = resolveLang(this.options.lang);
    this.catalog = await loadCatalog();
  }

  async prompting(): Promise<void> {
    const catalog = this.catalog as Catalog;
    const t = (key: Parameters<typeof say>[1]) => say(this.lang, key);
    const given = String(this.options.app ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    this.answers = { region: this.options.region, apps: given.length ? given : undefined, out: this.options.out };
    const missing = [!this.answers.region && '--region', !this.answers.apps && '--app'].filter(Boolean) as string[];
    const interactive = this.options.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
    // Without a terminal Yeoman would drop the questions and finish having written nothing: refuse instead.
    if (missing.length > 0 && !interactive) {
      throw new UsageError({ key: 'usage.noTty', params: { names: missing.join(', '), example: 'yo replika --region catalog/regions/kota-gorontalo.yaml --app laksa' } });
    }

    // 1. The region settings: a bundled file, another path, or a new one built from a few answers.
    if (!this.answers.region) {
      const files = (await readdir(path.join(builtinCatalogDir, 'regions'))).filter((f) => f.endsWith('.yaml'));
      const { choice } = await this.prompt<{ choice: string }>([{
        type: 'select', name: 'choice', message: t('promptRegion'),
        choices: [...files.map((f) => ({ name: f, value: path.join(builtinCatalogDir, 'regions', f) })), { name: t('promptRegionPath'), value: ':path' }, { name: t('promptRegionNew'), value: ':new' }],
      }]);
      if (choice === ':path') this.answers.region = (await this.prompt<{ file: string }>([{ type: 'input', name: 'file', message: t('promptRegionPath') }])).file;
      else if (choice === ':new') this.answers.region = { source: (await createRegionFile(this, catalog, this.lang)).source, dir: this.destinationRoot() };
      else this.answers.region = choice;
    }

    // 2. The applications, grouped by smart-city dimension.
    if (!this.answers.apps) {
      const choices = catalog.dimensions.flatMap((d) => {
        const apps = [...catalog.apps.values()].filter((a) => a.dimension === d.id);
        return apps.length === 0 ? [] : [{ type: 'separator', separator: `— ${d.label[this.lang]} —` }, ...apps.map((a) => ({ name: `${a.name} — ${a.title[this.lang]}`, value: a.id }))];
      });
      const { apps } = await this.prompt<{ apps: string[] }>([{
        type: 'checkbox', name: 'apps', message: t('promptApps'), choices: choices as never,
        validate: (chosen: unknown) => (Array.isArray(chosen) && chosen.length > 0) || t('promptAppsEmpty'),
      }]);
      this.answers.apps = apps;
    }

    // 3. Validate now, so mistakes are reported before the destination question.
    const region = this.answers.region as Answers['region'];
    this.prepared = await prepare(typeof region === 'string' ? path.resolve(this.destinationRoot(), region) : region, this.answers.apps as string[]);
    for (const note of this.prepared.plan.added) this.log(say(this.lang, 'requiresNote', note));

    // 4. Where to write.
    if (!this.answers.out) {
      const fallback = defaultOut(this.prepared.region);
      this.answers.out = interactive ? (await this.prompt<{ out: string }>([{ type: 'input', name: 'out', message: t('promptOut'), default: fallback }])).out : fallback;
    }

    // 5. Confirm, unless told not to ask.
    if (interactive && !this.options.yes) {
      const message = say(this.lang, 'confirmWrite', { count: this.prepared.plan.copies.length, region: this.prepared.region.region.name, dir: this.answers.out });
      const { ok } = await this.prompt<{ ok: boolean }>([{ type: 'confirm', name: 'ok', message, default: true }]);
      if (!ok) throw new UserError({ key: 'write.aborted' });
    }
  }

  writing(): void {
    const { plan } = this.prepared as Prepared;
    for (const copy of plan.copies) {
      for (const file of copy.files) this.fs.write(this.destinationPath(this.answers.out as string, copy.dir, file.path), file.contents);
    }
  }

  end(): void {
    const { plan } = this.prepared as Prepared;
    this.log(say(this.lang, 'nextSteps', { dir: path.join(this.answers.out as string, plan.copies[0]?.dir ?? '') }));
  }
}
