import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoaderRegistry } from '@local-area-graph/subgraph-kit';
import { startTestPlatform, type TestPlatform } from '@local-area-graph/test-kit';

/*
 * The kit's keyed lookups (`loaders.one`, `loaders.many`) write their own SELECT from
 * TypeORM's metadata instead of going through TypeORM's `find`. On the demo area, for
 * every entity of every subgraph and every one of its columns, they must return what
 * `find` returns: the same rows, the same values of the same types (dates as strings,
 * timestamps as Dates, arrays, JSON, numbers), as instances of the entity's class.
 */

let kit: TestPlatform;
beforeAll(async () => {
  kit = await startTestPlatform({ demo: { children: 300, seed: 11 } });
}, 120_000);
afterAll(async () => {
  await kit?.stop();
});

type DataSource = TestPlatform['platform']['subgraphs'][string]['database']['dataSource'];

const byPrimaryKey = (db: DataSource, entity: Function) => {
  const primary = db.getMetadata(entity).primaryColumns.map((c) => c.propertyName);
  return (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const x = primary.map((p) => String(a[p])).join('|');
    const y = primary.map((p) => String(b[p])).join('|');
    return x < y ? -1 : x > y ? 1 : 0;
  };
};

describe('keyed lookups read what TypeORM would', () => {
  it('for every column of every entity of every subgraph', async () => {
    let compared = 0;
    for (const [name, subgraph] of Object.entries(kit.platform.subgraphs)) {
      const db = subgraph.database.dataSource;
      for (const metadata of db.entityMetadatas) {
        const entity = metadata.target as Function;
        const sample = await db.getRepository(entity).find({ take: 200 });
        if (sample.length === 0) continue;
        for (const column of metadata.columns) {
          const keys = [...new Set(sample.map((row) => (row as Record<string, unknown>)[column.propertyName]).filter((v) => v !== null && v !== undefined && typeof v !== 'object'))];
          if (keys.length === 0) continue;
          const loaded = (await new LoaderRegistry(db).many(entity as never, column.propertyName as never).loadMany(keys as never[])) as Record<string, unknown>[][];
          const expected = await db.getRepository(entity).createQueryBuilder('e').where(`e.${column.propertyName} IN (:...keys)`, { keys }).getMany();
          const order = byPrimaryKey(db, entity);
          expect(loaded.flat().sort(order), `${name}: ${metadata.name}.${column.propertyName}`).toStrictEqual(expected.sort(order));
          for (const row of loaded.flat()) expect(row).toBeInstanceOf(entity);
          compared++;
        }
      }
    }
    // Every subgraph's entities took part (about 150 columns in all).
    expect(compared).toBeGreaterThan(100);
  }, 120_000);

  it('asked all at once: one statement per subgraph, the same rows as asked one by one', async () => {
    for (const [name, subgraph] of Object.entries(kit.platform.subgraphs)) {
      const db = subgraph.database.dataSource;
      const loaders = new LoaderRegistry(db);
      const asked: { label: string; entity: Function; column: string; keys: unknown[]; answer: Promise<unknown[]> }[] = [];
      for (const metadata of db.entityMetadatas) {
        const entity = metadata.target as Function;
        const sample = await db.getRepository(entity).find({ take: 50 });
        for (const column of metadata.columns) {
          const keys = [...new Set(sample.map((row) => (row as Record<string, unknown>)[column.propertyName]).filter((v) => v !== null && v !== undefined && typeof v !== 'object'))];
          if (keys.length > 0) asked.push({ label: `${name}: ${metadata.name}.${column.propertyName}`, entity, column: column.propertyName, keys, answer: Promise.resolve([]) });
        }
      }
      if (asked.length < 2) continue;
      // Every lookup asked in the same tick, as resolvers do.
      const before = subgraph.database.statements.count;
      for (const ask of asked) ask.answer = loaders.many(ask.entity as never, ask.column as never).loadMany(ask.keys as never[]) as Promise<unknown[]>;
      const answers = await Promise.all(asked.map((ask) => ask.answer));
      expect(subgraph.database.statements.count - before, name).toBe(1);
      for (const [i, ask] of asked.entries()) {
        const alone = await new LoaderRegistry(db).many(ask.entity as never, ask.column as never).loadMany(ask.keys as never[]);
        expect(answers[i], ask.label).toStrictEqual(alone);
      }
    }
  }, 120_000);

  it('in the order asked, and one row per key with `one`', async () => {
    const db = kit.platform.subgraphs.schools!.database.dataSource;
    const enrolment = db.entityMetadatas.find((m) => m.name === 'Enrolment')!.target as Function;
    const sample = (await db.getRepository(enrolment).find({ take: 100 })) as { childId: string; id: string }[];
    const children = [...new Set(sample.map((row) => row.childId))];
    const loaders = new LoaderRegistry(db);
    const ids = [...sample.map((row) => row.id), '00000000-0000-4000-8000-000000000000'];
    // Asked in the same tick: one statement, each lookup in its own order.
    const before = kit.platform.subgraphs.schools!.database.statements.count;
    const [loaded, one] = await Promise.all([
      loaders.many(enrolment as never, 'childId' as never, { startDate: 'DESC', id: 'ASC' } as never).loadMany(children as never[]),
      loaders.one(enrolment as never, 'id' as never).loadMany(ids as never[]),
    ]);
    expect(kit.platform.subgraphs.schools!.database.statements.count - before).toBe(1);
    const expected = await db.getRepository(enrolment).createQueryBuilder('e').where('e.childId IN (:...children)', { children }).orderBy('e.startDate', 'DESC').addOrderBy('e.id', 'ASC').getMany();
    expect((loaded as unknown[][]).flat()).toStrictEqual(children.flatMap((child) => expected.filter((row) => (row as { childId: string }).childId === child)));
    expect(one.map((row) => (row as { id: string } | null)?.id ?? null)).toEqual([...sample.map((row) => row.id), null]);
  }, 60_000);

  it('when the statement for all fails, the lookup at fault fails alone', async () => {
    const db = kit.platform.subgraphs.schools!.database.dataSource;
    const enrolment = db.entityMetadatas.find((m) => m.name === 'Enrolment')!.target as Function;
    const [row] = (await db.getRepository(enrolment).find({ take: 1 })) as { childId: string; id: string }[];
    const loaders = new LoaderRegistry(db);
    // A key PostgreSQL cannot read as a uuid fails the combined statement.
    const [good, bad] = await Promise.allSettled([
      loaders.many(enrolment as never, 'childId' as never).load(row!.childId as never),
      loaders.one(enrolment as never, 'id' as never).load('not-a-uuid' as never),
    ]);
    expect(good.status).toBe('fulfilled');
    expect((good as PromiseFulfilledResult<{ id: string }[]>).value.map((e) => e.id)).toContain(row!.id);
    expect(bad.status).toBe('rejected');
  }, 60_000);
});

describe('what travels with keyed lookups', () => {
  const schools = () => kit.platform.subgraphs.schools!;
  const entity = (name: string) => schools().database.dataSource.entityMetadatas.find((m) => m.name === name)!.target as Function;
  const statements = () => schools().database.statements.count;

  it("a statement of a subgraph's own goes with the lookups of the same tick, its rows as JSON gives them either way", async () => {
    const db = schools().database.dataSource;
    const [row] = (await db.getRepository(entity('Enrolment')).find({ take: 1 })) as { childId: string; id: string }[];
    const own = (p: (i: number) => string) =>
      `SELECT child_id, count(*)::int AS spells, bool_or(end_date IS NULL) AS open, min(start_date) AS first_day FROM enrolment WHERE child_id = ANY(${p(1)}::uuid[]) AND start_date <= ${p(2)}::date GROUP BY child_id`;
    const loaders = new LoaderRegistry(db);
    const before = statements();
    const [together, lookup] = await Promise.all([
      loaders.rows(own, [[row!.childId], '2100-01-01']),
      loaders.many(entity('Enrolment') as never, 'childId' as never).load(row!.childId as never),
    ]);
    expect(statements() - before).toBe(1);
    expect((lookup as { id: string }[]).map((e) => e.id)).toContain(row!.id);
    expect(together).toHaveLength(1);
    expect(together[0]).toMatchObject({ child_id: row!.childId, spells: expect.any(Number), open: expect.any(Boolean), first_day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const alone = await new LoaderRegistry(db).rows(own, [[row!.childId], '2100-01-01']);
    expect(alone).toStrictEqual(together);
  });

  it("a statement of a subgraph's own that fails fails alone", async () => {
    const db = schools().database.dataSource;
    const [row] = (await db.getRepository(entity('Enrolment')).find({ take: 1 })) as { childId: string }[];
    const loaders = new LoaderRegistry(db);
    const [bad, good] = await Promise.allSettled([
      loaders.rows((p) => `SELECT 1 / ${p(1)}::int AS x`, [0]),
      loaders.many(entity('Enrolment') as never, 'childId' as never).load(row!.childId as never),
    ]);
    expect(bad.status).toBe('rejected');
    expect(good.status).toBe('fulfilled');
  });

  it('a prefetch reads the records rows point to in the same statement, and they are what a lookup of their own reads', async () => {
    const db = schools().database.dataSource;
    const sample = (await db.getRepository(entity('Enrolment')).find({ take: 60 })) as { childId: string; schoolUrn: string }[];
    const children = [...new Set(sample.map((row) => row.childId))];
    const unknownChild = '00000000-0000-4000-8000-000000000000';
    const read = async (prefetch: boolean) => {
      const loaders = new LoaderRegistry(db);
      if (prefetch) loaders.prefetch(entity('Enrolment') as never, 'childId' as never, 'schoolUrn' as never, entity('School') as never, 'urn' as never);
      const before = statements();
      const enrolments = ((await loaders.many(entity('Enrolment') as never, 'childId' as never).loadMany([...children, unknownChild] as never[])) as { schoolUrn: string }[][]).flat();
      const urns = [...new Set(enrolments.map((e) => e.schoolUrn))];
      const found = await loaders.one(entity('School') as never, 'urn' as never).loadMany(urns as never[]);
      return { statements: statements() - before, urns, found };
    };
    const withPrefetch = await read(true);
    const without = await read(false);
    expect(withPrefetch.urns.length).toBeGreaterThan(1);
    expect(withPrefetch.statements).toBe(1);
    expect(without.statements).toBe(2);
    expect(withPrefetch.found).toStrictEqual(without.found);
    expect(withPrefetch.found.every((school) => school && !(school instanceof Error))).toBe(true);
  });
});

describe('the team around the child, through the gateway', () => {
  it('costs the register one statement after the child itself, professionals and care-team pass included', async () => {
    const db = kit.platform.subgraphs.localities!.database.dataSource;
    const [{ child_id: childId, professional_id: leadId }] = await db.query('SELECT child_id, professional_id FROM lead_professional_appointment WHERE ended_at IS NULL LIMIT 1');
    // Someone on the team who is not the lead, so that neither prefetch covers the other's professionals.
    const [{ id: otherId }] = await db.query('SELECT id FROM professional WHERE id <> $1 LIMIT 1', [leadId]);
    await db.query(
      `INSERT INTO team_membership (id, child_id, professional_id, team_role, start_date, added_by) VALUES (gen_random_uuid(), $1, $2, 'Educational psychologist', '2025-09-01', 'test')`,
      [childId, otherId],
    );
    const [{ locality_id: localityId }] = await db.query('SELECT locality_id FROM child WHERE id = $1', [childId]);
    const lead = await kit.as({ sub: 'lead.team@kent.example.org', role: 'LOCALITY_LEAD', localities: [localityId] });
    const query = `query ($id: ID!) { child(id: $id) {
      givenName locality { name }
      team { teamRole professional { givenName role agency } }
      leadProfessional { givenName }
      leadProfessionalHistory { appointedAt professional { familyName } }
      education { enrolments { startDate } }
    } }`;
    const before = kit.statementCounts();
    const result = await lead.query(query, { id: childId });
    const after = kit.statementCounts();
    expect(result.errors).toBeUndefined();
    const child = result.data.child;
    expect(child.team.length).toBeGreaterThan(0);
    expect(child.team.every((member: { professional: { givenName: string } | null }) => typeof member.professional?.givenName === 'string')).toBe(true);
    expect(typeof child.leadProfessional.givenName).toBe('string');
    expect(child.leadProfessionalHistory.every((a: { professional: { familyName: string } | null }) => typeof a.professional?.familyName === 'string')).toBe(true);
    // The child; its locality, team, lead appointments, their professionals and the viewer's
    // care-team relationship (for the pass the gateway hands to schools) together; the audit.
    expect(after.localities! - before.localities!).toBe(3);
    // The same professionals as asked one by one.
    const professionals = await db.query(
      `SELECT p.given_name FROM team_membership m JOIN professional p ON p.id = m.professional_id WHERE m.child_id = $1`,
      [childId],
    );
    expect(child.team.map((m: { professional: { givenName: string } }) => m.professional.givenName).sort()).toEqual(professionals.map((p: { given_name: string }) => p.given_name).sort());
  });
});
