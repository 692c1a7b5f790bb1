import type { InputOutputAdapter } from '@yeoman/types';

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
