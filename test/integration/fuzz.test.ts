import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '../../src/core/permissions.ts';
import { errorCodes } from '../../src/server/errors/error-codes.ts';
import { abortAll, settled } from '../../src/server/jobs/runner.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildOrganisation, buildSignedInUser, buildUser, signIn, type Session } from '../harness/factories.ts';
import { routeFixtures, type HttpMethod, type ResourceOwner } from '../harness/route-fixtures.ts';

/**
 * The OpenAPI-driven fuzz test (issue 2 point 10): about 2,000 requests spread over every operation of
 * `/api/openapi.json`, with path parameters, query strings and JSON bodies derived from the schemas and then
 * mutated (wrong types, missing or extra fields, huge strings, Arabic and bidi controls, NUL, nulls, deep
 * nesting, broken JSON, other media types), as a signed-in org_admin and sometimes without credentials.
 * Every answer must be below 500, and every 4xx a `{ error: { code } }` with a known code, the status of
 * that code, and no stack. Re-run a failure with the printed seed: SANAD_FUZZ_SEED=<seed>.
 */
const SEED = Number(process.env.SANAD_FUZZ_SEED ?? 20_261_129);
const TOTAL_REQUESTS = 2_000;
/** Bounds each operation's share of the run, shrinking included. */
const TIME_LIMIT_MS = 50_000;
const MAX_RELOGINS = 200;

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
};
type Parameter = { in: string; name: string; required?: boolean; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type OpenApi = { paths: Record<string, Partial<Record<HttpMethod, Operation>>> };

// ---------------------------------------------------------------------------------------------------------
// Values: valid ones from a JSON schema, and nasty ones to mutate them with.

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const arabic = fc.string({ unit: fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCodePoint(c)), minLength: 1, maxLength: 40 });
/** Characters to slip into otherwise valid text: NUL, bidi controls, Arabic, lone surrogates, quotes. */
const nastyChar = fc.oneof(fc.constantFrom('\u0000', '\uD800', '\uFEFF', "'", '"', '\\', '%', '\n', ...BIDI), arabic.map((s) => s.slice(0, 1)));
/** Opaque-looking tokens (cursors are base64url JSON): right form, forged content. */
const forgedToken = fc
  .array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.uuid(), fc.constant('\u0000')), { minLength: 1, maxLength: 3 })
  .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url'));
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  forgedToken,
  arabic,
  fc.tuple(arabic, fc.constantFrom(...BIDI), fc.string({ maxLength: 10 })).map((parts) => parts.join('')),
  fc.constantFrom(
    '', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF\uD800', "' or 1=1 --", '%', '_', '\\', '%_\\', '../../etc/passwd',
    '<script>alert(1)</script>', '${jndi:x}', 'جمعية\u202Eevil\u202C', '\u2067سند\u2069', 'ﷺ', '𝕊𝕒𝕟𝕒𝕕', 'e\u0301',
    'NaN', 'Infinity', '-1', '0', '1e999', 'true', 'null', '[]', '{}', '2026-02-30T25:61:00Z', '0000-00-00',
  ),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 2 ** 53 + 1, 1e308, -1e308, [], {}) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 2_500 }).map(deeplyNested) },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }) },
);

/** encodeURIComponent refuses lone surrogates; a URL cannot carry them anyway, so they become U+FFFD. */
function encode(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Valid values for a schema, as far as a JSON schema can say (the server's own refinements may still refuse). */
function valid(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valid(s, depth + 1)));
  const withNull = (arb: fc.Arbitrary<unknown>) => (schema.nullable ? fc.option(arb, { nil: null }) : arb);
  if (schema.enum) return withNull(fc.constantFrom(...schema.enum));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const record = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, valid(s, depth + 1)]));
      return withNull(fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) }));
    }
    case 'array':
      return withNull(fc.array(valid(schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) }));
    case 'integer':
      return withNull(fc.integer({ min: Math.max(schema.minimum ?? -1_000, -1e9), max: Math.min(schema.maximum ?? 1_000, 1e9) }));
    case 'number':
      return withNull(fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true }));
    case 'boolean':
      return withNull(fc.boolean());
    case 'string':
      return withNull(validString(schema));
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validString(schema: Schema): fc.Arbitrary<string> {
  const maxLength = Math.min(schema.maxLength ?? 40, 200);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  if (schema.format === 'uuid') return fc.uuid({ version: [4, 7] });
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date-time') {
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= maxLength);
    } catch {
      // A pattern fast-check cannot generate from: plain strings will do.
    }
  }
  return fc.oneof(fc.string({ minLength, maxLength }), arabic.filter((s) => s.length >= minLength && s.length <= maxLength));
}

/** Every place inside a JSON value (object keys and array indices), to mutate one of them. */
function placesOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value && typeof value === 'object' && out.length < 200) {
    for (const [key, child] of Object.entries(value)) {
      const place = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(place);
      placesOf(child, place, out);
    }
  }
  return out;
}

type Mutation =
  | { kind: 'replace'; at: number; with: unknown }
  | { kind: 'taint'; at: number; offset: number; char: string }
  | { kind: 'delete'; at: number }
  | { kind: 'extra'; key: string; with: unknown }
  | { kind: 'whole'; with: unknown };

/** Inserts `char` into a string at `offset` (modulo its length). */
function taint(value: unknown, offset: number, char: string): unknown {
  const text = typeof value === 'string' ? value : String(value ?? '');
  const at = offset % (text.length + 1);
  return text.slice(0, at) + char + text.slice(at);
}

function applyMutation(value: unknown, mutation: Mutation): unknown {
  if (mutation.kind === 'whole') return mutation.with;
  const copy = structuredClone(value);
  if (mutation.kind === 'extra') {
    if (copy && typeof copy === 'object' && !Array.isArray(copy)) (copy as Record<string, unknown>)[mutation.key] = mutation.with;
    return copy;
  }
  const places = placesOf(copy);
  if (mutation.kind === 'taint') {
    // Prefer the strings: that is where text reaches the database.
    const strings = places.filter((p) => typeof p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy) === 'string');
    const place = strings[mutation.at % Math.max(strings.length, 1)];
    if (!place) return typeof copy === 'string' ? taint(copy, mutation.offset, mutation.char) : copy;
    let parent = copy as Record<string | number, unknown>;
    for (const key of place.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[place.at(-1)!] = taint(parent[place.at(-1)!], mutation.offset, mutation.char);
    return copy;
  }
  const place = places[mutation.at % Math.max(places.length, 1)];
  if (!place) return mutation.kind === 'replace' ? mutation.with : copy;
  let parent = copy as Record<string | number, unknown>;
  for (const key of place.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = place.at(-1)!;
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = mutation.with;
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), with: nastyValue }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('taint' as const), at: fc.nat(), offset: fc.nat(), char: nastyChar }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('extra' as const), key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('organisationId', 'instanceAdmin', 'id', 'version', 'stack')), with: nastyValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const), with: nastyValue }) },
);

// ---------------------------------------------------------------------------------------------------------
// Requests.

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; payload: string; contentType: string | null };

interface FuzzRequest {
  auth: 'session' | 'token' | 'none' | 'bad-csrf';
  ip: string;
  path: Record<string, string>;
  query: Array<[string, string]>;
  body: Body;
}

const rawBody: fc.Arbitrary<Body> = fc.record({
  kind: fc.constant('raw' as const),
  payload: fc.oneof(
    fc.constantFrom('', '{', '[]', 'null', '"x"', '12', '{"a":1,}', '\u0000', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', 'a=1&b=2'),
    fc.constant('{"pad":"' + 'y'.repeat(1_100_000) + '"}'),
    fc.string({ unit: 'binary', maxLength: 80 }),
  ),
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data; boundary=x', null),
});

function bodyArbitrary(op: Operation): fc.Arbitrary<Body> {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) {
    return fc.oneof({ weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 1, arbitrary: rawBody });
  }
  const json = (value: fc.Arbitrary<unknown>) => value.map((v): Body => ({ kind: 'json', value: v }));
  return fc.oneof(
    { weight: 3, arbitrary: json(valid(schema)) },
    { weight: 6, arbitrary: json(fc.tuple(valid(schema), mutation).map(([v, m]) => applyMutation(v, m))) },
    { weight: 1, arbitrary: rawBody },
  );
}

function pathValue(ids: { own: string[]; other: string[] }): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids.own).map(encode) },
    { weight: 3, arbitrary: fc.constantFrom(...ids.other).map(encode) },
    { weight: 2, arbitrary: fc.uuid({ version: [4, 7] }) },
    { weight: 2, arbitrary: nastyString.map((s) => encode(s.slice(0, 400))) },
    { weight: 1, arbitrary: fc.constantFrom('%zz', '%E0%A4%A', '..', '%2e%2e', '%00', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF') },
  );
}

function queryArbitrary(op: Operation): fc.Arbitrary<Array<[string, string]>> {
  const known = (op.parameters ?? []).filter((p) => p.in === 'query');
  const stringify = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? 'undefined');
  const value = (p: Parameter) =>
    fc
      .oneof(
        { weight: 3, arbitrary: valid(p.schema) },
        { weight: 2, arbitrary: fc.tuple(valid(p.schema), fc.nat(), nastyChar).map(([v, at, c]) => taint(stringify(v), at, c)) },
        { weight: 1, arbitrary: forgedToken },
        { weight: 2, arbitrary: nastyValue },
      )
      .map((v) => [p.name, stringify(v).slice(0, 20_000)] as [string, string]);
  const params = known.map((p) => fc.option(value(p), { nil: null, freq: 2 }));
  const extra = fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...known.map((p) => p.name), 'limit')), nastyString.map((s) => s.slice(0, 2_000))), { maxLength: 2 });
  return fc.tuple(fc.tuple(...params), extra).map(([chosen, more]) => [...chosen.filter((p): p is [string, string] => p !== null), ...more]);
}

function requestArbitrary(path: string, op: Operation, ids: { own: string[]; other: string[] }): fc.Arbitrary<FuzzRequest> {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  return fc.record({
    auth: fc.oneof(
      { weight: 16, arbitrary: fc.constant('session' as const) },
      { weight: 2, arbitrary: fc.constant('none' as const) },
      { weight: 1, arbitrary: fc.constant('token' as const) },
      { weight: 1, arbitrary: fc.constant('bad-csrf' as const) },
    ),
    ip: fc.oneof(fc.constant('127.0.0.1'), fc.ipV4()),
    path: fc.record(Object.fromEntries(names.map((n) => [n, pathValue(ids)]))),
    query: queryArbitrary(op),
    body: bodyArbitrary(op),
  });
}

// ---------------------------------------------------------------------------------------------------------
// The run.

let t: TestApp;
let openapi: OpenApi;
let organisationId: string;
let session: Session;
let apiToken: string;
let relogins = 0;
const ids = { own: [] as string[], other: [] as string[] };

async function ownerOf(app: TestApp['app'], orgId: string): Promise<ResourceOwner> {
  const admin = await buildSignedInUser(app, { organisationId: orgId });
  return {
    app,
    session: admin,
    organisationId: orgId,
    actor: { kind: 'user', accountId: admin.accountId, organisationId: orgId, roles: ['org_admin'], permissions: permissionsOf(['org_admin']), instanceAdmin: false },
  };
}

/** A fresh administrator from its own address, when a fuzz request ended the session (logout…). */
async function relogin(): Promise<void> {
  relogins++;
  if (relogins > MAX_RELOGINS) throw new Error(`fuzz: more than ${MAX_RELOGINS} sessions ended; seed ${SEED}`);
  const user = await buildUser({ organisationId, roles: ['org_admin'] });
  session = await signIn(t.app, user, `198.51.${Math.floor(relogins / 250)}.${relogins % 250}`);
}

async function send(path: string, method: HttpMethod, request: FuzzRequest): Promise<LightMyRequestResponse> {
  const url = path.replace(/\{([^}]+)\}/g, (_m, name: string) => request.path[name] ?? '');
  const query = request.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  const headers: Record<string, string> = {};
  if (request.auth === 'session' || request.auth === 'bad-csrf') {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = request.auth === 'session' ? session.csrf : 'not-the-token';
  } else if (request.auth === 'token') {
    headers.authorization = `Bearer ${apiToken}`;
  }
  const options: InjectOptions = { method: method.toUpperCase() as InjectOptions['method'], url: query ? `${url}?${query}` : url, headers, remoteAddress: request.ip };
  if (request.body.kind === 'json') options.payload = JSON.stringify(request.body.value) ?? 'null';
  if (request.body.kind === 'json') headers['content-type'] = 'application/json';
  if (request.body.kind === 'raw') {
    options.payload = request.body.payload;
    if (request.body.contentType) headers['content-type'] = request.body.contentType;
  }
  return t.app.inject(options);
}

function hasKey(value: unknown, key: string, depth = 0): boolean {
  if (!value || typeof value !== 'object' || depth > 50) return false;
  return Object.entries(value).some(([k, v]) => k === key || hasKey(v, key, depth + 1));
}

/** What is wrong with a response, or null. */
function problemWith(response: LightMyRequestResponse): string | null {
  if (response.statusCode >= 500) return `status ${response.statusCode}: ${response.body.slice(0, 300)}`;
  if (response.statusCode < 400) return null;
  let body: { error?: { code?: string } };
  try {
    body = response.json();
  } catch {
    return `${response.statusCode} without a JSON body: ${response.body.slice(0, 200)}`;
  }
  const code = body.error?.code;
  if (!code || !(code in errorCodes)) return `${response.statusCode} with unknown error code ${JSON.stringify(code)}`;
  if (errorCodes[code as keyof typeof errorCodes].status !== response.statusCode) return `${code} answered ${response.statusCode}`;
  if (hasKey(body, 'stack') || response.body.includes('    at ')) return `${response.statusCode} carries a stack trace`;
  return null;
}

beforeAll(async () => {
  t = await startTestApp();
  const [own, other] = [await buildOrganisation(), await buildOrganisation()];
  organisationId = own.id;
  const owners = { own: await ownerOf(t.app, own.id), other: await ownerOf(t.app, other.id) };
  session = owners.own.session;
  const token = await as(t.app, session).post('/api/v1/tokens', { name: 'fuzz' });
  apiToken = token.json().token;
  const document = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  openapi = document.json();
  // Real ids of both organisations, so requests reach the domain and not only validation.
  for (const fixture of Object.values(routeFixtures)) {
    ids.own.push(...Object.values(await fixture.create(owners.own)));
    ids.other.push(...Object.values(await fixture.create(owners.other)));
  }
  ids.other.push(other.id, owners.other.session.accountId);
});

afterAll(async () => {
  abortAll();
  await settled();
  await t?.close();
});

describe('fuzzing every operation of the OpenAPI document', () => {
  it(`answers ~${TOTAL_REQUESTS} generated and mutated requests without a 5xx, with known error codes (seed ${SEED})`, async () => {
    const operations = Object.entries(openapi.paths).flatMap(([path, item]) =>
      (Object.keys(item) as HttpMethod[]).map((method) => ({ path, method, op: item[method]! })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(20);
    const perOperation = Math.ceil(TOTAL_REQUESTS / operations.length);
    const started = Date.now();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const slow: string[] = [];
    for (const [index, { path, method, op }] of operations.entries()) {
      const left = TIME_LIMIT_MS - (Date.now() - started);
      const details = await fc.check(
        fc.asyncProperty(requestArbitrary(path, op, ids), async (request) => {
          const response = await send(path, method, request);
          sent++;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const problem = problemWith(response);
          if (response.statusCode === 401 && (request.auth === 'session' || request.auth === 'bad-csrf')) await relogin();
          if (problem) throw new Error(problem);
        }),
        // Up to three fair shares of the time left: a slow operation may borrow, not starve the rest.
        { seed: SEED + index, numRuns: perOperation, interruptAfterTimeLimit: Math.max(1_000, (3 * left) / (operations.length - index)) },
      );
      if (details.interrupted) slow.push(`${method.toUpperCase()} ${path} stopped after ${details.numRuns} runs`);
      if (details.failed) {
        const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        const example = JSON.stringify(details.counterexample?.[0], (_k, v) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v));
        failures.push(`${method.toUpperCase()} ${path} (SANAD_FUZZ_SEED=${SEED}; fast-check seed ${details.seed}, path ${details.counterexamplePath}): ${cause}\n  ${example}`);
      }
    }
    const summary =
      `fuzz seed ${SEED}: ${sent} requests in ${Date.now() - started} ms, ${relogins} re-logins, ` +
      `statuses ${JSON.stringify(Object.fromEntries(statuses))}${slow.length ? `; time limit: ${slow.join(', ')}` : ''}`;
    console.info(summary);
    expect(failures, summary).toEqual([]);
    // Shrinking aside, the time limit must not have eaten the run.
    expect(sent, summary).toBeGreaterThanOrEqual(TOTAL_REQUESTS * 0.9);
  });
});

describe('what the fuzz found, kept as plain regressions', () => {
  it('answers NUL or a lone surrogate in text, a malformed URL, an over-long id and a forged cursor with a 400 error body', async () => {
    const client = as(t.app, session);
    const cases = [
      { response: await client.patch('/api/v1/me', { displayName: 'a\u0000b' }), code: 'VALIDATION_FAILED', path: 'body.displayName' },
      { response: await client.post('/api/v1/tokens', { name: '\uD800 ' }), code: 'VALIDATION_FAILED', path: 'body.name' },
      { response: await client.get('/api/v1/audit-events?targetId=a%00b'), code: 'VALIDATION_FAILED', path: 'querystring.targetId' },
      { response: await client.get('/api/v1/users/%zz'), code: 'MALFORMED_REQUEST' },
      { response: await client.get(`/api/v1/users/${'x'.repeat(150)}`), code: 'VALIDATION_FAILED', path: 'params' },
      { response: await client.get(`/api/v1/tokens?cursor=${Buffer.from('["not-a-uuid"]').toString('base64url')}`), code: 'VALIDATION_FAILED', path: 'cursor' },
    ];
    for (const { response, code, path } of cases) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe(code);
      if (path) expect(response.json().error.details[0].path).toBe(path);
    }
  });
});
