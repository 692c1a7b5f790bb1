import type { Lang } from '../lib/i18n/index.js';
import type { Io } from '../lib/io.js';

export type { Io } from '../lib/io.js';

export function processIo(lang: Lang): Io {
  return {
    lang,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    cwd: process.cwd(),
  };
}
