import type { InputOutputAdapter } from '@yeoman/types';

export type FileStatus = 'create' | 'identical' | 'force' | 'skip';
export type Recorder = (status: FileStatus, relativePath: string) => void;
const STATUSES: FileStatus[] = ['create', 'identical', 'force', 'skip'];

const noop = () => undefined;

/**
 * The adapter the conflicter talks to. Status lines go to our recorder (printed in the user's language);
 * questions go to the terminal when there is one, and otherwise get the safe answer: keep the user's file.
 */
export function conflictAdapter(record: Recorder, terminal?: InputOutputAdapter): InputOutputAdapter {
  if (terminal) {
    // Our own adapter in front of the terminal: statuses come to the recorder, questions go to the terminal one
    // at a time (it queues them), and everything else the conflicter prints (a diff) reaches the terminal. It has
    // no `queue`, so the conflicter does not bypass it for the terminal's own log.
    const inner = terminal.log as unknown as Record<string, (...args: unknown[]) => unknown> & ((...args: unknown[]) => unknown);
    const log = Object.assign((...args: unknown[]) => inner(...args), {
      ...Object.fromEntries(Object.entries(inner).filter(([, v]) => typeof v === 'function').map(([k, v]) => [k, (...args: unknown[]) => v.apply(inner, args)])),
      conflict: noop,
      ...Object.fromEntries(STATUSES.map((status) => [status, (path: string) => record(status, path)])),
    });
    return { log, prompt: terminal.prompt.bind(terminal), close: noop, separator: terminal.separator } as unknown as InputOutputAdapter;
  }
  const log = Object.assign(noop, {
    writeln: noop,
    write: noop,
    ok: noop,
    error: noop,
    info: noop,
    colored: noop,
    conflict: noop,
    ...Object.fromEntries(STATUSES.map((status) => [status, (path: string) => record(status, path)])),
  });
  return {
    log,
    prompt: (async () => ({ action: 'skip' })) as unknown as InputOutputAdapter['prompt'],
    close: noop,
  } as unknown as InputOutputAdapter;
}
