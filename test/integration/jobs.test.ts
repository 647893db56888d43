import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '../../src/core/permissions.ts';
import { withTransaction } from '../../src/server/db/transaction.ts';
import type { Actor } from '../../src/server/domain/actor.ts';
import { AppError } from '../../src/server/errors/app-error.ts';
import { markInterruptedJobs, registerJobKind, settled, startJob } from '../../src/server/jobs/runner.ts';
import { insertJob, updateJob } from '../../src/server/repositories/jobs.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildSignedInUser, newId, type Session } from '../harness/factories.ts';

/**
 * The in-process job runner behind `/api/v1/jobs/{id}` (DESIGN §4): progress, result, cancel, failure
 * without internals, interruption by a restart, and tenant isolation. Handlers are paced by promises the
 * test resolves, never by sleeping.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await settled();
  await t?.close();
});

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function actorOf(session: Session, roles: Role[]): Actor {
  return {
    kind: 'user',
    accountId: session.accountId,
    organisationId: session.organisationId,
    roles,
    permissions: permissionsOf(roles),
    instanceAdmin: false,
  };
}

async function signedIn(roles: Role[] = ['programme_manager'], organisationId?: string) {
  const session = await buildSignedInUser(t.app, { roles, ...(organisationId ? { organisationId } : {}) });
  return { session, actor: actorOf(session, roles), client: as(t.app, session) };
}

describe('a job that runs to the end', () => {
  it('reports its progress while running, then succeeded with its result', async () => {
    const { actor, client } = await signedIn();
    const halfway = deferred();
    const proceed = deferred();
    registerJobKind<{ rows: number }, { imported: number }>('test.import', async ({ input, progress }) => {
      await progress(1, input.rows, 'first half');
      halfway.resolve();
      await proceed.promise;
      await progress(input.rows, input.rows, 'all rows');
      return { imported: input.rows };
    });

    const job = await startJob(actor, 'test.import', { rows: 2 });
    expect(job.status).toBe('queued');
    await halfway.promise;
    const running = await client.get(`/api/v1/jobs/${job.id}`);
    expect(running.statusCode).toBe(200);
    expect(running.json()).toMatchObject({
      id: job.id,
      kind: 'test.import',
      status: 'running',
      progress: { done: 1, total: 2 },
      message: 'first half',
      finishedAt: null,
    });

    proceed.resolve();
    await settled(job.id);
    const done = await client.get(`/api/v1/jobs/${job.id}`);
    expect(done.json()).toMatchObject({
      status: 'succeeded',
      progress: { done: 2, total: 2 },
      result: { imported: 2 },
      error: null,
      cancelRequested: false,
    });
    expect(done.json().finishedAt).toBe(t.clock.now().toISOString());

    const cancel = await client.post(`/api/v1/jobs/${job.id}/cancel`);
    expect(cancel.statusCode).toBe(422);
    expect(cancel.json().error.code).toBe('JOB_NOT_CANCELLABLE');
  });
});

describe('cancelling', () => {
  it('ends a running job as cancelled at its next progress report', async () => {
    const { actor, client } = await signedIn();
    const started = deferred();
    const proceed = deferred();
    let reportsAfterCancel = 0;
    registerJobKind('test.long', async ({ progress }) => {
      await progress(0, 10);
      started.resolve();
      await proceed.promise;
      for (let i = 1; i <= 10; i++) {
        reportsAfterCancel += 1;
        await progress(i, 10);
      }
      return { finished: true };
    });

    const job = await startJob(actor, 'test.long', {});
    await started.promise;
    const cancel = await client.post(`/api/v1/jobs/${job.id}/cancel`);
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({ id: job.id, cancelRequested: true });

    proceed.resolve();
    await settled(job.id);
    const after = await client.get(`/api/v1/jobs/${job.id}`);
    expect(after.json()).toMatchObject({ status: 'cancelled', result: null, progress: { done: 0 } });
    expect(reportsAfterCancel).toBe(1);

    const again = await client.post(`/api/v1/jobs/${job.id}/cancel`);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('JOB_NOT_CANCELLABLE');
  });
});

describe('a failing job', () => {
  it('ends failed with INTERNAL_ERROR and none of the error internals', async () => {
    const { actor, client } = await signedIn();
    registerJobKind('test.crash', async () => {
      throw new Error('boom in /srv/secret/path.ts');
    });
    const job = await startJob(actor, 'test.crash', {});
    await settled(job.id);
    const response = await client.get(`/api/v1/jobs/${job.id}`);
    expect(response.json()).toMatchObject({ status: 'failed', error: { code: 'INTERNAL_ERROR' }, result: null });
    expect(response.body).not.toMatch(/boom|secret|\bat .+:\d+:\d+|stack/);
  });

  it('keeps the code of an AppError', async () => {
    const { actor, client } = await signedIn();
    registerJobKind('test.refused', async () => {
      throw new AppError('VALIDATION_FAILED', { message: 'Row 3 has no name.' });
    });
    const job = await startJob(actor, 'test.refused', {});
    await settled(job.id);
    const response = await client.get(`/api/v1/jobs/${job.id}`);
    expect(response.json()).toMatchObject({ status: 'failed', error: { code: 'VALIDATION_FAILED', message: 'Row 3 has no name.' } });
  });
});

describe('a restart', () => {
  it('marks the jobs a previous process left queued or running as interrupted, and only those', async () => {
    const { actor, client } = await signedIn();
    registerJobKind('test.quick', async () => ({ ok: true }));
    const finished = await startJob(actor, 'test.quick', {});
    await settled();

    // Rows as a killed process leaves them: one never started, one mid-way.
    const queuedId = newId();
    const runningId = newId();
    await withTransaction(actor, async (tx) => {
      const at = t.clock.now();
      for (const id of [queuedId, runningId]) {
        await insertJob(tx, { id, organisationId: actor.organisationId, kind: 'test.quick', input: {}, createdBy: actor.accountId, at });
      }
      await updateJob(tx, actor.organisationId, runningId, { status: 'running', startedAt: at, progressDone: 3 }, at);
    });

    expect(await markInterruptedJobs()).toBe(2);
    for (const id of [queuedId, runningId]) {
      const response = await client.get(`/api/v1/jobs/${id}`);
      expect(response.json()).toMatchObject({ status: 'interrupted', finishedAt: t.clock.now().toISOString() });
      expect(response.json().message).toMatch(/start it again/);
    }
    expect((await client.get(`/api/v1/jobs/${finished.id}`)).json().status).toBe('succeeded');
    expect(await markInterruptedJobs()).toBe(0);
  });
});

describe('isolation', () => {
  it('hides a job from another organisation, and from colleagues without job.read', async () => {
    const a = await signedIn(['programme_manager']);
    const b = await signedIn(['org_admin']);
    const colleague = await signedIn(['field_agent'], a.session.organisationId);
    const gate = deferred();
    registerJobKind('test.private', async ({ progress }) => {
      await progress(0, 1);
      await gate.promise;
      return {};
    });
    const job = await startJob(a.actor, 'test.private', {});
    try {
      for (const other of [b, colleague]) {
        const read = await other.client.get(`/api/v1/jobs/${job.id}`);
        expect(read.statusCode).toBe(404);
        expect(read.json().error.code).toBe('NOT_FOUND');
        const cancel = await other.client.post(`/api/v1/jobs/${job.id}/cancel`);
        expect(cancel.statusCode).toBe(404);
      }
      expect((await a.client.get(`/api/v1/jobs/${job.id}`)).statusCode).toBe(200);
      const unknown = await a.client.get(`/api/v1/jobs/${newId()}`);
      expect(unknown.statusCode).toBe(404);
    } finally {
      gate.resolve();
      await settled(job.id);
    }
  });
});
