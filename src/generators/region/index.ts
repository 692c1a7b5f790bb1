import Generator, { type BaseOptions } from 'yeoman-generator';
import { declareOptions } from '../options.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { UsageError } from '../../lib/errors.js';
import { resolveLang } from '../../lib/i18n/index.js';
import { ambiguous, resolveRegion } from '../../lib/region/new-region.js';
import { regionNewOptions } from '../../cli/options.js';
import { createRegionFile } from '../app/create-region.js';

type Options = BaseOptions & { code?: string; name?: string; lang?: string; interactive?: boolean };

/** `yo replika:region`: write a region settings file from the official data, asking for the rest. */
export default class RegionGenerator extends Generator<Record<string, unknown>, Options> {
  constructor(args?: string[], options?: Options) {
    super(args, options);
    declareOptions(this as never, regionNewOptions);
  }

  async prompting(): Promise<void> {
    const lang = resolveLang(this.options.lang);
    const interactive = this.options.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
    if (!interactive) {
      // Without a terminal every answer must be given: refuse rather than finish having written nothing.
      if (!this.options.code && !this.options.name) throw new UsageError({ key: 'usage.noTty', params: { names: '--code / --name', example: 'replika region new --code 75.71 --yes' } });
      const found = resolveRegion({ code: this.options.code, name: this.options.name });
      if (Array.isArray(found)) throw ambiguous(this.options.name ?? '', found);
      throw new UsageError({ key: 'usage.noTty', params: { names: 'email, phone, address, OPD names', example: `replika region new --code ${found.code} --yes` } });
    }
    await createRegionFile(this, await loadCatalog(), lang, { code: this.options.code, name: this.options.name });
  }
}
