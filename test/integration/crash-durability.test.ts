import { setTimeout as delay } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstance, request, runSanad, startServer, type SanadInstance, type ServerProcess } from '../harness/processes.ts';

/**
 * Issue acceptance: five `kill -9` at random moments during a write load; every id the client got a 2xx for
 * is there after restart, and `sanad audit verify` passes. On this layer's engine (PGlite data dir, or a
 * PostgreSQL database the killed server was writing to).
 */
const KILLS = 5;
const WORKERS = 6;
/** Bounds of one round's load, whatever happens to the server. */
const MAX_WRITES_PER_WORKER = 2_000;
const MAX_LOAD_MS = 15_000;

interface LoadStats {
  acknowledged: string[];
  rejected: Map<number, number>;
  /** Requests the kill cut off, per round: at least one proves the kill landed during the load. */
  cutOff: number[];
}

/** Creates one external organisation with a client-chosen UUIDv7 id; records the id on a 2xx. */
async function write(url: string, token: string, stats: LoadStats, name: string): Promise<void> {
  const id = uuidv7();
  const response = await request(`${url}/api/v1/organisations`, {
    token,
    body: { id, kind: 'external', name, iatiType: '80', country: 'MA' },
  });
  if (response.status === 200 || response.status === 201) stats.acknowledged.push(id);
  else stats.rejected.set(response.status, (stats.rejected.get(response.status) ?? 0) + 1);
}

/**
 * Concurrent creates as an org_admin's API token. A worker stops at its first network error (the server
 * died) or at the bounds.
 */
async function writeLoad(url: string, token: string, stats: LoadStats, round: number): Promise<void> {
  const started = Date.now();
  stats.cutOff[round] = 0;
  const worker = async (w: number) => {
    for (let i = 0; i < MAX_WRITES_PER_WORKER && Date.now() - started < MAX_LOAD_MS; i++) {
      try {
        await write(url, token, stats, `Donor ${round}-${w}-${i}`);
      } catch {
        stats.cutOff[round]! += 1;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
}

describe(`${KILLS} × kill -9 during a write load`, () => {
  let instance: SanadInstance;
  let server: ServerProcess | undefined;
  let token = '';
  beforeAll(async () => {
    instance = await createInstance();
    const org = await runSanad(instance, ['org', 'add', '--name', 'Association Crash Test', '--acronym', 'CRSH']);
    expect(org.code, org.stderr).toBe(0);
    const user = await runSanad(instance, ['user', 'add', '--organisation', 'CRSH', '--email', 'admin@crsh.test', '--role', 'org_admin', '--password-stdin'], {
      stdin: 'une phrase de passe assez longue 2026\n',
    });
    expect(user.code, user.stderr).toBe(0);
    const created = await runSanad(instance, ['token', 'create', '--email', 'admin@crsh.test', '--name', 'crash load']);
    expect(created.code, created.stderr).toBe(0);
    token = created.stdout.trim();
  }, 120_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await instance?.cleanup();
  });

  it('keeps every acknowledged write, and the audit chain verifies', { timeout: 240_000 }, async () => {
    const started = Date.now();
    const stats: LoadStats = { acknowledged: [], rejected: new Map(), cutOff: [] };
    const moments: number[] = [];
    for (let round = 0; round < KILLS; round++) {
      server = await startServer(instance);
      // One write before the load warms the server up and gives every killed process an acknowledged id.
      await write(server.url, token, stats, `Warm-up ${round}`);
      const killAfterMs = 200 + Math.floor(Math.random() * 1_800);
      moments.push(killAfterMs);
      const load = writeLoad(server.url, token, stats, round);
      // The random moment of the crash is the point of this wait, not a timeout.
      await delay(killAfterMs);
      process.kill(server.pid, 'SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      await load;
    }

    server = await startServer(instance);
    const missing: string[] = [];
    const ids = [...stats.acknowledged];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let id = ids.pop(); id; id = ids.pop()) {
          const read = await request(`${server!.url}/api/v1/organisations/${id}`, { token });
          if (read.status !== 200) missing.push(`${id} → ${read.status}`);
        }
      }),
    );
    expect((await server.stop('SIGTERM')).code).toBe(0);
    server = undefined;

    const verify = await runSanad(instance, ['audit', 'verify']);
    console.log(
      `crash durability on ${instance.engine}: ${stats.acknowledged.length} writes acknowledged across ${KILLS} kill -9 ` +
        `(at ${moments.join(', ')} ms into the load), ${stats.cutOff.join('+')} requests cut off, ` +
        `rejected: ${JSON.stringify(Object.fromEntries(stats.rejected))}, ${((Date.now() - started) / 1000).toFixed(1)} s; ${verify.stdout.trim()}`,
    );
    expect(stats.acknowledged.length).toBeGreaterThanOrEqual(KILLS);
    for (const cut of stats.cutOff) expect(cut).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(verify.code, verify.stderr).toBe(0);
    const entries = Number(/intact: (\d+) entries/.exec(verify.stdout)?.[1]);
    // Each acknowledged create wrote its audit entry in the same transaction.
    expect(entries).toBeGreaterThanOrEqual(stats.acknowledged.length);
  });
});
