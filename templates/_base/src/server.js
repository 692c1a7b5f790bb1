// Entry point. `npm start` serves the copy on PORT (default 3000) and HOST (default 0.0.0.0); tests import
// createServer()/start() and listen on port 0 in-process instead.
import { createServer as createHttpServer } from 'node:http';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { app, region } from './lib/config.js';
import { handler } from './lib/http.js';
import { routes } from './app.js';

export function createServer() {
  return createHttpServer(handler(routes));
}

/** Listens and resolves with { server, url } once the port is bound. */
export function start({ port = Number(process.env.PORT || 3000), host = process.env.HOST || '0.0.0.0' } = {}) {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      resolve({ server, url: `http://${shown}:${server.address().port}` });
    });
  });
}

function isMain() {
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const { server, url } = await start();
  console.log(`${app.name} (${region.name}): ${url}/`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
