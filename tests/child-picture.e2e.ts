import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '@local-area-graph/test-kit';
import { generateDemoArea, type DemoArea } from '@local-area-graph/demo-data';

// One small generated area, loaded through the real migrations and seeds; the test
// reads its expectations from the same records it loaded.
let area: DemoArea;
let kit: TestPlatform;

beforeAll(async () => {
  area = generateDemoArea({ children: 600, seed: 11 });
  kit = await startTestPlatform({ demoArea: area });
});
afterAll(async () => kit?.stop());

/** A pupil on roll with a suspension and an SEN status, so the picture has every part. */
function pupilWithEverything() {
  const suspended = new Set(area.suspensions.map((s) => s.childId));
  const current = new Map(area.senProvision.filter((s) => s.endDate === null && s.provision !== 'N').map((s) => [s.childId, s]));
  const enrolment = area.enrolments.find((e) => e.endDate === null && suspended.has(e.childId) && current.has(e.childId));
  if (!enrolment) throw new Error('demo area has no suspended pupil with SEN');
  const child = area.children.find((c) => c.id === enrolment.childId)!;
  return { child, enrolment, sen: current.get(child.id)! };
}

describe("a child's picture through the gateway", () => {
  it('joins the register, school, attendance, suspensions and SEN status in one query', async () => {
    const { child, enrolment, sen } = pupilWithEverything();
    const data = await kit.gateway.data<{ child: any }>(
      `query ($id: ID!) {
        child(id: $id) {
          id nhsNumber upn givenName familyName dateOfBirth sex
          locality { id name }
          education {
            currentSchool { urn name }
            attendance { academicYear term sessionsPossible sessionsAttended authorisedAbsence unauthorisedAbsence absenceRate persistentlyAbsent }
            suspensions { category startDate sessions reasons { code description } school { urn } }
            senStatus { provision primaryNeed secondaryNeed }
          }
        }
      }`,
      { id: child.id },
    );
    const picture = data.child;
    expect(picture).toMatchObject({ id: child.id, nhsNumber: child.nhsNumber, upn: child.upn, givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth });
    expect(picture.locality.id).toBe(child.localityId);
    expect(picture.education.currentSchool.urn).toBe(enrolment.schoolUrn);

    const terms = area.attendance.filter((a) => a.childId === child.id);
    expect(picture.education.attendance).toHaveLength(terms.length);
    for (const term of picture.education.attendance) {
      const source = terms.find((t) => t.academicYear === term.academicYear && t.term === term.term)!;
      const missed = source.authorisedAbsence + source.unauthorisedAbsence;
      expect(term.sessionsPossible).toBe(source.sessionsPossible);
      expect(term.sessionsAttended).toBe(source.sessionsPossible - missed);
      expect(term.absenceRate).toBeCloseTo(missed / source.sessionsPossible, 6);
      expect(term.persistentlyAbsent).toBe(missed / source.sessionsPossible >= 0.1);
    }

    const suspensions = area.suspensions.filter((s) => s.childId === child.id);
    expect(picture.education.suspensions).toHaveLength(suspensions.length);
    expect(picture.education.suspensions.map((s: any) => s.reasons.map((r: any) => r.code)).sort()).toEqual(suspensions.map((s) => s.reasons).sort());
    for (const suspension of picture.education.suspensions) expect(suspension.reasons.every((r: any) => r.description.length > 3)).toBe(true);

    const provisionName = { N: 'NO_SEN', K: 'SEN_SUPPORT', E: 'EHC_PLAN' }[sen.provision];
    expect(picture.education.senStatus).toEqual({ provision: provisionName, primaryNeed: sen.primaryNeed, secondaryNeed: sen.secondaryNeed });
  });

  it('finds the same child by NHS number', async () => {
    const { child } = pupilWithEverything();
    const data = await kit.gateway.data<{ childByNhsNumber: { id: string } }>(
      'query ($n: NhsNumber!) { childByNhsNumber(nhsNumber: $n) { id } }',
      { n: child.nhsNumber },
    );
    expect(data.childByNhsNumber.id).toBe(child.id);
  });

  it("lists a school's pupils on roll, with their names from the register", async () => {
    const school = area.schools.find((s) => s.phase === 'PRIMARY')!;
    const onRoll = area.enrolments.filter((e) => e.schoolUrn === school.urn && e.endDate === null).map((e) => e.childId);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const data: any = await kit.gateway.data(
        `query ($urn: Urn!, $after: String) {
          school(urn: $urn) { urn name numberOnRoll { value suppressed } pupils(first: 25, after: $after) {
            totalCount pageInfo { hasNextPage endCursor }
            edges { enrolment { startDate } node { id givenName familyName } } } }
        }`,
        { urn: school.urn, after },
      );
      expect(data.school.numberOnRoll).toEqual(onRoll.length > 5 ? { value: onRoll.length, suppressed: false } : { value: null, suppressed: true });
      expect(data.school.pupils.totalCount).toBe(onRoll.length);
      for (const edge of data.school.pupils.edges) {
        const child = area.children.find((c) => c.id === edge.node.id)!;
        expect(edge.node.familyName).toBe(child.familyName);
        seen.push(edge.node.id);
      }
      after = data.school.pupils.pageInfo.hasNextPage ? data.school.pupils.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual([...onRoll].sort());
  });

  it('pages through the register of one locality in surname order', async () => {
    const locality = area.localities[0]!;
    const expected = area.children
      .filter((c) => c.localityId === locality.id)
      .sort((a, b) => (a.familyName < b.familyName ? -1 : a.familyName > b.familyName ? 1 : a.givenName < b.givenName ? -1 : a.givenName > b.givenName ? 1 : a.id < b.id ? -1 : 1));
    const first: any = await kit.gateway.data('query ($l: ID) { children(localityId: $l, first: 10) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }', { l: locality.id });
    expect(first.children.totalCount).toBe(expected.length);
    const second: any = await kit.gateway.data('query ($l: ID, $a: String) { children(localityId: $l, first: 10, after: $a) { nodes { id } } }', { l: locality.id, a: first.children.pageInfo.endCursor });
    expect([...first.children.nodes, ...second.children.nodes].map((n: any) => n.id)).toEqual(expected.slice(0, 20).map((c) => c.id));
  });
});

describe('bad input and unknown ids through the gateway', () => {
  const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions;

  it('rejects an NHS number with a wrong check digit, naming the argument', async () => {
    const result = await kit.gateway.query('query ($n: NhsNumber!) { childByNhsNumber(nhsNumber: $n) { id } }', { n: '9434765918' });
    expect(codeOf(result)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(result.errors![0]!.message).toMatch(/nhsNumber|NhsNumber/);
    expect(result.data?.childByNhsNumber ?? null).toBeNull();
  });

  it('rejects a bad URN written in the query text', async () => {
    const result = await kit.gateway.query('{ school(urn: "12345") { name } }');
    expect(codeOf(result)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(result.errors![0]!.message).toContain('12345');
  });

  it('rejects a child id that is not a platform id', async () => {
    const result = await kit.gateway.query('{ child(id: "42") { givenName } }');
    expect(codeOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });

  it('answers an unknown child, school, locality and area with NOT_FOUND', async () => {
    const cases = [
      ['{ child(id: "00000000-0000-4000-8000-000000000000") { id } }', 'id'],
      ['{ childByNhsNumber(nhsNumber: "9434765919") { id } }', 'nhsNumber'],
      ['{ school(urn: "999999") { name } }', 'urn'],
      ['{ locality(id: "atlantis") { name } }', 'id'],
      ['{ localArea(code: "E06000001") { name } }', 'code'],
      ['{ children(localityId: "atlantis") { totalCount } }', 'localityId'],
    ] as const;
    for (const [query, argument] of cases) {
      const result = await kit.gateway.query(query);
      expect(codeOf(result), query).toMatchObject({ code: 'NOT_FOUND', argument });
    }
  });

  it('rejects a page size out of range and a forged cursor', async () => {
    expect(codeOf(await kit.gateway.query('{ children(first: 5000) { totalCount } }'))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(codeOf(await kit.gateway.query('{ children(after: "not-a-cursor") { totalCount } }'))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});

describe('batching: a page of children costs the same SQL whatever its size, across every subgraph', () => {
  const PAGE = `query ($first: Int) {
    children(first: $first) {
      nodes { id givenName locality { name } education { currentSchool { name locality { name } } attendance { absenceRate } senStatus { provision } } }
    }
  }`;

  // SEND's references: the case (with its caseworker from the register), the plan's named school, School.send.
  const SEND_PAGE = `query ($first: Int) {
    children(first: $first) {
      nodes { id education { currentSchool { send { ehcPlansNamingIt { value } } } } send { currentPlan { placement { name } } case { stage caseworker { givenName } } } }
    }
  }`;

  let lastPage: any;
  async function statementsFor(first: number, page = PAGE): Promise<number> {
    const before = kit.statementCounts();
    const data: any = await kit.gateway.data(page, { first });
    lastPage = data;
    expect(data.children.nodes).toHaveLength(first);
    const after = kit.statementCounts();
    return Object.keys(after).reduce((sum, name) => sum + (after[name]! - before[name]!), 0);
  }

  it('sends no more statements for 100 children than for 10', async () => {
    await statementsFor(5); // warm the gateway's query-plan cache
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(ten).toBeGreaterThan(0);
    expect(hundred).toBe(ten);
  });

  it("and so do a page's SEND case, plans and school figures", async () => {
    await statementsFor(5, SEND_PAGE);
    // A SEND page costs more statements only when it holds a kind of record the smaller one did not
    // (a current plan's reviews, a support plan's cycles, a caseworker): 40 children hold every kind.
    const forty = await statementsFor(40, SEND_PAGE);
    const nodes = lastPage.children.nodes;
    expect(nodes.some((n: any) => n.send.currentPlan?.placement?.name)).toBe(true);
    expect(nodes.some((n: any) => n.send.case.caseworker?.givenName)).toBe(true);
    expect(nodes.some((n: any) => n.send.case.stage === 'SEN_SUPPORT')).toBe(true);
    // 80, not 100: the deeper SEND query would pass the gateway's cost limit at 100.
    const eighty = await statementsFor(80, SEND_PAGE);
    expect(forty).toBeGreaterThan(0);
    expect(eighty).toBe(forty);
  });
});

describe('bad identifiers name the argument at fault', () => {
  it('in the query text and in variables', async () => {
    const literal = await kit.gateway.query('{ childByNhsNumber(nhsNumber: "1234567890") { id } }');
    expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'nhsNumber', identifier: 'NhsNumber' });
    const variable = await kit.gateway.query('query ($urn: Urn!) { school(urn: $urn) { name } }', { urn: 'ABC123' });
    expect(variable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'urn', identifier: 'Urn' });
    const area = await kit.gateway.query('{ localArea(code: "X10000016") { name } }');
    expect(area.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code', identifier: 'LaCode' });
  });
});
