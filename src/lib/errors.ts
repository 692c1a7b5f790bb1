import type { MessageKey, Params } from './i18n/index.js';
import { formatProblem } from './report.js';

/** One thing wrong with the user's input: what (a message key), where (file:line:col, JSON pointer). */
export interface Problem {
  key: MessageKey;
  params?: Params;
  file?: string;
  line?: number;
  col?: number;
  pointer?: string;
}

export const EXIT = { ok: 0, user: 1, usage: 2, internal: 3, untrusted: 4, interrupted: 130 } as const;

/**
 * An error the user can fix. It prints without a stack, each problem with its place and what to do.
 * Anything else thrown is a bug and prints its stack (see bin/replika.ts).
 */
export class UserError extends Error {
  readonly problems: Problem[];
  readonly exitCode: number;
  constructor(problems: Problem | Problem[], exitCode: number = EXIT.user) {
    const list = Array.isArray(problems) ? problems : [problems];
    // The message is the English report, for callers that only print error.message (yo, test runners).
    super(list.map((p) => formatProblem(p, 'en')).join('\n'));
    this.name = 'UserError';
    this.problems = list;
    this.exitCode = exitCode;
  }
}

/** The command line itself is wrong: unknown flag, missing argument (exit 2). */
export class UsageError extends UserError {
  constructor(problems: Problem | Problem[]) {
    super(problems, EXIT.usage);
    this.name = 'UsageError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** Ctrl-C (or a closed terminal) at a question: the prompt library rejects with one of these. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** An interrupt at a question, reported as the user error it is (exit 130), since nothing was written. */
export const promptInterrupted = () => new UserError({ key: 'write.interruptedAsking' }, EXIT.interrupted);

/**
 * Runs work that may fail with user errors, adding them to `problems` instead of stopping, so that every problem
 * of a run is reported together. Anything else thrown is a bug and propagates.
 */
export async function collecting<T>(problems: Problem[], work: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}
