// What this copy's test files share: the settings it was generated with, and the copy served on a free local
// port around a file's tests. node --test also loads this file; it defines no tests and starts nothing itself.
import { after, before } from 'node:test';
import { readFile } from 'node:fs/promises';
import { start } from '../src/server.js';

/** The rendered settings (config/settings.json): region, app, settings, services. */
export const config = JSON.parse(await readFile(new URL('../config/settings.json', import.meta.url), 'utf8'));

/**
 * Serves the copy for the tests of the calling file: `setUp` runs before it starts (environment, fake services),
 * `tearDown` after it has stopped. Returns a function that gives its base URL once it runs.
 */
export function serve({ setUp = async () => {}, tearDown = async () => {} } = {}) {
  let server;
  let url;
  before(async () => {
    await setUp();
    ({ server, url } = await start({ port: 0, host: '127.0.0.1' }));
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await tearDown();
  });
  return () => url;
}
