// `npm run test:node -- 22 [vitest arguments…]`: the kit's whole suite (`npm test`) on another Node.js line,
// installed from the npm registry's `node` package. The kit and its copies support Node.js 20, 22 and 24, and CI
// runs the suite on each; this runs any of them locally without a version manager.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../lib/paths.js';

const USAGE = 'usage: npm run test:node -- <node version: 20, 22, 24 or a full version such as 22.12.0> [vitest arguments…]';

function fail(message: string, exitCode = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

/** One folder per requested version, outside the checkout, so `npm ci` and other worktrees keep using it. */
function cacheDir(version: string): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'replika', `node-${version}`);
}

const nodeIn = (dir: string): string => path.join(dir, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

/** The version the binary reports, or undefined when it is missing or does not run. */
function versionOf(node: string): string | undefined {
  if (!existsSync(node)) return undefined;
  const run = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/**
 * Installs `node@<version>` into a fresh folder, then moves it into place: an interrupted download never leaves a
 * half-written cache. The folder is a tiny project so that npm's `allowScripts` lets the `node` package's install
 * script fetch the platform's binary.
 */
function install(version: string, dir: string): void {
  mkdirSync(path.dirname(dir), { recursive: true });
  const work = mkdtempSync(`${dir}.partial-`);
  const manifest = { private: true, description: `Node.js ${version} for npm run test:node`, dependencies: { node: version }, allowScripts: { node: true } };
  writeFileSync(path.join(work, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  process.stderr.write(`Installing Node.js ${version} from the npm registry (package node@${version}) into ${dir}…\n`);
  const npm = npmCommand(process.execPath);
  const run = spawnSync(npm.command, [...npm.args, 'install', '--prefer-offline', '--no-package-lock', '--no-audit', '--no-fund'], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0 || !versionOf(nodeIn(work))) {
    rmSync(work, { recursive: true, force: true });
    // npm's code and message, without its stack and log path.
    const lines = (run.error?.message ?? run.stderr ?? '').split('\n').map((line) => line.replace(/^npm error\s?/, '').trimEnd());
    const reason = lines.filter((line) => line && !/^\s|^(syscall|errno|A complete log)\b|^[{}]$/.test(line)).slice(0, 2).join('\n  ');
    fail(
      `Node.js ${version} could not be installed from the npm registry (package node@${version}).\n  ${reason || 'npm installed no node binary'}\n` +
        `Check that the npm registry is reachable (npm config get registry) and that node@${version} exists (npm view node@${version} version), then retry; ` +
        `or install Node.js ${version} yourself and run npm test with it.`,
    );
  }
  try {
    renameSync(work, dir);
  } catch (error) {
    // Another run installed the same version meanwhile: use that one.
    rmSync(work, { recursive: true, force: true });
    if (!versionOf(nodeIn(dir))) throw error;
  }
}

/** The npm that started this script (it sets npm_execpath), run by `node`; else `npm` from PATH. */
function npmCommand(node: string): { command: string; args: string[] } {
  const cli = process.env.npm_execpath;
  return cli && /\.[cm]?js$/.test(cli) ? { command: node, args: [cli] } : { command: 'npm', args: [] };
}

// 1. Which version
const [version, ...rest] = process.argv.slice(2);
if (!version || !/^\d+(\.\d+){0,2}$/.test(version)) fail(USAGE, 2);

// 2. The binary, from the cache or the registry
const dir = cacheDir(version);
if (!versionOf(nodeIn(dir))) {
  rmSync(dir, { recursive: true, force: true });
  install(version, dir);
}
const node = nodeIn(dir);
const actual = versionOf(node) ?? fail(`${node} does not run; remove ${dir} and retry.`);
if (actual !== `v${version}` && !actual.startsWith(`v${version}.`)) fail(`${node} is ${actual}, not Node.js ${version}; remove ${dir} and retry.`);
process.stderr.write(`Running npm test on Node.js ${actual} (${node}); remove ${dir} to fetch a newer one.\n`);

// 3. The suite. The chosen node runs npm and comes first on PATH, so the build, vitest, its workers
// (process.execPath) and every `node` and `npm` the tests spawn are that node. REPLIKA_TEST_NODE lets a test
// check it.
const npm = npmCommand(node);
const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`, REPLIKA_TEST_NODE: actual };
const child = spawn(npm.command, [...npm.args, 'test', ...(rest.length > 0 ? ['--', ...rest] : [])], { cwd: packageRoot, stdio: 'inherit', env });
// Ctrl-C reaches npm test from the terminal as well: wait for it to stop, and exit as it did. SIGTERM is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('error', (error) => fail(`npm test could not start: ${error.message}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
