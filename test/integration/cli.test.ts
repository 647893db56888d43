import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstance, request, runSanad, startServer, STACK_TRACE, type RunResult, type SanadInstance } from '../harness/processes.ts';

/**
 * The `sanad` CLI as an operator runs it (DESIGN §5): a child process per command on this layer's engine,
 * a fresh data dir (and on PostgreSQL a fresh database) per describe. Results on stdout, messages on
 * stderr, never a stack trace.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function expectClean(result: RunResult): void {
  expect(result.stderr).not.toMatch(STACK_TRACE);
  expect(result.stdout).not.toMatch(STACK_TRACE);
}

async function login(url: string, email: string, password: string) {
  return request(`${url}/api/v1/auth/login`, { body: { email, password } });
}

describe('sanad org add / user add / token create', { timeout: 150_000 }, () => {
  let instance: SanadInstance;
  beforeAll(async () => {
    instance = await createInstance();
  });
  afterAll(async () => instance?.cleanup());

  const sanad = (args: string[], stdin?: string) => runSanad(instance, args, stdin === undefined ? {} : { stdin });

  it('org add prints the new id alone on stdout and exits 0', async () => {
    const result = await sanad(['org', 'add', '--name', 'Association Test CLI', '--acronym', 'TCLI', '--type', '22']);
    expectClean(result);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(UUID);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('org add refuses a duplicate acronym with a clear message and no stack trace', async () => {
    const result = await sanad(['org', 'add', '--name', 'Another one', '--acronym', 'tcli']);
    expectClean(result);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/acronym/i);
    expect(result.stderr).toContain('TCLI');
  });

  it('org add without its required options exits 2 with the usage', async () => {
    const result = await sanad(['org', 'add', '--name', 'No acronym']);
    expectClean(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: sanad org add --name NAME --acronym ACR/);
  });

  let printedPassword = '';
  it('user add prints a random password once on stdout', async () => {
    const result = await sanad(['user', 'add', '--organisation', 'TCLI', '--email', 'admin@tcli.test', '--role', 'org_admin']);
    expectClean(result);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    printedPassword = lines[0]!;
    expect(printedPassword.length).toBeGreaterThanOrEqual(12);
    expect(result.stderr).toMatch(/shown once/);
    expect(result.stderr).not.toContain(printedPassword);
  });

  const chosenPassword = 'sel-de-mer et safran 2026';
  it('user add --password-stdin reads one line, strips the newline and prints no password', async () => {
    const result = await sanad(
      ['user', 'add', '--organisation', 'TCLI', '--email', 'agent@tcli.test', '--role', 'field_agent', '--password-stdin'],
      `${chosenPassword}\nthis second line is ignored\n`,
    );
    expectClean(result);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('agent@tcli.test');
  });

  it('user add --password-stdin refuses a weak password and says why', async () => {
    const result = await sanad(
      ['user', 'add', '--organisation', 'TCLI', '--email', 'weak@tcli.test', '--role', 'viewer', '--password-stdin'],
      'short\n',
    );
    expectClean(result);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/12 characters/);
  });

  it('user add with an unknown role exits 2 and lists the roles', async () => {
    const result = await sanad(['user', 'add', '--organisation', 'TCLI', '--email', 'x@tcli.test', '--role', 'superhero']);
    expectClean(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown role superhero/);
    expect(result.stderr).toContain('org_admin');
  });

  it('user add with an unknown organisation says so clearly', async () => {
    const result = await sanad(['user', 'add', '--organisation', 'NOPE', '--email', 'x@nope.test', '--role', 'viewer']);
    expectClean(result);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/No organisation has the acronym NOPE/);
  });

  let token = '';
  it('token create prints the token alone on one line', async () => {
    const result = await sanad(['token', 'create', '--email', 'admin@tcli.test', '--organisation', 'TCLI', '--name', 'CLI test']);
    expectClean(result);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.split('\n')).toHaveLength(2);
    token = result.stdout.trim();
    expect(token).toMatch(/^\S{24,}$/);
  });

  it('token create for an unknown email fails with a message', async () => {
    const result = await sanad(['token', 'create', '--email', 'nobody@tcli.test']);
    expectClean(result);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('nobody@tcli.test');
  });

  it('a server started afterwards accepts the printed password, the stdin password and the token', async () => {
    const server = await startServer(instance);
    try {
      const printed = await login(server.url, 'admin@tcli.test', printedPassword);
      expect(printed.status, JSON.stringify(printed.json)).toBe(200);
      expect(printed.json).toMatchObject({ email: 'admin@tcli.test', roles: ['org_admin'], mustChangePassword: true });

      const chosen = await login(server.url, 'agent@tcli.test', chosenPassword);
      expect(chosen.status, JSON.stringify(chosen.json)).toBe(200);
      expect(chosen.json).toMatchObject({ roles: ['field_agent'], mustChangePassword: true });

      const me = await request(`${server.url}/api/v1/me`, { token });
      expect(me.status).toBe(200);
      expect(me.json).toMatchObject({ email: 'admin@tcli.test', roles: ['org_admin'] });

      const weak = await login(server.url, 'weak@tcli.test', 'short');
      expect(weak.status).toBe(401);
    } finally {
      expect((await server.stop()).code).toBe(0);
    }
  });
});

describe('unknown commands and options', { timeout: 150_000 }, () => {
  // Argument errors are reported before any database is opened, so these need no instance of their own.
  const env = { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', SANAD_DATA_DIR: '/nonexistent/sanad-cli-args', LOG_LEVEL: 'warn' } };

  it('an unknown command exits 2 with the usage', async () => {
    const result = await runSanad(env, ['frobnicate']);
    expectClean(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown command: frobnicate/);
    expect(result.stderr).toMatch(/Usage: sanad <command>/);
  });

  it('an unknown option exits 2 without a stack trace', async () => {
    const result = await runSanad(env, ['org', 'add', '--name', 'X', '--acronym', 'XX', '--colour', 'blue']);
    expectClean(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--colour/);
  });
});

describe('sanad demo, then sanad audit verify over its data', { timeout: 150_000 }, () => {
  let instance: SanadInstance;
  beforeAll(async () => {
    instance = await createInstance();
  });
  afterAll(async () => instance?.cleanup());

  const sanad = (args: string[]) => runSanad(instance, args);
  const demoState = () =>
    instance.withDb(async (db) => ({
      organisations: await db.query<{ acronym: string | null; kind: string; iati_identifier: string | null; demo: boolean }>(
        'select acronym, kind, iati_identifier, demo from organisations order by acronym',
      ),
      networks: await db.query<{ name: string; secretariat: string; members: string[] }>(
        `select n.name, s.acronym as secretariat, array_agg(o.acronym order by o.acronym) as members
         from networks n join organisations s on s.id = n.secretariat_organisation_id
         join network_members m on m.network_id = n.id join organisations o on o.id = m.member_organisation_id
         group by n.name, s.acronym`,
      ),
      memberships: await db.query<{ acronym: string; email: string; roles: string[]; must_change: boolean }>(
        `select o.acronym, a.email, m.roles, a.password_must_change as must_change
         from memberships m join organisations o on o.id = m.organisation_id join accounts a on a.id = m.account_id
         order by a.email`,
      ),
      auditEntries: (await db.query<{ n: number }>('select count(*)::int8 as n from audit_events'))[0]!.n,
    }));

  let firstState: Awaited<ReturnType<typeof demoState>>;
  it('loads the demo contract of DESIGN §7 in under 30 s and prints every password once', async () => {
    const result = await sanad(['demo']);
    firstState = await demoState();
    expectClean(result);
    expect(result.code, result.stderr).toBe(0);
    // The command times the loading itself; the whole process adds start-up, and on an empty data dir
    // PGlite's initdb and the migrations, which depend on how busy the machine is.
    const loadSeconds = Number(/Demo loaded in ([\d.]+) s/.exec(result.stderr)?.[1]);
    console.log(`sanad demo on ${instance.engine}: loaded in ${loadSeconds} s, ${(result.ms / 1000).toFixed(1)} s for the whole process`);
    expect(loadSeconds).toBeLessThan(30);

    const { organisations, networks, memberships } = firstState;
    const org = (acronym: string) => organisations.find((o) => o.acronym === acronym);
    expect(org('AFM')).toMatchObject({ kind: 'member', demo: true });
    expect(org('AFM')!.iati_identifier).toMatch(/^MA-/);
    expect(org('ASB')).toMatchObject({ kind: 'member', demo: true });
    expect(org('EU')).toMatchObject({ kind: 'external', iati_identifier: 'XI-IATI-EC_INTPA' });
    expect(org('IOM')).toMatchObject({ kind: 'external', iati_identifier: 'XM-DAC-47066' });

    expect(networks).toHaveLength(1);
    const network = networks[0]!;
    expect(network.name).toBe('Réseau national des associations œuvrant dans le domaine de la migration');
    expect(network.members).toEqual(expect.arrayContaining([network.secretariat, 'AFM', 'ASB']));
    expect(memberships.filter((m) => m.acronym === network.secretariat).flatMap((m) => m.roles)).toContain('network_coordinator');

    const rolesOf = (acronym: string) => memberships.filter((m) => m.acronym === acronym).flatMap((m) => m.roles).sort();
    const associationRoles = ['case_worker', 'field_agent', 'health_worker', 'org_admin', 'programme_manager', 'psychosocial_worker', 'viewer'];
    expect(rolesOf('AFM')).toEqual(associationRoles);
    expect(rolesOf('ASB')).toEqual(associationRoles);
    expect(memberships.find((m) => m.email === 'admin@afm.demo')).toMatchObject({ acronym: 'AFM', roles: ['org_admin'] });
    expect(memberships.find((m) => m.email === 'admin@asb.demo')).toMatchObject({ acronym: 'ASB', roles: ['org_admin'] });

    // Each demo account appears once on stdout with its password, and must change it at first sign-in.
    for (const m of memberships) {
      expect(result.stdout.match(new RegExp(`^\\s+${m.email.replace(/\./g, '\\.')}\\s+\\S{12,}\\s`, 'gm'))).toHaveLength(1);
      expect(m.must_change).toBe(true);
    }
  });

  it('a second run creates nothing and says the passwords were printed before', async () => {
    const result = await sanad(['demo']);
    expectClean(result);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/already loaded: its passwords were printed when it was first created/);
    expect(result.stdout).not.toMatch(/@\w+\.demo/);
    expect(await demoState()).toEqual(firstState);
  });

  it('audit verify passes on the demo database', async () => {
    const result = await sanad(['audit', 'verify']);
    expectClean(result);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Audit trail intact: \d+ entries in \d+ chains/);
  });

  interface Target {
    organisationId: string;
    seq: number;
    id: string;
  }

  /**
   * Picks the first entry matching `where` and tampers with it directly (no process holds the database),
   * runs `audit verify`, then puts the entry and its payload back from a copy: the last test shows the
   * restored chain verifies again.
   */
  async function verifyAfterTampering(where: string, tamper: (sqlWhere: string) => string) {
    let target: Target | undefined;
    let sqlWhere = '';
    await instance.withDb(async (db) => {
      [target] = await db.query<Target>(
        `select e.organisation_id as "organisationId", e.seq, e.id from audit_events e ${where} order by e.organisation_id, e.seq limit 1`,
      );
      sqlWhere = `where organisation_id = '${target!.organisationId}' and seq = ${target!.seq}`;
      await db.exec(`create table tamper_events as select * from audit_events ${sqlWhere};
                     create table tamper_payloads as select * from audit_payloads ${sqlWhere};
                     ${tamper(sqlWhere)}`);
    });
    try {
      const result = await sanad(['audit', 'verify']);
      expectClean(result);
      return { result, target: target! };
    } finally {
      await instance.withDb((db) =>
        db.exec(`delete from audit_payloads ${sqlWhere}; delete from audit_events ${sqlWhere};
                 insert into audit_events select * from tamper_events; insert into audit_payloads select * from tamper_payloads;
                 drop table tamper_events; drop table tamper_payloads`),
      );
    }
  }

  it('audit verify exits 1 and names the organisation and entry whose fields were changed', async () => {
    const { result, target } = await verifyAfterTampering('where e.seq = 2', (w) => `update audit_events set action = 'x' ${w}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`organisation ${target.organisationId}`);
    expect(result.stderr).toContain(`seq 2 (id ${target.id})`);
  });

  it('audit verify exits 1 and names the entry whose payload was changed', async () => {
    const { result, target } = await verifyAfterTampering(
      'join audit_payloads p on p.organisation_id = e.organisation_id and p.seq = e.seq where e.seq > 1',
      (w) => `update audit_payloads set payload = '{"tampered": true}' ${w}`,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`organisation ${target.organisationId}`);
    expect(result.stderr).toContain(`seq ${target.seq} (id ${target.id})`);
    expect(result.stderr).toMatch(/payload/);
  });

  it('audit verify exits 1 and names the position of a deleted entry', async () => {
    // A middle entry, deleted with its payload row (whose foreign key would stop the delete).
    const { result, target } = await verifyAfterTampering(
      'where e.seq = 2 and exists (select 1 from audit_events n where n.organisation_id = e.organisation_id and n.seq = 3)',
      (w) => `delete from audit_payloads ${w}; delete from audit_events ${w}`,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`organisation ${target.organisationId}`);
    expect(result.stderr).toMatch(/seq 2\b.*missing/);
  });

  it('after the rows are restored, audit verify passes again', async () => {
    const result = await sanad(['audit', 'verify']);
    expect(result.code, result.stderr).toBe(0);
  });
});
