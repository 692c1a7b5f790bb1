import type { Lang } from '../lib/i18n/index.js';

export interface Io {
  lang: Lang;
  out: (line: string) => void;
  err: (line: string) => void;
  /** A person at a terminal who can answer questions. */
  interactive: boolean;
  cwd: string;
}

export function processIo(lang: Lang): Io {
  return {
    lang,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    cwd: process.cwd(),
  };
}
