import type Generator from 'yeoman-generator';
import type { OptionSpec } from '../cli/options.js';

/** Declares a generator's options from the same table the CLI parses, plus `--interactive`. */
export function declareOptions(generator: Generator<Record<string, unknown>, never>, table: Record<string, OptionSpec>): void {
  for (const [name, spec] of Object.entries(table)) {
    generator.option(name, { type: spec.type === 'boolean' ? Boolean : String, description: spec.help.en });
  }
  generator.option('interactive', { type: Boolean, description: 'ask questions (default: when there is a terminal)' });
}
