import path from 'node:path';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { catalogFromFlags } from '../../cli/catalog-flags.js';
import { updateOptions } from '../../cli/options.js';
import { resolveLang, say } from '../../lib/i18n/index.js';
import { confirmOrCancel } from '../../lib/io.js';
import { showControls } from '../../lib/text/terminal.js';
import type { ConflictStyle } from '../../lib/update/merge.js';
import { reportUpdate, updateCounts } from '../../lib/update/report.js';
import { applyUpdate, planUpdate } from '../../lib/update/update.js';
import { askOf, declareOptions } from '../options.js';

type Options = BaseOptions & {
  dir?: string; to?: string; region?: string; conflict?: string; 'dry-run'?: boolean; yes?: boolean; lang?: string; interactive?: boolean;
  catalog?: string; 'catalog-sha256'?: string; trust?: boolean;
};

/**
 * `yo replika:update [DIR]`: the same three-way update and the same report as `replika update`. The update writes
 * its own files (staged, all or nothing) rather than through mem-fs, whose conflicter would ask again about files
 * the merge has already decided.
 */
export default class UpdateGenerator extends Generator<Record<string, unknown>, Options> {
  constructor(args?: string[], options?: Options) {
    super(args, options);
    this.argument('dir', { type: String, required: false, default: '.', description: 'the copy to update' });
    declareOptions(this as never, updateOptions);
  }

  async writing(): Promise<void> {
    const lang = resolveLang(this.options.lang);
    // The report carries values from the copy's manifest and file names: control characters are shown escaped.
    const io = { lang, out: (line: string) => this.log(showControls(line)) };
    const dir = path.resolve(this.destinationRoot(), String(this.options.dir ?? '.'));
    const dryRun = Boolean(this.options['dry-run']);
    const plan = await planUpdate(dir, {
      catalog: await catalogFromFlags(this.options, this.destinationRoot()),
      regionFile: this.options.region && path.resolve(this.destinationRoot(), this.options.region),
      to: this.options.to,
      conflict: (this.options.conflict ?? 'inline') as ConflictStyle,
    });
    if (!reportUpdate(plan, io, dryRun) || dryRun) return;
    const interactive = this.options.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
    if (interactive && !this.options.yes) {
      await confirmOrCancel(askOf(this as never), say(lang, 'confirmUpdate', { app: plan.state.manifest.app.id, dir: path.relative(this.destinationRoot(), dir) || '.' }));
    }
    await applyUpdate(plan);
    if (updateCounts(plan).conflicted > 0) this.log(say(lang, 'updateConflicts'));
  }
}
