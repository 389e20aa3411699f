import { describe, it, expect } from 'vitest';
import { GraphQLError, buildSchema, graphql, parseValue, type GraphQLScalarType } from 'graphql';
import {
  InvalidIdentifierError,
  LaCodeScalar,
  LocalDateScalar,
  NhsNumberScalar,
  UpnScalar,
  UrnScalar,
  assertIdentifier,
} from './index.js';

function thrown(fn: () => unknown): InvalidIdentifierError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidIdentifierError);
    expect(error).toBeInstanceOf(GraphQLError);
    return error as InvalidIdentifierError;
  }
  throw new Error('expected an error');
}

const cases: Array<[GraphQLScalarType, string, string, string]> = [
  [NhsNumberScalar, 'NhsNumber', '9434765919', '9434765918'],
  [UpnScalar, 'Upn', 'B801200005001', 'C801200005001'],
  [UrnScalar, 'Urn', '118532', '012345'],
  [LaCodeScalar, 'LaCode', 'E10000016', 'E12000008'],
  [LocalDateScalar, 'LocalDate', '2026-11-20', '2026-02-30'],
];

describe('identifier scalars', () => {
  for (const [scalar, name, valid, invalid] of cases) {
    describe(name, () => {
      it('is named, described and specified', () => {
        expect(scalar.name).toBe(name);
        expect(scalar.description?.length).toBeGreaterThan(40);
        expect(scalar.specifiedByURL).toMatch(/^https:\/\//);
      });

      it('passes valid values through', () => {
        expect(scalar.parseValue(valid)).toBe(valid);
        expect(scalar.parseLiteral(parseValue(JSON.stringify(valid)))).toBe(valid);
        expect(scalar.serialize(valid)).toBe(valid);
      });

      it('rejects invalid variables and literals with BAD_USER_INPUT', () => {
        for (const error of [
          thrown(() => scalar.parseValue(invalid)),
          thrown(() => scalar.parseLiteral(parseValue(JSON.stringify(invalid)))),
        ]) {
          expect(error.extensions.code).toBe('BAD_USER_INPUT');
          expect(error.extensions.identifier).toBe(name);
          expect(error.message).toBe(`"${invalid}" is not a valid ${name}: ${error.extensions.reason}`);
        }
      });

      it('rejects non-string literals and variables', () => {
        const literal = thrown(() => scalar.parseLiteral(parseValue('123')));
        expect(literal.extensions).toEqual({ code: 'BAD_USER_INPUT', identifier: name, reason: 'must be a string' });
        expect(literal.message).toBe(`123 is not a valid ${name}: must be a string`);
        const variable = thrown(() => scalar.parseValue(123));
        expect(variable.extensions.reason).toBe('must be a string');
      });

      it('refuses to serialise invalid values', () => {
        expect(() => scalar.serialize(invalid)).toThrow(GraphQLError);
        expect(() => scalar.serialize({})).toThrow(GraphQLError);
      });
    });
  }

  it('gives the NhsNumber example message', () => {
    expect(thrown(() => NhsNumberScalar.parseValue('123')).message).toBe(
      '"123" is not a valid NhsNumber: must be 10 digits',
    );
  });

  it('serialises Dates as their UTC calendar day', () => {
    expect(LocalDateScalar.serialize(new Date(Date.UTC(2026, 10, 20, 23, 59)))).toBe('2026-11-20');
    expect(() => LocalDateScalar.serialize(new Date('nonsense'))).toThrow(GraphQLError);
  });

  it('serialises integer URNs as strings', () => {
    expect(UrnScalar.serialize(118532)).toBe('118532');
  });

  it('reports BAD_USER_INPUT end to end, for literals and variables', async () => {
    const schema = buildSchema(`
      scalar NhsNumber
      type Query { child(nhsNumber: NhsNumber!): String }
    `);
    Object.assign(schema.getType('NhsNumber')!, {
      parseValue: NhsNumberScalar.parseValue,
      parseLiteral: NhsNumberScalar.parseLiteral,
      serialize: NhsNumberScalar.serialize,
    });
    const rootValue = { child: ({ nhsNumber }: { nhsNumber: string }) => `found ${nhsNumber}` };

    const ok = await graphql({ schema, rootValue, source: '{ child(nhsNumber: "9434765919") }' });
    expect(ok.data).toEqual({ child: 'found 9434765919' });

    const literal = await graphql({ schema, rootValue, source: '{ child(nhsNumber: "9434765918") }' });
    expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', identifier: 'NhsNumber' });
    expect(literal.errors?.[0]?.locations).toEqual([{ line: 1, column: 20 }]);

    const variable = await graphql({
      schema,
      rootValue,
      source: 'query ($n: NhsNumber!) { child(nhsNumber: $n) }',
      variableValues: { n: '123' },
    });
    expect(variable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'must be 10 digits' });
  });
});

describe('assertIdentifier', () => {
  it('returns valid values', () => {
    expect(assertIdentifier('Upn', 'B801200005001', 'upn')).toBe('B801200005001');
  });

  it('names the argument at fault', () => {
    const error = thrown(() => assertIdentifier('NhsNumber', '9434765918', 'nhsNumber'));
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'nhsNumber',
      identifier: 'NhsNumber',
      reason: 'check digit should be 9, not 8',
    });
    expect(error.message).toBe('Argument "nhsNumber": "9434765918" is not a valid NhsNumber: check digit should be 9, not 8');
  });

  it('checks every kind', () => {
    expect(thrown(() => assertIdentifier('Urn', '12', 'urn')).extensions.identifier).toBe('Urn');
    expect(thrown(() => assertIdentifier('LaCode', 'E1', 'code')).extensions.argument).toBe('code');
    expect(thrown(() => assertIdentifier('LocalDate', '2026-02-30', 'from')).extensions.reason).toMatch(/day/);
    expect(thrown(() => assertIdentifier('Upn', 'x', 'upn')).extensions.reason).toBe('must be 13 characters');
  });
});
