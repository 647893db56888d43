import { performance } from 'node:perf_hooks';
import { BENCH_PASSWORD, clientIp, median, openApp, openInstallation, seedUser, type Benchmark } from '../support.ts';

const LOGINS_PER_RUN = 10;

/**
 * POST /api/v1/auth/login in process on PGlite, with the production scrypt cost (2^15): one scrypt hash
 * dominates, and the event loop is free while it runs (node:crypto hashes off the main thread).
 */
export const loginBenchmark: Benchmark = {
  name: 'login',
  description: `median latency of POST /api/v1/auth/login (in process, PGlite data dir, scrypt N=2^15); each run is the median of ${LOGINS_PER_RUN} sequential sign-ins`,
  unit: 'ms',
  better: 'lower',
  runs: 7,
  async prepare(progress) {
    const installation = await openInstallation();
    const { email } = await seedUser();
    const app = await openApp();
    let request = 0;
    const signIn = async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: BENCH_PASSWORD },
        remoteAddress: clientIp(request++),
      });
      if (response.statusCode !== 200) throw new Error(`login answered ${response.statusCode}: ${response.body}`);
    };
    progress('warming up');
    await signIn();
    return {
      async measure() {
        const latencies: number[] = [];
        for (let i = 0; i < LOGINS_PER_RUN; i++) {
          const started = performance.now();
          await signIn();
          latencies.push(performance.now() - started);
        }
        return median(latencies);
      },
      async close() {
        await app.close();
        await installation.close();
      },
    };
  },
};
