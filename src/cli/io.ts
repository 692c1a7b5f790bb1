import type { Lang } from '../lib/i18n/index.js';
import type { Io } from '../lib/io.js';
import { showControls } from '../lib/text/terminal.js';

export type { Io } from '../lib/io.js';

/** The process's streams. Every line may carry text from the input, so control characters are shown escaped. */
export function processIo(lang: Lang): Io {
  return {
    lang,
    out: (line) => process.stdout.write(`${showControls(line)}\n`),
    err: (line) => process.stderr.write(`${showControls(line)}\n`),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    cwd: process.cwd(),
  };
}
