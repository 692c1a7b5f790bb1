// What a regency's IT staff deploy: the Dockerfile's steps (no Docker daemon is needed to run them), its
// HEALTHCHECK command, the graceful stop on SIGTERM and the compose file's wiring, on a generated LAKSA copy.
import { cp, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { execa } from 'execa';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { regions, replika } from '../helpers/cli.js';
import { banjarLaksa, serveCopy } from '../helpers/database.js';
import { tree } from '../helpers/tree.js';

// The applications that keep data (the `_store` layer); LAKSA is the one run for real below.
const DATA_APPS = ['laksa', 'perizinan', 'paten', 'spbe-mandiri'];
let copy: string;
let dockerfile: string;
let others: string;
beforeAll(async () => {
  copy = await banjarLaksa();
  dockerfile = await readFile(path.join(copy, 'Dockerfile'), 'utf8');
  others = await tree();
  const made = await replika(['new', '--region', path.join(regions, 'kota-gorontalo.yaml'), '--app', DATA_APPS.join(','), '--out', others, '--yes', '--lang', 'en'], others);
  if (made.exitCode !== 0) throw new Error(made.stderr);
});

/** The instructions of a Dockerfile, continuation lines joined: [["FROM", "node:24-alpine"], …]. */
const instructions = (text: string) =>
  text.replace(/\\\n\s*/g, ' ').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const [word, ...rest] = l.trim().split(/\s+/);
    return [word!.toUpperCase(), rest.join(' ')] as const;
  });

describe('the container image', () => {
  it('is small, runs unprivileged, installs production dependencies only and checks its health', () => {
    const steps = instructions(dockerfile);
    expect(steps[0]).toEqual(['FROM', expect.stringMatching(/^node:2[24]-alpine$/)]);
    expect(steps.filter(([w]) => w === 'RUN').map(([, a]) => a).join(' ')).toMatch(/npm ci --omit=dev/);
    const users = steps.filter(([w]) => w === 'USER');
    expect(users.at(-1)?.[1]).toBe('node');
    expect(steps.findIndex(([w]) => w === 'USER')).toBeGreaterThan(steps.findIndex(([w, a]) => w === 'RUN' && a.includes('npm ci')));
    expect(steps.some(([w, a]) => w === 'HEALTHCHECK' && a.includes('/healthz'))).toBe(true);
    expect(steps.at(-1)).toEqual(['CMD', '["node", "src/server.js"]']);
  });

  it('its steps work: npm ci --omit=dev in a clean folder, the server starts, the HEALTHCHECK command passes, then fails once it is gone', async () => {
    const ignore = (await readFile(path.join(copy, '.dockerignore'), 'utf8')).split('\n').filter(Boolean);
    expect(ignore).toEqual(expect.arrayContaining(['node_modules/', 'data/', '.env']));
    // What `COPY . .` takes: the copy without what .dockerignore leaves out.
    const app = path.join(await tree(), 'app');
    await cp(copy, app, { recursive: true, filter: (source) => {
      const inside = path.relative(copy, source).split(path.sep).join('/');
      return !/^(node_modules|data)(\/|$)/.test(inside) && inside !== '.env';
    } });
    const install = await execa('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: app, reject: false, all: true, stdin: 'ignore' });
    expect(install.exitCode, String(install.all)).toBe(0);
    const served = await serveCopy(app, { DATA_DIR: await tree(), NODE_ENV: 'production' });
    const check = instructions(dockerfile).find(([w]) => w === 'HEALTHCHECK')![1];
    const health = JSON.parse(check.slice(check.indexOf('CMD ') + 4)) as string[];
    const port = new URL(served.url).port;
    const probe = () => execa(health[0]!, health.slice(1), { cwd: app, env: { PORT: port }, reject: false, timeout: 10_000 });
    expect((await probe()).exitCode).toBe(0);
    served.process.kill('SIGTERM');
    expect((await served.process).exitCode).toBe(0);
    expect((await probe()).exitCode).toBe(1);
  });
});

describe('stopping', () => {
  it('SIGTERM lets a request in flight finish, then the process exits 0', async () => {
    const served = await serveCopy(copy, { DATA_DIR: await tree() });
    const { port } = new URL(served.url);
    const body = JSON.stringify({ category: 'infrastruktur', message: 'Dikirim pelan-pelan saat aplikasi berhenti.' });
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    // Half the request, then the stop signal, then the rest.
    socket.write(`POST /api/aspirasi HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`);
    await new Promise((r) => setTimeout(r, 200));
    served.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    socket.write(body.slice(20));
    const exit = await served.process;
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 201 /);
    expect(exit.exitCode).toBe(0);
    expect(served.output()).toMatch(/SIGTERM/);
  });
});

describe('compose.yaml', () => {
  it.each(DATA_APPS)('%s: runs the copy beside postgres with a named volume, DATABASE_URL wired to it and no password in the file', async (id) => {
    const dir = path.join(others, id);
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toBe(dockerfile);
    const text = await readFile(path.join(dir, 'compose.yaml'), 'utf8');
    const compose = parseYaml(text) as {
      services: Record<string, { build?: string; image?: string; environment: Record<string, string>; depends_on?: Record<string, { condition: string }>; volumes?: string[]; healthcheck?: unknown }>;
      volumes: Record<string, unknown>;
    };
    const { [id]: laksa, db } = compose.services;
    expect(laksa?.build).toBe('.');
    expect(db?.image).toMatch(/^postgres:\d+/);
    const url = new URL(laksa!.environment.DATABASE_URL!.replace('${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}', 'secret'));
    expect([url.protocol, url.hostname, url.port, url.username, url.pathname]).toEqual(['postgres:', 'db', '5432', db!.environment.POSTGRES_USER, `/${db!.environment.POSTGRES_DB}`]);
    expect(laksa?.depends_on?.db?.condition).toBe('service_healthy');
    expect(db?.healthcheck).toBeDefined();
    const [volume] = db!.volumes ?? [];
    expect(volume).toMatch(/^[a-z-]+:\/var\/lib\/postgresql\/data$/);
    expect(Object.keys(compose.volumes)).toEqual([volume!.split(':')[0]]);
    expect(db!.environment.POSTGRES_PASSWORD).toBe('${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}');
  });
});
