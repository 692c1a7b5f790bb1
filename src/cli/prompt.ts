import type { InputOutputAdapter } from '@yeoman/types';
import { UserError } from '../lib/errors.js';
import { showControls } from '../lib/text/terminal.js';

/**
 * Questions at the terminal go through here (Yeoman's terminal adapter, loaded only when someone is asked),
 * so the commands share one way of asking and one way of cancelling.
 */
export async function terminalAdapter(): Promise<InputOutputAdapter> {
  // Queued, as under Yeoman's environment: the conflicter checks files concurrently, and its questions must
  // come one at a time rather than all drawn on one line.
  const { QueuedAdapter } = await import('@yeoman/adapter');
  return new QueuedAdapter() as unknown as InputOutputAdapter;
}

/** Asks a yes/no question (yes by default); no cancels the command with nothing written. */
export async function confirmOrCancel(terminal: InputOutputAdapter, message: string): Promise<void> {
  // The question may name things from the input (an app id from a copy's manifest).
  const { ok } = await terminal.prompt<{ ok: boolean }>([{ type: 'confirm', name: 'ok', default: true, message: showControls(message) }]);
  if (!ok) throw new UserError({ key: 'write.aborted' });
}
