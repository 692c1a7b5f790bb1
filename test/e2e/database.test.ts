// The database a LAKSA copy runs on, tried as a regency would run it: real processes of the built copy, a real
// PostgreSQL server when one is reachable, the embedded one otherwise.
import { randomBytes } from 'node:crypto';
import { cp, mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { replika, root } from '../helpers/cli.js';
import { banjarLaksa, copyEnv, reachableServer, relay, serveCopy, stopCopy, type Served } from '../helpers/database.js';
import { linkDependencies } from '../helpers/dependencies.js';
import { tree } from '../helpers/tree.js';

const TOKEN = 'token-for-tests';
const server = await reachableServer();
if (!server) console.warn('No PostgreSQL server reachable (REPLIKA_TEST_DATABASE_URL or DATABASE_URL): the server tests are skipped; the embedded ones run.');
const schema = () => `kit_${process.pid}_${randomBytes(4).toString('hex')}`;
const onServer = (name: string) => ({ DATABASE_URL: server ?? '', DATABASE_SCHEMA: name });

interface Report {
  id: string;
  status: string;
  history: Array<{ status: string; at: string; note?: string }>;
  [key: string]: unknown;
}

const submit = (base: string, message: string) =>
  fetch(`${base}/api/aspirasi`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ category: 'infrastruktur', message }) });

/** Every report of a served copy, through the staff list's pages. */
async function allReports(base: string): Promise<Report[]> {
  const out: Report[] = [];
  let next: string | undefined = '/api/aspirasi?limit=1000';
  while (next) {
    const response: Response = await fetch(`${base}${next}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    out.push(...((await response.json()) as Report[]));
    next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('link') ?? '')?.[1];
  }
  return out;
}

/** Runs `n` submissions, `clients` at a time, spread over the given copies; resolves with the tickets acknowledged. */
async function flood(bases: string[], n: number, clients: number): Promise<string[]> {
  const tickets: string[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async (_, client) => {
    while (next < n) {
      const i = next++;
      const response = await submit(bases[(client + i) % bases.length]!, `Laporan serentak ${i}`);
      expect(response.status).toBe(201);
      tickets.push(((await response.json()) as Report).id);
    }
  }));
  return tickets;
}

let copy: string;
beforeAll(async () => {
  copy = await banjarLaksa();
});

describe.skipIf(!server)('on a PostgreSQL server', () => {
  it('two processes share one database: 1,000 concurrent submissions, 1,000 stored with unique tickets, one status move wins', async () => {
    const env = { ...onServer(schema()), DATABASE_SCHEMA_TEMPORARY: '1', ADMIN_TOKEN: TOKEN };
    const a = await serveCopy(copy, env);
    const b = await serveCopy(copy, env);
    try {
      const tickets = await flood([a.url, b.url], 1000, 40).catch((error: Error) => {
        throw new Error(`${error.message} (${String(error.cause)})\nfirst process:\n${a.output()}\nsecond process:\n${b.output()}`);
      });
      expect(tickets).toHaveLength(1000);
      expect(new Set(tickets).size).toBe(1000);
      const stored = await allReports(b.url);
      expect(stored).toHaveLength(1000);
      expect(new Set(stored.map((r) => r.id))).toEqual(new Set(tickets));
      // The same report moved at once through both processes: exactly one move is recorded.
      const target = tickets[0]!;
      const moves = await Promise.all(Array.from({ length: 10 }, (_, i) => fetch(`${[a, b][i % 2]!.url}/api/aspirasi/${target}/status`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ status: 'diteruskan' }),
      }).then((r) => r.status)));
      expect(moves.filter((s) => s === 200)).toHaveLength(1);
      expect(moves.filter((s) => s === 409)).toHaveLength(9);
      const report = (await (await fetch(`${a.url}/api/aspirasi/${target}`)).json()) as Report;
      expect(report.history.map((h) => h.status)).toEqual(['diterima', 'diteruskan']);
    } finally {
      await stopCopy(a);
      await stopCopy(b);
    }
  });

  it('with the database gone, /healthz and pages answer 503 in the visitor\'s language and the log says why; it recovers', async () => {
    const link = await relay(server!);
    const served = await serveCopy(copy, { DATABASE_URL: link.url, DATABASE_SCHEMA: schema(), DATABASE_SCHEMA_TEMPORARY: '1' });
    try {
      expect((await submit(served.url, 'Sebelum')).status).toBe(201);
      await link.cut();
      const health = await fetch(`${served.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'unavailable', database: 'server' });
      const page = await fetch(`${served.url}/?lang=id`);
      expect(page.status).toBe(503);
      expect(await page.text()).toMatch(/tidak dapat menyimpan atau membaca data/);
      expect((await submit(served.url, 'Selama mati')).status).toBe(503);
      const lines = served.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.some((l) => l.level === 'error' && typeof (l.reason ?? l.cause) === 'string')).toBe(true);
      await link.restore();
      let back = 0;
      for (let i = 0; i < 50 && back !== 200; i++) {
        await new Promise((r) => setTimeout(r, 200));
        back = (await fetch(`${served.url}/healthz`)).status;
      }
      expect(back).toBe(200);
      expect((await submit(served.url, 'Sesudah')).status).toBe(201);
    } finally {
      await link.restore().catch(() => {});
      await stopCopy(served);
      await link.close();
    }
  });
});

describe('embedded', () => {
  it('a second process on the same data folder refuses at once with a clear message', async () => {
    const data = await tree();
    const first = await serveCopy(copy, { DATA_DIR: data });
    try {
      const started = Date.now();
      const second = await execa('node', ['src/server.js'], { cwd: copy, env: copyEnv({ DATA_DIR: data, PORT: '0', HOST: '127.0.0.1' }), reject: false, all: true, stdin: 'ignore', timeout: 30_000 });
      expect(second.exitCode).toBe(1);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(String(second.all)).toMatch(/satu proses|one process only/);
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    } finally {
      await stopCopy(first);
    }
  });

  it('SIGKILL under load loses nothing that was acknowledged, and a restart takes the folder back', async () => {
    const data = await tree();
    const served = await serveCopy(copy, { DATA_DIR: data, ADMIN_TOKEN: TOKEN });
    const acknowledged: string[] = [];
    let stop = false;
    const clients = Array.from({ length: 8 }, async (_, client) => {
      for (let i = 0; !stop; i++) {
        const response = await submit(served.url, `Di bawah beban ${client}-${i}`).catch(() => undefined);
        if (response?.status === 201) acknowledged.push(((await response.json()) as Report).id);
      }
    });
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 20));
    served.process.kill('SIGKILL');
    await served.process;
    stop = true;
    await Promise.all(clients);
    const again = await serveCopy(copy, { DATA_DIR: data, ADMIN_TOKEN: TOKEN });
    try {
      const stored = new Set((await allReports(again.url)).map((r) => r.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await stopCopy(again);
    }
  });

  it.skipIf(!server)('backup → restore into the other mode gives identical records, both ways', async () => {
    const data = await tree();
    const served = await serveCopy(copy, { DATA_DIR: data, ADMIN_TOKEN: TOKEN });
    await flood([served.url], 120, 8);
    const first = (await allReports(served.url))[0]!;
    await fetch(`${served.url}/api/aspirasi/${first.id}/status`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ status: 'diteruskan', note: 'Diteruskan ke dinas' }) });
    const embedded = await allReports(served.url);
    expect(await stopCopy(served)).toBe(0);
    const file = path.join(await tree(), 'pindah.jsonl.gz');
    const npm = (args: string[], env: Record<string, string>) => execa('npm', ['run', '--silent', ...args], { cwd: copy, env: copyEnv(env), reject: false, all: true, stdin: 'ignore' });
    const backup = await npm(['backup', '--', file], { DATA_DIR: data });
    expect(backup.exitCode, String(backup.all)).toBe(0);
    const name = schema();
    const restored = await npm(['restore', '--', file], onServer(name));
    expect(restored.exitCode, String(restored.all)).toBe(0);
    const onPg = await serveCopy(copy, { ...onServer(name), ADMIN_TOKEN: TOKEN });
    try {
      expect(await allReports(onPg.url)).toEqual(embedded);
      // New reports go on after the restored ones.
      expect((await submit(onPg.url, 'Sesudah pindah')).status).toBe(201);
    } finally {
      await stopCopy(onPg);
    }
    // And back: the server's records into a fresh embedded folder.
    const back = path.join(await tree(), 'kembali.jsonl.gz');
    expect((await npm(['backup', '--', back], { ...onServer(name), DATABASE_SCHEMA_TEMPORARY: '1' })).exitCode).toBe(0);
    const fresh = await tree();
    expect((await npm(['restore', '--', back], { DATA_DIR: fresh })).exitCode).toBe(0);
    const again = await serveCopy(copy, { DATA_DIR: fresh, ADMIN_TOKEN: TOKEN });
    try {
      const list = await allReports(again.url);
      expect(list).toHaveLength(embedded.length + 1);
      expect(list.slice(0, embedded.length)).toEqual(embedded);
    } finally {
      await stopCopy(again);
    }
  });
});

describe('a copy generated by the previous release (JSON files), brought forward with replika update', () => {
  const fixture = path.join(root, 'test', 'fixtures', 'release-1.0.0');

  /** The fixture's copy of `app` with the records it kept in `data/<file>`, updated by the built CLI, dependencies linked. */
  async function broughtForward<T>(app: string, file: string): Promise<{ old: string; records: T[] }> {
    const old = path.join(await tree(), app);
    await cp(path.join(fixture, 'copies', app), old, { recursive: true });
    await mkdir(path.join(old, 'data'));
    await cp(path.join(fixture, 'data', app, file), path.join(old, 'data', file));
    const records = JSON.parse(await readFile(path.join(old, 'data', file), 'utf8')) as T[];
    const update = await replika(['update', '--yes', '--lang', 'en'], old);
    expect(update.exitCode, update.stderr).toBe(0);
    await linkDependencies(old);
    return { old, records };
  }

  it('imports its 100 reports on first start, keeps the file aside, and answers every old ticket as before', async () => {
    const { old, records } = await broughtForward<Report>('laksa', 'aspirasi.json');
    expect(records).toHaveLength(100);
    expect(await readdir(path.join(old, 'migrations'))).toContain('001-reports.sql');
    for (let start = 0; start < 2; start++) {
      const served = await serveCopy(old, { ADMIN_TOKEN: TOKEN });
      try {
        for (const record of records) {
          const response = await fetch(`${served.url}/api/aspirasi/${record.id}`);
          expect(response.status, record.id).toBe(200);
          const { name: _name, contact: _contact, ...shown } = record;
          expect(await response.json()).toEqual(shown);
        }
        const page = await (await fetch(`${served.url}/status?tiket=${records[0]!.id}`)).text();
        expect(page).toContain(records[0]!.id);
        expect(await allReports(served.url)).toHaveLength(100);
      } finally {
        expect(await stopCopy(served)).toBe(0);
      }
    }
    const kept = await readdir(path.join(old, 'data'));
    expect(kept).toContain('aspirasi.json.imported');
    expect(kept).not.toContain('aspirasi.json');
  });

  it('SPBE Mandiri imports its 5 assessments with npm run migrate, idempotently', async () => {
    const { old, records } = await broughtForward<{ id: string }>('spbe-mandiri', 'spbe-mandiri.json');
    const migrate = () => execa('npm', ['run', '--silent', 'migrate'], { cwd: old, reject: false, all: true, env: copyEnv({ LOG_LEVEL: 'info' }) });
    const first = await migrate();
    expect(first.exitCode, String(first.all)).toBe(0);
    expect(String(first.all)).toMatch(/5 records in .*spbe-mandiri\.json checked, 5 newly imported|5 catatan/);
    // The same file put back and migrated again adds nothing.
    await cp(path.join(fixture, 'data', 'spbe-mandiri', 'spbe-mandiri.json'), path.join(old, 'data', 'spbe-mandiri.json'));
    const second = await migrate();
    expect(second.exitCode, String(second.all)).toBe(0);
    expect(String(second.all)).toMatch(/5 records in .*spbe-mandiri\.json checked, 0 newly imported|5 catatan .* 0 baru/);
    const served: Served = await serveCopy(old, {});
    try {
      expect(((await (await fetch(`${served.url}/api/penilaian`)).json()) as unknown[]).length).toBe(5);
      for (const record of records) {
        const response = await fetch(`${served.url}/api/penilaian/${record.id}`);
        expect(response.status).toBe(200);
        expect(((await response.json()) as { answers?: unknown; domains: unknown[] }).domains.length).toBeGreaterThan(0);
      }
    } finally {
      await stopCopy(served);
    }
  });
});
