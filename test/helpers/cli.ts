import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type Result } from 'execa';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = path.join(root, 'dist', 'bin', 'replika.js');
export const regions = path.join(root, 'catalog', 'regions');

/** Runs the built CLI the way a user would: a real process, no TTY, its own working folder. */
export function replika(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Result> {
  return execa('node', [bin, ...args], { cwd, reject: false, env: { LANG: 'en_US.UTF-8', ...env }, stdin: 'ignore' });
}
