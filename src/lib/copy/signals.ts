import { UserError } from '../errors.js';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const EXIT_FOR: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Holds interrupts while files are being written, so the write finishes (or is undone) instead of stopping
 * half-way. `check()` throws the interrupt as a user error once it is safe to stop; `release()` lets them
 * through again.
 */
export function holdSignals(): { check: () => void; release: () => void } {
  let interrupted: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    interrupted ??= signal;
  };
  for (const signal of SIGNALS) process.on(signal, hold);
  return {
    check: () => {
      if (interrupted) throw new UserError({ key: 'write.interrupted', params: { signal: interrupted } }, EXIT_FOR[interrupted] ?? 130);
    },
    release: () => {
      for (const signal of SIGNALS) process.off(signal, hold);
    },
  };
}
