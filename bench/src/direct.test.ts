import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from '@local-area-graph/gateway';
import { assertExecutable, executeDirect, merge, objectsAt, pick } from './direct.js';
import { countFields, pictureOperation, pictureSelection, without } from './picture.js';
import { readSupergraph, servicesOf } from './supergraph.js';

const info = readSupergraph(readFileSync(SUPERGRAPH_PATH, 'utf8'));

describe("the child's picture built from the supergraph", () => {
  const selection = pictureSelection(info.api, info.entities, info.fieldOwners);
  const operation = pictureOperation(selection);

  it('is a valid operation over every subgraph that adds to a child, without the access log', () => {
    expect(info.check(operation)).toEqual([]);
    const top = selection.map((s) => s.name);
    expect(top).toEqual(expect.arrayContaining(['givenName', 'nhsNumber', 'locality', 'education', 'send', 'health']));
    expect(top).not.toContain('accessLog');
    expect(operation).not.toContain('careTeamPass');
    expect(countFields(selection)).toBeGreaterThan(50);
  });

  it('is planned as the register first, then each other service once, in parallel', () => {
    const plan = info.plan(operation, 'ChildPicture');
    assertExecutable(plan);
    expect(servicesOf(plan)[0]).toBe('localities');
    expect(plan.node?.kind).toBe('Sequence');
    const [first, second] = (plan.node as { nodes: { kind: string; nodes?: unknown[] }[] }).nodes;
    expect(first!.kind).toBe('Fetch');
    expect(second!.kind).toBe('Parallel');
    expect(servicesOf(plan).slice(1).sort()).toEqual(info.subgraphs.filter((s) => s !== 'localities' && servicesOf(plan).includes(s)).sort());
  });

  it('drops the fields a caller may not see, and parents left empty', () => {
    const trimmed = without(selection, ['send', 'health.waits', 'health.pastWaits']);
    expect(trimmed.map((s) => s.name)).not.toContain('send');
    expect(trimmed.map((s) => s.name)).not.toContain('health');
    expect(info.check(pictureOperation(trimmed))).toEqual([]);
  });

  it('makes the calls the gateway would: the register, then _entities with the care-team pass', async () => {
    const plan = info.plan(operation, 'ChildPicture');
    const calls: { service: string; variables: Record<string, unknown> }[] = [];
    const result = await executeDirect(plan, { id: 'c1' }, async (service, body) => {
      const { variables } = JSON.parse(body) as { variables: Record<string, unknown> };
      calls.push({ service, variables });
      if (service === 'localities') return { data: { child: { __typename: 'Child', id: 'c1', nhsNumber: '9990000018', careTeamPass: 'pass', givenName: 'Ada' } } };
      return { data: { _entities: [{ [service === 'schools' ? 'education' : service]: { from: service } }] } };
    });
    expect(calls[0]).toEqual({ service: 'localities', variables: { id: 'c1' } });
    for (const call of calls.slice(1)) {
      const [representation] = call.variables.representations as Record<string, unknown>[];
      expect(representation).toMatchObject({ __typename: 'Child', careTeamPass: 'pass' });
    }
    expect(result.error).toBeUndefined();
    expect(result.data.child).toMatchObject({ givenName: 'Ada', education: { from: 'schools' }, send: { from: 'send' }, health: { from: 'health' } });
    expect(Object.keys(result.fetchMs)).toHaveLength(calls.length);
  });
});

describe('the direct executor helpers', () => {
  it('finds the objects at a flatten path, through lists', () => {
    const data = { child: { plans: [{ id: 1 }, null, { id: 2 }] } };
    expect(objectsAt(data, ['child'])).toEqual([data.child]);
    expect(objectsAt(data, ['child', 'plans', '@'])).toEqual([{ id: 1 }, { id: 2 }]);
    expect(objectsAt(data, ['nothing', '@'])).toEqual([]);
  });

  it('builds a representation from the required fields, or none when one is missing', () => {
    const requires = [{ kind: 'InlineFragment' as const, typeCondition: 'Child', selections: [{ kind: 'Field' as const, name: '__typename' }, { kind: 'Field' as const, name: 'nhsNumber' }] }];
    expect(pick({ __typename: 'Child', nhsNumber: '1', other: 2 }, requires)).toEqual({ __typename: 'Child', nhsNumber: '1' });
    expect(pick({ __typename: 'Child' }, requires)).toBeUndefined();
    expect(pick({ __typename: 'School', nhsNumber: '1' }, requires)).toEqual({});
  });

  it('merges answers into what is known, object by object and element by element', () => {
    const target: Record<string, unknown> = { child: { id: 1, plans: [{ id: 'a' }, { id: 'b' }] } };
    merge(target, { child: { education: { school: 'x' }, plans: [{ urn: 1 }, { urn: 2 }] } });
    expect(target).toEqual({ child: { id: 1, education: { school: 'x' }, plans: [{ id: 'a', urn: 1 }, { id: 'b', urn: 2 }] } });
  });
});
