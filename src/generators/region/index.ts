import Generator, { type BaseOptions } from 'yeoman-generator';
import { askOf, declareOptions } from '../options.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { resolveLang, say } from '../../lib/i18n/index.js';
import { displayPath } from '../../lib/paths.js';
import { createRegionFile } from '../../lib/region/create.js';
import { showControls } from '../../lib/text/terminal.js';
import { regionNewOptions } from '../../cli/options.js';

type Options = BaseOptions & { code?: string; name?: string; out?: string; yes?: boolean; force?: boolean; lang?: string; interactive?: boolean };

/**
 * `yo replika:region`: the same flow as `replika region new`. Questions are asked only when a person can answer
 * and `--yes` was not given; otherwise the examples are written, listed as illustrative.
 */
export default class RegionGenerator extends Generator<Record<string, unknown>, Options> {
  constructor(args?: string[], options?: Options) {
    super(args, options);
    declareOptions(this as never, regionNewOptions);
  }

  async prompting(): Promise<void> {
    const lang = resolveLang(this.options.lang);
    const interactive = this.options.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
    const { file } = await createRegionFile({
      code: this.options.code, name: this.options.name, out: this.options.out, force: this.options.force,
      ask: interactive && !this.options.yes ? askOf(this as never) : undefined,
      lang, cwd: this.destinationRoot(), example: 'yo replika:region --code 75.71 --yes',
    }, await loadCatalog());
    this.log(showControls(say(lang, 'regionWritten', { file: displayPath(file, this.destinationRoot()) })));
  }
}
