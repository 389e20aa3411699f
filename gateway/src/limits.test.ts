import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@local-area-graph/subgraph-kit';
import { abuseLimitsFrom, createAbuseLimits, DEFAULT_ABUSE_LIMITS } from './limits.js';

describe('abuse limits from the environment', () => {
  it('are the defaults when no variable is set', () => {
    expect(abuseLimitsFrom({})).toEqual(DEFAULT_ABUSE_LIMITS);
  });

  it('are overridden one by one', () => {
    expect(abuseLimitsFrom({ GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_COST: '20000' })).toEqual({ ...DEFAULT_ABUSE_LIMITS, maxDepth: 8, maxCost: 20_000 });
  });

  it('name every bad variable at once', () => {
    let error: unknown;
    try {
      abuseLimitsFrom({ GRAPHQL_MAX_DEPTH: 'deep', GRAPHQL_MAX_ALIASES: '0', GRAPHQL_MAX_TOKENS: '1.5' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['GRAPHQL_MAX_ALIASES', 'GRAPHQL_MAX_DEPTH', 'GRAPHQL_MAX_TOKENS']);
  });
});

// A small schema of its own: suggestions of every kind, without a platform.
const typeDefs = `
  enum Colour { RED GREEN }
  type Paint { colour: Colour! name: String! similar(first: Int): [Paint!]! }
  type Query { paint(colour: Colour!): Paint! paints(first: Int): [Paint!]! }
`;
const resolvers = { Query: { paint: (_: unknown, { colour }: { colour: string }) => ({ colour, name: colour }), paints: () => [] } };

async function serverFor(production: boolean) {
  const server = new ApolloServer({ typeDefs, resolvers, ...createAbuseLimits(DEFAULT_ABUSE_LIMITS, { production }) });
  await server.start();
  return server;
}

async function errorsOf(server: ApolloServer, query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult.errors ?? [];
}

const MISSPELT = [
  ['{ paint(colour: RED) { nam } }', {}],
  ['{ paint(colour: REDD) { name } }', {}],
  ['{ paint(color: RED) { name } }', {}],
  ['query ($c: Colour!) { paint(colour: $c) { name } }', { c: 'REDD' }],
  ['query ($c: Colur!) { paint(colour: $c) { name } }', { c: 'RED' }],
] as const;

describe('field suggestions', () => {
  it('are given in development', async () => {
    const server = await serverFor(false);
    for (const [query, variables] of MISSPELT) {
      const errors = await errorsOf(server, query, variables);
      expect(errors.some((error) => error.message.includes('Did you mean')), query).toBe(true);
    }
    await server.stop();
  });

  it('are removed in production, in every wording (fields, arguments, types, enum values)', async () => {
    const server = await serverFor(true);
    for (const [query, variables] of MISSPELT) {
      const errors = await errorsOf(server, query, variables);
      expect(errors.length, query).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.message, query).not.toMatch(/Did you mean|suggestion/i);
        expect(error.message, query).toMatch(/[.:\w"]$/);
      }
    }
    expect((await errorsOf(server, '{ paint(colour: REDD) { name } }'))[0]!.message).toBe('Value "REDD" does not exist in "Colour" enum.');
    await server.stop();
  });
});

describe('page sizes in the cost', () => {
  it('are the values of their variables, at most the largest page the subgraphs serve', async () => {
    const server = await serverFor(true);
    const nested = 'query ($n: Int, $m: Int) { paints(first: $n) { similar(first: $m) { name } } }';
    expect(await errorsOf(server, nested, { n: 2, m: 2 })).toEqual([]);
    // (2 + 1.5 x (2 + 1.5 x 1) x 100) x 100
    expect((await errorsOf(server, nested, { n: 100, m: 100 }))[0]).toMatchObject({
      message: `Query Cost limit of ${DEFAULT_ABUSE_LIMITS.maxCost} exceeded, found 52700.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', maximum: DEFAULT_ABUSE_LIMITS.maxCost, found: 52700 },
    });
    expect((await errorsOf(server, nested, { n: 100, m: 100 }))[0]!.extensions).not.toHaveProperty('http');
    // No `first`: the subgraphs' default page of 50.
    expect((await errorsOf(server, '{ paints { similar { name } } }'))[0]?.extensions).toMatchObject({ limit: 'cost', found: 13225 });
    // first: 5000 counts as 1000 ((2 + 1.5 x 2) x 1000 = 5000): under the limit, and left
    // to the subgraph to refuse with BAD_USER_INPUT naming the argument.
    expect(await errorsOf(server, 'query ($n: Int) { paints(first: $n) { name colour } }', { n: 5000 })).toEqual([]);
    await server.stop();
  });
});

describe('cost verdicts kept with the parsed operation', () => {
  it('follow each request\'s own page sizes, in the operation and in its fragments', async () => {
    const server = await serverFor(true);
    const nested = 'query Nested($n: Int, $m: Int) { paints(first: $n) { ...Similar } } fragment Similar on Paint { similar(first: $m) { name } }';
    // The same text again and again: the answer follows the sizes asked each time.
    for (const [sizes, refused] of [
      [{ n: 100, m: 2 }, false],
      // Only the fragment's page size differs: (2 + 1.5 x (2 + 1.5 x 1) x 100) x 100.
      [{ n: 100, m: 100 }, true],
      [{ n: 100, m: 2 }, false],
      [{ n: 2, m: 2 }, false],
      [{ n: 100, m: 100 }, true],
    ] as const) {
      const errors = await errorsOf(server, nested, sizes);
      expect(errors.map((error) => error.extensions?.limit), JSON.stringify(sizes)).toEqual(refused ? ['cost'] : []);
    }
    await server.stop();
  });
});
