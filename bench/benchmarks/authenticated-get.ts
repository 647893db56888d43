import { performance } from 'node:perf_hooks';
import { BENCH_PASSWORD, clientIp, openApp, openInstallation, seedUser, type Benchmark } from '../support.ts';

const REQUESTS_PER_RUN = 1_000;
/** Requests in flight at once, like a few browser tabs; PGlite still runs one query at a time. */
const CONCURRENCY = 4;

/** GET /api/v1/me with a session cookie: session lookup, membership check and the profile, per request. */
export const authenticatedGetBenchmark: Benchmark = {
  name: 'authenticated-get',
  description: `requests/s of GET /api/v1/me with a session cookie (in process, PGlite data dir, ${CONCURRENCY} in flight, ${REQUESTS_PER_RUN} per run)`,
  unit: 'requests/s',
  better: 'higher',
  runs: 5,
  async prepare(progress) {
    const installation = await openInstallation();
    const { email } = await seedUser();
    const app = await openApp();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: BENCH_PASSWORD },
      remoteAddress: clientIp(0),
    });
    if (login.statusCode !== 200) throw new Error(`login answered ${login.statusCode}: ${login.body}`);
    const cookie = (login.cookies as Array<{ name: string; value: string }>).map((c) => `${c.name}=${c.value}`).join('; ');
    const get = async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie }, remoteAddress: clientIp(1) });
      if (response.statusCode !== 200) throw new Error(`/me answered ${response.statusCode}: ${response.body}`);
    };
    const burst = async (count: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < count) {
            next += 1;
            await get();
          }
        }),
      );
    };
    progress('warming up');
    await burst(100);
    return {
      async measure() {
        const started = performance.now();
        await burst(REQUESTS_PER_RUN);
        return REQUESTS_PER_RUN / ((performance.now() - started) / 1000);
      },
      async close() {
        await app.close();
        await installation.close();
      },
    };
  },
};
