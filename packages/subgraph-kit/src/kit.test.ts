import { parse, type DocumentNode, type ASTNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, visit } from 'graphql';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { argumentAt } from './argument-naming.js';
import { ConfigError, databaseUrlVariable, parseConfig, portVariable } from './config.js';
import { connectionFrom, decodeCursor, encodeCursor, pageSize } from './pagination.js';
import { assertUuid } from './errors.js';
import { selects } from './selection.js';

describe('configuration', () => {
  const schema = z.object({ PORT: portVariable(4001), LOCALITIES_DATABASE_URL: databaseUrlVariable, MODE: z.enum(['a', 'b']) });

  it('applies defaults and coerces numbers', () => {
    expect(parseConfig(schema, { LOCALITIES_DATABASE_URL: 'postgres://x@h/db', MODE: 'a' })).toEqual({ PORT: 4001, LOCALITIES_DATABASE_URL: 'postgres://x@h/db', MODE: 'a' });
  });

  it('reports every problem at once, naming each variable', () => {
    try {
      parseConfig(schema, { PORT: '70000', LOCALITIES_DATABASE_URL: 'mysql://nope', MODE: 'c' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).toMatch(/PORT[\s\S]*LOCALITIES_DATABASE_URL[\s\S]*MODE/);
    }
  });
});

/** The first node of `kind` whose printed source is `text`, as graphql-js would report it. */
function nodeAt(document: DocumentNode, source: string, text: string): ASTNode {
  let found: ASTNode | undefined;
  visit(document, {
    enter(node) {
      if (!found && node.loc && source.slice(node.loc.start, node.loc.end) === text && node.kind !== 'Argument') found = node;
    },
  });
  if (!found) throw new Error(`no node ${text}`);
  return found;
}

describe('naming the argument at fault', () => {
  it('finds the argument holding a rejected literal, also inside an input object', () => {
    const source = '{ a: school(urn: "1") { name } b: thing(filter: { nhsNumber: "2", other: 1 }) { id } }';
    const document = parse(source);
    expect(argumentAt(document, nodeAt(document, source, '"1"'))).toBe('urn');
    expect(argumentAt(document, nodeAt(document, source, '"2"'))).toBe('filter.nhsNumber');
  });

  it('finds every argument a rejected variable is passed to', () => {
    const source = 'query ($n: NhsNumber!) { childByNhsNumber(nhsNumber: $n) { id } other(nhs: $n) { id } }';
    const document = parse(source);
    const definition = (document.definitions[0] as any).variableDefinitions[0];
    expect(argumentAt(document, definition)).toBe('nhsNumber, nhs');
  });
});

describe('paging', () => {
  it('round-trips a cursor and refuses a forged one with the argument named', () => {
    expect(decodeCursor(encodeCursor(['Smith', 'Ava', 'id-1']))).toEqual(['Smith', 'Ava', 'id-1']);
    expect(() => decodeCursor('bm90IGpzb24')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'after' }) }));
  });

  it('bounds the page size', () => {
    expect(pageSize({})).toBe(50);
    expect(pageSize({ first: 1000 })).toBe(1000);
    for (const first of [0, -1, 1001, 2.5]) expect(() => pageSize({ first })).toThrow(/between 1 and 1000/);
  });

  it('uses the extra row only to say whether another page follows', () => {
    const page = connectionFrom([1, 2, 3], 2, (n) => [n], 10);
    expect(page.nodes).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor([2]) });
    expect(connectionFrom([1], 2, (n) => [n], 1).pageInfo.hasNextPage).toBe(false);
    expect(connectionFrom([], 2, (n: number) => [n], 0).pageInfo.endCursor).toBeNull();
  });
});

describe('platform ids', () => {
  it('accepts UUIDs in any case and refuses anything else, naming the argument', () => {
    expect(assertUuid('707A7B1E-026B-4538-A403-D898C16335EC', 'id')).toBe('707a7b1e-026b-4538-a403-d898c16335ec');
    expect(() => assertUuid("1' OR 1=1", 'childId')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ argument: 'childId' }) }));
  });
});

describe('selects: whether the operation asks for a field under the one being resolved', () => {
  const infoFor = (source: string) => {
    const document = parse(source);
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition')! as OperationDefinitionNode;
    const fragments = Object.fromEntries(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
    );
    // The field being resolved: `team` under `child`.
    const child = operation.selectionSet.selections[0] as FieldNode;
    const team = child.selectionSet!.selections.filter((s): s is FieldNode => s.kind === 'Field' && s.name.value === 'team');
    return { fieldNodes: team, fragments };
  };

  it('sees a field asked directly, in an inline fragment or in a named one, however deep the fragments', () => {
    expect(selects(infoFor('{ child { team { professional { givenName } } } }'), 'professional')).toBe(true);
    expect(selects(infoFor('{ child { team { ... on TeamMember { professional { id } } } } }'), 'professional')).toBe(true);
    expect(selects(infoFor('{ child { team { ...Member } } } fragment Member on TeamMember { ...Who } fragment Who on TeamMember { professional { id } }'), 'professional')).toBe(true);
    // The same field named twice in one selection (merged by GraphQL): either is enough.
    expect(selects(infoFor('{ child { team { teamRole } team { professional { id } } } }'), 'professional')).toBe(true);
  });

  it('does not see a field that is not asked, or is asked only deeper down or elsewhere', () => {
    expect(selects(infoFor('{ child { team { teamRole } } }'), 'professional')).toBe(false);
    expect(selects(infoFor('{ child { team { teamRole other: startDate } leadProfessional { professional: id } } }'), 'professional')).toBe(false);
    expect(selects(infoFor('{ child { team { ...A } } } fragment A on TeamMember { ...A teamRole }'), 'professional')).toBe(false);
  });
});
