import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { InputOutputAdapter } from '@yeoman/types';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { askOf, declareOptions } from '../options.js';
import type { Catalog } from '../../lib/catalog/types.js';
import { scaffold } from '../../lib/copy/scaffold.js';
import { UsageError } from '../../lib/errors.js';
import { resolveLang, say, type Lang } from '../../lib/i18n/index.js';
import type { Io } from '../../lib/io.js';
import { builtinCatalogDir } from '../../lib/paths.js';
import { showControls } from '../../lib/text/terminal.js';
import { createRegionFile } from '../../lib/region/create.js';
import { defaultOut, prepare, type Prepared } from '../../lib/run.js';
import { catalogFromFlags } from '../../cli/catalog-flags.js';
import { newOptions } from '../../cli/options.js';

type Options = BaseOptions & {
  region?: string; app?: string; out?: string; lang?: string; interactive?: boolean; yes?: boolean; force?: boolean;
  'dry-run'?: boolean; git?: boolean; install?: boolean; catalog?: string; 'catalog-sha256'?: string; trust?: boolean;
};

/**
 * `yo replika` (and the wizard of `replika new`): asks what is missing (region file, apps, destination), then
 * hands the plan to the same write path as `replika new` with flags — confirmation, conflicter, symlink guard,
 * interrupt hold, clean-up, dry run, git and install alike. Nothing goes through the generator's own mem-fs.
 */
export default class ReplikaGenerator extends Generator<Record<string, unknown>, Options> {
  private lang: Lang = 'id';
  private interactive = false;
  private catalog?: Catalog;
  private prepared?: Prepared;
  private out?: string;

  constructor(args?: string[], options?: Options) {
    super(args, options);
    declareOptions(this as never, newOptions);
  }

  async initializing(): Promise<void> {
    this.lang = resolveLang(this.options.lang);
    this.interactive = this.options.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
    this.catalog = await catalogFromFlags(this.options, this.destinationRoot());
  }

  async prompting(): Promise<void> {
    const catalog = this.catalog as Catalog;
    let region = this.options.region;
    let apps = String(this.options.app ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const missing = [!region && '--region', apps.length === 0 && '--app'].filter(Boolean) as string[];
    // Without a terminal Yeoman would drop the questions and finish having written nothing: refuse instead.
    if (missing.length > 0 && !this.interactive) {
      throw new UsageError({ key: 'usage.noTty', params: { names: missing.join(', '), example: 'yo replika --region catalog/regions/kota-gorontalo.yaml --app laksa' } });
    }
    // 1. The region settings: a bundled file, another path, or a new one built from a few answers.
    region ??= await this.#askRegion(catalog);
    // 2. The applications, grouped by smart-city dimension.
    if (apps.length === 0) apps = await this.#askApps(catalog);
    // 3. Validate now, so mistakes are reported before the destination question.
    this.prepared = await prepare(path.resolve(this.destinationRoot(), region), apps, catalog);
    // 4. Where to write.
    const fallback = defaultOut(this.prepared.region);
    this.out = this.options.out ?? (this.interactive ? (await this.prompt<{ out: string }>([{ type: 'input', name: 'out', message: say(this.lang, 'promptOut'), default: fallback }])).out : fallback);
  }

  async writing(): Promise<void> {
    const io: Io = { lang: this.lang, out: (line) => this.log(showControls(line)), err: (line) => this.log(showControls(line)), interactive: this.interactive, cwd: this.destinationRoot() };
    const terminal = this.interactive ? (this.env.adapter as unknown as InputOutputAdapter) : undefined;
    const { yes, force, git, install } = this.options;
    await scaffold(this.prepared as Prepared, { out: this.out, yes, force, dryRun: this.options['dry-run'], git, install, terminal }, io);
  }

  async #askRegion(catalog: Catalog): Promise<string> {
    const files = (await readdir(path.join(builtinCatalogDir, 'regions'))).filter((f) => f.endsWith('.yaml'));
    const { choice } = await this.prompt<{ choice: string }>([{
      type: 'select', name: 'choice', message: say(this.lang, 'promptRegion'),
      choices: [...files.map((f) => ({ name: f, value: path.join(builtinCatalogDir, 'regions', f) })), { name: say(this.lang, 'promptRegionPath'), value: ':path' }, { name: say(this.lang, 'promptRegionNew'), value: ':new' }],
    }]);
    if (choice === ':path') return (await this.prompt<{ file: string }>([{ type: 'input', name: 'file', message: say(this.lang, 'promptRegionPath') }])).file;
    if (choice !== ':new') return choice;
    const { file } = await createRegionFile({ ask: askOf(this as never), lang: this.lang, cwd: this.destinationRoot(), example: 'replika region new --code 75.71' }, catalog);
    this.log(showControls(say(this.lang, 'regionWritten', { file: path.relative(this.destinationRoot(), file) })));
    return file;
  }

  async #askApps(catalog: Catalog): Promise<string[]> {
    const choices = catalog.dimensions.flatMap((d) => {
      const apps = [...catalog.apps.values()].filter((a) => a.dimension === d.id);
      // A fork's names and titles are printed as choices: control characters shown escaped.
      return apps.length === 0 ? [] : [{ type: 'separator', separator: showControls(`— ${d.label[this.lang]} —`) }, ...apps.map((a) => ({ name: showControls(`${a.name} — ${a.title[this.lang]}`), value: a.id }))];
    });
    const { apps } = await this.prompt<{ apps: string[] }>([{
      type: 'checkbox', name: 'apps', message: say(this.lang, 'promptApps'), choices: choices as never,
      validate: (chosen: unknown) => (Array.isArray(chosen) && chosen.length > 0) || say(this.lang, 'promptAppsEmpty'),
    }]);
    return apps;
  }
}
