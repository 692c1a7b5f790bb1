import type { Lang } from './i18n/index.js';

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
