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
/** Strings no answer may contain: ports, connection URLs, data folders of this very platform. */
let internals: string[] = [];
const servers: RunningHttpServer[] = [];
const sockets: http.Server[] = [];

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
    ...Object.keys(kit.platform.subgraphs).map((name) => postgres.urlFor(name)),
  ];
});
afterAll(async () => {
  for (const server of servers) await server.close();
  for (const socket of sockets) {
    socket.closeAllConnections();
    socket.close();
  }
  await kit?.stop();
});

// ---------------------------------------------------------------------------------
// What must never appear

const FORBIDDEN: [string, RegExp][] = [
  ['stack trace line', /\n\s+at /],
  ['stack trace line (escaped)', /\\n\s+at /],
  ['stack frame', /at [\w.<>]+ \(/],
  ['stack frame (anonymous)', /\bat (async )?(file:|\/|node:)/],
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
  ['PostgreSQL: SQLSTATE', /\b(22P02|42P01|42703|42601|23505|23503|08000|08003|08006|57P01|53300|3D000|28P01|42883|25P02)\b/],
  ['driver or ORM error', /QueryFailedError|TypeORMError|CannotExecuteNotConnected|EntityMetadataNotFound|connection is not yet established|Connection terminated|\bECONN(REFUSED|RESET)\b|ETIMEDOUT|EADDR/],
  ['connection string', /postgres(ql)?:\/\//],
  ['loopback address', /127\.0\.0\.1/],
  ['IPv6 loopback', /\[::1?\]|::ffff:/],
  ['localhost with a port', /localhost:\d+/],
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

function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) into.push(key), stringsIn(item, into);
  return into;
}

/** Every leak in one answer, as "what: where" lines (empty when clean). */
function leaksIn(answer: Answer): string[] {
  const found: string[] = [];
  const places: [string, string][] = [
    ['body', answer.text],
    ['headers', answer.headers],
    ...stringsIn(answer.body).map((s): [string, string] => ['body string', s]),
  ];
  for (const [where, text] of places) {
    for (const [what, pattern] of FORBIDDEN) if (pattern.test(text)) found.push(`${what} in ${where}: ${text.slice(0, 300)}`);
    for (const internal of internals) if (text.includes(internal)) found.push(`internal "${internal}" in ${where}: ${text.slice(0, 300)}`);
  }
  for (const error of answer.body?.errors ?? []) {
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

async function send(label: string, url: string, request: Request): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...adminHeaders };
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const method = request.method ?? 'POST';
  const response = await fetch(url + (request.search ?? ''), {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
  });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const headerText = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return { label, status: response.status, headers: headerText, text, body };
}

const gql = (query: string, variables?: unknown, headers?: Record<string, string | null>): Request => ({ body: { query, variables }, headers });
const entities = (representations: unknown): Request =>
  gql('query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: representations });
const everywhere = (request: Request | (() => Request)) => ({ gateway: request, localities: request, schools: request });
const cursor = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

interface Case {
  name: string;
  /** The request per target; a target left out is not sent this case. */
  send: Partial<Record<Target, Request | (() => Request | Promise<Request>)>>;
  /** The code of the first error, per target or for all; 'none' when the request is served. */
  code?: string | Partial<Record<Target, string>>;
}

const A_UUID = '6f1d7c8e-0000-4000-8000-000000000000';
const DEEP = `query ($id: ID!) { child(id: $id) { education { currentSchool { pupils(first: 1) { edges { node {
  education { currentSchool { pupils(first: 1) { edges { node { id } } } } } } } } } } } }`;

const CATALOGUE: Case[] = [
  // The HTTP request itself
  { name: 'malformed JSON body', send: everywhere({ body: '{"query": "{ localAreas { code } }"' }), code: 'BAD_REQUEST' },
  { name: 'JSON body that is not an object', send: everywhere({ body: '"{ localAreas { code } }"' }), code: 'BAD_REQUEST' },
  { name: 'non-JSON content type', send: everywhere({ body: '{ __typename }', headers: { 'content-type': 'text/plain' } }), code: 'BAD_REQUEST' },
  { name: 'unknown content type with a JSON body', send: everywhere({ body: JSON.stringify({ query: '{ __typename }' }), headers: { 'content-type': 'application/x-unknown' } }), code: 'BAD_REQUEST' },
  { name: 'GET with a mutation', send: everywhere({ method: 'GET', search: `?query=${encodeURIComponent('mutation { x }')}`, headers: { 'content-type': null, 'apollo-require-preflight': 'true' } }) },
  { name: 'GET without a CSRF preflight header', send: everywhere({ method: 'GET', search: `?query=${encodeURIComponent('{ __typename }')}`, headers: { 'content-type': null } }), code: 'BAD_REQUEST' },
  { name: 'GET with variables that are not JSON', send: everywhere({ method: 'GET', search: `?query=${encodeURIComponent('{ __typename }')}&variables=%7Bnope`, headers: { 'content-type': null, 'apollo-require-preflight': 'true' } }), code: 'BAD_REQUEST' },
  { name: 'PUT', send: everywhere({ method: 'PUT', body: { query: '{ __typename }' } }) },
  { name: 'a batched array body', send: everywhere({ body: [{ query: '{ __typename }' }, { query: '{ __typename }' }] }), code: 'BAD_REQUEST' },
  { name: 'a body over the size limit', send: everywhere({ body: { query: `{ __typename } # ${'x'.repeat(2.5 * 1024 * 1024)}` } }), code: 'PAYLOAD_TOO_LARGE' },
  { name: 'no query at all', send: everywhere({ body: {} }), code: 'BAD_REQUEST' },
  { name: 'empty query', send: everywhere(gql('')), code: 'BAD_REQUEST' },
  { name: 'query that is not a string', send: everywhere({ body: { query: { select: '*' } } }), code: 'BAD_REQUEST' },
  { name: 'variables that are not an object', send: everywhere({ body: { query: '{ __typename }', variables: [1, 2] } }), code: 'BAD_REQUEST' },
  { name: 'unknown operationName', send: everywhere({ body: { query: 'query A { __typename }', operationName: 'B' } }) },
  { name: 'two operations and no operationName', send: everywhere(gql('query A { __typename } query B { __typename }')) },

  // The document
  { name: 'syntax error', send: everywhere(gql('{ localAreas { code }')), code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'SQL as the query', send: everywhere(gql("SELECT * FROM child WHERE id = '1' OR 1=1")), code: 'GRAPHQL_PARSE_FAILED' },
  {
    name: 'unknown field',
    send: { gateway: gql('{ localAreas { nope } }'), localities: gql('{ localAreas { nope } }'), schools: gql('{ schools { nope } }') },
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'unknown root field', send: everywhere(gql('{ nope }')), code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: '_entities through the gateway', send: { gateway: entities([{ __typename: 'Child', id: A_UUID }]) }, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'unknown argument',
    send: { gateway: gql('{ localAreas(bogus: 1) { code } }'), localities: gql('{ localAreas(bogus: 1) { code } }'), schools: gql('{ schools(bogus: 1) { urn } }') },
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'wrong argument type',
    send: {
      gateway: gql('{ children(first: "ten") { totalCount } }'),
      localities: gql('{ children(first: "ten") { totalCount } }'),
      schools: gql('{ schools(localityId: true) { urn } }'),
    },
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'bad NhsNumber literal',
    send: { gateway: gql('{ childByNhsNumber(nhsNumber: "1234567890") { id } }'), localities: gql('{ childByNhsNumber(nhsNumber: "1234567890") { id } }') },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'bad NhsNumber variable',
    send: {
      gateway: gql('query ($n: NhsNumber!) { childByNhsNumber(nhsNumber: $n) { id } }', { n: "9434765918'; DROP TABLE child; --" }),
      localities: gql('query ($n: NhsNumber!) { childByNhsNumber(nhsNumber: $n) { id } }', { n: 943476591 }),
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'bad Urn literal',
    send: { gateway: gql('{ school(urn: "12345") { name } }'), schools: gql('{ school(urn: "ABCDEF") { name } }') },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'bad Urn variable',
    send: {
      gateway: gql('query ($u: Urn!) { school(urn: $u) { name } }', { u: { $ne: null } }),
      schools: gql('query ($u: Urn!) { school(urn: $u) { name } }', { u: '1185329' }),
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'bad LaCode literal',
    send: { gateway: gql('{ localArea(code: "X1234") { name } }'), localities: gql('{ localArea(code: "E1000001") { name } }') },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'bad LaCode variable',
    send: {
      gateway: gql('query ($c: LaCode!) { localArea(code: $c) { name } }', { c: "E10000016' OR '1'='1" }),
      localities: gql('query ($c: LaCode!) { localArea(code: $c) { name } }', { c: ['E10000016'] }),
    },
    code: 'BAD_USER_INPUT',
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
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'variables of the wrong type',
    send: {
      gateway: gql('query ($first: Int) { children(first: $first) { totalCount } }', { first: 'many' }),
      localities: gql('query ($first: Int) { children(first: $first) { totalCount } }', { first: 1.5 }),
      schools: gql('query ($l: ID) { schools(localityId: $l) { urn } }', { l: { nested: true } }),
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'missing required variable',
    send: {
      gateway: gql('query ($urn: Urn!) { school(urn: $urn) { name } }'),
      localities: gql('query ($id: ID!) { child(id: $id) { id } }', {}),
      schools: gql('query ($urn: Urn!) { school(urn: $urn) { name } }', { urn: null }),
    },
    code: 'BAD_USER_INPUT',
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
    send: everywhere(gql('query ($n: Int) { __typename }', { n: 99999999999 })),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'negative page size',
    send: {
      gateway: gql('{ children(first: -1) { totalCount } }'),
      localities: gql('{ children(first: 0) { totalCount } }'),
      schools: () => gql(`{ school(urn: "${schoolUrn}") { pupils(first: -5) { totalCount } } }`),
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'forged cursor: not base64 JSON',
    send: {
      gateway: gql('{ children(after: "garbage!!") { totalCount } }'),
      localities: gql('{ children(after: "eyJub3QiOiJhbiBhcnJheSJ9") { totalCount } }'),
      schools: () => gql(`{ school(urn: "${schoolUrn}") { pupils(after: "garbage!!") { totalCount } } }`),
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'forged cursor: well formed, wrong key',
    send: {
      gateway: gql(`{ children(after: "${cursor(['Smith', 'Ann', "not-a-uuid'; --"])}") { nodes { id } } }`),
      localities: gql(`{ children(after: "${cursor([1])}") { nodes { id } } }`),
      schools: () => gql(`{ school(urn: "${schoolUrn}") { pupils(after: "${cursor(['x', 'y'])}") { totalCount } } }`),
    },
  },
  {
    name: 'unknown ids (NOT_FOUND)',
    send: {
      gateway: gql(`{ child(id: "${A_UUID}") { id } }`),
      localities: gql('{ locality(id: "no-such-locality") { name } }'),
      schools: gql('{ school(urn: "999999") { name } }'),
    },
    code: 'NOT_FOUND',
  },
  {
    name: 'unknown ids that are not ids',
    send: {
      gateway: gql('{ professional(id: "1 OR 1=1") { id } }'),
      localities: gql('{ child(id: "not-a-uuid") { id } }'),
      schools: gql('{ schools(localityId: "not-a-uuid\' OR \'1\'=\'1") { urn } }'),
    },
  },
  {
    name: 'unknown locality filter',
    send: { gateway: gql('{ children(localityId: "nowhere") { totalCount } }'), localities: gql('{ children(localityId: "") { totalCount } }') },
  },

  // Abuse limits (the gateway's; subgraphs are not public)
  { name: 'a query too deep', send: { gateway: gql(DEEP, { id: A_UUID }) }, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'an alias flood',
    send: { gateway: gql(`{ ${Array.from({ length: 200 }, (_, i) => `a${i}: localAreas { code }`).join(' ')} }`) },
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'a directive flood', send: { gateway: gql(`{ localAreas { code ${'@include(if: true) '.repeat(50)} } }`) }, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a token flood', send: { gateway: gql(`{ localAreas { ${'code '.repeat(5000)} } }`) }, code: 'GRAPHQL_PARSE_FAILED' },
  {
    name: 'a cost bomb',
    send: { gateway: gql('{ children(first: 100) { nodes { education { currentSchool { pupils(first: 100) { edges { node { id } } } } } } } }') },
    code: 'GRAPHQL_VALIDATION_FAILED',
  },

  // Identity and purpose
  { name: 'no token', send: everywhere(gql('{ __typename }', undefined, { authorization: null })), code: 'UNAUTHENTICATED' },
  { name: 'garbage token', send: everywhere(gql('{ __typename }', undefined, { authorization: 'Bearer not.a.jwt' })), code: 'UNAUTHENTICATED' },
  { name: 'not a bearer token', send: everywhere(gql('{ __typename }', undefined, { authorization: 'Basic dXNlcjpwYXNz' })), code: 'UNAUTHENTICATED' },
  {
    name: 'expired token',
    send: everywhere(async () => gql('{ __typename }', undefined, { authorization: `Bearer ${await kit.token({ sub: 'test.admin', role: 'ADMIN' }, -3600)}` })),
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'token signed by an untrusted key',
    send: everywhere(async () => {
      const key = await generateLocalSigningKey();
      const token = await signToken(key.privateKey, key.kid, { sub: 'mallory', role: 'ADMIN' }, { issuer: kit.trust.issuer, audience: kit.trust.audience });
      return gql('{ __typename }', undefined, { authorization: `Bearer ${token}` });
    }),
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'token for another audience',
    send: everywhere(async () => {
      const key = await generateLocalSigningKey();
      const token = await signToken(key.privateKey, key.kid, { sub: 'mallory', role: 'ADMIN' }, { issuer: 'https://evil.example', audience: 'elsewhere' });
      return gql('{ __typename }', undefined, { authorization: `Bearer ${token}` });
    }),
    code: 'UNAUTHENTICATED',
  },
  { name: 'wrong purpose header', send: everywhere(gql('{ __typename }', undefined, { 'x-purpose': 'curiosity' })), code: 'BAD_REQUEST' },
  {
    name: "a FORBIDDEN role (ANALYST asking for a child's name)",
    send: {
      gateway: () => gql('query ($id: ID!) { child(id: $id) { id givenName education { senStatus { provision } } } }', { id: childId }, analystHeaders),
      localities: () => gql('query ($id: ID!) { child(id: $id) { id givenName } }', { id: childId }, analystHeaders),
      schools: () => gql('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { education { senStatus { provision } } } } }', { r: [{ __typename: 'Child', id: childId }] }, analystHeaders),
    },
    code: 'FORBIDDEN',
  },

  // Federation's own entry point, direct to the subgraphs
  { name: '_entities: unknown __typename', send: { localities: entities([{ __typename: 'Nope', id: A_UUID }]), schools: entities([{ __typename: 'Nope', id: A_UUID }]) } },
  { name: '_entities: no __typename', send: { localities: entities([{ id: A_UUID }]), schools: entities([{ id: A_UUID }]) } },
  { name: '_entities: missing key fields', send: { localities: entities([{ __typename: 'Child' }]), schools: entities([{ __typename: 'Child' }]) } },
  {
    name: '_entities: non-UUID id',
    send: { localities: entities([{ __typename: 'Child', id: "not-a-uuid'; --" }]), schools: entities([{ __typename: 'Child', id: "not-a-uuid'; --" }]) },
  },
  {
    name: '_entities: key of the wrong type',
    send: {
      localities: entities([{ __typename: 'Locality', id: { $ne: 1 } }, { __typename: 'LocalArea', code: 42 }]),
      schools: entities([{ __typename: 'School', urn: ['118532'] }, { __typename: 'Locality', id: null }]),
    },
  },
  { name: '_entities: representations that are not objects', send: { localities: entities([1, 'Child', true]), schools: entities([null]) } },
  { name: '_entities: a type the subgraph does not resolve', send: { localities: entities([{ __typename: 'School', urn: '118532' }]), schools: entities([{ __typename: 'Professional', id: A_UUID }]) } },

  // Served, and still clean
  {
    name: 'an introspection query (allowed in development)',
    send: everywhere(gql('{ __schema { types { name description fields { name description args { name description defaultValue } } } } }')),
    code: 'none',
  },
  { name: 'the subgraph SDL (_service)', send: { localities: gql('{ _service { sdl } }'), schools: gql('{ _service { sdl } }') }, code: 'none' },
];

describe('every failing request is answered with a coded error and nothing internal', () => {
  for (const c of CATALOGUE) {
    it(c.name, async () => {
      for (const target of TARGETS) {
        const spec = c.send[target];
        if (!spec) continue;
        const request = typeof spec === 'function' ? await spec() : spec;
        const answer = await send(`${c.name} → ${target}`, urlOf(target), request);
        if (process.env.HYGIENE_DUMP) console.log(`${answer.label}\n  ${answer.status} ${answer.text.slice(0, 400)}`);
        const codes = expectHygienic(answer);
        const expected = typeof c.code === 'object' ? c.code[target] : c.code;
        if (expected === 'none') {
          expect(codes, answer.label).toEqual([]);
          expect(answer.status, answer.label).toBe(200);
        } else {
          // A failing request fails: with a GraphQL error list and an error status or a code.
          expect(answer.body?.errors?.length ?? 0, `${answer.label}: ${answer.status} ${answer.text.slice(0, 500)}`).toBeGreaterThan(0);
          if (expected) expect(codes[0], `${answer.label}: ${answer.text.slice(0, 500)}`).toBe(expected);
        }
      }
    });
  }
});
