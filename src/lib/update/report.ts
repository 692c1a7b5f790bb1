import { say, type Lang } from '../i18n/index.js';
import type { Io } from '../io.js';
import { formatProblem } from '../report.js';
import type { Outcome } from './merge.js';
import { updateDiffs, type UpdatePlan } from './update.js';

/** How each outcome reads in a report line, in both languages (the words of the summary line). */
const OUTCOME_WORDS: Record<Lang, Record<Exclude<Outcome, 'unchanged'>, string>> = {
  en: { updated: 'updated', merged: 'merged', conflicted: 'conflicted', added: 'added', removed: 'removed', kept: 'kept', 'deleted-kept': 'kept deleted' },
  id: { updated: 'diperbarui', merged: 'digabung', conflicted: 'konflik', added: 'ditambah', removed: 'dihapus', kept: 'dibiarkan', 'deleted-kept': 'tetap dihapus' },
};

/**
 * What an update will do (or, for a dry run, would do): a heading, a line per changed file, the diffs for a dry
 * run, and the summary. `replika update` and `yo replika:update` print the same report. Returns false when the
 * copy is already current and there is nothing to write.
 */
export function reportUpdate(plan: UpdatePlan, io: Pick<Io, 'lang' | 'out'>, dryRun: boolean): boolean {
  const app = plan.state.manifest.app.id;
  // A rebuild (update --region over damaged records) first says what it set aside and what that means.
  for (const notice of plan.state.rebuilt) io.out(formatProblem(notice, io.lang));
  const changed = plan.changes.filter((c) => c.outcome !== 'unchanged');
  // Records being rebuilt are written even when every file already matches.
  const manifestChanges = plan.state.rebuilt.length > 0 || JSON.stringify(plan.state.manifest) !== JSON.stringify(plan.fresh.manifest);
  if (changed.length === 0 && !manifestChanges) {
    io.out(say(io.lang, 'upToDate', { app, version: plan.fresh.manifest.catalog.version }));
    return false;
  }
  io.out(say(io.lang, 'updateHeading', { app, from: plan.from, to: plan.to, dry: dryRun ? 1 : undefined }));
  for (const change of changed) {
    io.out(say(io.lang, 'updateLine', { outcome: OUTCOME_WORDS[io.lang][change.outcome as Exclude<Outcome, 'unchanged'>], path: change.path }));
    if (change.outcome === 'deleted-kept') io.out(say(io.lang, 'updateDeleted', { path: change.path }));
  }
  if (dryRun) for (const diff of updateDiffs(plan)) io.out(diff);
  io.out(say(io.lang, 'updateSummary', updateCounts(plan)));
  return true;
}

export function updateCounts(plan: UpdatePlan): Record<'updated' | 'merged' | 'conflicted' | 'added' | 'removed' | 'kept', number> {
  const count = (...outcomes: Outcome[]) => plan.changes.filter((c) => outcomes.includes(c.outcome)).length;
  return { updated: count('updated'), merged: count('merged'), conflicted: count('conflicted'), added: count('added'), removed: count('removed'), kept: count('kept', 'deleted-kept') };
}
