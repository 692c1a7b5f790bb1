// The frame of the operator commands (npm run migrate | backup | restore): the database opened and closed
// around the work, an expected refusal printed as its message alone, anything else with its stack; exit 1.
import { close, open } from './db.js';

export async function runTask(work) {
  try {
    await open();
    const message = await work();
    if (message) console.log(message);
    await close();
  } catch (error) {
    console.error(error.expected ? error.message : (error.stack ?? String(error)));
    await close().catch(() => {});
    process.exit(1);
  }
}
