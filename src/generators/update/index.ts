import path from 'node:path';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { updateOptions } from '../../cli/options.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { resolveLang, say } from '../../lib/i18n/index.js';
import type { ConflictStyle } from '../../lib/update/merge.js';
import { applyUpdate, planUpdate, updateDiffs } from '../../lib/update/update.js';
import { declareOptions } from '../options.js';

type Options = BaseOptions & { dir?: string; to?: string; region?: string; conflict?: string; 'dry-run'?: boolean; lang?: string };

/**
 * `yo replika:update [DIR]`: the same three-way update as `replika update`. The update writes its own files
 * (staged, all or nothing) rather than through mem-fs, whose conflicter would ask again about files the merge
 * has already decided.
 */
export default class UpdateGenerator extends Generator<Record<string, unknown>, Options> {
  constructor(args?: string[], options?: Options) {
    super(args, options);
    this.argument('dir', { type: String, required: false, default: '.', description: 'the copy to update' });
    declareOptions(this as never, updateOptions);
  }

  async writing(): Promise<void> {
    const lang = resolveLang(this.options.lang);
    const dir = path.resolve(this.destinationRoot(), String(this.options.dir ?? '.'));
    const plan = await planUpdate(dir, {
      catalog: await loadCatalog(),
      regionFile: this.options.region && path.resolve(this.destinationRoot(), this.options.region),
      to: this.options.to,
      conflict: (this.options.conflict ?? 'inline') as ConflictStyle,
    });
    for (const change of plan.changes.filter((c) => c.outcome !== 'unchanged')) this.log(say(lang, 'updateLine', { outcome: change.outcome, path: change.path }));
    if (this.options['dry-run']) {
      for (const diff of updateDiffs(plan)) this.log(diff);
      return;
    }
    await applyUpdate(plan);
  }
}
