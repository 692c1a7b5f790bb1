import { parseArgs } from 'node:util';
import { UsageError } from '../lib/errors.js';
import { suggest } from '../lib/text/suggest.js';
import type { OptionSpec } from './options.js';

export type Values<T extends Record<string, OptionSpec>> = {
  [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : T[K] extends { multiple: true } ? string[] : string;
};

/** node:util parseArgs over an option table; a bad flag is a usage error (exit 2) naming the command. */
export function parse<T extends Record<string, OptionSpec>>(command: string, specs: T, argv: string[]): { values: Values<T>; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) }]),
  );
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Values<T>, positionals };
  } catch (error) {
    throw parseError(command, specs, error as NodeJS.ErrnoException);
  }
}

/** node:util's parse errors (English, and long) as the kit's own messages, with a suggestion for a typo. */
function parseError(command: string, specs: Record<string, OptionSpec>, error: NodeJS.ErrnoException): UsageError {
  const option = /'(-{1,2}[^'=\s]+)/.exec(error.message)?.[1];
  const name = option?.replace(/^-+/, '');
  const spec = name === undefined ? undefined : (specs[name] ?? Object.values(specs).find((s) => s.short === name));
  if (option && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flags = Object.keys(specs).map((flag) => `--${flag}`);
    return new UsageError({ key: 'usage.unknownOption', params: { command, option, suggestion: suggest(option, flags) } });
  }
  if (option && spec && error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError({ key: spec.type === 'boolean' ? 'usage.noValue' : 'usage.needsValue', params: { command, option, value: spec.value ?? 'VALUE' } });
  }
  return new UsageError({ key: 'usage.parse', params: { message: error.message, command } });
}

/** `--app a,b --app c` → ['a', 'b', 'c'] */
export function list(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/** A flag given a value it does not take: a usage error (exit 2) saying what it takes, in the user's language. */
export function badValue(command: string, flag: string, value: string, expected: { choices: readonly string[] } | { kind: 'count' | 'shard' }): UsageError {
  const params = 'choices' in expected ? { choices: expected.choices.join('|') } : { kind: expected.kind };
  return new UsageError({ key: 'usage.value', params: { command, flag, value, ...params } });
}
