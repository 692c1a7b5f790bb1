import type { InputOutputAdapter } from '@yeoman/types';
import { UserError } from './errors.js';
import type { Lang } from './i18n/index.js';
import { showControls } from './text/terminal.js';

/** Where a command speaks and whom it may ask: the process for the CLI, the generator's log under Yeoman. */
export interface Io {
  lang: Lang;
  out: (line: string) => void;
  err: (line: string) => void;
  /** A person at a terminal who can answer questions. */
  interactive: boolean;
  cwd: string;
}

/** A question asker: a terminal adapter's or a generator's `prompt`. */
export type Ask = <A extends Record<string, unknown>>(questions: object[]) => Promise<A>;

/** A terminal adapter's questions as an `Ask`. */
export const askAt = (terminal: InputOutputAdapter): Ask => ((questions: object[]) => terminal.prompt(questions as never)) as Ask;

/** Asks a yes/no question (yes by default); no cancels the command with nothing written. */
export async function confirmOrCancel(ask: Ask, message: string): Promise<void> {
  // The question may name things from the input (a region name, an app id from a copy's manifest).
  const { ok } = await ask<{ ok: boolean }>([{ type: 'confirm', name: 'ok', default: true, message: showControls(message) }]);
  if (!ok) throw new UserError({ key: 'write.aborted' });
}
