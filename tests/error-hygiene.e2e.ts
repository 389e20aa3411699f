import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '@local-area-graph/test-kit';
import { createGateway, readCommittedSupergraph } from '@local-area-graph/gateway';
import { SUBGRAPHS } from '@local-area-graph/platform';
import { createLogger, openAndMigrate, serveSubgraph, type RunningHttpServer } from '@local-area-graph/subgraph-kit';
import { createTokenVerifier, generateLocalSigningKey, signToken } from '@local-area-graph/trust';

// Whatever fails, and however a request is malformed, no answer from the gateway or
// from any subgraph carries a stack trace, a file path, SQL, a driver's message, a
// connection string or an internal address; and every error carries a code
// (extensions.code) a client can rely on. Each case below is sent as it is written
// and every byte of the answer (body and headers) is searched.

type Target = 'gateway' | 'localities' | 'schools';
const TARGETS: readonly Target[] = ['gateway', 'localities', 'schools'];

let kit: TestPlatform;
let adminHeaders: Record<string, string>;
let analystHeaders: Record<string, string>;
let childId: string;
let schoolUrn: string;
/** Strings no answer may contain: the ports and connection URLs of this very platform. */
let internals: string[] = [];
const servers: RunningHttpServer[] = [];
const fakes: http.Server[] = [];

const logger = createLogger('error-hygiene', 'silent');

beforeAll(async () => {
  kit = await startTestPlatform({ demo: { children: 120, seed: 11 } });
  adminHeaders = { authorization: `Bearer ${await kit.token({ sub: 'test.admin', role: 'ADMIN' })}`, 'x-purpose': 'direct-care' };
  analystHeaders = { authorization: `Bearer ${await kit.token({ sub: 'bi', role: 'ANALYST' })}`, 'x-purpose': 'service-planning' };
  childId = (await kit.gateway.data<any>('{ children(first: 1) { nodes { id } } }')).children.nodes[0].id;
  schoolUrn = (await kit.subgraph('schools').data<any>('{ schools { urn } }')).schools[0].urn;
  const postgres = kit.platform.postgres!;
  internals = [
    ...Object.values(kit.platform.subgraphs).map((s) => `:${new URL(s.url).port}`),
    `:${postgres.port}`,
    ...Object.keys(kit.platform.subgraphs).flatMap((name) => [postgres.urlFor(name), postgres.socketUrlFor(name)]),
  ];
});
afterAll(async () => {
  for (const server of servers) await server.close();
  for (const fake of fakes) {
    fake.closeAllConnections();
    fake.close();
  }
  await kit?.stop();
});

// ---------------------------------------------------------------------------------
// What must never appear

const FORBIDDEN: [string, RegExp][] = [
  ['stack trace line', /\n\s+at /],
  ['stack trace line (escaped)', /\\n\s+at /],
  // "at fn (/path/file.js:1:2)", "at async /path/file.js:1:2", "at new X (node:internal/...:1:2)"
  ['stack frame', /\bat (?:new |async )?(?:[^\s()]+ (?:\[as [^\]]+\] )?)?\(?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\s)]*:\d+/],
  ['file path /work/', /\/work\//],
  ['file path /tmp/', /\/tmp\//],
  ['node_modules path', /node_modules/],
  ['TypeScript source position', /\.ts:\d+/],
  ['JavaScript source position', /\.[cm]?js:\d+/],
  ['file URL', /file:\/\//],
  ['SQL statement', /\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b/i],
  ['PostgreSQL: missing relation', /relation ".*" does not exist/],
  ['PostgreSQL: missing column', /column ".*" does not exist/],
  ['PostgreSQL: syntax error', /syntax error at or near/],
  ['PostgreSQL: duplicate key', /duplicate key/],
  ['PostgreSQL: bad input syntax', /invalid input syntax for/],
  ['driver or ORM error', /QueryFailedError|TypeORMError|CannotExecuteNotConnected|EntityMetadataNotFound|connection is not yet established|Connection terminated|\bECONN(REFUSED|RESET)\b|ETIMEDOUT|EADDR/],
  ['connection string', /postgres(ql)?:\/\//],
  ['loopback address', /127\.0\.0\.1/],
  ['IPv6 loopback', /\[::1?\]|::ffff:/],
  ['localhost with a port', /localhost:\d+/],
];

/** Stricter, for the errors alone (a description may well say "on roll at now (..."). */
const FORBIDDEN_IN_ERRORS: [string, RegExp][] = [
  ['stack frame', /at [\w.<>]+ \(/],
  // Only in errors: in data or a Content-Length these are just numbers (a count of 23505 pupils).
  ['PostgreSQL: SQLSTATE', /\b(22P02|42P01|42703|42601|23505|23503|08000|08003|08006|57P01|53300|3D000|28P01|42883|25P02)\b/],
];

/** Extensions that only an internal error carries (TypeORM's QueryFailedError, pg's DatabaseError, Apollo's debug output). */
const FORBIDDEN_EXTENSIONS = ['stacktrace', 'exception', 'originalError', 'driverError', 'query', 'parameters', 'routine', 'severity', 'detail', 'hint', 'where', 'file', 'line', 'schema', 'table', 'constraint'];

interface Answer {
  label: string;
  status: number;
  headers: string;
  text: string;
  body: any;
}

/** Every string in a parsed answer, keys included, decoded: an escaped newline in the JSON text is a newline here. */
function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') {
    into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) stringsIn(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      stringsIn(item, into);
    }
  }
  return into;
}

/** Every leak in one answer, as "what: where" lines (empty when clean). */
function leaksIn(answer: Answer): string[] {
  const found: string[] = [];
  const places: [string, string][] = [
    ['body', answer.text],
    ['headers', answer.headers.replace(/^content-length: \d+$/gim, '')],
    ...stringsIn(answer.body).map((s): [string, string] => ['body string', s]),
  ];
  for (const [where, text] of places) {
    for (const [what, pattern] of FORBIDDEN) if (pattern.test(text)) found.push(`${what} in ${where}: ${text.slice(0, 300)}`);
    for (const internal of internals) if (text.includes(internal)) found.push(`internal "${internal}" in ${where}: ${text.slice(0, 300)}`);
  }
  for (const error of Array.isArray(answer.body?.errors) ? answer.body.errors : []) {
    for (const [what, pattern] of FORBIDDEN_IN_ERRORS) if (pattern.test(JSON.stringify(error))) found.push(`${what} in error: ${JSON.stringify(error).slice(0, 300)}`);
    for (const key of FORBIDDEN_EXTENSIONS) if (error?.extensions && key in error.extensions) found.push(`extensions.${key} in ${JSON.stringify(error).slice(0, 300)}`);
    const code = error?.extensions?.code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && /\d/.test(code)) found.push(`PostgreSQL error code as extensions.code: ${code}`);
  }
  return [...new Set(found)];
}

/** Asserts an answer is clean and every error in it is coded; returns the codes. */
function expectHygienic(answer: Answer): string[] {
  expect(leaksIn(answer), `${answer.label}: ${answer.status} ${answer.text.slice(0, 2000)}`).toEqual([]);
  const errors = answer.body?.errors;
  if (errors !== undefined) {
    expect(Array.isArray(errors), `${answer.label}: errors is a list`).toBe(true);
    for (const error of errors) {
      expect(typeof error.message, `${answer.label}: every error has a message`).toBe('string');
      expect(typeof error.extensions?.code, `${answer.label}: every error has extensions.code: ${JSON.stringify(error)}`).toBe('string');
    }
  }
  return (errors ?? []).map((e: any) => e.extensions.code);
}

/** Asserts an answer is clean and is the outcome expected (see Outcome). */
function expectOutcome(answer: Answer, outcome: Outcome): string[] {
  const codes = expectHygienic(answer);
  const shown = `${answer.label}: ${answer.status} ${answer.text.slice(0, 500)}`;
  if (outcome === 'any') return codes;
  if (outcome === 'none') {
    expect(codes, shown).toEqual([]);
    expect(answer.status, shown).toBe(200);
    return codes;
  }
  // A failing request fails with a list of coded errors, never a bare status or page.
  expect(answer.body?.errors?.length ?? 0, shown).toBeGreaterThan(0);
  if (outcome !== 'coded') expect(codes[0], shown).toBe(outcome);
  return codes;
}

// ---------------------------------------------------------------------------------
// Sending requests exactly as written

interface Request {
  method?: string;
  /** Query string, for GET. */
  search?: string;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  /** Replace the default headers (ADMIN token, direct-care purpose, JSON); null removes one. */
  headers?: Record<string, string | null>;
}

const urlOf = (target: Target) => (target === 'gateway' ? kit.platform.gatewayUrl : kit.platform.subgraphs[target]!.url);

/**
 * Sends one request on a connection of its own (a refused request must not be able to
 * spoil the next case's connection) and reads the whole answer.
 */
async function send(label: string, url: string, request: Request): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...adminHeaders };
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const method = request.method ?? 'POST';
  const payload = method === 'GET' ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = http.request(new URL(url + (request.search ?? '')), { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        outgoing.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        let body: any;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        const headerText = Object.entries(response.headers).map(([name, value]) => `${name}: ${String(value)}`).join('\n');
        resolve({ label, status: response.statusCode ?? 0, headers: headerText, text, body });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

const gql = (query: string, variables?: unknown, headers?: Record<string, string | null>): Request => ({ body: { query, variables }, headers });
const entities = (representations: unknown): Request =>
  gql('query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: representations });
type Spec = Request | (() => Request | Promise<Request>);
const everywhere = (request: Spec) => ({ gateway: request, localities: request, schools: request });
const cursor = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/**
 * What a case must get back, besides a clean answer: the code of its first error;
 * 'coded' for a failure with any code; 'none' when it is served without error; 'any'
 * when either is acceptable (a garbage `_entities` key is simply no entity, say).
 */
type Outcome = string;
interface Case {
  name: string;
  /** The request per target; a target left out is not sent this case. */
  send: Partial<Record<Target, Spec>>;
  /** For every target, or per target ('coded' when left out). */
  outcome?: Outcome | Partial<Record<Target, Outcome>>;
}

const A_UUID = '6f1d7c8e-0000-4000-8000-000000000000';
const DEEP = `query ($id: ID!) { child(id: $id) { education { currentSchool { pupils(first: 1) { edges { node {
  education { currentSchool { pupils(first: 1) { edges { node { id } } } } } } } } } } } }`;

const CATALOGUE: Case[] = [
  // The HTTP request itself
  { name: 'malformed JSON body', send: everywhere({ body: '{"query": "{ localAreas { code } }"' }), outcome: 'BAD_REQUEST' },
  { name: 'JSON body that is not an object', send: everywhere({ body: '"{ localAreas { code } }"' }), outcome: 'BAD_REQUEST' },
  { name: 'non-JSON content type', send: everywhere({ body: '{ __typename }', headers: { 'content-type': 'text/plain' } }), outcome: 'BAD_REQUEST' },
  { name: 'unknown content type with a JSON body', send: everywhere({ body: JSON.stringify({ query: '{ __typename }' }), headers: { 'content-type': 'application/x-unknown' } }), outcome: 'BAD_REQUEST' },
  { name: 'GET with a mutation', send: everywhere({ method: 'GET', search: `?query=${encodeURIComponent('mutation { x }')}`, headers: { 'content-type': null, 'apollo-require-preflight': 'true' } }) },
  { name: 'GET without a CSRF preflight header', send: everywhere({ method: 'GET', search: `?query=${encodeURIComponent('{ __typename }')}`, headers: { 'content-type': null } }), outcome: 'BAD_REQUEST' },
  { name: 'GET with variables that are not JSON', send: everywhere({ method: 'GET', search: `?query=${encodeURIComponent('{ __typename }')}&variables=%7Bnope`, headers: { 'content-type': null, 'apollo-require-preflight': 'true' } }), outcome: 'BAD_REQUEST' },
  { name: 'PUT', send: everywhere({ method: 'PUT', body: { query: '{ __typename }' } }) },
  { name: 'a batched array body', send: everywhere({ body: [{ query: '{ __typename }' }, { query: '{ __typename }' }] }), outcome: 'BAD_REQUEST' },
  { name: 'a body over the size limit', send: everywhere({ body: { query: `{ __typename } # ${'x'.repeat(2.5 * 1024 * 1024)}` } }), outcome: 'PAYLOAD_TOO_LARGE' },
  { name: 'no query at all', send: everywhere({ body: {} }), outcome: 'BAD_REQUEST' },
  { name: 'empty query', send: everywhere(gql('')), outcome: 'BAD_REQUEST' },
  { name: 'query that is not a string', send: everywhere({ body: { query: { select: '*' } } }), outcome: 'BAD_REQUEST' },
  { name: 'variables that are not an object', send: everywhere({ body: { query: '{ __typename }', variables: [1, 2] } }), outcome: 'BAD_REQUEST' },
  { name: 'unknown operationName', send: everywhere({ body: { query: 'query A { __typename }', operationName: 'B' } }) },
  { name: 'two operations and no operationName', send: everywhere(gql('query A { __typename } query B { __typename }')) },

  // The document
  { name: 'syntax error', send: everywhere(gql('{ localAreas { code }')), outcome: 'GRAPHQL_PARSE_FAILED' },
  { name: 'SQL as the query', send: everywhere(gql("SELECT * FROM child WHERE id = '1' OR 1=1")), outcome: 'GRAPHQL_PARSE_FAILED' },
  {
    name: 'unknown field',
    send: { gateway: gql('{ localAreas { nope } }'), localities: gql('{ localAreas { nope } }'), schools: gql('{ schools { nope } }') },
    outcome: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'unknown root field', send: everywhere(gql('{ nope }')), outcome: 'GRAPHQL_VALIDATION_FAILED' },
  { name: '_entities through the gateway', send: { gateway: entities([{ __typename: 'Child', id: A_UUID }]) }, outcome: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'unknown argument',
    send: { gateway: gql('{ localAreas(bogus: 1) { code } }'), localities: gql('{ localAreas(bogus: 1) { code } }'), schools: gql('{ schools(bogus: 1) { urn } }') },
    outcome: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'wrong argument type',
    send: {
      gateway: gql('{ children(first: "ten") { totalCount } }'),
      localities: gql('{ children(first: "ten") { totalCount } }'),
      schools: gql('{ schools(localityId: true) { urn } }'),
    },
    outcome: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'bad NhsNumber literal',
    send: { gateway: gql('{ childByNhsNumber(nhsNumber: "1234567890") { id } }'), localities: gql('{ childByNhsNumber(nhsNumber: "1234567890") { id } }') },
    outcome: 'BAD_USER_INPUT',
  },
  {
    name: 'bad NhsNumber variable',
    send: {
      gateway: gql('query ($n: NhsNumber!) { childByNhsNumber(nhsNumber: $n) { id } }', { n: "9434765918'; DROP TABLE child; --" }),
      localities: gql('query ($n: NhsNumber!) { childByNhsNumber(nhsNumber: $n) { id } }', { n: 943476591 }),
    },
    outcome: 'BAD_USER_INPUT',
  },
  {
    name: 'bad Urn literal',
    send: { gateway: gql('{ school(urn: "12345") { name } }'), schools: gql('{ school(urn: "ABCDEF") { name } }') },
    outcome: 'BAD_USER_INPUT',
  },
  {
    name: 'bad Urn variable',
    send: {
      gateway: gql('query ($u: Urn!) { school(urn: $u) { name } }', { u: { $ne: null } }),
      schools: gql('query ($u: Urn!) { school(urn: $u) { name } }', { u: '1185329' }),
    },
    outcome: 'BAD_USER_INPUT',
  },
  {
    name: 'bad LaCode literal',
    send: { gateway: gql('{ localArea(code: "X1234") { name } }'), localities: gql('{ localArea(code: "E1000001") { name } }') },
    outcome: 'BAD_USER_INPUT',
  },
  {
    name: 'bad LaCode variable',
    send: {
      gateway: gql('query ($c: LaCode!) { localArea(code: $c) { name } }', { c: "E10000016' OR '1'='1" }),
      localities: gql('query ($c: LaCode!) { localArea(code: $c) { name } }', { c: ['E10000016'] }),
    },
    outcome: 'BAD_USER_INPUT',
  },
  {
    // A UPN is only ever an output: it is offered where an NHS number is expected.
    name: 'bad Upn literal and variable',
    send: {
      gateway: gql('{ childByNhsNumber(nhsNumber: "A12345678901B") { id } }'),
      localities: gql('query ($u: Upn!) { childByNhsNumber(nhsNumber: $u) { id } }', { u: 'A12345678901B' }),
    },
  },
  {
    name: 'bad LocalDate literal',
    send: {
      gateway: () => gql(`{ child(id: "${childId}") { age(asOf: "2026-02-30") } }`),
      localities: () => gql(`{ child(id: "${childId}") { age(asOf: "yesterday") } }`),
    },
    outcome: 'BAD_USER_INPUT',
  },
  {
    name: 'variables of the wrong type',
    send: {
      gateway: gql('query ($first: Int) { children(first: $first) { totalCount } }', { first: 'many' }),
      localities: gql('query ($first: Int) { children(first: $first) { totalCount } }', { first: 1.5 }),
      schools: gql('query ($l: ID) { schools(localityId: $l) { urn } }', { l: { nested: true } }),
    },
    outcome: 'BAD_USER_INPUT',
  },
  {
    name: 'missing required variable',
    send: {
      gateway: gql('query ($urn: Urn!) { school(urn: $urn) { name } }'),
      localities: gql('query ($id: ID!) { child(id: $id) { id } }', {}),
      schools: gql('query ($urn: Urn!) { school(urn: $urn) { name } }', { urn: null }),
    },
    outcome: 'BAD_USER_INPUT',
  },
  {
    name: 'huge page size',
    send: {
      gateway: gql('{ children(first: 1000000) { totalCount } }'),
      localities: gql('query ($n: Int) { children(first: $n) { totalCount } }', { n: 1000000 }),
      schools: () => gql(`{ school(urn: "${schoolUrn}") { pupils(first: 1000000) { totalCount } } }`),
    },
  },
  {
    name: 'page size beyond a 32-bit Int',
    send: {
      gateway: gql('query ($n: Int) { children(first: $n) { totalCount } }', { n: 99999999999 }),
      localities: gql('{ children(first: 99999999999) { totalCount } }'),
      schools: () => gql('query ($urn: Urn!, $n: Int) { school(urn: $urn) { pupils(first: $n) { totalCount } } }', { urn: schoolUrn, n: 2 ** 31 }),
    },
    outcome: { gateway: 'BAD_USER_INPUT', localities: 'GRAPHQL_VALIDATION_FAILED', schools: 'BAD_USER_INPUT' },
  },
  {
    name: 'negative page size',
    send: {
      gateway: gql('{ children(first: -1) { totalCount } }'),
      localities: gql('{ children(first: 0) { totalCount } }'),
      schools: () => gql(`{ school(urn: "${schoolUrn}") { pupils(first: -5) { totalCount } } }`),
    },
    outcome: 'BAD_USER_INPUT',
  },
  {
    name: 'forged cursor: not base64 JSON',
    send: {
      gateway: gql('{ children(after: "garbage!!") { totalCount } }'),
      localities: gql('{ children(after: "eyJub3QiOiJhbiBhcnJheSJ9") { totalCount } }'),
      schools: () => gql(`{ school(urn: "${schoolUrn}") { pupils(after: "garbage!!") { totalCount } } }`),
    },
    outcome: 'BAD_USER_INPUT',
  },
  {
    name: 'forged cursor: well formed, wrong key',
    send: {
      gateway: gql(`{ children(after: "${cursor(['Smith', 'Ann', "not-a-uuid'; --"])}") { nodes { id } } }`),
      localities: gql(`{ children(after: "${cursor([1])}") { nodes { id } } }`),
      schools: () => gql(`{ school(urn: "${schoolUrn}") { pupils(after: "${cursor(['x', 'y'])}") { totalCount } } }`),
    },
    // The register's cursor is not checked for shape: [1] is taken as a (short) key.
    outcome: { gateway: 'coded', localities: 'any', schools: 'BAD_USER_INPUT' },
  },
  {
    name: 'unknown ids (NOT_FOUND)',
    send: {
      gateway: gql(`{ child(id: "${A_UUID}") { id } }`),
      localities: gql('{ locality(id: "no-such-locality") { name } }'),
      schools: gql('{ school(urn: "999999") { name } }'),
    },
    outcome: 'NOT_FOUND',
  },
  {
    name: 'unknown ids that are not ids',
    send: {
      gateway: gql('{ professional(id: "1 OR 1=1") { id } }'),
      localities: gql('{ child(id: "not-a-uuid") { id } }'),
      schools: gql('{ schools(localityId: "not-a-uuid\' OR \'1\'=\'1") { urn } }'),
    },
    // Locality ids are free text: an unknown one filters to no school.
    outcome: { gateway: 'BAD_USER_INPUT', localities: 'BAD_USER_INPUT', schools: 'any' },
  },
  {
    name: 'unknown locality filter',
    send: { gateway: gql('{ children(localityId: "nowhere") { totalCount } }'), localities: gql('{ children(localityId: "") { totalCount } }') },
    // An empty locality id is taken as no filter.
    outcome: { gateway: 'NOT_FOUND', localities: 'any' },
  },

  // Abuse limits (the gateway's; subgraphs are not public)
  { name: 'a query too deep', send: { gateway: gql(DEEP, { id: A_UUID }) }, outcome: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'an alias flood',
    send: { gateway: gql(`{ ${Array.from({ length: 200 }, (_, i) => `a${i}: localAreas { code }`).join(' ')} }`) },
    outcome: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'a directive flood', send: { gateway: gql(`{ localAreas { code ${'@include(if: true) '.repeat(50)} } }`) }, outcome: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a token flood', send: { gateway: gql(`{ localAreas { ${'code '.repeat(5000)} } }`) }, outcome: 'GRAPHQL_PARSE_FAILED' },
  {
    name: 'a cost bomb',
    send: { gateway: gql('{ children(first: 100) { nodes { education { currentSchool { pupils(first: 100) { edges { node { id } } } } } } } }') },
    outcome: 'GRAPHQL_VALIDATION_FAILED',
  },

  // Identity and purpose
  { name: 'no token', send: everywhere(gql('{ __typename }', undefined, { authorization: null })), outcome: 'UNAUTHENTICATED' },
  { name: 'garbage token', send: everywhere(gql('{ __typename }', undefined, { authorization: 'Bearer not.a.jwt' })), outcome: 'UNAUTHENTICATED' },
  { name: 'not a bearer token', send: everywhere(gql('{ __typename }', undefined, { authorization: 'Basic dXNlcjpwYXNz' })), outcome: 'UNAUTHENTICATED' },
  {
    name: 'expired token',
    send: everywhere(async () => gql('{ __typename }', undefined, { authorization: `Bearer ${await kit.token({ sub: 'test.admin', role: 'ADMIN' }, -3600)}` })),
    outcome: 'UNAUTHENTICATED',
  },
  {
    name: 'token signed by an untrusted key',
    send: everywhere(async () => {
      const key = await generateLocalSigningKey();
      const token = await signToken(key.privateKey, key.kid, { sub: 'mallory', role: 'ADMIN' }, { issuer: kit.trust.issuer, audience: kit.trust.audience });
      return gql('{ __typename }', undefined, { authorization: `Bearer ${token}` });
    }),
    outcome: 'UNAUTHENTICATED',
  },
  {
    name: 'token from another issuer, for another audience',
    send: everywhere(async () => {
      const key = await generateLocalSigningKey();
      const token = await signToken(key.privateKey, key.kid, { sub: 'mallory', role: 'ADMIN' }, { issuer: 'https://evil.example', audience: 'elsewhere' });
      return gql('{ __typename }', undefined, { authorization: `Bearer ${token}` });
    }),
    outcome: 'UNAUTHENTICATED',
  },
  { name: 'wrong purpose header', send: everywhere(gql('{ __typename }', undefined, { 'x-purpose': 'curiosity' })), outcome: 'BAD_REQUEST' },
  {
    name: "a FORBIDDEN role (ANALYST asking for a child's name)",
    send: {
      gateway: () => gql('query ($id: ID!) { child(id: $id) { id givenName education { senStatus { provision } } } }', { id: childId }, analystHeaders),
      localities: () => gql('query ($id: ID!) { child(id: $id) { id givenName } }', { id: childId }, analystHeaders),
      schools: () => gql('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { education { senStatus { provision } } } } }', { r: [{ __typename: 'Child', id: childId }] }, analystHeaders),
    },
    outcome: 'FORBIDDEN',
  },

  // Federation's own entry point, direct to the subgraphs. An entity that cannot be
  // found is null (the gateway asks for many at once); what matters is that nothing
  // internal comes back with it.
  { name: '_entities: unknown __typename', send: { localities: entities([{ __typename: 'Nope', id: A_UUID }]), schools: entities([{ __typename: 'Nope', id: A_UUID }]) }, outcome: 'any' },
  { name: '_entities: no __typename', send: { localities: entities([{ id: A_UUID }]), schools: entities([{ id: A_UUID }]) }, outcome: 'any' },
  { name: '_entities: missing key fields', send: { localities: entities([{ __typename: 'Child' }]), schools: entities([{ __typename: 'Child' }]) }, outcome: 'any' },
  {
    name: '_entities: non-UUID id',
    send: { localities: entities([{ __typename: 'Child', id: "not-a-uuid'; --" }]), schools: entities([{ __typename: 'Child', id: "not-a-uuid'; --" }]) },
    outcome: 'any',
  },
  {
    name: '_entities: key of the wrong type',
    send: {
      localities: entities([{ __typename: 'Locality', id: { $ne: 1 } }, { __typename: 'LocalArea', code: 42 }]),
      schools: entities([{ __typename: 'School', urn: ['118532'] }, { __typename: 'Locality', id: null }]),
    },
    outcome: 'any',
  },
  { name: '_entities: representations that are not objects', send: { localities: entities([1, 'Child', true]), schools: entities([null]) }, outcome: 'any' },
  { name: '_entities: a type the subgraph does not resolve', send: { localities: entities([{ __typename: 'School', urn: '118532' }]), schools: entities([{ __typename: 'Professional', id: A_UUID }]) }, outcome: 'any' },

  // Served, and still clean
  {
    name: 'an introspection query (allowed in development)',
    send: everywhere(gql('{ __schema { types { name description fields { name description args { name description defaultValue } } } } }')),
    outcome: 'none',
  },
  { name: 'the subgraph SDL (_service)', send: { localities: gql('{ _service { sdl } }'), schools: gql('{ _service { sdl } }') }, outcome: 'none' },
];

describe('every failing request is answered with a coded error and nothing internal', () => {
  for (const c of CATALOGUE) {
    it(c.name, async () => {
      for (const target of TARGETS) {
        const spec = c.send[target];
        if (!spec) continue;
        const request = typeof spec === 'function' ? await spec() : spec;
        const answer = await send(`${c.name} → ${target}`, urlOf(target), request);
        expectOutcome(answer, (typeof c.outcome === 'object' ? c.outcome[target] : c.outcome) ?? 'coded');
      }
    });
  }
});

// ---------------------------------------------------------------------------------
// Real failures inside the platform. Sequential, and each puts back what it broke.

const EDUCATION = 'query ($id: ID!) { child(id: $id) { id givenName education { currentSchool { name } attendanceSummary { absenceRate } } } }';
/** Codes an internal failure may be reported with: all say "not your fault", none says why. */
const INTERNAL_CODES = ['INTERNAL_SERVER_ERROR', 'SUBGRAPH_ERROR', 'SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT'];

/** A clean answer whose every error is one of `codes`; returns it for further checks. */
function expectMasked(answer: Answer, codes: readonly string[] = INTERNAL_CODES): Answer {
  const found = expectHygienic(answer);
  expect(found.length, `${answer.label}: ${answer.text.slice(0, 500)}`).toBeGreaterThan(0);
  for (const code of found) expect(codes, `${answer.label}: ${answer.text.slice(0, 500)}`).toContain(code);
  return answer;
}

/** Through the gateway: the register still answers, education is null with a masked error. */
function expectRegisterWithoutEducation(answer: Answer, codes: readonly string[] = INTERNAL_CODES) {
  expectMasked(answer, codes);
  expect(answer.body.data?.child?.givenName, answer.text).toEqual(expect.any(String));
  expect(answer.body.data.child.education?.currentSchool ?? null, answer.text).toBeNull();
}

/** /ready, /health and an unknown path of a service: not GraphQL, but searched all the same. */
async function probes(graphqlUrl: string, label: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const path of ['/ready', '/health', '/nope']) {
    const answer = await send(`${label} ${path}`, graphqlUrl.replace(/\/graphql$/, path), { method: 'GET', headers: { 'content-type': null } });
    expect(leaksIn(answer), `${answer.label}: ${answer.status} ${answer.text}`).toEqual([]);
    answers.push(answer);
  }
  return answers;
}

async function gatewayWithSchoolsAt(url: string, timeoutMs = 2000): Promise<string> {
  const running = await createGateway({
    supergraphSdl: readCommittedSupergraph(),
    subgraphUrls: { localities: kit.platform.subgraphs.localities!.url, schools: url },
    subgraphTimeoutMs: timeoutMs,
    verifier: createTokenVerifier(kit.trust),
    logger,
  }).listen(0);
  servers.push(running);
  return running.url;
}

/** A "schools service" that answers every request with the same status and body. */
async function fakeSubgraph(status: number, contentType: string, body: string): Promise<string> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(status, { 'content-type': contentType });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fakes.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** A TCP proxy in front of PostgreSQL that can be cut, as a network failure would. */
async function cuttableProxy(port: number): Promise<{ port: number; cut(): Promise<void> }> {
  const connections = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, '127.0.0.1');
    for (const socket of [client, upstream]) {
      connections.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async cut() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of connections) socket.destroy();
      });
    },
  };
}

let unreachableReady: Answer | undefined;

const STACK = [
  'error: relation "school" does not exist',
  '    at Parser.parseErrorMessage (/work/main/node_modules/.pnpm/pg-protocol@1.7.0/node_modules/pg-protocol/dist/parser.js:283:98)',
  '    at SchoolResolver.schools (/work/main/subgraphs/schools/src/school/school.resolver.ts:47:12)',
].join('\n');

// A subgraph that does not mask its own errors (a partner's, or a bug): the gateway
// must not relay its SQL, stack traces or file paths. Its error formatter lets only
// known client codes and extension keys through and masks any message that carries
// such text (createErrorFormatter, packages/subgraph-kit/src/errors.ts).
const MISBEHAVING: { name: string; status: number; body: unknown }[] = [
  {
    name: 'an uncoded error whose message is SQL and a stack trace (HTTP 200)',
    status: 200,
    body: { data: { _entities: [null] }, errors: [{ message: STACK, extensions: { stacktrace: STACK.split('\n') } }] },
  },
  {
    name: 'a coded error with SQL in its message and a stack in extensions.exception (HTTP 400)',
    status: 400,
    body: { errors: [{ message: 'duplicate key value violates unique constraint "school_pkey"', extensions: { code: 'BAD_USER_INPUT', exception: { stacktrace: STACK.split('\n') } } }] },
  },
  {
    name: "PostgreSQL's own error fields as the error (HTTP 200)",
    status: 200,
    body: { data: { _entities: [null] }, errors: [{ message: 'relation "school" does not exist', extensions: { code: '42P01', routine: 'parserOpenTable', file: 'parse_relation.c' } }] },
  },
];

describe('a subgraph that leaks in its own errors', () => {
  const answers = new Map<string, Answer>();
  for (const c of MISBEHAVING) {
    it(`${c.name}: the register still answers, education is null with an error`, async () => {
      const gateway = await gatewayWithSchoolsAt(await fakeSubgraph(c.status, 'application/json', JSON.stringify(c.body)));
      const answer = await send(`schools answers ${c.name}`, gateway, gql(EDUCATION, { id: childId }));
      expect(answer.body.data.child.givenName, answer.text).toEqual(expect.any(String));
      expect(answer.body.data.child.education, answer.text).toBeNull();
      expect(answer.body.errors.length, answer.text).toBeGreaterThan(0);
      answers.set(c.name, answer);
    });
    it(`the gateway masks ${c.name}`, () => {
      expectMasked(answers.get(c.name)!);
    });
  }
});

describe('real failures inside the platform are masked', () => {
  it('a subgraph that cannot be reached: SUBGRAPH_UNAVAILABLE, without its address', async () => {
    const gateway = await gatewayWithSchoolsAt('http://127.0.0.1:9/graphql');
    const answer = await send('schools unreachable', gateway, gql(EDUCATION, { id: childId }));
    expectRegisterWithoutEducation(answer, ['SUBGRAPH_UNAVAILABLE']);
    expect(answer.text).not.toMatch(/:9\b/);
  });

  it('a subgraph that hangs: SUBGRAPH_TIMEOUT, without its address', async () => {
    const hung = http.createServer(() => {});
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    fakes.push(hung);
    const gateway = await gatewayWithSchoolsAt(`http://127.0.0.1:${(hung.address() as AddressInfo).port}/graphql`, 200);
    expectRegisterWithoutEducation(await send('schools hung', gateway, gql(EDUCATION, { id: childId })), ['SUBGRAPH_TIMEOUT']);
  });

  it('a subgraph that answers 500 with a stack trace page: the gateway passes on none of it', async () => {
    const gateway = await gatewayWithSchoolsAt(await fakeSubgraph(500, 'text/html', `<html><body><pre>${STACK}</pre></body></html>`));
    expectRegisterWithoutEducation(await send('schools answers an HTML stack trace', gateway, gql(EDUCATION, { id: childId })));
  });

  it('the schools database connection pool is closed: masked, directly and through the gateway', async () => {
    const schools = kit.platform.subgraphs.schools!;
    await schools.database.dataSource.destroy();
    try {
      expectRegisterWithoutEducation(await send('schools pool closed → gateway', kit.platform.gatewayUrl, gql(EDUCATION, { id: childId })));
      expectMasked(await send('schools pool closed → schools', schools.url, gql(`{ school(urn: "${schoolUrn}") { name urn } }`)));
      expectMasked(await send('schools pool closed → schools list', schools.url, gql('{ schools { name } }')));
      expectMasked(
        await send('schools pool closed → schools _entities', schools.url, gql('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { education { currentSchool { name } } } } }', { r: [{ __typename: 'Child', id: childId }] })),
      );
      const [ready] = await probes(schools.url, 'schools pool closed');
      expect(ready!.status).toBe(503);
    } finally {
      await schools.database.dataSource.initialize();
    }
    expect((await send('schools back', schools.url, gql('{ schools { name } }'))).body.data.schools.length).toBeGreaterThan(0);
  });

  it('the schools database cannot be reached over the network: masked, directly, through the gateway and at /ready', async () => {
    const postgres = kit.platform.postgres!;
    const proxy = await cuttableProxy(postgres.port);
    internals.push(`:${proxy.port}`);
    const definition = SUBGRAPHS.find((s) => s.name === 'schools')!;
    const database = await openAndMigrate(definition, postgres.urlFor('schools').replace(`:${postgres.port}/`, `:${proxy.port}/`), logger, 2);
    const service = await serveSubgraph(definition, database, { port: 0, logger, verifier: createTokenVerifier(kit.trust) });
    try {
      expect((await send('schools via proxy', service.url, gql('{ schools { name } }'))).body.data.schools.length).toBeGreaterThan(0);
      await proxy.cut();
      const gateway = await gatewayWithSchoolsAt(service.url);
      expectRegisterWithoutEducation(await send('schools database unreachable → gateway', gateway, gql(EDUCATION, { id: childId })));
      expectMasked(await send('schools database unreachable → schools', service.url, gql(`{ school(urn: "${schoolUrn}") { name } }`)));
      expectMasked(await send('schools database unreachable → schools list', service.url, gql('{ schools { name } }')));
      // /ready is searched in the next test.
      unreachableReady = await send('schools database unreachable /ready', service.url.replace(/\/graphql$/, '/ready'), { method: 'GET', headers: { 'content-type': null } });
      expect(unreachableReady.status).toBe(503);
    } finally {
      await proxy.cut();
      await service.close();
      await database.dataSource.destroy().catch(() => undefined);
    }
  });

  // A subgraph's /ready once answered with the driver's message (the database's
  // address; in production its host, with a bad password its user).
  // The cause of unreadiness goes to the log, never to the caller.
  it("/ready does not name the unreachable database", () => {
    expect(unreachableReady, 'the test above ran').toBeDefined();
    expect(leaksIn(unreachableReady!), unreachableReady!.text).toEqual([]);
  });

  // Keep last: it changes the schools schema under the running service.
  it('a table that is not there (SQL fails in PostgreSQL): masked, directly and through the gateway', async () => {
    const db = kit.platform.subgraphs.schools!.database.dataSource;
    await db.query('ALTER TABLE school RENAME TO school_gone');
    try {
      expectMasked(await send('school table gone → gateway', kit.platform.gatewayUrl, gql('{ schools { name } }')));
      expectMasked(await send('school table gone → schools', kit.platform.subgraphs.schools!.url, gql('{ schools { name } }')));
      expectMasked(await send('school table gone → schools by urn', kit.platform.subgraphs.schools!.url, gql(`{ school(urn: "${schoolUrn}") { name } }`)));
      expectRegisterWithoutEducation(await send('school table gone → gateway education', kit.platform.gatewayUrl, gql(EDUCATION, { id: childId })));
    } finally {
      await db.query('ALTER TABLE school_gone RENAME TO school');
    }
    expect((await send('school table back', kit.platform.subgraphs.schools!.url, gql('{ schools { name } }'))).body.data.schools.length).toBeGreaterThan(0);
  });
});
