import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '@local-area-graph/test-kit';
import { generateDemoArea, type DemoArea, type SupportRequestRecord } from '@local-area-graph/demo-data';
import { dateInEngland, workingDaysToRespond } from '@local-area-graph/working-days';

// Locality teams through the gateway, on a generated area: the team around the child,
// their lead professional, My World assessments and requests for support beside the
// school and SEN data other services hold. Expectations come from the records loaded.
let area: DemoArea;
let kit: TestPlatform;

beforeAll(async () => {
  area = generateDemoArea({ children: 600, seed: 11 });
  kit = await startTestPlatform({ demoArea: area });
});
afterAll(async () => kit?.stop());

const PICTURE = `query ($id: ID!) {
  child(id: $id) {
    givenName familyName locality { id }
    education { currentSchool { urn name } suspensions { startDate school { urn } } senStatus { provision primaryNeed } }
    team { teamRole startDate endDate isLead professional { id givenName role agency } }
    leadProfessional { id givenName role }
    leadProfessionalHistory { professional { id } appointedAt endedAt endReason }
    myWorldAssessments { trigger completedOn completedBy school { urn name } howIGrowAndDevelop { strengths pressures } myWiderWorld { strengths pressures } }
    supportRequests {
      id status receivedAt dueDate respondedAt workingDaysToRespond respondedInTime outcome outcomeDate
      leadProfessional { professional { givenName role } }
      interventions { kind { code name } provider startDate endDate }
      reviews { reviewDate progress }
    }
  }
}`;

/** A child whose request the locality answered and whose lead professional is still current, so every part of the picture is there. */
function childWithOpenLead(): { request: SupportRequestRecord; childId: string } {
  const current = new Set(area.leadAppointments!.filter((a) => a.endedAt === null).map((a) => a.id));
  const request = area.supportRequests!.find((r) => r.leadAppointmentId && current.has(r.leadAppointmentId) && area.planInterventions!.some((i) => i.requestId === r.id));
  if (!request) throw new Error('the demo area has no request with a current lead professional and a plan');
  return { request, childId: request.childId };
}

describe("the child's picture with their locality team", () => {
  it('joins the team, lead professional, assessments, requests and plan with school and SEN data', async () => {
    const { request, childId } = childWithOpenLead();
    const { child } = await kit.gateway.data<{ child: any }>(PICTURE, { id: childId });
    const appointment = area.leadAppointments!.find((a) => a.id === request.leadAppointmentId)!;
    const lead = area.professionals.find((p) => p.id === appointment.professionalId)!;
    const assessment = area.myWorldAssessments!.find((a) => a.id === request.assessmentId)!;

    expect(child.leadProfessional).toEqual({ id: lead.id, givenName: lead.givenName, role: 'Inclusion support lead' });
    expect(child.leadProfessionalHistory).toEqual([{ professional: { id: lead.id }, appointedAt: appointment.appointedAt, endedAt: null, endReason: null }]);
    const team = area.teamMemberships!.filter((m) => m.childId === childId);
    expect(child.team).toHaveLength(team.length);
    expect(child.team.filter((m: any) => m.isLead).map((m: any) => m.professional.id)).toEqual([lead.id]);
    for (const member of child.team) expect(member.professional.agency).toBe(area.professionals.find((p) => p.id === member.professional.id)!.agency);

    expect(child.myWorldAssessments).toEqual([
      expect.objectContaining({ trigger: assessment.trigger, completedOn: assessment.completedOn, completedBy: assessment.completedBy, school: { urn: assessment.schoolUrn, name: area.schools.find((s) => s.urn === assessment.schoolUrn)!.name } }),
    ]);
    // The school's own records agree: a first-suspension assessment follows a suspension at that school.
    if (assessment.trigger === 'FIRST_SUSPENSION') {
      const first = [...child.education.suspensions].sort((a: any, b: any) => a.startDate.localeCompare(b.startDate))[0];
      expect(first.school.urn).toBe(assessment.schoolUrn);
      expect(first.startDate < assessment.completedOn).toBe(true);
    }
    expect(child.education.senStatus).not.toBeNull();

    const [shown] = child.supportRequests;
    expect(shown).toMatchObject({
      id: request.id,
      status: request.outcome ? 'CLOSED' : 'PLAN_OPEN',
      receivedAt: request.receivedAt,
      respondedAt: request.respondedAt,
      workingDaysToRespond: workingDaysToRespond(new Date(request.receivedAt), new Date(request.respondedAt!)),
      leadProfessional: { professional: { givenName: lead.givenName, role: 'Inclusion support lead' } },
    });
    expect(shown.respondedInTime).toBe(shown.workingDaysToRespond <= 2);
    expect(shown.interventions.map((i: any) => i.kind.code).sort()).toEqual(area.planInterventions!.filter((i) => i.requestId === request.id).map((i) => i.kindCode).sort());
    expect(shown.reviews).toHaveLength(area.monitoringReviews!.filter((r) => r.requestId === request.id).length);
  });

  it('the lead professional finds the child on their caseload, and sees them through the team alone', async () => {
    const { request, childId } = childWithOpenLead();
    const appointment = area.leadAppointments!.find((a) => a.id === request.leadAppointmentId)!;
    const lead = area.professionals.find((p) => p.id === appointment.professionalId)!;
    // A locality lead claim with no localities: only the team around the child opens the register.
    const asLead = await kit.as({ sub: lead.email, role: 'LOCALITY_LEAD', localities: [] });
    const caseload = await asLead.data<{ myCaseload: any }>('{ myCaseload(first: 100) { totalCount nodes { lead teamRole child { id givenName } } } }');
    const expected = area.teamMemberships!.filter((m) => m.professionalId === lead.id && m.endDate === null);
    expect(caseload.myCaseload.totalCount).toBe(expected.length);
    expect(caseload.myCaseload.nodes).toContainEqual({ lead: true, teamRole: 'Lead professional', child: { id: childId, givenName: area.children.find((c) => c.id === childId)!.givenName } });
    const stranger = area.children.find((c) => !area.teamMemberships!.some((m) => m.childId === c.id && m.professionalId === lead.id))!;
    const refused = await asLead.query('query ($id: ID!) { child(id: $id) { givenName } }', { id: stranger.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a SENCO sends a My World assessment and the locality answers by appointing a lead, through the gateway', async () => {
    const withRequest = new Set(area.supportRequests!.map((r) => r.childId));
    const enrolment = area.enrolments.find((e) => e.endDate === null && !withRequest.has(e.childId))!;
    // The school's SENCO on the platform, when the small demo has one; a SENCO's sign-in either way.
    const senco = area.professionals.find((p) => p.role === 'SENCO' && p.schoolUrn === enrolment.schoolUrn) ?? { email: 'senco@school.example.org', givenName: 'Sam', familyName: 'Lee', schoolUrn: enrolment.schoolUrn };
    const child = area.children.find((c) => c.id === enrolment.childId)!;
    const inclusionLead = area.professionals.find((p) => p.role === 'Inclusion support lead' && p.localityId === child.localityId)!;
    const side = { strengths: 'Enjoys art', pressures: 'Finds lunchtimes hard' };
    const asSenco = await kit.as({ sub: senco.email, role: 'SENCO', schools: [senco.schoolUrn!] });
    const submitted = await asSenco.data<{ submitMyWorldAssessment: any }>(
      `mutation ($input: SubmitMyWorldAssessmentInput!) { submitMyWorldAssessment(input: $input) { id version dueDate locality { id } } }`,
      {
        input: {
          childId: child.id, schoolUrn: senco.schoolUrn, trigger: 'REDUCED_TIMETABLE', howIGrowAndDevelop: side, whatINeedFromThePeopleWhoLookAfterMe: side, myWiderWorld: side,
          completedBy: `${senco.givenName} ${senco.familyName}, SENCO`, completedOn: '2026-11-19', sentAt: '2026-11-20T15:30:00Z',
        },
      },
    );
    // Friday afternoon: due by the end of Tuesday.
    expect(submitted.submitMyWorldAssessment).toMatchObject({ version: 1, dueDate: '2026-11-24', locality: { id: child.localityId } });
    const asLocality = await kit.as({ sub: 'spoc@kent.example.org', role: 'LOCALITY_LEAD', localities: [child.localityId] });
    const answered = await asLocality.data<{ recordLocalityResponse: any }>(
      `mutation ($input: RecordLocalityResponseInput!) { recordLocalityResponse(input: $input) { status workingDaysToRespond respondedInTime child { leadProfessional { id } } } }`,
      { input: { requestId: submitted.submitMyWorldAssessment.id, expectedVersion: 1, leadProfessionalId: inclusionLead.id, respondedAt: '2026-11-24T16:00:00Z' } },
    );
    expect(answered.recordLocalityResponse).toEqual({ status: 'PLAN_OPEN', workingDaysToRespond: 2, respondedInTime: true, child: { leadProfessional: { id: inclusionLead.id } } });
  });
});

describe('support figures through the gateway', () => {
  it("count the area's requests month by month from the demo records, withholding small counts", async () => {
    const { localArea } = await kit.gateway.data<{ localArea: any }>(
      `query ($code: LaCode!) { localArea(code: $code) { supportFigures(from: "2025-12-01", to: "2026-11-30") { month requestsReceived { value suppressed } medianWorkingDaysToRespond { suppressed } } } }`,
      { code: area.localArea.code },
    );
    expect(localArea.supportFigures).toHaveLength(12);
    for (const month of localArea.supportFigures) {
      // Requests loaded from the demo, plus the one sent above in November 2026.
      const received = area.supportRequests!.filter((r) => dateInEngland(new Date(r.receivedAt)).slice(0, 7) === month.month).length + (month.month === '2026-11' ? 1 : 0);
      expect(month.requestsReceived).toEqual(received >= 1 && received <= 5 ? { value: null, suppressed: true } : { value: received, suppressed: false });
    }
  });

  it('an analyst reads the figures but no child', async () => {
    const analyst = await kit.as({ sub: 'analyst', role: 'ANALYST' }, null);
    const locality = area.localities[0]!.id;
    const data = await analyst.data<{ locality: any }>(`{ locality(id: "${locality}") { supportFigures(from: "2026-01-01", to: "2026-03-31") { month plansOpen { suppressed } } } }`);
    expect(data.locality.supportFigures.map((m: any) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const { childId } = childWithOpenLead();
    expect((await analyst.query('query ($id: ID!) { child(id: $id) { supportRequests { id } } }', { id: childId })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
