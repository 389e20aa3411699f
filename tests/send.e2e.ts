import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '@local-area-graph/test-kit';
import { generateDemoArea, type DemoArea, type EhcPlanRecord } from '@local-area-graph/demo-data';

// One small generated area, loaded through the real migrations and seeds; the test
// reads its expectations from the same records it loaded.
let area: DemoArea;
let kit: TestPlatform;
/** A pupil with an EHC plan naming the school they are on roll at. */
let plan: EhcPlanRecord;

beforeAll(async () => {
  area = generateDemoArea({ children: 600, seed: 11 });
  kit = await startTestPlatform({ demoArea: area });
  const onRoll = new Map(area.enrolments.filter((e) => e.endDate === null).map((e) => [e.childId, e.schoolUrn]));
  const found = area.ehcPlans.find((p) => p.ceaseDate === null && onRoll.get(p.childId) === p.placementUrn);
  if (!found) throw new Error('demo area has no pupil with a plan naming their school');
  plan = found;
});
afterAll(async () => kit?.stop());

const PICTURE = `query ($id: ID!) {
  child(id: $id) {
    givenName
    education { currentSchool { urn name } senStatus { provision primaryNeed } }
    send {
      currentPlan { startDate primaryNeed placement { urn name } nextReviewDue }
      requests { id receivedDate status dueDates { finalPlan } issuedWithin20Weeks }
      case(asOf: "2026-11-20") { stage stageSince currentPlan { id } openRequest { id } nextKeyDate { kind date overdue } caseworker { id givenName familyName role } }
    }
  }
}`;

const STATUS_OF_DECISION: Record<string, string> = { N: 'NOT_ASSESSED', W: 'WITHDRAWN', A: 'DECISION_DUE' };

describe('SEND casework through the gateway', () => {
  it("joins a child's register entry, school, SEN status and EHC plan with its named school in one query", async () => {
    const child = area.children.find((c) => c.id === plan.childId)!;
    const school = area.schools.find((s) => s.urn === plan.placementUrn)!;
    const census = area.senProvision.find((s) => s.childId === child.id && s.endDate === null)!;
    const { child: picture } = await kit.gateway.data<{ child: any }>(PICTURE, { id: child.id });

    expect(picture.givenName).toBe(child.givenName);
    expect(picture.education.currentSchool).toEqual({ urn: school.urn, name: school.name });
    expect(picture.education.senStatus).toEqual({ provision: 'EHC_PLAN', primaryNeed: census.primaryNeed });
    // The placement's name comes from the schools service; the plan only holds the URN.
    expect(picture.send.currentPlan).toMatchObject({ startDate: plan.startDate, primaryNeed: plan.primaryNeed, placement: { urn: school.urn, name: school.name } });

    // The case: at the plan stage since it started, its next review 12 months after the last, and the
    // caseworker who held the request behind it, named by the register's professionals.
    const reviews = area.annualReviews.filter((r) => r.planId === plan.id).map((r) => r.meetingDate).sort();
    const lastReview = reviews.at(-1) ?? plan.startDate;
    const request = area.ehcRequests.find((r) => r.id === plan.requestId)!;
    const caseworker = area.professionals.find((p) => p.id === request.caseworkerId)!;
    expect(caseworker.role).toBe('SEND caseworker');
    expect(picture.send.case).toEqual({
      stage: 'EHC_PLAN',
      stageSince: plan.startDate,
      currentPlan: { id: plan.id },
      openRequest: null,
      nextKeyDate: { kind: 'ANNUAL_REVIEW', date: `${Number(lastReview.slice(0, 4)) + 1}${lastReview.slice(4)}`, overdue: `${Number(lastReview.slice(0, 4)) + 1}${lastReview.slice(4)}` < '2026-11-20' },
      caseworker: { id: caseworker.id, givenName: caseworker.givenName, familyName: caseworker.familyName, role: 'SEND caseworker' },
    });

    const requests = area.ehcRequests!.filter((r) => r.childId === child.id).sort((a, b) => (a.receivedDate < b.receivedDate ? 1 : -1));
    expect(picture.send.requests.map((r: any) => r.id)).toEqual(requests.map((r) => r.id));
    for (const [i, request] of requests.entries()) {
      const answered = picture.send.requests[i];
      const expected = request.finalPlanDate ? 'PLAN_ISSUED' : request.planDecision === 'NO_PLAN' ? 'NO_PLAN' : STATUS_OF_DECISION[request.decision];
      if (expected) expect(answered.status).toBe(expected);
      if (request.finalPlanDate) {
        const days = (Date.parse(request.finalPlanDate) - Date.parse(request.receivedDate)) / 86_400_000;
        expect(answered.issuedWithin20Weeks).toBe(days <= 140);
      }
    }
  });

  it('shows the plan to the SENCO of the school it names, and refuses another school’s SENCO', async () => {
    const query = `query ($id: ID!) { child(id: $id) { send { currentPlan { placement { urn } } requests { status } } } }`;
    const named = await kit.as({ sub: 'senco.named', role: 'SENCO', schools: [plan.placementUrn!] });
    const seen = await named.data<{ child: any }>(query, { id: plan.childId });
    expect(seen.child.send.currentPlan.placement.urn).toBe(plan.placementUrn);

    const other = area.schools.find((s) => s.urn !== plan.placementUrn)!.urn;
    const stranger = await kit.as({ sub: 'senco.other', role: 'SENCO', schools: [other] });
    const refused = await stranger.query<{ child: any }>(query, { id: plan.childId });
    const sendErrors = (refused.errors ?? []).filter((e) => e.path?.includes('send'));
    expect(sendErrors.length).toBeGreaterThan(0);
    for (const error of sendErrors) expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.child?.send?.currentPlan ?? null).toBeNull();
  });

  it("gives an analyst the area's 20-week timeliness by month, with small months withheld", async () => {
    const analyst = await kit.as({ sub: 'analyst', role: 'ANALYST' }, null);
    const data = await analyst.data<{ localArea: any }>(
      `query ($code: LaCode!) { localArea(code: $code) { ehcTimeliness(from: "2024-01-01", to: "2026-10-31") {
        month plansIssued { value suppressed } share { value suppressed } } } }`,
      { code: area.localArea.code },
    );
    const months = data.localArea.ehcTimeliness;
    expect(months).toHaveLength(34);
    for (const month of months) {
      const issued = area.ehcRequests!.filter((r) => r.finalPlanDate?.startsWith(month.month)).length;
      if (month.plansIssued.suppressed) expect(month.plansIssued.value).toBeNull();
      else expect(month.plansIssued.value).toBe(issued);
      if (issued > 0 && issued <= 5) expect(month.plansIssued.suppressed).toBe(true);
    }
  });
});

describe("a school's SEND figures through the gateway", () => {
  it("groups the plans naming a school, its readiness and its children's needs profile under School.send, for an analyst", async () => {
    const analyst = await kit.as({ sub: 'analyst', role: 'ANALYST' }, null);
    const urn = plan.placementUrn!;
    const data = await analyst.data<{ school: any }>(
      `query ($urn: Urn!) { school(urn: $urn) { name send {
        ehcPlansNamingIt { value suppressed }
        settingReadiness { domain rating assessedDate }
        needsRadarProfile { domain childrenAssessed { value suppressed } }
        needsRadarProfileByYearGroup { yearGroup }
      } } }`,
      { urn },
    );
    const naming = area.ehcPlans.filter((p) => p.placementUrn === urn && p.ceaseDate === null).length;
    expect(data.school.name).toBe(area.schools.find((s) => s.urn === urn)!.name);
    expect(data.school.send.ehcPlansNamingIt).toEqual(naming > 5 ? { value: naming, suppressed: false } : { value: null, suppressed: true });
    const latest = new Map<string, { rating: number; assessedDate: string }>();
    for (const row of area.settingReadiness.filter((r) => r.schoolUrn === urn)) {
      if ((latest.get(row.domain)?.assessedDate ?? '') < row.assessedDate) latest.set(row.domain, row);
    }
    expect(data.school.send.settingReadiness).toHaveLength(latest.size);
    for (const row of data.school.send.settingReadiness) expect(row).toEqual({ domain: row.domain, rating: latest.get(row.domain)!.rating, assessedDate: latest.get(row.domain)!.assessedDate });
    expect(data.school.send.needsRadarProfile).toHaveLength(5);
  });
});

describe('SEN support plans and the needs radar through the gateway', () => {
  const SUPPORT_PICTURE = `query ($id: ID!) {
    child(id: $id) {
      givenName
      education { currentSchool { urn name } senStatus { provision primaryNeed } }
      send {
        currentPlan { id }
        currentSupportPlan { id school { urn name } startedDate parentsToldDate nextReviewDue outcomes { description } provision { what howOften } cycles { id planDate } }
        radar { assessedDate school { urn } axes { domain need { rating } settingReadiness { rating asOf } homeReadiness { rating } gap } }
        case(asOf: "2026-11-20") { stage stageSince currentSupportPlan { id } nextKeyDate { kind date } }
      }
    }
  }`;

  it("joins a child's register entry, school, SEN status, support plan and needs radar in one query", async () => {
    const onRoll = new Map(area.enrolments.filter((e) => e.endDate === null).map((e) => [e.childId, e.schoolUrn]));
    const latestRadar = new Map<string, (typeof area.radarAssessments)[number]>();
    for (const assessment of area.radarAssessments) {
      const held = latestRadar.get(assessment.childId);
      if (!held || assessment.assessedDate > held.assessedDate) latestRadar.set(assessment.childId, assessment);
    }
    const plan = area.supportPlans.find((p) => p.closedDate === null && onRoll.get(p.childId) === p.schoolUrn && latestRadar.get(p.childId)?.schoolUrn === p.schoolUrn);
    if (!plan) throw new Error('demo area has no pupil with a support plan and a radar at their school');
    const child = area.children.find((c) => c.id === plan.childId)!;
    const school = area.schools.find((s) => s.urn === plan.schoolUrn)!;
    const census = area.senProvision.find((s) => s.childId === child.id && s.endDate === null)!;
    const { child: picture } = await kit.gateway.data<{ child: any }>(SUPPORT_PICTURE, { id: child.id });

    expect(picture.givenName).toBe(child.givenName);
    expect(picture.education.currentSchool).toEqual({ urn: school.urn, name: school.name });
    expect(picture.education.senStatus).toEqual({ provision: 'SEN_SUPPORT', primaryNeed: census.primaryNeed });
    expect(picture.send.currentPlan).toBeNull();

    const cycles = area.supportPlanCycles.filter((c) => c.planId === plan.id).sort((a, b) => (a.planDate < b.planDate ? 1 : -1));
    expect(picture.send.currentSupportPlan).toEqual({
      id: plan.id,
      school: { urn: school.urn, name: school.name },
      startedDate: plan.startedDate,
      parentsToldDate: plan.parentsToldDate,
      nextReviewDue: cycles[0]!.nextReviewDue,
      outcomes: area.supportPlanOutcomes.filter((o) => o.planId === plan.id).sort((a, b) => a.sortOrder - b.sortOrder).map((o) => ({ description: o.description })),
      provision: area.supportPlanProvision.filter((p) => p.planId === plan.id).sort((a, b) => a.sortOrder - b.sortOrder).map((p) => ({ what: p.what, howOften: p.howOften })),
      cycles: cycles.map((c) => ({ id: c.id, planDate: c.planDate })),
    });

    // On SEN support since the plan started, unless a request for an assessment is open now.
    const open = area.ehcRequests.find((r) => r.childId === child.id && (r.decision === 'A' || (r.decision === 'Y' && r.planDecision === null)));
    expect(picture.send.case).toMatchObject(
      open
        ? { stage: 'EHC_NEEDS_ASSESSMENT', stageSince: open.receivedDate, currentSupportPlan: { id: plan.id } }
        : { stage: 'SEN_SUPPORT', stageSince: plan.startedDate, currentSupportPlan: { id: plan.id }, nextKeyDate: { kind: 'SUPPORT_PLAN_REVIEW', date: cycles[0]!.nextReviewDue } },
    );

    const assessment = latestRadar.get(child.id)!;
    expect(picture.send.radar).toMatchObject({ assessedDate: assessment.assessedDate, school: { urn: school.urn } });
    for (const axis of picture.send.radar.axes) {
      const rating = area.radarRatings.find((r) => r.assessmentId === assessment.id && r.domain === axis.domain)!;
      const readiness = area.settingReadiness
        .filter((r) => r.schoolUrn === school.urn && r.domain === axis.domain)
        .sort((a, b) => (a.assessedDate < b.assessedDate ? 1 : -1))[0]!;
      expect(axis).toEqual({
        domain: rating.domain,
        need: { rating: rating.need },
        settingReadiness: { rating: readiness.rating, asOf: readiness.assessedDate },
        homeReadiness: rating.homeReadiness === null ? null : { rating: rating.homeReadiness },
        gap: rating.need - readiness.rating,
      });
    }

    // The SENCO writing the plan sees it; a child without an EHC plan is theirs through the support plan.
    const senco = await kit.as({ sub: 'senco.support', role: 'SENCO', schools: [school.urn] });
    const seen = await senco.data<{ child: any }>(`query ($id: ID!) { child(id: $id) { send { currentSupportPlan { id } } } }`, { id: child.id });
    expect(seen.child.send.currentSupportPlan.id).toBe(plan.id);
  });
});

describe('SEND writes through the gateway', () => {
  it('a caseworker logs a request and decides it; the child then shows it, with its clock', async () => {
    // A child with no SEND history yet.
    const known = new Set(area.ehcRequests.map((r) => r.childId));
    const child = area.children.find((c) => !known.has(c.id))!;
    const caseworker = await kit.as({ sub: 'k.okafor', role: 'CASEWORKER' }, 'statutory-assessment');
    const logged = await caseworker.data(
      `mutation ($input: RecordEhcRequestInput!, $area: LaCode!) { recordEhcRequest(input: $input, localAreaCode: $area) { id version status dueDates { decision finalPlan } } }`,
      { input: { childId: child.id, receivedDate: '2026-09-04', requestedBy: 'SCHOOL', localityId: child.localityId }, area: area.localArea.code },
    );
    expect(logged.recordEhcRequest).toMatchObject({ version: 1, status: 'DECISION_DUE', dueDates: { decision: '2026-10-16', finalPlan: '2027-01-22' } });
    await caseworker.data(
      `mutation ($input: RecordAssessmentDecisionInput!) { recordAssessmentDecision(input: $input) { version } }`,
      { input: { requestId: logged.recordEhcRequest.id, expectedVersion: 1, decision: 'ASSESS', date: '2026-10-09' } },
    );
    const picture = await caseworker.data(`query ($id: ID!) { child(id: $id) { givenName send { requests { status rag(asOf: "2026-11-20") healthAdvice { dueDate late } } } } }`, { id: child.id });
    expect(picture.child.givenName).toBe(child.givenName);
    expect(picture.child.send.requests).toEqual([{ status: 'DRAFT_OR_NOTICE_DUE', rag: 'GREEN', healthAdvice: { dueDate: null, late: false } }]);
  });

  it("a caseworker corrects a request's advice dates, and the child's case shows the advice now due", async () => {
    const known = new Set(area.ehcRequests.map((r) => r.childId));
    const child = area.children.filter((c) => !known.has(c.id))[1]!;
    const caseworker = await kit.as({ sub: 'k.okafor', role: 'CASEWORKER' }, 'statutory-assessment');
    const logged = await caseworker.data(
      `mutation ($input: RecordEhcRequestInput!, $area: LaCode!) { recordEhcRequest(input: $input, localAreaCode: $area) { id } }`,
      { input: { childId: child.id, receivedDate: '2026-09-04', requestedBy: 'PARENT', localityId: child.localityId }, area: area.localArea.code },
    );
    const id = logged.recordEhcRequest.id;
    await caseworker.data(`mutation ($input: RecordAssessmentDecisionInput!) { recordAssessmentDecision(input: $input) { version } }`, {
      input: { requestId: id, expectedVersion: 1, decision: 'ASSESS', date: '2026-10-09' },
    });
    const corrected = await caseworker.data(`mutation ($input: CorrectEhcRequestInput!) { correctEhcRequest(input: $input) { version healthAdvice(asOf: "2026-11-20") { dueDate late } } }`, {
      input: { requestId: id, expectedVersion: 2, healthAdviceRequestedDate: '2026-10-12' },
    });
    expect(corrected.correctEhcRequest).toEqual({ version: 3, healthAdvice: { dueDate: '2026-11-23', late: false } });
    const picture = await caseworker.data(`query ($id: ID!) { child(id: $id) { send { case(asOf: "2026-11-20") { stage openRequestWeek openRequestStatus nextKeyDate { kind date } } } } }`, { id: child.id });
    expect(picture.child.send.case).toEqual({ stage: 'EHC_NEEDS_ASSESSMENT', openRequestWeek: 11, openRequestStatus: 'ASSESSING', nextKeyDate: { kind: 'HEALTH_ADVICE', date: '2026-11-23' } });
  });

  it("a SENCO closes their school's support plan; another school's SENCO may not", async () => {
    const onRoll = new Map(area.enrolments.filter((e) => e.endDate === null).map((e) => [e.childId, e.schoolUrn]));
    const open = area.supportPlans.filter((p) => p.closedDate === null && onRoll.get(p.childId) === p.schoolUrn);
    const target = open[open.length - 1]!;
    const query = `query ($id: ID!) { child(id: $id) { send { currentSupportPlan { id version } } } }`;
    const senco = await kit.as({ sub: 'senco.closing', role: 'SENCO', schools: [target.schoolUrn] });
    const read = await senco.data<{ child: any }>(query, { id: target.childId });
    const close = `mutation ($input: CloseSupportPlanInput!) { closeSupportPlan(input: $input) { isOpen closeReason closedDate } }`;
    const input = { planId: target.id, expectedVersion: read.child.send.currentSupportPlan.version, closedDate: '2026-11-20', reason: 'NEEDS_MET' };
    const other = await kit.as({ sub: 'senco.other', role: 'SENCO', schools: [area.schools.find((s) => s.urn !== target.schoolUrn)!.urn] });
    expect((await other.query(close, { input })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', serviceName: 'send' });
    const closed = await senco.data<{ closeSupportPlan: any }>(close, { input });
    expect(closed.closeSupportPlan).toEqual({ isOpen: false, closeReason: 'NEEDS_MET', closedDate: '2026-11-20' });
    const admin = await kit.gateway.data<{ child: any }>(query, { id: target.childId });
    expect(admin.child.send.currentSupportPlan).toBeNull();
  });

  it('a SENCO may not log a statutory request, and a bad input names its fields', async () => {
    const senco = await kit.as({ sub: 'senco.write', role: 'SENCO', schools: [plan.placementUrn!] });
    const input = { childId: plan.childId, receivedDate: '2026-09-04', requestedBy: 'SCHOOL', localityId: 'x' };
    const refused = await senco.query(`mutation ($input: RecordEhcRequestInput!) { recordEhcRequest(input: $input, localAreaCode: "E10000016") { id } }`, { input });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', serviceName: 'send' });
    const bad = await kit.gateway.query(`mutation ($input: RecordEhcRequestInput!) { recordEhcRequest(input: $input, localAreaCode: "E10000016") { id } }`, {
      input: { ...input, childId: 'not-an-id', receivedDate: '2030-01-01' },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.childId' });
    expect((bad.errors![0]!.extensions!.fields as { field: string }[]).map((f) => f.field)).toEqual(['childId', 'receivedDate']);
  });
});
