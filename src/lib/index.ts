// The kit as a library: the same core the CLI and the Yeoman generators use. Every public export is listed here.
export { loadCatalog } from './catalog/load.js';
export type { AppEntry, Catalog } from './catalog/types.js';
export { validateCatalog } from './catalog/validate.js';
export { diffCatalogs, requiredBump, type Bump, type Change } from './catalog/diff.js';
export { catalogIndex, releaseCatalog, type Release } from './catalog/release.js';
export { loadRegion } from './region/load.js';
export type { LoadedRegion, Region } from './region/types.js';
export { prepare, type Prepared } from './run.js';
export { planRun, type CopyPlan, type PlannedFile, type RunPlan } from './plan/plan.js';
export { publiccodeReminderLines, publiccodeReminders, type PubliccodeReminder } from './publiccode.js';
export { writeRun, type WriteOptions, type WriteResult } from './copy/write.js';
export { applyUpdate, copyStatus, planUpdate, type UpdateOptions, type UpdatePlan } from './update/update.js';
export { allRegencies, cases, regionsFromDir, runCase, type CaseResult, type CheckCase } from './check/matrix.js';
export { EXIT, UsageError, UserError, isUserError, type Problem } from './errors.js';
