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
    const log = terminal.log as unknown as Record<string, unknown>;
    for (const status of STATUSES) log[status] = (path: string) => record(status, path);
    log.conflict = noop;
    return terminal;
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
