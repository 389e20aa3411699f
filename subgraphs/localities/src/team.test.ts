import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { startSingleSubgraph, type SingleSubgraph, type TestClient } from '@local-area-graph/test-kit';
import { todayInEngland } from '@local-area-graph/identifiers';
import { localities, Child, LocalArea, Locality, Professional } from './index.js';
import { findCareTeamRelationships } from './team/care-team.relationships.js';

// The team around the child and its one lead professional, on a handful of people written by hand.
const AREA = { code: 'E10000016', laNumber: 886, name: 'Kent' };
const child = (n: number) => `1b8e8a2e-5a4f-4a55-9a57-3c3f0d7a000${n}`;
const pro = (n: number) => `1b8e8a2e-5a4f-4a55-9a57-3c3f0d7a010${n}`;
const ids = { amara: child(1), ben: child(2), chloe: child(3), dev: child(4), ella: child(5) };
const people = {
  ruth: pro(1), // inclusion support lead, Swale
  sam: pro(2), // speech and language therapist (clinician)
  tom: pro(3), // SENCO at 118001
  una: pro(4), // youth justice officer, no sign-in
  val: pro(5), // early help worker
};
const kids = [
  { id: ids.amara, nhsNumber: '9990000018', givenName: 'Amara', familyName: 'Okafor', dateOfBirth: '2015-03-01', sex: 'F', localityId: 'dartford', schoolUrn: '118001' },
  { id: ids.ben, nhsNumber: '9990000026', givenName: 'Ben', familyName: 'Adams', dateOfBirth: '2012-08-31', sex: 'M', localityId: 'dartford', schoolUrn: '118002' },
  { id: ids.chloe, nhsNumber: '9990000034', givenName: 'Chloe', familyName: 'Adams', dateOfBirth: '2018-09-01', sex: 'F', localityId: 'swale', schoolUrn: '118002' },
  { id: ids.dev, nhsNumber: '9990000042', givenName: 'Dev', familyName: 'Patel', dateOfBirth: '2014-01-15', sex: 'M', localityId: 'swale', schoolUrn: '118002' },
  { id: ids.ella, nhsNumber: '9990000050', givenName: 'Ella', familyName: 'Brown', dateOfBirth: '2013-05-15', sex: 'F', localityId: 'swale', schoolUrn: '118002' },
];
const professional = (id: string, givenName: string, role: string, agency: string, subject: string | null, localityId: string | null = 'swale') =>
  ({ id, givenName, familyName: 'Example', role, agency, email: `${givenName.toLowerCase()}@kent.example.org`, localityId, subject });

async function seed(db: DataSource) {
  await db.getRepository(LocalArea).insert(AREA);
  await db.getRepository(Locality).insert([
    { id: 'dartford', name: 'Dartford', localAreaCode: AREA.code },
    { id: 'swale', name: 'Swale', localAreaCode: AREA.code },
  ]);
  await db.getRepository(Child).insert(kids.map((k) => ({ ...k, upn: null })) as never);
  await db.getRepository(Professional).insert([
    professional(people.ruth, 'Ruth', 'Inclusion support lead', 'SEND_SERVICE', 'ruth@kent.example.org'),
    professional(people.sam, 'Sam', 'Speech and language therapist', 'HEALTH_SERVICE', 'sam@kentcht.example.org', null),
    professional(people.tom, 'Tom', 'SENCO', 'SCHOOL', 'tom@riverside.example.org', 'dartford'),
    professional(people.una, 'Una', 'Youth justice officer', 'YOUTH_JUSTICE', null),
    professional(people.val, 'Val', 'Early help worker', 'EARLY_HELP', 'val@kent.example.org'),
  ] as never);
  // Past and present places, written directly so the dates can be in the past.
  await db.query(
    `INSERT INTO team_membership (id, child_id, professional_id, team_role, start_date, end_date, added_by) VALUES
      (gen_random_uuid(), $1, $4, 'Speech and language therapist', '2025-09-01', NULL, 'seed'),
      (gen_random_uuid(), $2, $4, 'Speech and language therapist', '2025-01-06', '2025-07-18', 'seed'),
      (gen_random_uuid(), $3, $5, 'SENCO at previous school', '2024-09-01', NULL, 'seed')`,
    [ids.chloe, ids.dev, ids.chloe, people.sam, people.tom],
  );
}

let subgraph: SingleSubgraph;
let admin: TestClient;
let swaleLead: TestClient;
let dartfordLead: TestClient;
let sam: TestClient;
let tom: TestClient;
let val: TestClient;
beforeAll(async () => {
  subgraph = await startSingleSubgraph(localities, seed);
  admin = subgraph.client;
  swaleLead = await subgraph.as({ sub: 'lead.swale', role: 'LOCALITY_LEAD', localities: ['swale'] });
  dartfordLead = await subgraph.as({ sub: 'lead.dartford', role: 'LOCALITY_LEAD', localities: ['dartford'] });
  sam = await subgraph.as({ sub: 'sam@kentcht.example.org', role: 'CLINICIAN', services: ['SLT'] });
  tom = await subgraph.as({ sub: 'tom@riverside.example.org', role: 'SENCO', schools: ['118001'] });
  val = await subgraph.as({ sub: 'val@kent.example.org', role: 'PARTNER', partner: 'early-help' } as never);
});
afterAll(async () => subgraph?.stop());

const db = () => subgraph.database.dataSource;
const APPOINT = `mutation ($input: AppointLeadProfessionalInput!) { appointLeadProfessional(input: $input) { id appointedAt endedAt appointedBy professional { givenName } } }`;
const ADD = `mutation ($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id teamRole startDate endDate isLead professional { givenName agency } } }`;
const END = `mutation ($input: EndTeamMembershipInput!) { endTeamMembership(input: $input) { id endDate isLead } }`;
const TEAM = `query ($id: ID!) { child(id: $id) { givenName team { teamRole startDate endDate isLead professional { givenName role agency } }
  leadProfessional { givenName } leadProfessionalHistory { professional { givenName } endedAt endReason appointedBy } } }`;
const NAME = `query ($id: ID!) { child(id: $id) { givenName } }`;
const currentLeads = async (childId: string) =>
  (await db().query('SELECT professional_id FROM lead_professional_appointment WHERE child_id = $1 AND ended_at IS NULL', [childId])).map((r: { professional_id: string }) => r.professional_id);

describe('findCareTeamRelationships', () => {
  it('finds the children a professional is on the team of, on a date, in one statement', async () => {
    const before = subgraph.database.statements.count;
    const onDate = await findCareTeamRelationships(db(), 'sam@kentcht.example.org', [ids.amara, ids.chloe, ids.dev, 'not-a-uuid'], '2025-03-01');
    expect(subgraph.database.statements.count - before).toBe(1);
    // Chloe's place starts in September 2025; Dev's ran January to July 2025.
    expect([...onDate.entries()]).toEqual([[ids.dev, { lead: false }]]);
    const later = await findCareTeamRelationships(db(), 'sam@kentcht.example.org', [ids.amara, ids.chloe, ids.dev], '2025-07-18');
    expect([...later.keys()]).toEqual([ids.dev]);
    const today = await findCareTeamRelationships(db(), 'sam@kentcht.example.org', [ids.amara, ids.chloe, ids.dev], todayInEngland());
    expect([...today.entries()]).toEqual([[ids.chloe, { lead: false }]]);
    expect((await findCareTeamRelationships(db(), 'nobody', [ids.chloe], todayInEngland())).size).toBe(0);
    expect((await findCareTeamRelationships(db(), 'sam@kentcht.example.org', [], todayInEngland())).size).toBe(0);
    await expect(findCareTeamRelationships(db(), 'sam@kentcht.example.org', [ids.chloe], '2025-02-30')).rejects.toThrow(/not a date/);
  });

  it('says who is lead on a date: the one holding the appointment when that day closed in England', async () => {
    const child = ids.ella;
    // Ruth from 10:00 on 3 March 2025, handed to Val at 23:30 UTC on 30 June 2025 (00:30 on 1 July in London).
    await db().query(
      `INSERT INTO lead_professional_appointment (id, child_id, professional_id, appointed_at, ended_at, appointed_by, end_reason) VALUES
        (gen_random_uuid(), $1, $2, '2025-03-03T10:00:00Z', '2025-06-30T23:30:00Z', 'seed', 'HANDED_OVER'),
        (gen_random_uuid(), $1, $3, '2025-06-30T23:30:00Z', NULL, 'seed', NULL)`,
      [child, people.ruth, people.val],
    );
    const ruthOn = (date: string) => findCareTeamRelationships(db(), 'ruth@kent.example.org', [child], date);
    const valOn = (date: string) => findCareTeamRelationships(db(), 'val@kent.example.org', [child], date);
    expect((await ruthOn('2025-03-02')).get(child)).toBeUndefined();
    expect((await ruthOn('2025-03-03')).get(child)).toEqual({ lead: true });
    expect((await ruthOn('2025-06-30')).get(child)).toEqual({ lead: true });
    expect((await ruthOn('2025-07-01')).get(child)).toBeUndefined();
    // Val is the current lead, so related on any date, but lead only from 1 July (London).
    expect((await valOn('2025-06-30')).get(child)).toEqual({ lead: false });
    expect((await valOn('2025-07-01')).get(child)).toEqual({ lead: true });
    await db().query('DELETE FROM lead_professional_appointment WHERE child_id = $1', [child]);
  });
});

describe('who sees a child through the team around the child', () => {
  it('a clinician sees the children whose team they are on today, and no other', async () => {
    expect((await sam.data(NAME, { id: ids.chloe })).child.givenName).toBe('Chloe');
    const dev = await sam.query(NAME, { id: ids.dev });
    expect(dev.data?.child.givenName ?? null).toBeNull();
    expect(dev.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a SENCO sees a child at another school whose team they are on, besides their own pupils', async () => {
    const result = await tom.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id givenName } } }`, {
      r: [ids.amara, ids.ben, ids.chloe].map((id) => ({ __typename: 'Child', id })),
    });
    expect(result.data!._entities.map((e: { givenName: string | null }) => e.givenName)).toEqual(['Amara', null, 'Chloe']);
  });

  it('an analyst never does, team or not', async () => {
    await db().query(`UPDATE professional SET subject = 'analyst' WHERE id = $1`, [people.una]);
    await db().query(`INSERT INTO team_membership (id, child_id, professional_id, team_role, start_date, added_by) VALUES (gen_random_uuid(), $1, $2, 'Youth justice officer', '2025-01-01', 'seed')`, [ids.ben, people.una]);
    const analyst = await subgraph.as({ sub: 'analyst', role: 'ANALYST' });
    expect((await analyst.query(NAME, { id: ids.ben })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the lead professional', () => {
  it('is appointed by a locality lead of the child\'s locality, joins the team, and hands over to the next', async () => {
    const first = await swaleLead.query(APPOINT, { input: { childId: ids.dev, professionalId: people.ruth } });
    expect(first.errors).toBeUndefined();
    expect(first.data.appointLeadProfessional).toMatchObject({ endedAt: null, appointedBy: 'lead.swale', professional: { givenName: 'Ruth' } });
    const second = await swaleLead.data(APPOINT, { input: { childId: ids.dev, professionalId: people.val } });
    expect(second.appointLeadProfessional.professional.givenName).toBe('Val');
    const picture = (await swaleLead.data(TEAM, { id: ids.dev })).child;
    expect(picture.leadProfessional).toEqual({ givenName: 'Val' });
    expect(picture.leadProfessionalHistory).toMatchObject([
      { professional: { givenName: 'Val' }, endedAt: null, endReason: null },
      { professional: { givenName: 'Ruth' }, endedAt: second.appointLeadProfessional.appointedAt, endReason: 'HANDED_OVER' },
    ]);
    // Current members first, then Sam's past place; both leads joined the team.
    expect(picture.team.map((m: { professional: { givenName: string }; isLead: boolean; endDate: string | null }) => [m.professional.givenName, m.isLead, m.endDate])).toEqual([
      ['Ruth', false, null],
      ['Val', true, null],
      ['Sam', false, '2025-07-18'],
    ]);
    expect(picture.team[0]).toMatchObject({ teamRole: 'Lead professional', startDate: todayInEngland() });
    // Appointing the current lead again changes nothing.
    await swaleLead.data(APPOINT, { input: { childId: ids.dev, professionalId: people.val } });
    expect(await db().query('SELECT count(*)::int AS n FROM lead_professional_appointment WHERE child_id = $1', [ids.dev])).toEqual([{ n: 2 }]);
    const audit = await db().query(`SELECT fields FROM access_audit WHERE child_id = $1 AND 'Mutation.appointLeadProfessional' = ANY(fields)`, [ids.dev]);
    expect(audit).toHaveLength(3);
  });

  it('two appointments at the same moment leave exactly one current lead', async () => {
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        swaleLead.query(APPOINT, { input: { childId: ids.ella, professionalId: people.ruth } }),
        admin.query(APPOINT, { input: { childId: ids.ella, professionalId: people.val } }),
        swaleLead.query(APPOINT, { input: { childId: ids.ella, professionalId: people.sam } }),
      ]);
      for (const result of results) expect(result.errors).toBeUndefined();
      expect(await currentLeads(ids.ella)).toHaveLength(1);
    }
    // Every spell but the last ended when the next began: the history never overlaps.
    const spells: { appointed_at: Date; ended_at: Date | null }[] = await db().query(
      'SELECT appointed_at, ended_at FROM lead_professional_appointment WHERE child_id = $1 ORDER BY appointed_at, created_at',
      [ids.ella],
    );
    for (let i = 1; i < spells.length; i++) expect(spells[i - 1]!.ended_at!.getTime()).toBe(spells[i]!.appointed_at.getTime());
  });

  it('the database itself refuses a second current lead', async () => {
    await expect(
      db().query(`INSERT INTO lead_professional_appointment (id, child_id, professional_id, appointed_at, appointed_by) VALUES (gen_random_uuid(), $1, $2, now(), 'sql')`, [ids.ella, people.tom]),
    ).rejects.toThrow(/lead_professional_one_current/);
  });

  it('is refused to a locality lead of another locality, to a SENCO, and without a purpose', async () => {
    const input = { childId: ids.dev, professionalId: people.ruth };
    expect((await dartfordLead.query(APPOINT, { input })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.appointLeadProfessional' });
    expect((await tom.query(APPOINT, { input })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const noPurpose = await subgraph.as({ sub: 'admin2', role: 'ADMIN' }, null);
    expect((await noPurpose.query(APPOINT, { input })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await currentLeads(ids.dev)).toEqual([people.val]);
  });

  it('checks its input, naming every bad field, and writes nothing', async () => {
    const bad = await swaleLead.query(APPOINT, { input: { childId: 'x', professionalId: 'y' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.childId' });
    expect((bad.errors?.[0]?.extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual(['childId', 'professionalId']);
    const future = await swaleLead.query(APPOINT, { input: { childId: ids.dev, professionalId: people.ruth, appointedAt: '2099-01-01T00:00:00Z' } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.appointedAt' });
    const early = await swaleLead.query(APPOINT, { input: { childId: ids.dev, professionalId: people.ruth, appointedAt: '2020-01-01T00:00:00Z' } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.appointedAt' });
    const unknown = await swaleLead.query(APPOINT, { input: { childId: ids.dev, professionalId: pro(9) } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await currentLeads(ids.dev)).toEqual([people.val]);
  });
});

describe('team places', () => {
  it('the lead professional adds a member; a second open place is refused; ending the lead\'s place ends the lead', async () => {
    // Val (signed in as a PARTNER) is Dev's lead, so may add to Dev's team.
    const added = await val.query(ADD, { input: { childId: ids.dev, professionalId: people.tom, teamRole: 'SENCO', startDate: '2025-09-01' } });
    expect(added.errors).toBeUndefined();
    expect(added.data.addTeamMember).toMatchObject({ teamRole: 'SENCO', startDate: '2025-09-01', endDate: null, isLead: false, professional: { givenName: 'Tom', agency: 'SCHOOL' } });
    const again = await swaleLead.query(ADD, { input: { childId: ids.dev, professionalId: people.tom, teamRole: 'SENCO', startDate: '2025-10-01' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.professionalId' });
    // Tom is on Dev's team, not his lead: he may not add others.
    expect((await tom.query(ADD, { input: { childId: ids.dev, professionalId: people.sam, teamRole: 'SLT', startDate: '2025-09-01' } })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const valsPlace = (await swaleLead.data(TEAM, { id: ids.dev })).child.team.find((m: { professional: { givenName: string } }) => m.professional.givenName === 'Val');
    const [{ id: placeId }] = await db().query(`SELECT id FROM team_membership WHERE child_id = $1 AND professional_id = $2`, [ids.dev, people.val]);
    expect(valsPlace.isLead).toBe(true);
    const ended = await swaleLead.data(END, { input: { membershipId: placeId, endDate: todayInEngland() } });
    expect(ended.endTeamMembership).toMatchObject({ endDate: todayInEngland() });
    expect(await currentLeads(ids.dev)).toEqual([]);
    const history = (await swaleLead.data(TEAM, { id: ids.dev })).child.leadProfessionalHistory;
    expect(history[0]).toMatchObject({ professional: { givenName: 'Val' }, endReason: 'LEFT_TEAM' });
    const twice = await swaleLead.query(END, { input: { membershipId: placeId, endDate: todayInEngland() } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.membershipId' });
  });

  it('checks dates: not in the future, not before the place began', async () => {
    const future = await swaleLead.query(ADD, { input: { childId: ids.chloe, professionalId: people.val, teamRole: 'Early help worker', startDate: '2099-01-01' } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startDate' });
    const [{ id }] = await db().query(`SELECT id FROM team_membership WHERE child_id = $1 AND professional_id = $2`, [ids.chloe, people.sam]);
    const early = await swaleLead.query(END, { input: { membershipId: id, endDate: '2025-08-01' } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endDate' });
  });
});

describe('my caseload', () => {
  it('lists the children whose team I am on today, through my sign-in, paged in surname order', async () => {
    const page = async (client: TestClient, after: string | null = null) =>
      (await client.data(`query ($after: String) { myCaseload(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { teamRole startDate lead child { givenName } } } }`, { after })).myCaseload;
    // Sam: Chloe (Adams), and Ella (Brown), whose team he joined when appointed her lead above.
    const first = await page(sam);
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ teamRole: 'Speech and language therapist', startDate: '2025-09-01', lead: false, child: { givenName: 'Chloe' } }] });
    expect((await page(sam, first.pageInfo.endCursor)).nodes).toMatchObject([{ teamRole: 'Lead professional', child: { givenName: 'Ella' } }]);
    // Tom: Chloe (Adams) and Dev (Patel).
    const tom1 = await page(tom);
    expect(tom1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ child: { givenName: 'Chloe' } }] });
    expect((await page(tom, tom1.pageInfo.endCursor)).nodes).toMatchObject([{ child: { givenName: 'Dev' }, teamRole: 'SENCO' }]);
    expect((await page(dartfordLead)).totalCount).toBe(0);
  });
});
