import { describe, expect, it } from 'vitest';
import { composePlatform, compositionIsCurrent } from '@local-area-graph/platform';
import { CompositionError, composeSupergraph } from '@local-area-graph/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

describe('composition', () => {
  it('composes every subgraph without errors, and the committed schemas are current', async () => {
    const composition = await composePlatform();
    expect(composition.supergraphSdl).toContain('join__Graph');
    // If this fails, run `pnpm compose` and commit the result.
    expect(compositionIsCurrent(composition)).toEqual([]);
  });

  it('reports every composition error, not just the first', () => {
    const sdl = (field: string) =>
      parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
        type Query { a${field}: String }
        type Thing @key(fields: "id") { id: ID! size: ${field} }
        type Other @key(fields: "id") { id: ID! size: ${field} }`);
    const a = { name: 'a', url: 'http://a', schema: buildSubgraphSchema({ typeDefs: sdl('Int') }) };
    const b = { name: 'b', url: 'http://b', schema: buildSubgraphSchema({ typeDefs: sdl('String') }) };
    try {
      composeSupergraph([a, b]);
      expect.unreachable('conflicting subgraphs composed');
    } catch (error) {
      expect(error).toBeInstanceOf(CompositionError);
      expect((error as CompositionError).errors.length).toBeGreaterThanOrEqual(2);
      expect((error as CompositionError).message).toMatch(/Thing\.size[\s\S]*Other\.size|Other\.size[\s\S]*Thing\.size/);
    }
  });
});
