import type Generator from 'yeoman-generator';
import type { OptionSpec } from '../cli/options.js';
import type { Ask } from '../lib/io.js';

/** Declares a generator's options from the same table the CLI parses, plus `--interactive`. */
export function declareOptions(generator: Generator<Record<string, unknown>, never>, table: Record<string, OptionSpec>): void {
  for (const [name, spec] of Object.entries(table)) {
    generator.option(name, { type: spec.type === 'boolean' ? Boolean : String, description: spec.help.en });
  }
  generator.option('interactive', { type: Boolean, description: 'ask questions (default: when there is a terminal)' });
}

/** A generator's questions as an `Ask` (answered by Yeoman's adapter: the terminal, or yeoman-test's answers). */
export const askOf = (generator: Generator<Record<string, unknown>, never>): Ask => ((questions: object[]) => generator.prompt(questions as never)) as Ask;
