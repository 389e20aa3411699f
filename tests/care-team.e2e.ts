import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type GraphQLResult, type TestClient, type TestPlatform } from '@local-area-graph/test-kit';
import { generateDemoArea, type DemoArea, type ProfessionalRecord } from '@local-area-graph/demo-data';
import { createCareTeamPassSigner, generateLocalSigningKey, type PlatformClaims } from '@local-area-graph/trust';
import { todayInEngland } from '@local-area-graph/identifiers';

/*
 * A professional on a child's team around the child may see that child, in every
 * service, whatever their role; the lead professional also sees who looked. Only the
 * register (localities) knows the team, so the others rely on its signed care-team
 * pass, which the gateway carries to them (`@requires`). These tests show the pass
 * working through the gateway, and failing when forged, borrowed, stale or absent.
 */

let area: DemoArea;
let kit: TestPlatform;
let child: { id: string; nhsNumber: string; schoolUrn: string; localityId: string };
let otherChild: { id: string; nhsNumber: string };
let member: ProfessionalRecord;
let lead: ProfessionalRecord;
let outsider: ProfessionalRecord;
let membershipId: string;

const daysAgo = (days: number) => {
  const date = new Date(`${todayInEngland()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};

/** Signed in by their work email, as the demo identity provider does, in a role that alone would see nothing of this child. */
const claimsOf = (professional: ProfessionalRecord, elsewhere: string): PlatformClaims => ({
  sub: professional.email,
  name: `${professional.givenName} ${professional.familyName}`,
  role: 'LOCALITY_LEAD',
  localities: [elsewhere],
});
let elsewhere: string;
const as = (professional: ProfessionalRecord, subgraph?: string) => kit.as(claimsOf(professional, elsewhere), 'direct-care', subgraph);

const PICTURE = `query ($id: ID!) {
  child(id: $id) {
    id givenName nhsNumber
    education { currentSchool { urn name } senStatus { provision } }
    send { plans { id } requests { id } }
    health { waits { id } pastWaits { id } }
  }
}`;

const PERSONAL_PATHS = ['child.givenName', 'child.nhsNumber', 'child.education.currentSchool', 'child.education.senStatus', 'child.send.plans', 'child.send.requests', 'child.health.waits', 'child.health.pastWaits'];

/**
 * What someone who may not see the child gets: FORBIDDEN on every personal field. The
 * trust's waits hang off the NHS number; when the register withholds that, the
 * gateway has no key to ask the trust with, so health is null (after the register's
 * FORBIDDEN on nhsNumber) rather than asked at all.
 */
const REFUSED = PERSONAL_PATHS.filter((path) => !path.startsWith('child.health')).sort();
function expectRefused(result: GraphQLResult<any>) {
  expect(forbiddenPaths(result).sort()).toEqual(REFUSED);
  expect(result.data?.child?.health ?? null).toBeNull();
}

function forbiddenPaths(result: GraphQLResult<any>): string[] {
  return (result.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => (e.path ?? []).join('.'));
}

beforeAll(async () => {
  area = generateDemoArea({ children: 500, seed: 31 });
  kit = await startTestPlatform({ demoArea: area });
  // A pupil with an EHC plan and an NHS wait, so every service has something to show.
  const planned = new Set(area.ehcPlans.map((p) => p.childId));
  const waiting = new Set(area.waitingListEntries.map((w) => w.nhsNumber));
  const pupil = area.children.find((c) => planned.has(c.id) && waiting.has(c.nhsNumber) && area.enrolments.some((e) => e.childId === c.id && e.endDate === null))!;
  const enrolment = area.enrolments.find((e) => e.childId === pupil.id && e.endDate === null)!;
  child = { id: pupil.id, nhsNumber: pupil.nhsNumber, schoolUrn: enrolment.schoolUrn, localityId: pupil.localityId };
  const other = area.children.find((c) => c.id !== pupil.id && planned.has(c.id))!;
  otherChild = { id: other.id, nhsNumber: other.nhsNumber };
  // A locality lead of a locality with no children: their role alone opens nothing.
  elsewhere = 'a-locality-with-no-children';
  const professionals = area.professionals.filter((p) => p.email);
  [member, lead, outsider] = [professionals[0]!, professionals[1]!, professionals[2]!];

  const added = await kit.gateway.data<any>(
    'mutation ($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }',
    { input: { childId: child.id, professionalId: member.id, teamRole: 'Speech and language therapist', startDate: daysAgo(30) } },
  );
  membershipId = added.addTeamMember.id;
  await kit.gateway.data('mutation ($input: AppointLeadProfessionalInput!) { appointLeadProfessional(input: $input) { id } }', {
    input: { childId: child.id, professionalId: lead.id },
  });
});
afterAll(async () => kit?.stop());

describe('a professional on the team around the child', () => {
  it('sees the child in every service through the gateway, though their role alone would not', async () => {
    const result = await (await as(member)).query<any>(PICTURE, { id: child.id });
    expect(result.errors ?? []).toEqual([]);
    expect(result.data.child.nhsNumber).toBe(child.nhsNumber);
    expect(result.data.child.education.currentSchool.urn).toBe(child.schoolUrn);
    expect(result.data.child.send.plans.length).toBeGreaterThan(0);
    expect(result.data.child.health.waits.length + result.data.child.health.pastWaits.length).toBeGreaterThan(0);
  });

  it('does not see a child whose team they are not on: FORBIDDEN on every personal field', async () => {
    const result = await (await as(member)).query<any>(PICTURE, { id: otherChild.id });
    expectRefused(result);
  });

  it('a professional on no team sees nothing of the child', async () => {
    const result = await (await as(outsider)).query<any>(PICTURE, { id: child.id });
    expectRefused(result);
  });

  it('still needs a purpose, and an analyst never sees a personal field', async () => {
    const noPurpose = await kit.as(claimsOf(member, elsewhere), null);
    expectRefused(await noPurpose.query(PICTURE, { id: child.id }));
    const analyst = await kit.as({ sub: member.email, role: 'ANALYST' }, 'service-planning');
    expectRefused(await analyst.query(PICTURE, { id: child.id }));
  });

  it("each service audits the team member's reads under their own name", async () => {
    const requestId = `care-team-audit-${Date.now()}`;
    const client = await as(member);
    const result = await client.query<any>(PICTURE, { id: child.id }, { 'x-request-id': requestId });
    expect(result.errors ?? []).toEqual([]);
    for (const name of ['localities', 'schools', 'send', 'health']) {
      const rows: { subject: string; role: string }[] = await kit.platform.subgraphs[name]!.database.dataSource.query(
        'SELECT subject, role FROM access_audit WHERE request_id = $1',
        [requestId],
      );
      expect(rows.length, name).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.subject)), name).toEqual(new Set([member.email]));
    }
  });
});

describe("the lead professional and the child's access log", () => {
  const LOG = `query ($id: ID!) { child(id: $id) { accessLog { localities { subject } schools { subject } send { subject } health { subject } } } }`;

  it('the lead professional sees who looked, in every service', async () => {
    await (await as(member)).data(PICTURE, { id: child.id });
    const result = await (await as(lead)).query<any>(LOG, { id: child.id });
    expect(result.errors ?? []).toEqual([]);
    for (const service of ['localities', 'schools', 'send', 'health']) {
      expect(result.data.child.accessLog[service].map((r: { subject: string }) => r.subject), service).toContain(member.email);
    }
  });

  it('a team member who is not the lead does not', async () => {
    const result = await (await as(member)).query<any>(LOG, { id: child.id });
    expect(result.data.child.accessLog).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("the lead of one child does not see another child's log", async () => {
    const result = await (await as(lead)).query<any>(LOG, { id: otherChild.id });
    expect(result.data.child.accessLog).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('each service checks the pass itself, when asked directly', () => {
  const EDUCATION = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { education { currentSchool { urn } } } } }`;
  const HEALTH = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { health { waits { id } } } } }`;

  async function passFor(professional: ProfessionalRecord, childId: string): Promise<string | null> {
    const register = await as(professional, 'localities');
    const result = await register.data<any>('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { careTeamPass } } }', {
      r: [{ __typename: 'Child', id: childId }],
    });
    return result._entities[0].careTeamPass;
  }

  it('the pass is hidden from the public API', async () => {
    const result = await kit.gateway.query('query ($id: ID!) { child(id: $id) { careTeamPass } }', { id: child.id });
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('the register gives a pass to a team member and none to anyone else', async () => {
    expect(await passFor(member, child.id)).toMatch(/^ey/);
    expect(await passFor(outsider, child.id)).toBeNull();
    expect(await passFor(member, otherChild.id)).toBeNull();
  });

  it('a genuine pass opens the child in schools and health, for its holder only', async () => {
    const pass = await passFor(member, child.id);
    const schools = await as(member, 'schools');
    const opened = await schools.query<any>(EDUCATION, { r: [{ __typename: 'Child', id: child.id, careTeamPass: pass }] });
    expect(opened.errors ?? []).toEqual([]);
    expect(opened.data._entities[0].education.currentSchool.urn).toBe(child.schoolUrn);
    const health = await as(member, 'health');
    const waits = await health.query<any>(HEALTH, { r: [{ __typename: 'Child', nhsNumber: child.nhsNumber, careTeamPass: pass }] });
    expect(waits.errors ?? []).toEqual([]);

    // Someone else presenting the same pass gains nothing.
    const borrowed = await (await as(outsider, 'schools')).query<any>(EDUCATION, { r: [{ __typename: 'Child', id: child.id, careTeamPass: pass }] });
    expect(forbiddenPaths(borrowed)).toEqual(['_entities.0.education.currentSchool']);
  });

  it("a pass for one child does not open another child's record", async () => {
    const pass = await passFor(member, child.id);
    const result = await (await as(member, 'schools')).query<any>(EDUCATION, { r: [{ __typename: 'Child', id: otherChild.id, careTeamPass: pass }] });
    expect(forbiddenPaths(result)).toEqual(['_entities.0.education.currentSchool']);
  });

  it('a forged pass, or one signed by any other key, grants nothing', async () => {
    const stranger = createCareTeamPassSigner(await generateLocalSigningKey());
    const forged = await stranger.sign(member.email, { childId: child.id, nhsNumber: child.nhsNumber, lead: true });
    const schools = await as(member, 'schools');
    for (const careTeamPass of [forged, 'not-a-pass', `${(await passFor(member, child.id))!.slice(0, -4)}AAAA`]) {
      const result = await schools.query<any>(EDUCATION, { r: [{ __typename: 'Child', id: child.id, careTeamPass }] });
      expect(forbiddenPaths(result), careTeamPass.slice(0, 12)).toEqual(['_entities.0.education.currentSchool']);
    }
  });

  it("a member's own identity token is not a pass", async () => {
    const token = await kit.token(claimsOf(member, elsewhere));
    const result = await (await as(member, 'schools')).query<any>(EDUCATION, { r: [{ __typename: 'Child', id: child.id, careTeamPass: token }] });
    expect(forbiddenPaths(result)).toEqual(['_entities.0.education.currentSchool']);
  });
});

describe('leaving the team', () => {
  it('ends the access: the register stops vouching the day after the last day', async () => {
    await kit.gateway.data('mutation ($input: EndTeamMembershipInput!) { endTeamMembership(input: $input) { id } }', {
      input: { membershipId, endDate: daysAgo(1) },
    });
    const result = await (await as(member)).query<any>(PICTURE, { id: child.id });
    expectRefused(result);
  });
});
