// Entry point. `npm start` serves the copy on PORT (default 3000) and HOST (default 0.0.0.0); tests import
// start() and listen on port 0 in-process instead. An application (src/app.js) exports its `routes` and, when it
// depends on something that must be opened first (a database), `startup`, `shutdown`, `health` (for /healthz)
// and `ready` (false while that something is known to be down: requests then answer 503).
import { createServer as createHttpServer } from 'node:http';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as application from './app.js';
import { app, region } from './lib/config.js';
import { handler } from './lib/http.js';
import { errorFields, log } from './lib/log.js';
import { opsText } from './lib/ops-text.js';

export function createServer() {
  return createHttpServer(handler(application.routes, { health: application.health, ready: application.ready }));
}

/**
 * Opens what the application needs, listens, and resolves with { server, url, stop }. `stop()` stops taking
 * connections, lets the requests in flight finish (cutting them after SHUTDOWN_TIMEOUT_MS, default 10 s), then
 * closes the application's resources.
 */
export async function start({ port = Number(process.env.PORT || 3000), host = process.env.HOST || '0.0.0.0' } = {}) {
  await application.startup?.();
  const server = createServer();
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
  } catch (error) {
    await application.shutdown?.();
    throw error;
  }
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { server, url: `http://${shown}:${server.address().port}`, stop: () => stop(server) };
}

async function stop(server) {
  const closed = new Promise((resolve) => server.close(resolve));
  // A keep-alive connection whose request finishes after this point becomes idle later: close those as they do.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  const limit = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);
  const timer = setTimeout(() => server.closeAllConnections(), limit);
  await closed;
  clearInterval(idle);
  clearTimeout(timer);
  await application.shutdown?.();
}

function isMain() {
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  let running;
  try {
    running = await start();
  } catch (error) {
    log('error', opsText('startFailed', { reason: error.message }), errorFields(error));
    process.exit(1);
  }
  log('info', opsText('started', { url: `${running.url}/` }), { url: running.url, app: app.id, region: region.name, pid: process.pid });
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    log('info', opsText('stopping', { signal }));
    try {
      await running.stop();
      process.exit(0);
    } catch (error) {
      log('error', 'shutdown failed', errorFields(error));
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
