// Preloaded with `node --import` by the interrupt tests: makes one file-system call as slow as a hung disk or
// network mount would, and says on stderr when it starts so that a test can interrupt it right then.
// REPLIKA_TEST_SLOW={"op":"rename","arg":1,"match":"config/settings.json","ms":60000}: the first fs.promises.rename
// whose second argument contains the text waits 60 s before doing its work.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const { op, arg, match, ms } = JSON.parse(process.env.REPLIKA_TEST_SLOW ?? '{}');
const real = fs.promises[op];
let armed = true;
fs.promises[op] = async (...args) => {
  if (armed && String(args[arg]).includes(match)) {
    armed = false;
    process.stderr.write(`slow ${op} started\n`);
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
  return real(...args);
};
// ES module imports of node:fs/promises are live bindings: make them see the slow function too.
syncBuiltinESMExports();
