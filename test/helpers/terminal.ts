import { spawn, type IPty } from '@lydell/node-pty';
import { stripVTControlCharacters } from 'node:util';
import { bin } from './cli.js';

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', ctrlC: '\x03', down: '\x1b[B', up: '\x1b[A', space: ' ' } as const;

/**
 * The built CLI on a real pseudo-terminal: stdin and stdout are TTYs, so it asks as it would a person. `expect`
 * waits for text on the screen (escape sequences removed); `type` sends keys; `exit` resolves with the code.
 */
export class Terminal {
  private readonly pty: IPty;
  private output = '';
  private seen = 0;
  readonly exit: Promise<number>;

  constructor(args: string[], cwd: string, env: Record<string, string> = {}) {
    this.pty = spawn(process.execPath, [bin, ...args], {
      cwd,
      cols: 160,
      rows: 50,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, TERM: 'xterm-256color', LANG: 'en_US.UTF-8', ...env },
    });
    this.pty.onData((data) => {
      this.output += data;
    });
    this.exit = new Promise((resolve) => this.pty.onExit(({ exitCode }) => resolve(exitCode)));
  }

  /** Everything shown so far, without escape sequences. */
  get screen(): string {
    return stripVTControlCharacters(this.output);
  }

  /** Waits until `pattern` appears after what earlier calls matched. */
  async expect(pattern: RegExp | string, timeout = 20_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const rest = this.screen.slice(this.seen);
      const index = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
      if (index >= 0) {
        const match = typeof pattern === 'string' ? pattern : (rest.match(pattern)?.[0] ?? '');
        this.seen += index + match.length;
        return rest.slice(0, index + match.length);
      }
      if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${String(pattern)}; the screen shows:\n${this.screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Sends keys, then lets the prompt redraw. */
  async type(...keys: string[]): Promise<void> {
    for (const key of keys) {
      this.pty.write(key);
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
  }

  /** The exit code, failing the test if the program is still running after `timeout`. */
  async exitCode(timeout = 30_000): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.pty.kill();
        reject(new Error(`still running after ${timeout} ms; the screen shows:\n${this.screen}`));
      }, timeout);
    });
    try {
      return await Promise.race([this.exit, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
