import { access } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';

export interface CommandStep {
  command: string;
  args: string[];
  /** When the program is missing: a warning (optional step) or an error. */
  optional: boolean;
}

export const TIMEOUT_MS = 5 * 60_000;

/** `git init` for a copy: the folder goes after `--`, so no name can be read as an option. */
export const gitInit = (dir: string): CommandStep => ({ command: 'git', args: ['init', '--quiet', '--', dir], optional: true });
/**
 * Installs a copy's dependencies: `npm ci` when it ships a package-lock.json, so that every region runs exactly the
 * versions the template locked (and a lockfile out of step with package.json fails instead of being rewritten);
 * `npm install` only for a copy without one, which then writes it. Install scripts never run.
 */
export const npmInstall = (locked: boolean): CommandStep => ({ command: 'npm', args: [locked ? 'ci' : 'install', '--no-audit', '--no-fund', '--ignore-scripts'], optional: false });

/** Whether the copy in `dir` has a package-lock.json on disk (written now, or kept from before). */
export const hasLockfile = (dir: string): Promise<boolean> => access(path.join(dir, 'package-lock.json')).then(() => true, () => false);

export type StepResult = { status: 'done' } | { status: 'skipped'; reason: 'missing' | 'exists' };

/**
 * Runs a post-generation command without a shell and with a timeout. A missing optional program degrades to a
 * warning; a failure is a user error naming the command, its exit code and the end of its output.
 */
export async function runStep(step: CommandStep, cwd: string, timeout = TIMEOUT_MS): Promise<StepResult> {
  if (step.command === 'git' && (await access(path.join(cwd, '.git')).then(() => true, () => false))) return { status: 'skipped', reason: 'exists' };
  const { execa } = await import('execa');
  const result = await execa(step.command, step.args, { cwd, shell: false, timeout, reject: false, stdin: 'ignore', all: true, env: { GIT_TERMINAL_PROMPT: '0' } });
  const line = [step.command, ...step.args].join(' ');
  if ((result as { code?: string }).code === 'ENOENT') {
    if (step.optional) return { status: 'skipped', reason: 'missing' };
    throw new UserError({ key: 'command.missing', params: { command: step.command } });
  }
  if (result.timedOut) throw new UserError({ key: 'command.timeout', params: { command: line, seconds: Math.round(timeout / 1000) } });
  if (result.exitCode !== 0) {
    const output = String(result.all ?? '').trim().split('\n').slice(-5).join('\n      ');
    throw new UserError({ key: 'command.failed', params: { command: line, code: result.exitCode ?? result.signal ?? '?', output } });
  }
  return { status: 'done' };
}
