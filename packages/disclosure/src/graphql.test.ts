import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { graphql, isEnumType, isObjectType, type GraphQLSchema } from 'graphql';
import { Query, Resolver, buildSchema } from 'type-graphql';
import {
  DisclosureSymbol,
  ProtectedCount,
  ProtectedStatistic,
  protectCount,
  protectRate,
  protectStatistic,
  toProtectedCount,
  toProtectedStatistic,
} from './index.js';

@Resolver()
class FiguresResolver {
  @Query(() => [ProtectedCount])
  counts(): ProtectedCount[] {
    return [0, 3, 12, null].map((count) => toProtectedCount(protectCount(count, 'NHS')));
  }

  @Query(() => [ProtectedStatistic])
  statistics(): ProtectedStatistic[] {
    return [protectStatistic(2.5, 7, 'NHS'), protectStatistic(2.5, 8, 'NHS'), protectStatistic(null, 0, 'DFE'), protectRate(10, 40, 'DFE')].map(
      toProtectedStatistic,
    );
  }
}

let schema: GraphQLSchema | undefined;
async function figuresSchema(): Promise<GraphQLSchema> {
  // skipCheck as in the subgraph kit: @shareable is defined by Federation, not here.
  schema ??= await buildSchema({ resolvers: [FiguresResolver], skipCheck: true });
  return schema;
}

describe('GraphQL types', () => {
  it('publishes a withheld count as null with symbol CONFIDENTIAL, never as 0', async () => {
    const result = await graphql({ schema: await figuresSchema(), source: '{ counts { value suppressed symbol rounded } }' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.counts).toEqual([
      { value: 0, suppressed: false, symbol: null, rounded: false },
      { value: null, suppressed: true, symbol: 'CONFIDENTIAL', rounded: false },
      { value: 10, suppressed: false, symbol: null, rounded: true },
      { value: null, suppressed: false, symbol: 'NOT_AVAILABLE', rounded: false },
    ]);
  });

  it('publishes statistics as floats, withheld over too few people, not applicable over nobody', async () => {
    const result = await graphql({ schema: await figuresSchema(), source: '{ statistics { value suppressed symbol rounded } }' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.statistics).toEqual([
      { value: null, suppressed: true, symbol: 'CONFIDENTIAL', rounded: false },
      { value: 2.5, suppressed: false, symbol: null, rounded: false },
      { value: null, suppressed: false, symbol: 'NOT_APPLICABLE', rounded: false },
      { value: 0.25, suppressed: false, symbol: null, rounded: false },
    ]);
  });

  it('marks both object types @shareable and describes every type, field and symbol', async () => {
    const built = await figuresSchema();
    for (const [name, valueType] of [['ProtectedCount', 'Int'], ['ProtectedStatistic', 'Float']]) {
      const type = built.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is missing`);
      expect(type.astNode?.directives?.map((d) => d.name.value)).toEqual(['shareable']);
      expect(type.description).toMatch(/never as 0|not as zero|suppressed \(symbol c\)/);
      const fields = type.getFields();
      expect(Object.keys(fields)).toEqual(['value', 'suppressed', 'symbol', 'rounded']);
      expect(Object.values(fields).map((field) => String(field.type))).toEqual([valueType, 'Boolean!', 'DisclosureSymbol', 'Boolean!']);
      for (const field of Object.values(fields)) expect(field.description?.length, `${name}.${field.name}`).toBeGreaterThan(30);
    }
    const symbol = built.getType('DisclosureSymbol');
    if (!isEnumType(symbol)) throw new Error('DisclosureSymbol is missing');
    expect(symbol.getValues().map((v) => [v.name, v.value])).toEqual([
      ['CONFIDENTIAL', 'c'],
      ['NOT_AVAILABLE', 'x'],
      ['NOT_APPLICABLE', 'z'],
    ]);
    for (const value of symbol.getValues()) expect(value.description?.length).toBeGreaterThan(20);
  });

  it('refuses a hand-built figure that would publish a suppressed count as 0', () => {
    expect(() => toProtectedCount({ value: 0, suppressed: true, symbol: 'c', rounded: false })).toThrow(/inconsistent figure/);
    expect(() => toProtectedCount({ value: null, suppressed: false, symbol: null, rounded: false })).toThrow(/inconsistent figure/);
    expect(() => toProtectedCount({ value: 2.5, suppressed: false, symbol: null, rounded: false })).toThrow(/whole number/);
    expect(toProtectedStatistic(protectStatistic(1.5, 10, 'DFE')).symbol).toBeNull();
    expect(toProtectedCount(protectCount(2, 'DFE')).symbol).toBe(DisclosureSymbol.CONFIDENTIAL);
  });
});
