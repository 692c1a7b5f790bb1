// Entry point: `npm start` serves the copy on PORT (default 3000) and HOST (default 0.0.0.0).
import { fileURLToPath } from 'node:url';
import { createApp, start } from './lib/http.js';
import { routes } from './app.js';

export function createServer() {
  return createApp(routes);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) start(createServer());
