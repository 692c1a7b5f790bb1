import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = path.join(root, 'dist', 'bin', 'replika.js');
export const regions = path.join(root, 'catalog', 'regions');

export interface Run {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI the way a user would: a real process, no TTY, its own working folder. */
export async function replika(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const run = await execa('node', [bin, ...args], { cwd, reject: false, env: { LANG: 'en_US.UTF-8', ...env }, stdin: 'ignore' });
  return { exitCode: run.exitCode, stdout: String(run.stdout), stderr: String(run.stderr) };
}
