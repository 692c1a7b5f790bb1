import { UserError } from '../errors.js';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const EXIT_FOR: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
/** How long the first interrupt waits for a write in progress before giving it up. */
export const GRACE_MS = 3000;

export interface Guard {
  /** Throws the interrupt (as a user error) if one came: call it where stopping leaves nothing half-done. */
  check(): void;
  /** True once the work has been given up after an interrupt: it must not touch another file. */
  readonly abandoned: boolean;
}

const interruptedError = (signal: NodeJS.Signals) => new UserError({ key: 'write.interrupted', params: { signal } }, EXIT_FOR[signal] ?? 130);

/**
 * Runs `work` with interrupts held, so that it finishes (or is undone) instead of stopping half-way; signals are
 * released only once it is over, its clean-up included. The first interrupt gives it GRACE_MS more: a write that
 * blocks longer (a hung mount) is given up, `undo` puts the files back (itself within the same bound), and the
 * run ends with the interrupt's exit code even if the blocked call never returns.
 */
export async function withSignalsHeld<T>(work: (guard: Guard) => Promise<T>, undo: () => Promise<unknown>): Promise<T> {
  let interrupted: NodeJS.Signals | undefined;
  let abandoned = false;
  let timer: NodeJS.Timeout | undefined;
  let giveUp: (signal: NodeJS.Signals) => void = () => undefined;
  const givenUp = new Promise<NodeJS.Signals>((resolve) => (giveUp = resolve));
  const hold = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = signal;
    timer = setTimeout(() => giveUp(signal), GRACE_MS);
  };
  for (const signal of SIGNALS) process.on(signal, hold);
  const guard: Guard = {
    check: () => {
      if (interrupted) throw interruptedError(interrupted);
    },
    get abandoned() {
      return abandoned;
    },
  };
  const abandon = async (signal: NodeJS.Signals): Promise<never> => {
    abandoned = true;
    await Promise.race([undo().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, GRACE_MS).unref())]);
    const code = EXIT_FOR[signal] ?? 130;
    // The blocked call keeps the process alive for as long as it blocks: once the error is printed, leave anyway.
    setTimeout(() => process.exit(code), 500).unref();
    throw new UserError({ key: 'write.abandoned', params: { signal, seconds: GRACE_MS / 1000 } }, code);
  };
  try {
    const result = await Promise.race([work(guard), givenUp.then(abandon)]);
    guard.check();
    return result;
  } finally {
    clearTimeout(timer);
    for (const signal of SIGNALS) process.off(signal, hold);
  }
}
