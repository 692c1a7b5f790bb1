#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT, UsageError, isPromptExit, isUserError, promptInterrupted } from '../lib/errors.js';
import { resolveLang, say, type Lang } from '../lib/i18n/index.js';
import { packageRoot } from '../lib/paths.js';
import { formatProblems } from '../lib/report.js';
import { help } from '../cli/help.js';
import { processIo, type Io } from '../cli/io.js';

type Command = (argv: string[], io: Io) => Promise<number>;
// Commands load on demand, so `--help`, `list` and `validate` never pay for Yeoman.
const COMMANDS: Record<string, () => Promise<Command>> = {
  new: async () => (await import('../cli/new.js')).runNew,
  validate: async () => (await import('../cli/validate.js')).runValidate,
  list: async () => (await import('../cli/list.js')).runList,
  region: async () => (await import('../cli/region.js')).runRegion,
  catalog: async () => (await import('../cli/catalog.js')).runCatalog,
  update: async () => (await import('../cli/update.js')).runUpdate,
  status: async () => (await import('../cli/update.js')).runStatus,
  check: async () => (await import('../cli/check.js')).runCheck,
};

/** The language flag is read before anything else so that even a usage error speaks the user's language. */
function langFlag(argv: string[]): string | undefined {
  const index = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (index < 0) return undefined;
  return argv[index]?.includes('=') ? argv[index]?.split('=')[1] : argv[index + 1];
}

/** `replika --lang en new …`: a language given before the command moves to the end, where the command reads it. */
function withoutLeadingLang(argv: string[]): string[] {
  const width = argv[0] === '--lang' ? 2 : argv[0]?.startsWith('--lang=') ? 1 : 0;
  if (width === 0) return argv;
  const rest = argv.slice(width);
  // Alone (`replika --lang en`), it asks for the help in that language.
  return rest.length === 0 ? [] : [...rest, ...argv.slice(0, width)];
}

async function main(argv: string[]): Promise<number> {
  const requested = langFlag(argv);
  const lang: Lang = resolveLang(requested);
  const io = processIo(lang);
  const args = withoutLeadingLang(argv);
  try {
    if (requested !== undefined && requested !== 'id' && requested !== 'en') throw new UsageError({ key: 'usage.lang', params: { value: requested } });
    const [name, ...rest] = args;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      io.out(help(lang, rest[0]?.startsWith('-') ? undefined : rest[0]));
      return EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.out((JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version);
      return EXIT.ok;
    }
    const load = COMMANDS[name];
    if (!load) throw new UsageError({ key: 'usage.command', params: { command: name } });
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(help(lang, rest[0] && !rest[0].startsWith('-') ? `${name} ${rest[0]}` : name));
      return EXIT.ok;
    }
    return await (await load())(rest, io);
  } catch (caught) {
    const error = isPromptExit(caught) ? promptInterrupted() : caught;
    if (isUserError(error)) {
      io.err(formatProblems(error.problems, lang, commandWrites(args[0])));
      return error.exitCode;
    }
    io.err(say(lang, 'internalError'));
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return EXIT.internal;
  }
}

const commandWrites = (name: string | undefined) => ['new', 'region', 'catalog', 'update'].includes(name ?? '');

// Output piped into `head` and the like may close early: that ends the run quietly, as for other tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
